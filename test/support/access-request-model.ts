// A direct transcription of specification, section 8 (access requests) and the decisions of
// docs/specification.md, over the rule-5 reference model: the oracle that the property tests compare
// the API with. Plain loops and no shared code with src/ beyond the visibility oracle, so that a rule
// misread in the service is not misread here as well.
import type { LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';
import { ReferenceModel } from './reference-model.ts';

export type Scope = 'SOURCING' | 'DISCLOSURES' | 'BOTH';
export type Status = 'OPEN' | 'GRANTED' | 'DECLINED' | 'WITHDRAWN';
export type Outcome = 'OK' | 'NOT_FOUND' | 'BAD_USER_INPUT';

/** An event: what happened, by which organization, with which text (null: none, or erased). */
export interface ModelEvent {
  action: string;
  by: string;
  note: string | null;
}

export interface ModelRequest {
  /** Its place in the order of creation (the API's ids are random). */
  index: number;
  requester: string;
  target: string;
  scope: Scope;
  /** The products asked about (empty: all). */
  products: string[];
  sentAt: Date;
  dueAt: Date;
  extended: boolean;
  status: Status;
  /** The requester's message. */
  message: string | null;
  /** The reason given with the last decline or extension. */
  reason: string | null;
  /** The scopes of the shares a grant created. */
  shares: ('SOURCING' | 'DISCLOSURES')[];
  events: ModelEvent[];
}

export interface ModelDisclosure {
  id: string;
  owner: string;
  withdrawn: boolean;
}

export interface GrantArguments {
  linkIds?: string[];
  disclosureIds?: string[];
  /** Of a BOTH request, the one scope granted; another request's must be its own scope. */
  grantScope?: Scope;
}

const DAY = 86_400_000;

/** Two calendar months after `sent` (UTC), on the month's last day when it is shorter. */
function twoMonthsAfter(sent: Date): Date {
  const y = sent.getUTCFullYear();
  const m = sent.getUTCMonth() + 2;
  const daysInMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(sent.getUTCDate(), daysInMonth),
      sent.getUTCHours(),
      sent.getUTCMinutes(),
      sent.getUTCSeconds(),
      sent.getUTCMilliseconds(),
    ),
  );
}

export class AccessRequestModel {
  readonly requests: ModelRequest[] = [];
  private readonly visibility: ReferenceModel;

  /** `file` gains the shares that grants create, so that visibility follows them. */
  constructor(
    private readonly file: TiersightFile,
    private readonly disclosures: ModelDisclosure[],
  ) {
    this.visibility = new ReferenceModel(file, new Date(0));
  }

  /** Rule 5 over the graph with the shares that grants created. */
  mayLookUp(viewer: string, id: string, now: Date): boolean {
    return this.visibility.visible(viewer, id, { t: now, historical: false });
  }

  request(
    viewer: string,
    target: string,
    scope: Scope,
    sentAt: Date,
    products: string[] = [],
    message: string | null = null,
  ): Outcome {
    if (target === viewer) return 'BAD_USER_INPUT';
    if (!this.mayLookUp(viewer, target, sentAt)) return 'NOT_FOUND';
    if (this.openOf(viewer, target, scope) !== undefined) return 'BAD_USER_INPUT';
    this.requests.push({
      index: this.requests.length,
      requester: viewer,
      target,
      scope,
      products,
      sentAt,
      dueAt: new Date(sentAt.getTime() + 21 * DAY),
      extended: false,
      status: 'OPEN',
      message,
      reason: null,
      shares: [],
      events: [{ action: 'SENT', by: viewer, note: message }],
    });
    return 'OK';
  }

  /** An open request of `requester` to `target` that asks for a share `scope` asks for: BOTH asks for both. */
  openOf(requester: string, target: string, scope: Scope): ModelRequest | undefined {
    const asks = (s: Scope, share: 'SOURCING' | 'DISCLOSURES') => s === share || s === 'BOTH';
    return this.requests.find(
      (r) =>
        r.requester === requester &&
        r.target === target &&
        r.status === 'OPEN' &&
        ((asks(r.scope, 'SOURCING') && asks(scope, 'SOURCING')) ||
          (asks(r.scope, 'DISCLOSURES') && asks(scope, 'DISCLOSURES'))),
    );
  }

  /** Only the target answers; the reason is given for DECLINE and EXTEND. */
  /** `withReason` false: no reason given, refused before the request is looked up. */
  decline(viewer: string, index: number, withReason: boolean): Outcome {
    if (!withReason) return 'BAD_USER_INPUT';
    const r = this.requests[index]!;
    if (r.target !== viewer) return 'NOT_FOUND';
    if (r.status !== 'OPEN') return 'BAD_USER_INPUT';
    Object.assign(r, { status: 'DECLINED', reason: 'declined' });
    r.events.push({ action: 'DECLINED', by: viewer, note: 'declined' });
    return 'OK';
  }

  extend(viewer: string, index: number, dueAt: Date): Outcome {
    const r = this.requests[index]!;
    if (r.target !== viewer) return 'NOT_FOUND';
    if (r.status !== 'OPEN' || r.extended) return 'BAD_USER_INPUT';
    if (!(dueAt > r.dueAt) || dueAt > twoMonthsAfter(r.sentAt)) return 'BAD_USER_INPUT';
    Object.assign(r, { dueAt, extended: true, reason: 'extended' });
    r.events.push({ action: 'EXTENDED', by: viewer, note: 'extended' });
    return 'OK';
  }

