// Disclosures (specification, section 2, rule 8): working-condition evidence an organization publishes
// about itself or one of its direct suppliers. The vocabularies, the domain objects resolvers receive,
// and the rules a version's content must keep, shared by the API and the bulk import. No I/O.
import type { Organization, Share } from './model.ts';
import { idRule, isWellFormedId } from './ids.ts';
import { parseInstant } from './instants.ts';
import { checkInstant, checkText, checkUrl } from './field-checks.ts';
import { checkedProducts } from './products.ts';
import { quote, quoteErased } from './quote.ts';
import {
  KINDS_WITH_ACTIONS,
  type ActionStatus,
  type DisclosureActionRecord,
  type DisclosureKind,
  type DisclosureVersionRecord,
  type Severity,
  type Verification,
} from './format.ts';
import { byWords } from './text-order.ts';

/** A corrective action as stored (instants as ISO 8601 text): what the bulk format carries. */
export type StoredAction = DisclosureActionRecord;

/** A corrective action as shown at an instant. */
export interface CorrectiveAction extends StoredAction {
  /** Not closed and due before the instant asked for. */
  overdue: boolean;
}

/** What a version says, whoever recorded it: a bulk-format version without its recording. */
export type DisclosureContent = Omit<
  DisclosureVersionRecord,
  'recordedAt' | 'actorUserId' | 'redactedAt' | 'redactedBy'
>;

/**
 * What a version says, as one text: two versions say the same when their keys are equal. Products are
 * the scope, a set (publishing drops duplicates): the same ones in another order say the same, as they
 * do for a link's amendment.
 */
const contentKey = (v: DisclosureContent) =>
  JSON.stringify([
    v.title,
    v.summary,
    v.issuer,
    v.standard,
    [...v.products].sort(),
    v.issuedAt,
    v.validUntil,
    v.documentUrl,
    v.documentSha256,
    v.actions.map((a) => [
      a.id,
      a.finding,
      a.severity,
      a.action,
      a.dueAt,
      a.status,
      a.verification,
      a.closedAt,
    ]),
  ]);

/**
 * Whether two versions say the same. A change to the same content adds no version (an import's or the
 * API's): a history entry that changed nothing would read as an edit of the evidence.
 */
export const sameContent = (a: DisclosureContent, b: DisclosureContent): boolean =>
  contentKey(a) === contentKey(b);

export interface StoredVersion extends DisclosureContent {
  version: number;
  recordedAt: string;
  actorUserId: string;
  /** When its owner erased its free texts (redactedContent); null while it has not. */
  redactedAt: string | null;
  /** Who erased them; null while nobody has. */
  redactedBy: string | null;
}

export interface DisclosureVersion extends Omit<StoredVersion, 'actions'> {
  actions: CorrectiveAction[];
}

/** A disclosure as a viewer may see it at an instant: the version in effect then, flattened. */
export interface Disclosure extends Omit<DisclosureVersion, 'recordedAt' | 'actorUserId' | 'redactedBy'> {
  id: string;
  kind: DisclosureKind;
  owner: Organization;
  subject: Organization;
  publishedAt: string;
  withdrawnAt: string | null;
  /** Who withdrew it (a token's `sub`) when `withdrawnAt` is shown; null when unknown. */
  withdrawnBy: string | null;
  /** When the version shown was recorded. */
  updatedAt: string;
  expired: boolean;
  /** The instant it was evaluated at (ISO 8601): `history` derives `overdue` at it too. */
  at: string;
  /**
   * True when `at` is an instant asked for (asOf), judged by what had been recorded by then; false for
   * "now": `sharedWith` then counts the shares as they stand, as rule 8 does for now.
   */
  dated: boolean;
}

/**
 * An active DISCLOSURES share of the owner's that covers one of its disclosures at an instant, and
 * whether the owner's own active SOURCING share to the same recipient covers a link of the owner's
 * from the disclosure's subject then (null when the subject is the owner or the recipient itself).
 */
export interface DisclosureAudience {
  share: Share;
  ownLinkShared: boolean | null;
}

/** A disclosure as stored, with the version a query picked (the one in effect at its instant). */
export interface StoredDisclosure {
  id: string;
  kind: DisclosureKind;
  owner: Organization;
  subject: Organization;
  publishedAt: string;
  withdrawnAt: string | null;
  /**
   * The user who withdrew it; null while it is not withdrawn and for a withdrawal recorded before
   * Tiersight kept who withdrew (an older backup's).
   */
  withdrawnBy: string | null;
  version: StoredVersion;
}

