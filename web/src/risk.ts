// "Where to start" (issue 15): the root's chain ranked by risk score beside the tier view, each row
// opening the components and inputs its score was computed from (docs/risk-model.md), the top actions,
// and the ranking as CSV. The tier view colours its cards by the same scores (scoreBand).
import { argumentsOf, graphql, type Capabilities } from './api.ts';
import { append, h } from './dom.ts';
import { isolate } from './bidi.ts';
import {
  byName,
  CSV_COMMAS,
  csvLine,
  plural,
  type CsvFormat,
  type Organization,
  type Query,
} from './model.ts';

export interface RiskInput {
  label: string;
  value: string;
  source: string;
}

export interface RiskComponent {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  inputs: RiskInput[];
}

/** A place in the ranking with each component's points: what the tier view and the CSV show. */
interface RankedScore {
  rank: number;
  tier: number;
  score: number;
  organization: Organization;
  components: Pick<RiskComponent, 'name' | 'contribution'>[];
}

/** A place in the ranking with everything its score was computed from: what a row opens. */
export interface RiskScore extends RankedScore {
  components: RiskComponent[];
}

export interface RiskAssessment {
  root: { id: string; name: string };
  at: string;
  /** Every organization of the chain, highest score first. */
  organizations: RankedScore[];
  /** The first RANKING_LIMIT of them with their inputs, the rows drawn. */
  top: RiskScore[];
  actions: { kind: string; text: string; organization: { id: string; name: string } }[];
}

export type RiskState =
  | { kind: 'loading' }
  /** `failed`: its own load failed, which is announced (a server without it is only said). */
  | { kind: 'unavailable'; message: string; failed?: boolean }
  | { kind: 'loaded'; assessment: RiskAssessment };

/**
 * Rows drawn at most; the rest are in the CSV. Only these come with their inputs, which are most of a
 * ranking's bytes: at 10,000 organizations the whole ranking with every input was 21 MB and 1.5 s,
 * every score with its points alone 4.7 MB and 0.8 s.
 */
const RANKING_LIMIT = 50;

export function riskOperation(q: Query, can: Capabilities) {
  const { declarations, args, variables } = argumentsOf(q, can);
  const query = `query DashboardRisk(${declarations}) {
  riskAssessment(${args}) {
    root { id name }
    at
    organizations {
      rank tier score
      organization { id name type country }
      components { name contribution }
    }
    top: organizations(first: ${RANKING_LIMIT}) {
      rank tier score
      organization { id name type country }
      components { name value weight contribution inputs { label value source } }
    }
    actions { kind text organization { id name } }
  }
}`;
  return { query, variables };
}

export async function riskAssessment(q: Query, can: Capabilities, token: string): Promise<RiskAssessment> {
  const { query, variables } = riskOperation(q, can);
  return inViewerOrder(
    (await graphql<{ riskAssessment: RiskAssessment }>(query, variables, token)).riskAssessment,
  );
}

/**
 * The ranking with equal scores at one tier in the order of the user's language: the server orders
 * them by name in English collation (src/domain/text-order.ts `byWords`), which files "Östra Fabriken" among the O's
 * where a Swedish reader looks after Z. Only ties move (they share a rank: "2="); each place's `rank`
 * stays its position, and `top`, the first rows, keeps being the start of the list: the rows drawn and
 * the whole ranking are reordered on each side of top's end apart, since a run of equal scores that
 * crosses it would otherwise pull into the list's first places an organization whose row, without its
 * inputs, is not drawn, while a row drawn moves past them (its rank then no longer its place in the CSV).
 */
export function inViewerOrder(assessment: RiskAssessment): RiskAssessment {
  const ordered = <T extends RankedScore>(list: readonly T[]): T[] =>
    [...list].sort((a, b) => b.score - a.score || a.tier - b.tier || byName(a.organization, b.organization));
  const ranked = <T extends RankedScore>(list: readonly T[]): T[] =>
    list.map((o, i) => ({ ...o, rank: i + 1 }));
  const drawn = assessment.top.length;
  return {
    ...assessment,
    organizations: ranked([
      ...ordered(assessment.organizations.slice(0, drawn)),
      ...ordered(assessment.organizations.slice(drawn)),
    ]),
    top: ranked(ordered(assessment.top)),
  };
}

/**
 * The bands in words, written where the scores are: the colours of the chips and of the cards' edges
 * must not be the only way to tell a high score from a medium one (WCAG 1.4.1).
 */
export const BANDS_IN_WORDS = 'high from 40, dark red; medium from 20, amber; low below 20, green';

/** Score bands for colour: the same in the list and the tier view. */
export function scoreBand(score: number): 'high' | 'medium' | 'low' {
  if (score >= 40) return 'high';
  if (score >= 20) return 'medium';
  return 'low';
}