  grant(viewer: string, index: number, args: GrantArguments, now: Date): Outcome {
    const r = this.requests[index]!;
    if (r.target !== viewer) return 'NOT_FOUND';
    if (r.status !== 'OPEN') return 'BAD_USER_INPUT';
    if (args.grantScope && args.grantScope !== r.scope && r.scope !== 'BOTH') return 'BAD_USER_INPUT';
    const granted = args.grantScope ?? r.scope;
    const sourcing = granted !== 'DISCLOSURES';
    const disclosing = granted !== 'SOURCING';
    if (args.linkIds && !sourcing) return 'BAD_USER_INPUT';
    if (args.disclosureIds && !disclosing) return 'BAD_USER_INPUT';
    // A link to share must be the target's and hold at the grant or later: a share counts from now, so
    // an ended one (or one called off before its start) would show nothing, and is refused.
    const holds = (l: LinkRecord) =>
      (l.validTo == null || now < new Date(l.validTo)) &&
      !(l.validFrom != null && l.validTo != null && Date.parse(l.validFrom) === Date.parse(l.validTo));
    const own = (linkId: string) =>
      this.file.links.some((l) => l.id === linkId && l.customer === viewer && holds(l));
    if (args.linkIds && !args.linkIds.every(own)) return 'BAD_USER_INPUT';
    const published = (id: string) =>
      this.disclosures.some((d) => d.id === id && d.owner === viewer && !d.withdrawn);
    if (args.disclosureIds && !args.disclosureIds.every(published)) return 'BAD_USER_INPUT';
    // Without linkIds, a request naming products gets the target's links that have not ended and
    // carry one of them (none: refused); one naming none gets every link, now and later.
    let linkIds = args.linkIds ?? null;
    if (sourcing && linkIds === null && r.products.length > 0) {
      linkIds = this.file.links
        .filter((l) => l.customer === viewer && holds(l) && l.products.some((p) => r.products.includes(p)))
        .map((l) => l.id)
        .sort();
      if (linkIds.length === 0) return 'BAD_USER_INPUT';
    }
    // A grant gives no reason here: the request keeps the one of its extension, if any.
    r.status = 'GRANTED';
    r.events.push({ action: 'GRANTED', by: viewer, note: null });
    const share = (suffix: string, linkIds: string[] | null): ShareRecord => ({
      id: `grant-${index}-${suffix}`,
      owner: r.target,
      recipient: r.requester,
      linkIds,
      createdAt: now.toISOString(),
    });
    if (sourcing) {
      r.shares.push('SOURCING');
      this.file.shares.push(share('sourcing', linkIds));
    }
    if (disclosing) {
      r.shares.push('DISCLOSURES');
      // A disclosure share makes its owner a root of the recipient (rule 2) and discloses no link
      // (rules 1 and 7): a share that covers no link.
      this.file.shares.push(share('disclosures', []));
    }
    return 'OK';
  }

  /** Only the requester withdraws, and only an open request; withdrawing again changes nothing. */
  withdraw(viewer: string, index: number): Outcome {
    const r = this.requests[index]!;
    if (r.requester !== viewer) return 'NOT_FOUND';
    if (r.status === 'WITHDRAWN') return 'OK';
    if (r.status !== 'OPEN') return 'BAD_USER_INPUT';
    r.status = 'WITHDRAWN';
    r.events.push({ action: 'WITHDRAWN', by: viewer, note: null });
    return 'OK';
  }

  /**
   * Either party erases the texts it wrote, once the request is closed: the requester its message, the
   * target its reason, each the notes of its own events; a REDACTED event says so. Once: again changes
   * nothing, as does an erasure by a party that wrote nothing there. Anybody else: as a missing id.
   */
  redact(viewer: string, index: number): Outcome {
    const r = this.requests[index]!;
    if (r.requester !== viewer && r.target !== viewer) return 'NOT_FOUND';
    if (r.status === 'OPEN') return 'BAD_USER_INPUT';
    if (r.events.some((e) => e.action === 'REDACTED' && e.by === viewer)) return 'OK';
    // A party that wrote nothing there (left) erases nothing, and no REDACTED event says it did.
    const own = r.requester === viewer ? r.message : r.reason;
    if (own === null && r.events.every((e) => e.by !== viewer || e.note === null)) return 'OK';
    if (r.requester === viewer) r.message = null;
    if (r.target === viewer) r.reason = null;
    for (const e of r.events) if (e.by === viewer) e.note = null;
    r.events.push({ action: 'REDACTED', by: viewer, note: null });
    return 'OK';
  }

  /** Moves a request's clock `days` into the past (sentAt and dueAt), as the test does in the graph. */
  age(index: number, days: number): void {
    const r = this.requests[index]!;
    r.sentAt = new Date(r.sentAt.getTime() - days * DAY);
    r.dueAt = new Date(r.dueAt.getTime() - days * DAY);
  }

  overdue(r: ModelRequest, now: Date): boolean {
    return r.status === 'OPEN' && r.dueAt < now;
  }

  /** What `accessRequest(id)` shows `viewer`: the request to its parties, nothing to anybody else. */
  sees(viewer: string, index: number): boolean {
    const r = this.requests[index]!;
    return r.requester === viewer || r.target === viewer;
  }

  sent(viewer: string, status: Status | null): ModelRequest[] {
    return this.requests
      .filter((r) => r.requester === viewer && (status === null || r.status === status))
      .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime() || b.index - a.index);
  }

  received(viewer: string, status: Status | null): ModelRequest[] {
    const open = (r: ModelRequest) => (r.status === 'OPEN' ? 0 : 1);
    return this.requests
      .filter((r) => r.target === viewer && (status === null || r.status === status))
      .sort(
        (a, b) =>
          open(a) - open(b) ||
          (open(a) === 0 ? a.dueAt.getTime() - b.dueAt.getTime() : 0) ||
          b.sentAt.getTime() - a.sentAt.getTime() ||
          b.index - a.index,
      );
  }
}
