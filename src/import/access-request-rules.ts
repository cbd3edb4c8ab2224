// The `accessRequests` records of a tiersight/v1 file: each checked on its own (checkAccessRequest),
// then against the rest of the file and the database (AccessRequestIndex): at most one OPEN request per
// (requester, target, scope), BOTH counting as both scopes as the API counts it (overlappingScopes), and
// a granted request's shares go from its target to its requester.
// Visibility (rule 5) is not checked: a file states what happened, e.g. a backup of requests whose
// target has since left the requester's reach.
import {
  ACCESS_REQUEST_ACTIONS,
  ACCESS_REQUEST_STATUSES,
  ACCESS_SCOPES,
  NOTES_WRITTEN_BY,
  SHARE_SCOPES_ASKED,
  defaultDueAt,
  latestDueAt,
  type AccessScope,
  type AccessRequestAction,
  type AccessRequestEventRecord,
  type AccessRequestStatus,
  type AccessRequestRecord,
} from '../domain/access-requests.ts';
import { parseInstant } from '../domain/instants.ts';
import { quote, quoteErased } from '../domain/quote.ts';
import { MAX_LIST, asObject, type Checked, type Fields } from './record-rules.ts';

const DECLINED_WITHOUT_REASON = 'reason is required when the status is DECLINED';

export function checkAccessRequest(value: unknown, importedAt?: Date): Checked<AccessRequestRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const raw = value as Record<string, unknown>;
  const sentAt = f.recordedAt('sentAt', importedAt);
  if (sentAt === null && !f.problems.some((p) => p.startsWith('sentAt'))) {
    f.problems.push('sentAt must be an ISO 8601 date or date-time with a zone, got nothing');
  }
  const status = f.oneOf('status', ACCESS_REQUEST_STATUSES, true) ?? 'OPEN';
  const id = f.id('id');
  const requester = f.id('requester');
  const target = f.id('target');
  const erasedBy = erasersOf(raw['events'], requester, target);
  /** A party's text, read as an erased one (Fields.erased) once the party erased its texts. */
  const textOf = (field: string, party: string) =>
    erasedBy.has(party) ? f.erased(field) : (f.text(field, true) ?? null);
  const record: AccessRequestRecord = {
    id,
    requester,
    target,
    scope: f.oneOf('scope', ACCESS_SCOPES) ?? 'SOURCING',
    products: f.products('products'),
    message: textOf('message', requester),
    sentAt: sentAt ?? '',
    dueAt: f.instant('dueAt'),
    status,
    closedAt: f.recordedAt('closedAt', importedAt),
    reason: textOf('reason', target),
    shareIds: f.strings('shareIds', 'share ids', true) ?? null,
  };
  const extended = f.boolean('extended');
  const events = requestEvents(f, raw['events'], importedAt, (event) =>
    [event.actorOrganizationId, writerOf(event.action, requester, target)].some(
      (p) => p !== null && erasedBy.has(p),
    ),
  );
  if (events) record.events = events;
  if (record.requester !== '' && record.requester === record.target) {
    f.problems.push(`requester and target are the same organization ${quote(record.requester)}`);
  }
  const sent = sentAt ? parseInstant(sentAt) : null;
  if (sent !== null) {
    const due = record.dueAt ? parseInstant(record.dueAt) : defaultDueAt(sent);
    if (due !== null && !(due > sent && due <= latestDueAt(sent))) {
      f.problems.push(
        `dueAt must be after sentAt and at most 2 months after it (${latestDueAt(sent).toISOString()}), got ${quote(record.dueAt)}`,
      );
    }
    if (due !== null) {
      record.dueAt = record.dueAt ?? due.toISOString();
      // A due date other than the default may be the requester's choice (requestAccess takes one), so
      // only the trail says that the target has used its one extension.
      record.extended = extended ?? events?.some((e) => e.action === 'EXTENDED') ?? false;
    }
    const closed = record.closedAt ? parseInstant(record.closedAt) : null;
    if (closed !== null && closed < sent) {
      f.problems.push(`closedAt ${record.closedAt} must not be before sentAt ${sentAt}`);
    }
  }
  if (status === 'OPEN' && record.closedAt) {
    f.problems.push(`closedAt must be absent while the status is OPEN, got ${quote(record.closedAt)}`);
  }
  if (status !== 'OPEN' && !record.closedAt && !f.problems.some((p) => p.startsWith('closedAt'))) {
    f.problems.push(`closedAt is required when the status is ${status}`);
  }
  const erased = checkErasures(f, record);
  // Without its trail a record cannot state its target's erasure, which the database may hold:
  // AccessRequestIndex.storedErasureProblems decides then, not asking for a reason the import would erase.
  if (status === 'DECLINED' && !record.reason && !erased.has(record.target) && record.events !== undefined)
    f.problems.push(DECLINED_WITHOUT_REASON);
  if (record.shareIds && status !== 'GRANTED') {
    f.problems.push(`shareIds belong to a GRANTED request; the status is ${status}`);
  }
  return f.result(record);
}