const COMPONENT_LABELS: Record<string, string> = {
  INHERENT: 'Inherent (country, product, activity)',
  PUBLIC_INDICATORS: 'Public risk indicators',
  DISCLOSED_EVIDENCE: 'Disclosed evidence',
  VISIBILITY: 'What you cannot see',
  PROXIMITY: 'Proximity (tier)',
};

/** The scores by organization id, for the tier view. */
export const scoresById = (state: RiskState): Map<string, number> =>
  new Map(
    state.kind === 'loaded' ? state.assessment.organizations.map((o) => [o.organization.id, o.score]) : [],
  );

/** What a ranking answered, which its CSV states on every row: a file that has left the page says it. */
interface RankingAsked {
  maxDepth: number;
  /** '' for every product. */
  product: string;
}

export function riskToCsv(
  assessment: RiskAssessment,
  format: CsvFormat = CSV_COMMAS,
  asked: RankingAsked | null = null,
): string {
  const names = assessment.organizations[0]?.components.map((c) => c.name) ?? [];
  const context = asked === null ? [] : [assessment.root.id, assessment.at, asked.maxDepth, asked.product];
  const header = [
    'rank',
    'score',
    'tier',
    'id',
    'name',
    'type',
    'country',
    ...names.map((n) => n.toLowerCase()),
    ...(asked === null ? [] : ['chain_root', 'assessed_at', 'max_depth', 'product']),
  ];
  // The rank a run of equal scores shares, as the page's "3=": a number, so that a spreadsheet sorts it.
  const ranks = sharedRanks(assessment.organizations);
  const rows = assessment.organizations.map((o) =>
    csvLine(
      [
        ranks.get(o.organization.id)?.rank ?? o.rank,
        o.score,
        o.tier,
        o.organization.id,
        o.organization.name,
        o.organization.type,
        o.organization.country,
        ...names.map((n) => o.components.find((c) => c.name === n)?.contribution),
        ...context,
      ],
      format,
    ),
  );
  return `${[header.join(format.separator), ...rows].join('\r\n')}\r\n`;
}

function component(c: RiskComponent): HTMLElement {
  return h(
    'li',
    { class: 'risk-component', 'data-component': c.name },
    h(
      'p',
      { class: 'component-head' },
      h('strong', {}, COMPONENT_LABELS[c.name] ?? c.name),
      ` ${c.contribution >= 0 ? '+' : ''}${c.contribution} points`,
      h('span', { class: 'muted' }, ` (value ${c.value} × weight ${c.weight})`),
    ),
    h(
      'ul',
      { class: 'risk-inputs' },
      c.inputs.map((i) =>
        h(
          'li',
          { class: 'risk-input' },
          h('span', { class: 'input-label' }, i.label),
          ': ',
          h('span', { class: 'input-value' }, i.value),
          h('span', { class: 'input-source' }, h('cite', {}, i.source)),
        ),
      ),
    ),
  );
}

/**
 * The rank each organization shares with the others of its run of equal scores (1, 2, 3, 3, 3, 6),
 * which the server ranks apart (nearer tier, then name) but which a report must not read as an order;
 * `tied` when the run holds more than one.
 */
function sharedRanks(organizations: readonly RankedScore[]): Map<string, { rank: number; tied: boolean }> {
  const shared = new Map<string, { rank: number; tied: boolean }>();
  for (let start = 0; start < organizations.length;) {
    let end = start + 1;
    while (end < organizations.length && organizations[end]!.score === organizations[start]!.score) end++;
    const rank = organizations[start]!.rank;
    for (let i = start; i < end; i++)
      shared.set(organizations[i]!.organization.id, { rank, tied: end - start > 1 });
    start = end;
  }
  return shared;
}

/** The rank each organization is shown with: "5=" for every organization of a run of equal scores. */
export function shownRanks(organizations: readonly RankedScore[]): Map<string, string> {
  return new Map(
    [...sharedRanks(organizations)].map(([id, { rank, tied }]) => [id, tied ? `${rank}=` : `${rank}.`]),
  );
}

function row(o: RiskScore, rank: string, select: (id: string) => void): HTMLElement {
  const band = scoreBand(o.score);
  return h(
    'li',
    { class: 'risk-row', 'data-org-id': o.organization.id, 'data-rank': o.rank },
    h(
      'details',
      {},
      h(
        'summary',
        {},
        h('span', { class: 'risk-rank' }, rank),
        ' ',
        h('span', { class: 'org-name' }, o.organization.name),
        h('span', { class: 'muted' }, ` tier ${o.tier} · ${o.organization.country}`),
        ' ',
        h(
          'span',
          { class: `risk-score band-${band}`, title: `risk score, ${band}` },
          h('span', { class: 'visually-hidden' }, 'risk score '),
          String(o.score),
          h('span', { class: 'visually-hidden' }, ` of 100, ${band}`),
        ),
      ),
      h('ul', { class: 'risk-components' }, o.components.map(component)),
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          // The visible label first (what a voice user says), then whose row it is.
          'aria-label': `Show in the chain: ${isolate(o.organization.name)}`,
          onclick: () => select(o.organization.id),
        },
        'Show in the chain',
      ),
    ),
  );
}