/**
 * An action as it stood at `at`. A version may state a closing that came after the instant asked for
 * (an imported first version is recorded at its publication, whatever its actions say), and asOf never
 * shows what came later: closed afterwards, the action was still being worked on then.
 */
const actionAt = (action: StoredAction, at: Date): StoredAction =>
  action.status === 'CLOSED' && action.closedAt !== null && new Date(action.closedAt) > at
    ? { ...action, status: 'IN_PROGRESS', verification: null, closedAt: null }
    : action;

/** The stored version at instant `at`, with what is derived at that instant. */
export const versionAt = (version: StoredVersion, at: Date): DisclosureVersion => ({
  ...version,
  actions: version.actions.map((stored) => {
    const action = actionAt(stored, at);
    return { ...action, overdue: action.status !== 'CLOSED' && new Date(action.dueAt) < at };
  }),
});

/**
 * The due date action `actionId` was first given: its `dueAt` in the earliest of `versions` (newest
 * first, as a disclosure's history lists them) that lists it; null when none does.
 */
export function firstDueAt(versions: readonly { actions: readonly StoredAction[] }[], actionId: string) {
  let first: string | null = null;
  for (const version of versions) {
    const action = version.actions.find((a) => a.id === actionId);
    if (action !== undefined) first = action.dueAt;
  }
  return first;
}

/** What a viewer sees of a stored disclosure at instant `at`: its version flattened, with what is derived. */
export const disclosureAt = (stored: StoredDisclosure, at: Date, dated = false): Disclosure => {
  const shown = versionAt(stored.version, at);
  // Asked as of an instant, its owner and subject answer their own fields (risks, disclosures) as of
  // that instant too, as a dated chain's organizations do: asOf never shows what came later.
  const asSeen = (o: Organization): Organization => (dated ? { ...o, seenAt: at } : o);
  return {
    version: shown.version,
    title: shown.title,
    summary: shown.summary,
    issuer: shown.issuer,
    standard: shown.standard,
    products: shown.products,
    issuedAt: shown.issuedAt,
    validUntil: shown.validUntil,
    documentUrl: shown.documentUrl,
    documentSha256: shown.documentSha256,
    actions: shown.actions,
    redactedAt: shown.redactedAt,
    id: stored.id,
    kind: stored.kind,
    owner: asSeen(stored.owner),
    subject: asSeen(stored.subject),
    publishedAt: stored.publishedAt,
    // A withdrawal after `at` had not happened yet then (asOf never shows what came later).
    ...(stored.withdrawnAt !== null && new Date(stored.withdrawnAt) <= at
      ? { withdrawnAt: stored.withdrawnAt, withdrawnBy: stored.withdrawnBy }
      : { withdrawnAt: null, withdrawnBy: null }),
    updatedAt: shown.recordedAt,
    expired: shown.validUntil !== null && new Date(shown.validUntil) < at,
    at: at.toISOString(),
    dated,
  };
};

/** A redacted version's texts (redactedContent). */
export const REDACTED_TEXTS = {
  title: '',
  summary: null,
  issuer: null,
  standard: null,
  documentUrl: null,
} as const satisfies Partial<DisclosureContent>;

/** A redacted version's actions' texts (redactedContent). */
export const REDACTED_ACTION_TEXTS = { finding: '', action: '' } as const satisfies Partial<StoredAction>;

/**
 * A version's content with its free texts erased: the title and every action's finding and action
 * empty (they are required), the other texts null. What is left is what a buyer's follow-up of the
 * plan reads and what names nobody: the kind, dates, products, the document's hash, and each action's
 * id, severity, status, due date (its first due date too) and verification. For a person named in a
 * text that should not have been published (a worker's account in an audit report): correcting it with
 * a new version leaves the earlier ones readable in the history, to whoever may see the disclosure.
 */
export const redactedContent = (content: DisclosureContent): DisclosureContent => ({
  ...content,
  ...REDACTED_TEXTS,
  actions: content.actions.map((action) => ({ ...action, ...REDACTED_ACTION_TEXTS })),
});

/**
 * Why version `asked` of disclosure `id` may not be redacted, its current version being `current`;
 * null when it may. The current version of a live disclosure is what everyone who may see it reads:
 * it is corrected with a new version first (an empty disclosure would inform nobody). A withdrawn
 * one's every version may go.
 */
export function redactionRefusal(
  id: string,
  asked: number,
  current: { version: number; withdrawn: boolean },
): string | null {
  if (asked < 1 || asked > current.version)
    return `version ${asked} of disclosure ${quote(id)} does not exist: it has versions 1 to ${current.version}`;
  if (asked === current.version && !current.withdrawn)
    return (
      `version ${asked} is the current version of disclosure ${quote(id)}: correct it with updateDisclosure ` +
      `(a new version), then redact version ${asked}`
    );
  return null;
}

