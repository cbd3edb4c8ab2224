// The risk assessment's "where to start": concrete next steps drawn from what made the scores, the
// most urgent kind first whatever the organization's rank (URGENCY), then in the order of the ranking.
// Each names the organization it is about, and whom the viewer asks when that is someone else.
import { disclosedIndicators, type DisclosedIndicator } from './disclosed-indicators.ts';
import { quotedText } from './erased-text.ts';
import { isEvidence, validAt } from './evidence-validity.ts';
import type { Assessable, RiskEvidence, RiskScore, RiskSubject } from './risk-model.ts';
import { bySeverity } from './severity.ts';
import { dayOf, deadlineAt } from './instants.ts';
import type { DisclosureKind, RiskKind } from './format.ts';
import type { RiskIndicator } from './model.ts';
import { byWords } from './text-order.ts';

export type RiskActionKind =
  | 'CLOSE_OVERDUE_ACTION'
  | 'REQUEST_ACCESS'
  | 'FOLLOW_UP_ACCESS_REQUEST'
  | 'RENEW_EVIDENCE'
  | 'FOLLOW_UP_OPEN_ACTION'
  | 'ASK_FOR_AUDIT';

export interface RiskAction<O extends Assessable> {
  kind: RiskActionKind;
  text: string;
  organization: O;
}

/**
 * Which steps come first, whatever the organization's rank: an overdue severe action is a remedy
 * already late; a publicly flagged organization without a valid audit in view is unexamined risk;
 * expired evidence is examined risk gone stale; a blind spot hides what lies behind it; an open action
 * not yet due only needs following.
 */
const URGENCY = {
  CLOSE_OVERDUE_CRITICAL: 0,
  CLOSE_OVERDUE_ACTION: 1,
  ASK_FOR_AUDIT: 2,
  RENEW_EVIDENCE: 3,
  REQUEST_ACCESS: 4,
  FOLLOW_UP_OPEN_ACTION: 5,
} as const;

/** A disclosure as a reader knows it: by its kind and title, not its id. */
const KIND_WORDS: Record<DisclosureKind, string> = {
  SELF_ASSESSMENT: 'self-assessment',
  AUDIT_REPORT: 'audit report',
  CORRECTIVE_ACTION_PLAN: 'corrective action plan',
  IMPROVEMENT: 'improvement measure',
  CERTIFICATE: 'certificate',
};

const INDICATOR_WORDS: Record<RiskKind, string> = {
  WATCHLIST: 'watch-list entry',
  REGION: 'regional risk',
  AUDIT_FINDING: 'audit finding',
  REPORT: 'report',
};

/** Sources run to whole citations; an action names one by its first words. */
const SOURCE_WORDS = 60;

/** "a HIGH report from DanWatch and China Labor Watch, …"; by its id when its monitor erased its source. */
function indicatorWords(indicator: RiskIndicator): string {
  const what = `a ${indicator.severity} ${INDICATOR_WORDS[indicator.kind]}`;
  return indicator.source === ''
    ? `${what}, ${indicator.id}`
    : `${what} from ${firstWords(indicator.source)}`;
}

/**
 * `text` cut after its last whole word within SOURCE_WORDS characters (code points: a cut never
 * splits one), with an ellipsis; a first word longer than that is cut where the limit falls.
 */
function firstWords(text: string): string {
  const characters = [...text];
  if (characters.length <= SOURCE_WORDS) return text;
  const cut = characters
    .slice(0, SOURCE_WORDS + 1)
    .join('')
    .replace(/\s+\S*$/u, '');
  const head = /\s/u.test(characters.slice(0, SOURCE_WORDS + 1).join(''))
    ? cut
    : characters.slice(0, SOURCE_WORDS).join('');
  return `${head.replace(/[\s,;:(“"]+$/u, '')} …`;
}

/** "corrective action plan “…”"; by its id when its owner erased the texts of the version shown. */
function disclosureWords(evidence: RiskEvidence): string {
  const { title } = evidence.version;
  return `${KIND_WORDS[evidence.kind]} ${title === '' ? `${evidence.disclosureId} (texts erased)` : `“${title}”`}`;
}