/** A request's events: undefined when the record leaves them to the import (see AccessRequestRecord). */
/**
 * The parties whose REDACTED events the record's raw events hold: their texts are read as erased ones,
 * before the events are checked (checkErasures), so that no format check quotes them first.
 */
function erasersOf(events: unknown, requester: string, target: string): Set<string> {
  if (!Array.isArray(events)) return new Set();
  return new Set(
    events.flatMap((e: unknown) => {
      if (typeof e !== 'object' || e === null || !('action' in e) || e.action !== 'REDACTED') return [];
      const by = 'actorOrganizationId' in e ? e.actorOrganizationId : undefined;
      return by === requester || by === target ? [by] : [];
    }),
  );
}

/** Whose note an event of `action` holds (NOTES_WRITTEN_BY), null for an action without one. */
function writerOf(action: AccessRequestAction, requester: string, target: string): string | null {
  if (NOTES_WRITTEN_BY.requester.some((a) => a === action)) return requester;
  if (NOTES_WRITTEN_BY.target.some((a) => a === action)) return target;
  return null;
}

/**
 * A request's events; a note `erasedNote` says its party erased is read as an erased text
 * (Fields.erased).
 */
function requestEvents(
  f: Fields,
  value: unknown,
  importedAt: Date | undefined,
  erasedNote: (event: { action: AccessRequestAction; actorOrganizationId: string }) => boolean,
): AccessRequestEventRecord[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    f.problems.push(`events must be an array of at most ${MAX_LIST} request events, got ${quote(value)}`);
    return undefined;
  }
  return value.map((item, i) => {
    const e = asObject(item);
    if (typeof e === 'string') {
      f.problems.push(`events[${i}] ${e}`);
      return { action: 'SENT', at: '', actorUserId: '', actorOrganizationId: '' };
    }
    // A recording time, as a link's event's is (record-rules.ts, eventInstant).
    const at = e.recordedAt('at', importedAt);
    if (at === null && e.problems.length === 0)
      e.problems.push('at must be an ISO 8601 date-time, got nothing');
    const action = e.oneOf('action', ACCESS_REQUEST_ACTIONS) ?? 'SENT';
    const actorUserId = e.text('actorUserId');
    const actorOrganizationId = e.id('actorOrganizationId');
    const event: AccessRequestEventRecord = {
      action,
      at: at ?? '',
      actorUserId,
      actorOrganizationId,
      note: erasedNote({ action, actorOrganizationId }) ? e.erased('note') : (e.text('note', true) ?? null),
      previousDueAt: e.instant('previousDueAt'),
      dueAt: e.instant('dueAt'),
    };
    f.problems.push(...e.problems.map((p) => `events[${i}].${p}`));
    return event;
  });
}

