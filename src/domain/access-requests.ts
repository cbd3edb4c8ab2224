// Access requests (specification, section 8): a buyer asks an organization in its chain to share its
// sourcing, its disclosures or both. The words, the shapes and the clock rules live here, without I/O,
// so that the API, the importer and the reference model of the tests read the same rules.
import { quote } from './quote.ts';

export const ACCESS_SCOPES = ['SOURCING', 'DISCLOSURES', 'BOTH'] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];

export const ACCESS_REQUEST_STATUSES = ['OPEN', 'GRANTED', 'DECLINED', 'WITHDRAWN'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/**
 * REDACTED: a party erased the texts it wrote (redactAccessRequest); it holds at every instant.
 * REMINDED: the requester reminded the target of the overdue request (remindAccessRequest).
 */
export const ACCESS_REQUEST_ACTIONS = [
  'SENT',
  'EXTENDED',
  'GRANTED',
  'DECLINED',
  'WITHDRAWN',
  'REDACTED',
  'REMINDED',
] as const;
export type AccessRequestAction = (typeof ACCESS_REQUEST_ACTIONS)[number];

/**
 * The events whose note each party writes, by their action (specification, section 8): an erasure
 * takes these notes whichever organization a file names as their actor, as well as the notes of the
 * events that name the party.
 */
export const NOTES_WRITTEN_BY = {
  requester: ['SENT', 'WITHDRAWN', 'REMINDED'],
  target: ['EXTENDED', 'GRANTED', 'DECLINED'],
} as const satisfies Record<'requester' | 'target', readonly AccessRequestAction[]>;

/** The share scopes a request's scope asks for: BOTH asks for a sourcing and a disclosure share. */
export const SHARE_SCOPES_ASKED: Record<AccessScope, readonly ('SOURCING' | 'DISCLOSURES')[]> = {
  SOURCING: ['SOURCING'],
  DISCLOSURES: ['DISCLOSURES'],
  BOTH: ['SOURCING', 'DISCLOSURES'],
};

/**
 * The request scopes that ask for a share `scope` asks for too: at most one open request per (requester,
 * target, scope) counts BOTH as both scopes, so that no grant leaves open a request whose share it created.
 */
export const overlappingScopes = (scope: AccessScope): AccessScope[] =>
  ACCESS_SCOPES.filter((other) =>
    SHARE_SCOPES_ASKED[other].some((asked) => SHARE_SCOPES_ASKED[scope].includes(asked)),
  );

/** overlappingScopes of every scope, as a statement's parameter (`$overlapping[r.scope]`). */
export const OVERLAPPING_SCOPES: Record<AccessScope, AccessScope[]> = {
  SOURCING: overlappingScopes('SOURCING'),
  DISCLOSURES: overlappingScopes('DISCLOSURES'),
  BOTH: overlappingScopes('BOTH'),
};

/** Norway's Transparency Act gives three weeks to answer; a request is due then unless extended. */
export const ANSWER_DAYS = 21;
/** An extension may move the due date to at most this many calendar months after sending. */
const MAX_EXTENSION_MONTHS = 2;
/** The longest message or reason accepted, in characters (a product name has its own bound, MAX_PRODUCT). */
export const MAX_NOTE = 2_000;

const DAY_MS = 86_400_000;

export interface AccessRequest {
  id: string;
  requesterId: string;
  targetId: string;
  scope: AccessScope;
  products: string[];
  message: string | null;
  sentAt: string;
  dueAt: string;
  /** Whether the target has used its one extension. */
  extended: boolean;
  status: AccessRequestStatus;
  closedAt: string | null;
  reason: string | null;
  /** The instant it is shown as of, when in the past (an exposure's asOf): `overdue` is derived then. */
  asOf?: Date;
}

export interface AccessRequestEvent {
  action: AccessRequestAction;
  at: string;
  actorUserId: string;
  actorOrganizationId: string;
  note: string | null;
  /** The instant its request is shown as of, when in the past: its actor answers as of it too. */
  asOf?: Date;
}

/** The default due date: three weeks after sending. */
export const defaultDueAt = (sentAt: Date): Date => new Date(sentAt.getTime() + ANSWER_DAYS * DAY_MS);

/**
 * The latest due date an extension may set: the same time of day two calendar months after sending
 * (UTC), on the month's last day when that month is shorter (31 December -> 28 or 29 February).
 */
export function latestDueAt(sentAt: Date): Date {
  const year = sentAt.getUTCFullYear();
  const month = sentAt.getUTCMonth() + MAX_EXTENSION_MONTHS;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const latest = new Date(sentAt.getTime());
  latest.setUTCFullYear(year, month, Math.min(sentAt.getUTCDate(), lastDay));
  return latest;
}

/** The refusal of a due date later than any a request sent at `sentAt` may have, or null. */
function laterThanLatest(sentAt: Date, dueAt: Date): string | null {
  const latest = latestDueAt(sentAt);
  return dueAt > latest
    ? `dueAt may be at most ${MAX_EXTENSION_MONTHS} months after sending (${latest.toISOString()}), got ${dueAt.toISOString()}`
    : null;
}

/**
 * Why a due date the requester chose is refused, or null when it may: after sending, and no later
 * than an extension could move it (the supplier's right to extend is then spent by the requester's
 * choice, which is the requester's to make).
 */
export function requestedDueProblem(sentAt: Date, dueAt: Date): string | null {
  if (dueAt <= sentAt) {
    return `dueAt must be after the request is sent (${sentAt.toISOString()}), got ${dueAt.toISOString()}`;
  }
  return laterThanLatest(sentAt, dueAt);
}

/** Why a new due date is refused, or null when an extension may set it. */
export function extensionProblem(request: { sentAt: Date; dueAt: Date }, dueAt: Date): string | null {
  if (dueAt <= request.dueAt) {
    return `dueAt must be after the current due date ${request.dueAt.toISOString()}, got ${dueAt.toISOString()}`;
  }
  return laterThanLatest(request.sentAt, dueAt);
}

/**
 * The least time between two reminders of one request: a buyer that is waiting says so once a day at
 * most, so that a supplier's inbox shows a request followed up, not a request repeated.
 */
export const REMINDER_INTERVAL_MS = DAY_MS;

/** What a reminder is judged by: the request's state and its last reminder (null: none yet). */
export interface ReminderState {
  status: AccessRequestStatus;
  dueAt: string;
  lastRemindedAt: string | null;
}

/**
 * The earliest instant the requester may remind the target of an open request: once it is overdue
 * (after `dueAt`, which an extension moves) and a day after the last reminder; null once it is closed.
 * Until the due date the target is within the time it was given (three weeks, Norway's Transparency
 * Act, or the extension it chose), so a reminder then would press for an answer not yet owed.
 */
export function nextReminderAt(request: ReminderState): Date | null {
  if (request.status !== 'OPEN') return null;
  const due = Date.parse(request.dueAt);
  if (request.lastRemindedAt === null) return new Date(due);
  return new Date(Math.max(due, Date.parse(request.lastRemindedAt) + REMINDER_INTERVAL_MS));
}

/** Why request `id` may not be reminded at `at`, or null when it may (nextReminderAt). */
export function reminderProblem(id: string, request: ReminderState, at: Date): string | null {
  const quoted = quote(id);
  if (request.status !== 'OPEN')
    return `access request ${quoted} is ${request.status}: only an OPEN request may be reminded`;
  if (!(Date.parse(request.dueAt) < at.getTime()))
    return (
      `access request ${quoted} is due at ${new Date(request.dueAt).toISOString()}: ` +
      'a reminder may be sent once it is overdue, after that instant'
    );
  const next = nextReminderAt(request)!;
  if (at < next)
    return (
      `access request ${quoted} was reminded at ${new Date(request.lastRemindedAt!).toISOString()}: ` +
      `one reminder a day, the next may be sent from ${next.toISOString()}`
    );
  return null;
}

/** Open and past its due date, at `now`. */
export const isOverdue = (request: { status: AccessRequestStatus; dueAt: string }, now: Date): boolean =>
  request.status === 'OPEN' && new Date(request.dueAt) < now;

/** An access request in a tiersight/v1 file (`accessRequests`). */
export interface AccessRequestRecord {
  id: string;
  /** Organization id of the organization that asks. */
  requester: string;
  /** Organization id of the organization asked. */
  target: string;
  scope: AccessScope;
  products: string[];
  message?: string | null;
  sentAt: string;
  /** Defaults to three weeks after sentAt. */
  dueAt?: string | null;
  /** Whether the target used its one extension; defaults to dueAt differing from the default. */
  extended?: boolean;
  /** Defaults to OPEN. */
  status?: AccessRequestStatus;
  /** Required when the status is not OPEN, absent while it is. */
  closedAt?: string | null;
  /** The reason of the decline or of the extension; required for DECLINED. */
  reason?: string | null;
  /** GRANTED only: the shares the grant gave (created, or an active one it would have repeated), each from the target to the requester. */
  shareIds?: string[] | null;
  /**
   * The request's events. Absent or null: the import records a SENT event at sentAt and, for a
   * closed request, its closing event at closedAt (the trail is replaced, so importing twice leaves the
   * same graph). `tiersight export` writes them so that a restore keeps the trail.
   */
  events?: AccessRequestEventRecord[] | null;
}

export interface AccessRequestEventRecord {
  action: AccessRequestAction;
  at: string;
  actorUserId: string;
  actorOrganizationId: string;
  note?: string | null;
  /** EXTENDED: the due date before the extension (an `asOf` before it shows that one). */
  previousDueAt?: string | null;
  /** EXTENDED: the due date it set. */
  dueAt?: string | null;
}

/**
 * The user id of what an import records with no user of its own: the events of a share or request whose
 * record carries none, a disclosure version that names no user. Not a person: the API documents it.
 */
export const IMPORT_ACTOR = 'tiersight-import';

/** The trail an import records for a request without events: SENT, then its closing event if closed. */
export function importedTrail(record: AccessRequestRecord): AccessRequestEventRecord[] {
  const sent: AccessRequestEventRecord = {
    action: 'SENT',
    at: record.sentAt,
    actorUserId: IMPORT_ACTOR,
    actorOrganizationId: record.requester,
    note: record.message ?? null,
  };
  const status = record.status ?? 'OPEN';
  if (status === 'OPEN' || !record.closedAt) return [sent];
  return [
    sent,
    {
      action: status,
      at: record.closedAt,
      actorUserId: IMPORT_ACTOR,
      actorOrganizationId: status === 'WITHDRAWN' ? record.requester : record.target,
      note: status === 'DECLINED' ? (record.reason ?? null) : null,
    },
  ];
}

/**
 * A request that, granted, shares the target's sourcing (scope SOURCING or BOTH): the one a blind spot
 * waits for. A DISCLOSURES request, granted, leaves it a blind spot (specification, section 5).
 */
export const asksForSourcing = (request: { scope: AccessScope }): boolean =>
  SHARE_SCOPES_ASKED[request.scope].includes('SOURCING');
