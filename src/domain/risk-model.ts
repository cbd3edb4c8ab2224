// The risk model (issue 15, docs/risk-model.md): for each organization of a viewer's visible chain, a
// score from 0 to 100 made of five components, each with the inputs it was computed from and where they
// come from, so that an analyst can see why one supplier comes before another. A pure function of what
// the repository read under the visibility rules (specification, section 2 (rules 1-8)), the tables and
// parameters, and the instant: the same data give the same ranking.
import { isEvidence, validAt } from './evidence-validity.ts';
import {
  disclosedIndicators,
  type DisclosedIndicatorKind,
  type VisibleEvidence,
} from './disclosed-indicators.ts';
import { versionAt } from './disclosures.ts';
import { quotedText } from './erased-text.ts';
import type { OrganizationType, Severity } from './format.ts';
import type { RiskIndicator } from './model.ts';
import { dayOf } from './instants.ts';
import { cached } from './grouping.ts';
import {
  RISK_COMPONENTS,
  WEIGHT_OF,
  type RiskComponentName,
  type RiskParameters,
  type RiskWeights,
} from './risk-parameters.ts';
import {
  activityOf,
  categoryOf,
  countryOf,
  provenanceOf,
  type ProductCategory,
  type RiskTables,
} from './risk-tables.ts';
import { byWords } from './text-order.ts';

export interface RiskModel {
  weights: RiskWeights;
  parameters: RiskParameters;
  tables: RiskTables;
}

/** The least an organization must be for the model: what it reads of it. */
export interface Assessable {
  id: string;
  name: string;
  type: OrganizationType;
  country: string;
}

/** A visible disclosure about the organization, with its publisher's name for the explanations. */
export interface RiskEvidence extends VisibleEvidence {
  ownerId: string;
  ownerName: string;
  /** The due dates its versions before the one shown gave its actions (to say from when one moved). */
  earlierDueDates?: readonly { version: number; actionId: string; dueAt: string }[];
}

/** " (moved from <day>)" when an earlier version of `item` first gave action `actionId` another due date. */
function movedFrom(item: RiskEvidence | undefined, actionId: string, dueAt: string): string {
  let first: { version: number; dueAt: string } | undefined;
  for (const earlier of item?.earlierDueDates ?? [])
    if (earlier.actionId === actionId && (first === undefined || earlier.version < first.version))
      first = earlier;
  return first === undefined || dayOf(first.dueAt) === dayOf(dueAt)
    ? ''
    : ` (moved from ${dayOf(first.dueAt)})`;
}

/** What the viewer may see of one organization of the chain, as the repository read it. */
export interface RiskSubject<O extends Assessable> {
  organization: O;
  tier: number;
  /** The products of the visible links through which it supplies the chain. */
  products: string[];
  /**
   * Whom it supplies one tier nearer the root through those links (the root itself at tier 1), by
   * name: the organizations through which the viewer reaches it, which an action can tell it to ask.
   */
  customers: { id: string; name: string }[];
  indicators: RiskIndicator[];
  evidence: RiskEvidence[];
  /**
   * Its active sourcing share with the viewer: of all its links, now and later ('ALL'), or of some it
   * named ('SOME': the viewer sees behind it through those alone); null for none.
   */
  sourcingShare: 'ALL' | 'SOME' | null;
  /** It is the viewer itself (its own sourcing is never hidden from it). */
  isViewer: boolean;
  /** Exposure's blind spot: above the last tier and no active sourcing share of it to the viewer (disclosure shares aside). */
  blindSpot: boolean;
  /** The viewer's open access request to it, if any. */
  openRequest: { dueAt: string } | null;
}

export interface RiskInput {
  label: string;
  value: string;
  source: string;
}

export interface RiskComponent {
  name: RiskComponentName;
  /** 0..1; DISCLOSED_EVIDENCE may go below 0 (good evidence lowers the score). */
  value: number;
  /** The component's share of the weights (they add up to 1). */
  weight: number;
  /** Points of the score: 100 × weight × value. */
  contribution: number;
  inputs: RiskInput[];
}