function actionsFor<O extends Assessable>(
  s: RiskSubject<O>,
  at: Date,
  asOf: Date | null,
  viewerId: string | null,
): { kind: RiskActionKind; text: string; urgency: number }[] {
  const name = s.organization.name;
  const disclosure = new Map(s.evidence.map((e) => [e.disclosureId, e]));
  const found: { kind: RiskActionKind; text: string; urgency: number }[] = [];
  const indicators = disclosedIndicators(s.evidence, at, asOf);
  const askForAudit = unexaminedFlag(s, indicators, at);
  for (const indicator of indicators) {
    const source = disclosure.get(indicator.disclosureId)!;
    const publisher = { id: source.ownerId, name: source.ownerName };
    const where = publisher.id === s.organization.id ? '' : ` at ${name}`;
    // The viewer's own plan or audit: it is the one to act, not someone to ask.
    const own = publisher.id === viewerId;
    const evidence = own
      ? `your ${disclosureWords(source)}`
      : `${disclosureWords(source)} by ${publisher.name}`;
    if (indicator.kind === 'EXPIRED_EVIDENCE') {
      // A flag raised after the evidence ran out was never examined: asking for an audit says it.
      if (askForAudit) continue;
      found.push({
        kind: 'RENEW_EVIDENCE',
        text: `No valid audit or certificate at ${name} since ${dayOf(indicator.expiredAt)}: ${own ? 'publish' : `ask ${publisher.name} for`} a new one (${evidence}).`,
        urgency: URGENCY.RENEW_EVIDENCE,
      });
      continue;
    }
    const action = indicator.action;
    if (action.overdue) {
      found.push({
        kind: 'CLOSE_OVERDUE_ACTION',
        text: `${own ? 'Close' : `Ask ${publisher.name} to close`} action ${action.id}${where} (${action.severity}, ${evidence}): ${quotedText(action.finding)}, overdue since ${dayOf(action.dueAt)}.`,
        urgency:
          action.severity === 'CRITICAL' ? URGENCY.CLOSE_OVERDUE_CRITICAL : URGENCY.CLOSE_OVERDUE_ACTION,
      });
    } else {
      found.push({
        kind: 'FOLLOW_UP_OPEN_ACTION',
        text: `Follow up action ${action.id}${where}${own ? '' : ` with ${publisher.name}`} (${action.severity}, ${evidence}): ${quotedText(action.finding)}, due ${dayOf(action.dueAt)}.`,
        urgency: URGENCY.FOLLOW_UP_OPEN_ACTION,
      });
    }
  }
  if (s.blindSpot) {
    const request = s.openRequest;
    found.push(
      request === null
        ? {
            kind: 'REQUEST_ACCESS',
            text: `Request access from ${name}: a blind spot at tier ${s.tier}, it shares none of its sourcing with you, so nothing behind it is visible.`,
            urgency: URGENCY.REQUEST_ACCESS,
          }
        : {
            kind: 'FOLLOW_UP_ACCESS_REQUEST',
            // Once it is overdue, the follow-up the API offers is a reminder (remindAccessRequest).
            text: `Follow up your access request to ${name}, ${deadlineAt(request.dueAt, at)}${new Date(request.dueAt) < at ? ', with a reminder (one a day at most)' : ''}: a blind spot at tier ${s.tier}, nothing behind it is visible until it shares.`,
            urgency: URGENCY.REQUEST_ACCESS,
          },
    );
  }
  if (askForAudit) {
    const worst = [...s.indicators].sort((a, b) => bySeverity(a, b) || byWords(a.id, b.id))[0]!;
    found.push({
      kind: 'ASK_FOR_AUDIT',
      text: `No valid audit at ${name} visible to you while public sources flag it (${s.indicators.length} indicator${s.indicators.length === 1 ? '' : 's'}, e.g. ${indicatorWords(worst)}): ${whomToAskForAudit(s, viewerId)} for an audit and a corrective action plan.`,
      urgency: URGENCY.ASK_FOR_AUDIT,
    });
  }
  return found;
}

/** At most this many customers are named; the rest are counted. */
const NAMED_CUSTOMERS = 3;

/**
 * A viewer deals with its own suppliers: one further away is reached through those that buy from it in
 * the chain, which can have it audited (a brand its factories), so the action names them.
 */
function whomToAskForAudit<O extends Assessable>(s: RiskSubject<O>, viewerId: string | null): string {
  if (s.customers.length === 0) return 'ask';
  const buyers = s.customers.filter((c) => c.id !== viewerId);
  if (buyers.length < s.customers.length) return 'ask it';
  const named = buyers.slice(0, NAMED_CUSTOMERS).map((c) => c.name);
  const more = buyers.length - named.length;
  const list =
    more > 0
      ? `${named.join(', ')} or ${more} other${more === 1 ? '' : 's'}`
      : named.length === 1
        ? named[0]!
        : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]!}`;
  return `ask ${list} (${buyers.length === 1 ? 'its customer' : 'its customers'} in the chain)`;
}

/**
 * Public indicators flag `s` and no audit or certificate valid at `at` is visible, and none examined
 * the flag: there was never any, or the last ran out before the newest indicator was observed. Evidence
 * that ran out after it was checked once, and RENEW_EVIDENCE says so.
 */
function unexaminedFlag<O extends Assessable>(
  s: RiskSubject<O>,
  indicators: readonly DisclosedIndicator[],
  at: Date,
): boolean {
  if (s.indicators.length === 0) return false;
  if (s.evidence.some((e) => isEvidence(e.kind) && validAt(e.version, at))) return false;
  const expired = indicators.find((i) => i.kind === 'EXPIRED_EVIDENCE');
  if (expired === undefined) return true;
  const flagged = Math.max(...s.indicators.map((i) => new Date(i.observedAt ?? i.recordedAt).getTime()));
  return flagged > new Date(expired.expiredAt).getTime();
}

/**
 * The top `max` actions: the most urgent kind first (URGENCY), then by the organization's rank. An
 * action on a disclosure `viewerId` published is put to the viewer itself.
 */
export function topActions<O extends Assessable>(
  ranking: readonly RiskScore<O>[],
  subjects: readonly RiskSubject<O>[],
  at: Date,
  asOf: Date | null,
  max: number,
  viewerId: string | null,
): RiskAction<O>[] {
  const byId = new Map(subjects.map((s) => [s.organization.id, s]));
  return ranking
    .flatMap((scored) =>
      actionsFor(byId.get(scored.organization.id)!, at, asOf, viewerId).map((action) => ({
        ...action,
        rank: scored.rank,
        organization: scored.organization,
      })),
    )
    .sort((a, b) => a.urgency - b.urgency || a.rank - b.rank || byWords(a.text, b.text))
    .slice(0, max)
    .map(({ kind, text, organization }) => ({ kind, text, organization }));
}