/**
 * The parties that erased their texts on the request (its REDACTED events, redactAccessRequest), checked
 * as the API leaves them: one each, by the requester or the target, on a closed request, not before it
 * closed, without a note, and the party's texts absent (the requester's message, the target's reason,
 * the notes of each one's events): a record that states an erasure does not also restate what it erased.
 */
function checkErasures(f: Fields, record: AccessRequestRecord): Set<string> {
  const erased = new Map<string, number>();
  const closed = record.closedAt ? parseInstant(record.closedAt) : null;
  for (const [i, event] of (record.events ?? []).entries()) {
    if (event.action !== 'REDACTED') continue;
    const by = event.actorOrganizationId;
    const where = `events[${i}] (REDACTED)`;
    if (by !== record.requester && by !== record.target)
      f.problems.push(`${where}: actorOrganizationId must be the requester or the target, got ${quote(by)}`);
    else if (erased.has(by))
      f.problems.push(`${where}: ${quote(by)} erased its texts already in events[${erased.get(by)}]`);
    else erased.set(by, i);
    if ((record.status ?? 'OPEN') === 'OPEN')
      f.problems.push(`${where}: only a closed request's texts are erased; the status is OPEN`);
    const at = parseInstant(event.at);
    if (at !== null && closed !== null && at < closed)
      f.problems.push(`${where}: at must not be before closedAt ${record.closedAt}, got ${quote(event.at)}`);
    if (event.note !== null && event.note !== undefined)
      f.problems.push(`${where}: note must be absent, got ${quoteErased(event.note)}`);
  }
  const texts = [
    { party: record.requester, field: 'message', text: record.message },
    { party: record.target, field: 'reason', text: record.reason },
  ];
  for (const { party, field, text } of texts) {
    if (erased.has(party) && text !== null && text !== undefined)
      f.problems.push(
        `${field} must be absent once ${quote(party)} erased its texts (events[${erased.get(party)}]), got ${quoteErased(text)}`,
      );
  }
  // An event's note is the party's that it names, or whose action it is (NOTES_WRITTEN_BY), as an
  // erasure takes it: a file may name a third organization as an event's actor.
  const writer = (action: AccessRequestAction) => writerOf(action, record.requester, record.target);
  for (const [i, event] of (record.events ?? []).entries()) {
    if (event.action === 'REDACTED' || event.note === null || event.note === undefined) continue;
    const party = [event.actorOrganizationId, writer(event.action)].find((p) => p !== null && erased.has(p));
    if (party)
      f.problems.push(
        `events[${i}].note must be absent once ${quote(party)} erased its texts (events[${erased.get(party)}]), got ${quoteErased(event.note)}`,
      );
  }
  return new Set(erased.keys());
}

/** Where a problem is, for validate.ts to report. */
interface RequestProblem {
  index: number;
  id: string;
  message: string;
}

/** The ends of shares, as the file or the database has them. */
export type ShareEnds = Map<string, { owner: string; recipient: string }>;

/**
 * A share that at most one OPEN request of a requester to a target may ask for at a time (specification,
 * section 8): `scope` is SOURCING or DISCLOSURES, which a request of that scope or BOTH asks for.
 */
export interface RequestTriple {
  requester: string;
  target: string;
  scope: 'SOURCING' | 'DISCLOSURES';
}

/** The key of a triple in ExistingGraph.openAccessRequests. */
export const tripleKey = (t: RequestTriple) => JSON.stringify([t.requester, t.target, t.scope]);

/**
 * A party's erasure of its texts on a request (its REDACTED event) as the database holds it: by which
 * organization, in which role of the stored request (null for an organization that is neither), when.
 */
export interface StoredErasure {
  by: string;
  role: 'requester' | 'target' | null;
  at: string;
}

/** The OPEN request that holds a triple: its id and its own scope (BOTH holds two triples). */
export interface OpenRequest {
  id: string;
  scope: AccessScope;
}