export interface RiskScore<O extends Assessable> {
  organization: O;
  tier: number;
  /** 1 for the highest score. */
  rank: number;
  /** The rank of the first of its run of equal scores (1, 2, 2, 4): equal scores share it. */
  sharedRank: number;
  /** 0..100, one decimal. */
  score: number;
  components: RiskComponent[];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const shown = (x: number) => String(round(x, 2));
/** How old an observation is, as a reader says it: "8 months", "1 year", "3 years". */
export function ageOf(years: number): string {
  if (years < 1) {
    const months = Math.floor(years * 12);
    return months === 1 ? '1 month' : `${months} months`;
  }
  const whole = Math.floor(years);
  return whole === 1 ? '1 year' : `${whole} years`;
}

/** Independent signals: the chance that at least one is real. Stays within 0..1, grows with each. */
const anyOf = (values: readonly number[]) => 1 - values.reduce((rest, v) => rest * (1 - v), 1);

/**
 * anyOf's arithmetic as a reader can redo it: "1 - (1 - 0.51)(1 - 0.3) = 0.66". ASCII minus, not the
 * typographic one: a single character above U+00FF makes V8 build the whole answer's JSON as a
 * two-byte string, which took a 1,000-organization assessment's stringify from 5.6 to 12.6 ms.
 */
const anyOfShown = (values: readonly number[]) =>
  `1 - ${values.map((v) => `(1 - ${shown(v)})`).join('')} = ${shown(anyOf(values))}`;

/**
 * The input that says how several signals made a component's value, which a reader adding the inputs
 * up would not find: they combine as independent chances, not as a sum.
 */
const combined = (value: string): RiskInput => ({
  label: 'How they combine',
  value,
  source: `assumption: independent signals, the chance that at least one is real (${MODEL_SOURCE})`,
});

const MODEL_SOURCE = 'Tiersight risk model, docs/risk-model.md';
const DISCLOSURES_SOURCE = 'what its publishers shared with you (docs/specification.md, section 2, rule 8)';

/**
 * Inputs built once per assessment and shared by every organization they describe: a thousand
 * organizations have a few countries, activities, tiers and categories between them, and the answer
 * serializes a shared input exactly as a copy. Keyed by the strings and numbers at hand, so that a
 * lookup builds no key.
 */
class SharedInputs {
  readonly country = new Map<string, RiskInput>();
  readonly category = new Map<ProductCategory, Map<string | null, RiskInput>>();
  readonly activity = new Map<string, RiskInput>();
  readonly countryShare: RiskInput;
  readonly sourcing = new Map<string, RiskInput>();
  readonly disclosures = new Map<number, RiskInput>();
  readonly tier = new Map<number, RiskInput>();
  readonly perTier: RiskInput;
  /** The evidence component of every organization without visible disclosures (most of a chain). */
  readonly noEvidence: { value: number; inputs: RiskInput[] };