/**
 * How many earlier versions a disclosure keeps beside its current one: what one tiersight/v1 record's
 * `history` may hold (a bound on one record's size when a file is read). The API and the import refuse a
 * version past it, so that every stored disclosure fits in a record and a backup of the store succeeds.
 */
export const MAX_EARLIER_VERSIONS = 1_000;

/**
 * Why disclosure `id`, at version `current`, can take no further version; null while it can. The
 * message is the same wherever a version is added (updateDisclosure, updateCorrectiveAction, import).
 */
export function noRoomForVersion(id: string, current: number): string | null {
  if (current <= MAX_EARLIER_VERSIONS) return null;
  return (
    `disclosure ${quote(id)} already has ${current.toLocaleString('en')} versions, the most one disclosure ` +
    `keeps (${MAX_EARLIER_VERSIONS.toLocaleString('en')} earlier ones and the current one); publish a new ` +
    `disclosure for further changes`
  );
}

export const LIMITS = {
  title: 200,
  summary: 4_000,
  /** issuer, standard, each product. */
  name: 200,
  /** finding, action. */
  text: 2_000,
  url: 2_000,
  actionId: 64,
  products: 200,
  actions: 500,
} as const;

/** Content as submitted, every instant already checked to be ISO 8601. */
export interface ContentSubmission {
  title: string;
  summary?: string | null | undefined;
  issuer?: string | null | undefined;
  standard?: string | null | undefined;
  products?: readonly string[] | null | undefined;
  issuedAt: string;
  validUntil?: string | null | undefined;
  documentUrl?: string | null | undefined;
  documentSha256?: string | null | undefined;
  actions?: readonly ActionSubmission[] | null | undefined;
}

export interface ActionSubmission {
  id: string;
  finding: string;
  severity: Severity;
  action: string;
  dueAt: string;
  status?: ActionStatus | null | undefined;
  verification?: Verification | null | undefined;
  closedAt?: string | null | undefined;
}

const SHA256 = /^[0-9a-f]{64}$/i;

const iso = (text: string): string => (parseInstant(text) ?? new Date(NaN)).toISOString();

/**
 * Whose texts a content check judges: a user's, sent now (publishDisclosure, updateDisclosure), which
 * may hold no control character (line breaks and tabs only in a summary, a finding and an action);
 * texts stored already (a backup's, the current version that a corrective action's update copies), kept
 * as they are, so that nothing an older version stored is refused on restore or blocks an update; or a
 * backup's redacted version, whose texts must be erased as redactedContent erases them.
 */
export type ContentTexts = 'sent' | 'stored' | 'redacted';

/** Checks one text field of a content: `lines` says which characters a user may send in it. */
type TextCheck = (
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
  lines: 'one-line' | 'multi-line',
) => string | null;

/** The text check of `texts`, its problems pushed on `problems`. */
function textCheck(problems: string[], texts: ContentTexts): TextCheck {
  if (texts === 'redacted')
    return (field, value, _max, required) => {
      if (value !== null && value !== undefined && value !== '')
        problems.push(`${field} must be empty in a redacted version (redactedAt), got ${quoteErased(value)}`);
      return required ? '' : null;
    };
  return (field, value, max, required, lines) =>
    checkText(problems, field, value, max, required, texts === 'sent' ? lines : 'as-stored');
}

/** Rules of one action, alone: closedAt iff CLOSED and not after `now`; a verification only of a closing. */
function checkAction(
  problems: string[],
  at: string,
  action: ActionSubmission,
  now: Date,
  text: TextCheck,
): StoredAction {
  if (!isWellFormedId(action.id, LIMITS.actionId))
    problems.push(`${at}.id must be ${idRule(LIMITS.actionId)}, got ${quote(action.id)}`);
  const finding = text(`${at}.finding`, action.finding, LIMITS.text, true, 'multi-line');
  const what = text(`${at}.action`, action.action, LIMITS.text, true, 'multi-line');
  const due = checkInstant(problems, `${at}.dueAt`, action.dueAt);
  const status = action.status ?? 'OPEN';
  const closed = checkInstant(problems, `${at}.closedAt`, action.closedAt);
  if (status === 'CLOSED' && (action.closedAt === null || action.closedAt === undefined))
    problems.push(`${at}.closedAt is required when status is CLOSED`);
  if (status !== 'CLOSED' && closed !== null)
    problems.push(`${at}.closedAt must be absent while status is ${status}, got ${quote(action.closedAt)}`);
  if (closed !== null && closed > now)
    problems.push(`${at}.closedAt must not be in the future, got ${quote(action.closedAt)}`);
  // It says how the closing was verified: an open action shown as verified on site would mislead buyers.
  if (status !== 'CLOSED' && action.verification !== null && action.verification !== undefined)
    problems.push(
      `${at}.verification must be absent while status is ${status}, got ${quote(action.verification)}`,
    );
  return {
    id: action.id,
    finding: finding ?? '',
    severity: action.severity,
    action: what ?? '',
    dueAt: due ? due.toISOString() : '',
    status,
    verification: action.verification ?? null,
    closedAt: closed ? closed.toISOString() : null,
  };
}