/**
 * One top action: the advice as text, and buttons that do what their labels say: open the request
 * form for REQUEST_ACCESS (outside a dated view); take the user to the request's card in the outbox
 * for FOLLOW_UP_ACCESS_REQUEST (which otherwise had nowhere to go: the card is where it stands and
 * where it is withdrawn); else only show the organization (the advice is the user's to carry out).
 */
function actionItem(a: RiskAssessment['actions'][number], handlers: RiskHandlers): HTMLElement {
  const { id, name } = a.organization;
  const request = a.kind === 'REQUEST_ACCESS' ? handlers.requestAccess : null;
  const button: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      // The button goes with it, so that Escape in the form returns here rather than to the form's own
      // opener under Exposure, far down the page.
      onclick: () => (request === null ? handlers.select(id) : request(a.organization, button)),
    },
    request === null ? `Show ${isolate(name)}` : `Request access from ${isolate(name)}…`,
  );
  return h(
    'li',
    { class: 'risk-action', 'data-kind': a.kind, 'data-org-id': id },
    h('span', { class: 'action-advice' }, a.text),
    ' ',
    a.kind === 'FOLLOW_UP_ACCESS_REQUEST' && [
      h(
        'button',
        {
          type: 'button',
          class: 'link-button show-request',
          onclick: () => handlers.showRequest(a.organization),
        },
        `Show your request to ${isolate(name)}`,
      ),
      ' · ',
    ],
    button,
  );
}

interface RiskHandlers {
  select(id: string): void;
  /**
   * Opens the form that asks an organization for access (a REQUEST_ACCESS action does only that), and
   * gives the focus back to `opener` when it is folded with Escape; null in a dated view, where a
   * request, which is sent today, would answer a question about the past.
   */
  requestAccess: ((organization: { id: string; name: string }, opener: HTMLElement) => void) | null;
  /** Takes the user to the viewer's request to `organization` in the outbox (FOLLOW_UP_ACCESS_REQUEST). */
  showRequest(organization: { id: string; name: string }): void;
  exportCsv(): void;
}

export function renderRisk(panel: HTMLElement, state: RiskState, handlers: RiskHandlers): void {
  const heading = h('h2', { id: 'risk-heading' }, 'Where to start');
  if (state.kind !== 'loaded') {
    panel.replaceChildren(
      heading,
      state.kind === 'loading'
        ? h('p', { class: 'muted' }, 'Assessing the chain…')
        : // A failure arrives after the status line said the chain loaded: unannounced, a screen reader
          // user would wait for a ranking that never comes.
          h('p', { class: 'muted', role: state.failed === true ? 'alert' : null }, state.message),
    );
    return;
  }
  const { assessment } = state;
  const shown = assessment.top;
  const ranks = shownRanks(assessment.organizations);
  panel.replaceChildren();
  append(
    panel,
    heading,
    // An empty chain says so below; "0 organizations … ranked" above it only read oddly.
    assessment.organizations.length > 0 &&
      h(
        'p',
        { class: 'muted' },
        `${plural(assessment.organizations.length, 'organization')} of the whole chain (Country, Types and Search do not narrow it) ranked by risk score (0–100; ${BANDS_IN_WORDS}); open a row to see why (the model: docs/risk-model.md).`,
      ),
    assessment.actions.length > 0 && h('h3', { id: 'risk-actions-heading' }, 'Top actions'),
    assessment.actions.length > 0 &&
      h(
        'ol',
        { class: 'risk-actions', 'aria-labelledby': 'risk-actions-heading' },
        assessment.actions.map((a) => actionItem(a, handlers)),
      ),
    assessment.organizations.length > 0 && h('h3', { id: 'risk-ranking-heading' }, 'Ranking'),
    assessment.organizations.length === 0
      ? h('p', { class: 'empty', id: 'risk-empty' }, 'Nothing in this chain to assess, so nothing to export.')
      : h(
          'ol',
          { class: 'risk-ranking', 'aria-labelledby': 'risk-ranking-heading' },
          shown.map((o) => row(o, ranks.get(o.organization.id) ?? `${o.rank}.`, handlers.select)),
        ),
    assessment.organizations.length > shown.length &&
      h(
        'p',
        { class: 'muted list-more' },
        `… and ${(assessment.organizations.length - shown.length).toLocaleString('en')} more in the CSV.`,
      ),
    // An empty ranking would export a header alone: the button says why it is off instead.
    h(
      'button',
      {
        type: 'button',
        id: 'export-risk-csv',
        onclick: handlers.exportCsv,
        disabled: assessment.organizations.length === 0,
        'aria-describedby': assessment.organizations.length === 0 ? 'risk-empty' : null,
      },
      'Export ranking CSV',
    ),
  );
}