  constructor(parameters: RiskParameters) {
    this.noEvidence = {
      value: 0,
      inputs: [{ label: 'Visible disclosures about it', value: 'none', source: DISCLOSURES_SOURCE }],
    };
    this.countryShare = {
      label: 'Country share of the inherent risk',
      value: shown(parameters.inherent.countryShare),
      source: `assumption: ${MODEL_SOURCE}`,
    };
    this.perTier = {
      label: 'Factor per tier further away',
      value: shown(parameters.proximity.perTier),
      source: `assumption: ${MODEL_SOURCE}`,
    };
  }
}

function inherent<O extends Assessable>(model: RiskModel, s: RiskSubject<O>, shared: SharedInputs) {
  const { tables, parameters } = model;
  const code = s.organization.country;
  const country = countryOf(tables, code);
  const { category, product } = categoryOf(tables, s.products);
  const type = s.organization.type;
  const activity = activityOf(tables, type);
  const share = parameters.inherent.countryShare;
  const value = share * country.value + (1 - share) * category.value * activity.value;
  const inputs: RiskInput[] = [
    cached(shared.country, code, () => ({
      label: `Country ${code}`,
      value: `${shown(country.value)}${country.basis === null ? '' : ` (${country.basis})`}`,
      source: provenanceOf(country),
    })),
    cached(
      cached(shared.category, category, () => new Map()),
      product,
      () => ({
        label: `Product category: ${category.name}`,
        value: `${shown(category.value)}${product === null ? '' : ` (from "${product}")`}${category.basis === null ? '' : `: ${category.basis}`}`,
        source: provenanceOf(category),
      }),
    ),
    cached(shared.activity, type, () => ({
      label: `Activity: ${type}`,
      value: `× ${shown(activity.value)} of the category's risk`,
      source: provenanceOf(activity),
    })),
    shared.countryShare,
  ];
  return { value, inputs };
}

/**
 * The subject with only the public indicators in effect at `at`: a watch-list entry its publisher
 * removed is kept for the record (delistedAt) but is no longer a public finding from that day on, the
 * rule exposure applies to its findings (RISK_IN_EFFECT). The assessment filters its subjects once with
 * it, so that the score and the actions count the same indicators.
 */
export function inEffect<O extends Assessable>(s: RiskSubject<O>, at: Date): RiskSubject<O> {
  const kept = (indicator: RiskIndicator) =>
    indicator.delistedAt === null || new Date(indicator.delistedAt) > at;
  return s.indicators.every(kept) ? s : { ...s, indicators: s.indicators.filter(kept) };
}

/**
 * An indicator's source as the assessment cites it. A monitor's finding carries the source text the
 * monitor typed, which may name anyone: the monitor that recorded it is named beside it, as exposure
 * names it in `recordedBy`, so that a buyer reading only the score knows whose statement it is; one
 * whose texts the monitor erased (redactFinding) says so.
 */
const sourceOf = ({ source, recordedBy }: RiskIndicator): string =>
  recordedBy === null
    ? source
    : `${quotedText(source)} (recorded by the monitor ${recordedBy.name}, ${recordedBy.id})`;

function publicIndicators<O extends Assessable>(model: RiskModel, s: RiskSubject<O>, at: Date) {
  const p = model.parameters.indicators;
  const parts = [...s.indicators]
    .sort((a, b) => byWords(a.id, b.id))
    .map((indicator) => {
      const observed = new Date(indicator.observedAt ?? indicator.recordedAt);
      const years = Math.max(0, (at.getTime() - observed.getTime()) / (365.25 * 86_400_000));
      const age = Math.max(p.ageFloor, 0.5 ** (years / p.halfLifeYears));
      const value = p.severity[indicator.severity] * p.kind[indicator.kind] * age;
      return {
        value,
        input: {
          label: `${indicator.kind} ${indicator.severity}, observed ${dayOf(observed.toISOString())} (${indicator.id})`,
          value: `${shown(value)} = severity ${shown(p.severity[indicator.severity])} × kind ${shown(p.kind[indicator.kind])} × age ${shown(age)} (${ageOf(years)})`,
          source: sourceOf(indicator),
        },
      };
    });
  const values = parts.map((x) => x.value);
  const inputs = parts.map((x) => x.input);
  if (values.length > 1) inputs.push(combined(anyOfShown(values)));
  return { value: anyOf(values), inputs };
}

const RAISING: Record<
  DisclosedIndicatorKind,
  (p: RiskParameters['disclosures'], severity: Severity) => number
> = {
  OVERDUE_ACTION: (p, severity) => (severity === 'CRITICAL' ? p.overdue.CRITICAL : p.overdue.HIGH),
  OPEN_ACTION: (p, severity) => (severity === 'CRITICAL' ? p.open.CRITICAL : p.open.HIGH),
  EXPIRED_EVIDENCE: (p) => p.expiredEvidence,
};

/**
 * What evidence gone stale raises: at most what no visible disclosure would add at VISIBILITY's weight
 * (null when the weights keep it below that). Stale evidence is no current evidence, and no worse: a
 * supplier that shared an expired audit must not rank above one that shared nothing, or suppliers learn
 * to withhold it. The defaults meet exactly there; an operator's weights may not.
 */
function staleEvidenceHeld(model: RiskModel): number | null {
  const { weights, parameters } = model;
  if (weights.disclosedEvidence === 0) return null;
  const held = (parameters.visibility.noEvidence * weights.visibility) / weights.disclosedEvidence;
  return held < parameters.disclosures.expiredEvidence - 1e-9 ? held : null;
}

const evidenceSource = (disclosureId: string, owner: ReadonlyMap<string, string>) =>
  `disclosure ${disclosureId} by ${owner.get(disclosureId)}`;

function disclosedEvidence<O extends Assessable>(
  model: RiskModel,
  s: RiskSubject<O>,
  at: Date,
  asOf: Date | null,
) {
  const p = model.parameters.disclosures;
  const evidence = [...s.evidence].sort((a, b) => byWords(a.disclosureId, b.disclosureId));
  const owner = new Map(evidence.map((e) => [e.disclosureId, e.ownerName]));
  const byId = new Map(evidence.map((e) => [e.disclosureId, e]));
  const held = staleEvidenceHeld(model);
  // What raises the score is exactly what exposure reports as disclosed indicators.
  const raising = disclosedIndicators(evidence, at, asOf).map((indicator) => {
    const action = indicator.action;
    const stale = indicator.kind === 'EXPIRED_EVIDENCE' && held !== null;
    const value = stale ? held : RAISING[indicator.kind](p, indicator.severity);
    return {
      value,
      input: {
        label:
          action === null
            ? `Evidence expired: ${indicator.description}`
            : `${action.overdue ? 'Overdue' : 'Open'} action ${action.id} (${action.severity}): ${quotedText(action.finding)}, due ${dayOf(action.dueAt)}${movedFrom(byId.get(indicator.disclosureId), action.id, action.dueAt)}`,
        value: stale
          ? `+${shown(value)}: held at what no visible disclosure adds (VISIBILITY), not ${shown(p.expiredEvidence)}`
          : `+${shown(value)}`,
        source: evidenceSource(indicator.disclosureId, owner),
      },
    };
  });
  const relief: { value: number; input: RiskInput }[] = [];
  for (const item of evidence) {
    const version = versionAt(item.version, at);
    if (isEvidence(item.kind) && validAt(version, at)) {
      const value = item.kind === 'AUDIT_REPORT' ? p.validAudit : p.validCertificate;
      const until = version.validUntil === null ? '' : `, valid until ${dayOf(version.validUntil)}`;
      relief.push({
        value,
        input: {
          label: `Valid ${item.kind === 'AUDIT_REPORT' ? 'audit' : 'certificate'}: ${quotedText(version.title)}${until}`,
          value: `-${shown(value)}`,
          source: evidenceSource(item.disclosureId, owner),
        },
      });
    }
    for (const action of version.actions) {
      if (action.status !== 'CLOSED') continue;
      const value = action.verification === 'FOLLOW_UP_AUDIT' ? p.closedByFollowUpAudit : p.closedAction;
      relief.push({
        value,
        input: {
          label: `Closed action ${action.id} (${action.severity}): ${quotedText(action.finding)}${action.verification === null ? '' : `, verified ${action.verification === 'FOLLOW_UP_AUDIT' ? 'by follow-up audit' : 'by documents'}`}`,
          value: `-${shown(value)}`,
          source: evidenceSource(item.disclosureId, owner),
        },
      });
    }
  }
  const raised = anyOf(raising.map((r) => r.value));
  const lowered = Math.min(
    p.maxRelief,
    relief.reduce((sum, r) => sum + r.value, 0),
  );
  const inputs = [...raising, ...relief].map((x) => x.input);
  const value = Math.max(-p.maxRelief, Math.min(1, raised - lowered));
  if (raising.length > 1 || (raising.length > 0 && relief.length > 0)) {
    const raisedShown = raising.length > 1 ? anyOfShown(raising.map((r) => r.value)) : shown(raised);
    inputs.push(
      combined(
        relief.length === 0
          ? raisedShown
          : `${raisedShown} raised, - ${shown(lowered)} of good evidence = ${shown(value)}`,
      ),
    );
  }
  if (inputs.length === 0) {
    inputs.push({
      label: 'Visible disclosures about it',
      value: s.evidence.length === 0 ? 'none' : `${s.evidence.length}, none that raises or lowers the score`,
      source: DISCLOSURES_SOURCE,
    });
  } else if (lowered === p.maxRelief) {
    inputs.push({
      label: 'Most good evidence can take off',
      value: `-${shown(p.maxRelief)}`,
      source: `assumption: ${MODEL_SOURCE}`,
    });
  }
  return { value, inputs };
}

function visibility<O extends Assessable>(model: RiskModel, s: RiskSubject<O>, shared: SharedInputs) {
  const p = model.parameters.visibility;
  const hidden = s.sourcingShare === null && !s.isViewer;
  const partly = s.sourcingShare === 'SOME' && !s.isViewer;
  const count = s.evidence.length;
  const key = hidden ? (s.blindSpot ? 'blind spot' : 'hidden') : partly ? 'partly' : 'shared';
  const inputs: RiskInput[] = [
    cached(shared.sourcing, key, () => ({
      label: 'Its sourcing shared with you',
      value: hidden
        ? `no${s.blindSpot ? ' (a blind spot: it shares none of its sourcing with you)' : ''}: nothing behind it is visible, +${shown(p.sourcingNotShared)}`
        : // A share of some links shows what it names and nothing of any other supplier (rule 4).
          partly
          ? `partly: only the links it chose to share with you are visible, not any others it may have, +${shown(p.sourcingPartlyShared)}`
          : 'yes',
      source: 'your active shares (docs/specification.md, section 2)',
    })),
    cached(shared.disclosures, count, () => ({
      label: 'Disclosures about it visible to you',
      value: count === 0 ? `none, +${shown(p.noEvidence)}` : String(count),
      source: DISCLOSURES_SOURCE,
    })),
  ];
  return {
    value:
      (hidden ? p.sourcingNotShared : partly ? p.sourcingPartlyShared : 0) + (count === 0 ? p.noEvidence : 0),
    inputs,
  };
}

function proximity<O extends Assessable>(model: RiskModel, s: RiskSubject<O>, shared: SharedInputs) {
  const perTier = model.parameters.proximity.perTier;
  return {
    value: perTier ** (s.tier - 1),
    inputs: [
      cached(shared.tier, s.tier, () => ({
        label: 'Tier',
        value: String(s.tier),
        source: 'your visible chain (docs/specification.md, section 2, rule 3)',
      })),
      shared.perTier,
    ],
  };
}

type Part = { value: number; inputs: RiskInput[] };

/** The components whose values lie in 0..1: all but DISCLOSED_EVIDENCE, which good evidence lowers. */
const RAISING_COMPONENTS = ['INHERENT', 'PUBLIC_INDICATORS', 'VISIBILITY', 'PROXIMITY'] as const;

/** Points of the score a component's value gives at its share of the weights. */
const pointsOf = (share: number, value: number) => 100 * share * value;

/**
 * Good evidence (`evidence`, whose value may be negative) takes off at most the points the other
 * components give (`others`): a score stops at 0, and relief beyond that would show contributions that
 * add up to less than the score, and a summary in which relief explains more than there is.
 */
function reliefWithin(evidence: Part, share: number, others: number): Part {
  if (evidence.value >= 0 || share === 0) return evidence;
  const least = -others / pointsOf(share, 1);
  if (evidence.value >= least) return evidence;
  return {
    value: least,
    inputs: [
      ...evidence.inputs,
      {
        label: 'Good evidence takes off at most what the other components add',
        value: `${shown(least)}: the score stays at 0`,
        source: `assumption: ${MODEL_SOURCE}`,
      },
    ],
  };
}

/** Each component's share of the weights. */
export function weightShares(weights: RiskWeights): Record<RiskComponentName, number> {
  const total = RISK_COMPONENTS.reduce((sum, name) => sum + weights[WEIGHT_OF[name]], 0);
  const shares = { INHERENT: 0, PUBLIC_INDICATORS: 0, DISCLOSED_EVIDENCE: 0, VISIBILITY: 0, PROXIMITY: 0 };
  for (const name of RISK_COMPONENTS) shares[name] = weights[WEIGHT_OF[name]] / total;
  return shares;
}

/**
 * Scores every subject and ranks them, highest first (ties: nearer tier, then name, then id).
 * `at` is the instant of the assessment; `asOf` the one the viewer asked for (null for now). The
 * subjects' indicators are those in effect at `at` (inEffect).
 */
export function scoreChain<O extends Assessable>(
  model: RiskModel,
  subjects: readonly RiskSubject<O>[],
  at: Date,
  asOf: Date | null,
): RiskScore<O>[] {
  const shares = weightShares(model.weights);
  const shared = new SharedInputs(model.parameters);
  const scored = subjects.map((s) => {
    const others = {
      INHERENT: inherent(model, s, shared),
      PUBLIC_INDICATORS: publicIndicators(model, s, at),
      VISIBILITY: visibility(model, s, shared),
      PROXIMITY: proximity(model, s, shared),
    };
    const othersPoints = RAISING_COMPONENTS.reduce(
      (points, name) => points + pointsOf(shares[name], others[name].value),
      0,
    );
    const evidence = s.evidence.length === 0 ? shared.noEvidence : disclosedEvidence(model, s, at, asOf);
    const parts: Record<RiskComponentName, Part> = {
      ...others,
      DISCLOSED_EVIDENCE: reliefWithin(evidence, shares.DISCLOSED_EVIDENCE, othersPoints),
    };
    const components = RISK_COMPONENTS.map((name) => {
      const weight = shares[name];
      const value = round(parts[name].value);
      return {
        name,
        value,
        weight: round(weight),
        contribution: round(pointsOf(weight, value), 2),
        inputs: parts[name].inputs,
      };
    });
    // From the values as computed: the rounded ones shown could move the score by a tenth.
    const sum = RISK_COMPONENTS.reduce(
      (points, name) => points + pointsOf(shares[name], parts[name].value),
      0,
    );
    return {
      organization: s.organization,
      tier: s.tier,
      score: round(Math.max(0, Math.min(100, sum)), 1),
      components,
    };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.tier - b.tier ||
      byWords(a.organization.name, b.organization.name) ||
      byWords(a.organization.id, b.organization.id),
  );
  // Ties are ordered apart above so that the ranking is stable, but a report must not read that as an
  // order: equal scores also share the rank of the first of them, as the dashboard's "2=" does.
  let sharedRank = 1;
  let previous: number | null = null;
  return scored.map((s, i) => {
    if (s.score !== previous) sharedRank = i + 1;
    previous = s.score;
    return {
      organization: s.organization,
      tier: s.tier,
      rank: i + 1,
      sharedRank,
      score: s.score,
      components: s.components,
    };
  });
}