/**
 * The rules of a version's content for a disclosure of `kind`, at instant `now` (issue and closing
 * dates may not lie after it), its texts judged as `texts`: the content normalized (instants as UTC
 * ISO 8601, hash in lower case), or every problem, each naming the field and the value.
 */
export function checkContent(
  kind: DisclosureKind,
  content: ContentSubmission,
  now: Date,
  texts: ContentTexts,
  prefix = '',
): { content: DisclosureContent; problems: [] } | { content: null; problems: string[] } {
  const problems: string[] = [];
  const field = (name: string) => `${prefix}${name}`;
  const text = textCheck(problems, texts);
  const oneLine = texts === 'sent' ? 'one-line' : 'as-stored';
  const title = text(field('title'), content.title, LIMITS.title, true, 'one-line');
  const summary = text(field('summary'), content.summary, LIMITS.summary, false, 'multi-line');
  const issuer = text(field('issuer'), content.issuer, LIMITS.name, false, 'one-line');
  const standard = text(field('standard'), content.standard, LIMITS.name, false, 'one-line');
  const checkedList = checkedProducts(field('products'), content.products, oneLine);
  problems.push(...checkedList.problems);
  const products = checkedList.products;
  const issued = checkInstant(problems, field('issuedAt'), content.issuedAt);
  if (issued !== null && issued > now)
    problems.push(`${field('issuedAt')} must not be in the future, got ${quote(content.issuedAt)}`);
  const validUntil = checkInstant(problems, field('validUntil'), content.validUntil);
  if (validUntil !== null && issued !== null && validUntil <= issued)
    problems.push(
      `${field('validUntil')} must be after issuedAt (${quote(content.issuedAt)}), got ${quote(content.validUntil)}`,
    );
  const documentUrl =
    texts === 'redacted'
      ? text(field('documentUrl'), content.documentUrl, LIMITS.url, false, 'one-line')
      : checkUrl(problems, field('documentUrl'), content.documentUrl, LIMITS.url, oneLine);
  let documentSha256: string | null = null;
  if (content.documentSha256 !== null && content.documentSha256 !== undefined) {
    if (!SHA256.test(content.documentSha256))
      problems.push(
        `${field('documentSha256')} must be 64 hexadecimal digits, got ${quote(content.documentSha256)}`,
      );
    else documentSha256 = content.documentSha256.toLowerCase();
  }
  const submitted = content.actions ?? [];
  if (submitted.length > 0 && !KINDS_WITH_ACTIONS.includes(kind))
    problems.push(
      `${field('actions')} are only for ${KINDS_WITH_ACTIONS.join(' and ')} disclosures, not ${kind}`,
    );
  if (submitted.length > LIMITS.actions)
    problems.push(`${field('actions')} may list at most ${LIMITS.actions} actions, got ${submitted.length}`);
  const seen = new Set<string>();
  const actions = submitted.map((action, i) => {
    if (seen.has(action.id))
      problems.push(`${field(`actions[${i}]`)}.id ${quote(action.id)} is listed twice`);
    seen.add(action.id);
    return checkAction(problems, field(`actions[${i}]`), action, now, text);
  });
  if (problems.length > 0) return { content: null, problems };
  return {
    content: {
      title: title ?? '',
      summary,
      issuer,
      standard,
      products,
      issuedAt: iso(content.issuedAt),
      validUntil: validUntil ? validUntil.toISOString() : null,
      documentUrl,
      documentSha256,
      actions,
    },
    problems: [],
  };
}

/** Newest `issuedAt` first (then by id, for a stable order). */
export const byIssuedAt = (a: Disclosure, b: Disclosure): number =>
  byWords(b.issuedAt, a.issuedAt) || byWords(a.id, b.id);

/** Newest `publishedAt` first (then by id). */
export const byPublishedAt = (a: Disclosure, b: Disclosure): number =>
  byWords(b.publishedAt, a.publishedAt) || byWords(a.id, b.id);