const held = (requester: string, target: string, scope: AccessScope): RequestTriple[] =>
  SHARE_SCOPES_ASKED[scope].map((asked) => ({ requester, target, scope: asked }));

/** "for SOURCING", or for a request of another scope that asks for the same share, both scopes. */
const askingFor = (other: AccessScope, scope: AccessScope) =>
  other === scope ? `for ${scope}` : `for ${other}, which asks for what ${scope} asks for too`;

/** Whether `closedAt` is after instant `at`, both given. */
const closedAfter = (closedAt: string | null | undefined, at: string) => {
  const closed = closedAt ? parseInstant(closedAt) : null;
  const erased = parseInstant(at);
  return closed !== null && erased !== null && closed > erased;
};

/** The cross-record rules of `accessRequests`, fed one checked record at a time. */
export class AccessRequestIndex {
  /** tripleKey -> the file's OPEN request holding it. */
  private readonly open = new Map<
    string,
    { index: number; id: string; scope: AccessScope; triple: RequestTriple }
  >();
  private readonly ids = new Set<string>();
  /**
   * What the database's erasures of the file's requests are checked against (storedErasureProblems):
   * of each record, the fields they concern, and the organizations whose erasure its trail states
   * (`stated`; null without a trail), not the trail itself, which a large file would hold in memory.
   */
  private readonly closings: {
    index: number;
    id: string;
    requester: string;
    target: string;
    status: AccessRequestStatus;
    closedAt: string | null;
    declinedWithoutReason: boolean;
    stated: string[] | null;
  }[] = [];
  private readonly pendingShares: {
    index: number;
    id: string;
    shareId: string;
    owner: string;
    recipient: string;
  }[] = [];

  /** Problems found by `add` (the duplicate open requests); `resolve` returns the rest. */
  readonly problems: RequestProblem[] = [];

  add(index: number, record: AccessRequestRecord): void {
    this.ids.add(record.id);
    const status = record.status ?? 'OPEN';
    this.closings.push({
      index,
      id: record.id,
      requester: record.requester,
      target: record.target,
      status,
      closedAt: record.closedAt ?? null,
      declinedWithoutReason: status === 'DECLINED' && !record.reason,
      stated: record.events?.filter((e) => e.action === 'REDACTED').map((e) => e.actorOrganizationId) ?? null,
    });
    if ((record.status ?? 'OPEN') === 'OPEN') {
      const triples = held(record.requester, record.target, record.scope);
      const first = triples.map((t) => this.open.get(tripleKey(t))).find((o) => o !== undefined);
      if (first !== undefined) {
        this.problems.push({
          index,
          id: record.id,
          message: `accessRequests[${first.index}] (${quote(first.id)}) is already an OPEN request of ${quote(record.requester)} to ${quote(record.target)} ${askingFor(first.scope, record.scope)}: at most one may be open`,
        });
      } else {
        for (const triple of triples)
          this.open.set(tripleKey(triple), { index, id: record.id, scope: record.scope, triple });
      }
    }
    for (const shareId of record.shareIds ?? []) {
      this.pendingShares.push({
        index,
        id: record.id,
        shareId,
        owner: record.target,
        recipient: record.requester,
      });
    }
  }

  /** The triples the file's OPEN requests hold, to look up among the database's open requests. */
  openTriples(): RequestTriple[] {
    return [...this.open.values()].map((o) => o.triple);
  }

  /**
   * An OPEN request of the file one of whose triples the database already holds open under another id,
   * which the file does not carry (a request the file carries gets the file's status, so the file
   * decides); one problem per request.
   */
  collisions(openInDatabase: Map<string, OpenRequest>): RequestProblem[] {
    const problems = new Map<string, RequestProblem>();
    for (const { index, id, scope, triple } of this.open.values()) {
      const other = openInDatabase.get(tripleKey(triple));
      if (other === undefined || other.id === id || this.ids.has(other.id) || problems.has(id)) continue;
      problems.set(id, {
        index,
        id,
        message: `access request ${quote(other.id)} in the database is already an OPEN request of ${quote(triple.requester)} to ${quote(triple.target)} ${askingFor(other.scope, scope)}: at most one may be open`,
      });
    }
    return [...problems.values()];
  }

  /** The ids of the file's requests, to look up the erasures the database holds of them. */
  requestIds(): string[] {
    return [...this.ids];
  }

  /**
   * The import keeps a party's erasure that the database holds and a record does not state (a file
   * written before it), and the record must then say what the erasure needs, or the store it leaves
   * holds a request whose export no import accepts (checkErasures): closed, by the erasure's instant,
   * and the same organization in that role (a request moved to another one would carry an erasure by
   * an organization that is no longer its party, and the file's notes of the one that erased would be
   * kept, its events naming it where the role does not). A declined request's record without its trail
   * needs a reason unless the database holds its target's erasure, which the import keeps.
   */
  storedErasureProblems(stored: Map<string, StoredErasure[]>): RequestProblem[] {
    const problems: RequestProblem[] = [];
    for (const record of this.closings) {
      const { index } = record;
      const party = { requester: record.requester, target: record.target };
      const stated = new Set(record.stated ?? []);
      const erasures = stored.get(record.id) ?? [];
      if (
        record.declinedWithoutReason &&
        record.stated === null &&
        !erasures.some((e) => e.role === 'target' && e.by === record.target)
      )
        problems.push({ index, id: record.id, message: DECLINED_WITHOUT_REASON });
      for (const erasure of erasures) {
        if (erasure.role === null || stated.has(party[erasure.role])) continue;
        const held = `the database holds ${quote(erasure.by)}'s erasure of its texts as the ${erasure.role} (a REDACTED event at ${erasure.at}, redactAccessRequest), which the import keeps`;
        const refuse = (message: string) => problems.push({ index, id: record.id, message });
        const asClosed = 'give the request as it closed (as tiersight export writes it now)';
        if (party[erasure.role] !== erasure.by)
          refuse(
            `${erasure.role} ${quote(party[erasure.role])}: ${held}, and ${quote(erasure.by)} must stay the ${erasure.role}; give ${erasure.role} ${quote(erasure.by)}, or state ${quote(party[erasure.role])}'s erasure in events (a REDACTED event, without its texts)`,
          );
        else if (record.status === 'OPEN')
          refuse(`status OPEN: ${held}, and only a closed request's texts are erased; ${asClosed}`);
        else if (closedAfter(record.closedAt, erasure.at))
          refuse(
            `closedAt ${record.closedAt}: ${held}, and the request must have closed by then; ${asClosed}`,
          );
      }
    }
    return problems;
  }

  /** Share ids the file does not define, to look up in the database. */
  unresolvedShares(inFile: ShareEnds): string[] {
    return [...new Set(this.pendingShares.map((p) => p.shareId).filter((id) => !inFile.has(id)))];
  }

  /** Checks every shareIds entry against the shares of the file, then of the database. */
  resolve(inFile: ShareEnds, inDatabase: ShareEnds, withDatabase: boolean): RequestProblem[] {
    const problems: RequestProblem[] = [];
    for (const p of this.pendingShares) {
      const ends = inFile.get(p.shareId) ?? inDatabase.get(p.shareId);
      if (ends === undefined) {
        problems.push({
          index: p.index,
          id: p.id,
          message: `shareIds: ${quote(p.shareId)} is not a share in the file${withDatabase ? ' or the database' : ''}`,
        });
      } else if (ends.owner !== p.owner || ends.recipient !== p.recipient) {
        problems.push({
          index: p.index,
          id: p.id,
          message: `shareIds: share ${quote(p.shareId)} goes from ${quote(ends.owner)} to ${quote(ends.recipient)}, not from the target ${quote(p.owner)} to the requester ${quote(p.recipient)}`,
        });
      }
    }
    return problems;
  }
}
