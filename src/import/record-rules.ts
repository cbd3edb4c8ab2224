// Checks one record of a tiersight/v1 file on its own and returns it normalized (the shape of
// src/domain/format.ts), or every problem it has. Checks that need other records (references,
// duplicates, share ownership) live in validate.ts.
import { countryCodeRule, isCountryCode } from '../domain/countries.ts';
import { idRule, isWellFormedId } from '../domain/ids.ts';
import { checkedProducts, storedProducts } from '../domain/products.ts';
import {
  MAX_TEXT,
  ORGANIZATION_TYPES,
  PROVENANCES,
  CANDIDATE_STATUSES,
  RISK_KINDS,
  RISK_TOPICS,
  type RiskTopic,
  storedTopics,
  SEVERITIES,
  SHARE_ACTIONS,
  SHARE_SCOPES,
  SUPPLY_LINK_ACTIONS,
  type LinkRecord,
  type MergeRecord,
  type OrganizationRecord,
  type RiskRecord,
  type ScreeningCandidateRecord,
  type ShareEventRecord,
  type ShareRecord,
  type Sourced,
  type SupplyLinkEventRecord,
  type SupplyLinkState,
} from '../domain/format.ts';
import { parseInstant } from '../domain/instants.ts';
import { quote, quoteErased } from '../domain/quote.ts';
import { FINDING_KINDS, REDACTED_FINDING_TEXTS } from '../domain/findings.ts';

export type Checked<T> = { record: T; problems: [] } | { record: null; problems: string[] };

export const MAX_LIST = 10_000;

/** Reads fields off one record, collecting a problem per bad field. */
export class Fields {
  readonly problems: string[] = [];
  constructor(private readonly value: Record<string, unknown>) {}

  private fail(field: string, expected: string, got: unknown): undefined {
    this.problems.push(`${field} ${expected}, got ${quote(got)}`);
    return undefined;
  }

  id(field: string): string {
    const v = this.value[field];
    if (typeof v !== 'string' || !isWellFormedId(v)) {
      this.fail(field, `must be ${idRule()}`, v);
      return '';
    }
    return v;
  }

  text(field: string, optional: true): string | undefined;
  text(field: string, optional?: false): string;
  text(field: string, optional = false): string | undefined {
    const v = this.value[field];
    if ((v === undefined || v === null) && optional) return undefined;
    if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_TEXT) {
      return this.fail(field, `must be a non-empty string of at most ${MAX_TEXT} characters`, v) ?? '';
    }
    return this.wellFormed(field, v) ?? '';
  }

  /** Any string or nothing (its length and content are for the caller's rules), else a problem. */
  loose(field: string): string | null {
    const v = this.value[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return this.wellFormed(field, v) ?? null;
    return this.fail(field, 'must be a string', v) ?? null;
  }

  /**
   * A text the record says its writer erased, which the erasure's own rule wants absent: any string as
   * it is, so that that rule names it by its length (quoteErased) whatever else is wrong with it (too
   * long, no URL, an unpaired surrogate), where a format check would quote its words.
   */
  erased(field: string): string | null {
    const v = this.value[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    return this.fail(field, 'must be a string', v) ?? null;
  }

  /**
   * `v` when it is well-formed UTF-16. JSON's \ud800 escapes can make a string with an unpaired
   * surrogate, which the driver would store as U+FFFD: text the file never said.
   */
  private wellFormed(field: string, v: string): string | undefined {
    if (v.isWellFormed()) return v;
    return this.fail(field, 'must be well-formed Unicode text (it has an unpaired surrogate)', v);
  }

  /** The raw value of a field, for nested records. */
  raw(field: string): unknown {
    return this.value[field];
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], optional = false): T | undefined {
    const v = this.value[field];
    if ((v === undefined || v === null) && optional) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return this.fail(field, `must be one of ${allowed.join(', ')}`, v);
  }

  country(field: string): string {
    const v = this.value[field];
    if (isCountryCode(v)) return v;
    return this.fail(field, countryCodeRule(v), v) ?? '';
  }

  instant(field: string): string | null {
    const v = this.value[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && parseInstant(v) !== null) return v;
    return this.fail(field, 'must be an ISO 8601 date (2014-09-15) or date-time with a zone', v) ?? null;
  }

  /**
   * A recording time (transaction time): an instant, and never after the import that records it, since
   * a file may only say that a record was known earlier than the import. `importedAt` is undefined when
   * a record already validated is read again for writing.
   */
  recordedAt(field: string, importedAt: Date | undefined): string | null {
    const v = this.instant(field);
    if (v !== null && importedAt !== undefined && parseInstant(v)! > importedAt) {
      this.problems.push(
        `${field} must not be after the import (${importedAt.toISOString()}), got ${quote(v)}`,
      );
    }
    return v;
  }

  strings(field: string, what: string, optional: boolean): string[] | undefined {
    const v = this.value[field];
    if ((v === undefined || v === null) && optional) return undefined;
    if (!Array.isArray(v) || v.length > MAX_LIST) {
      return this.fail(field, `must be an array of at most ${MAX_LIST} ${what}`, v);
    }
    const bad = v.findIndex((s) => typeof s !== 'string' || s.trim() === '' || s.length > MAX_TEXT);
    if (bad >= 0) return this.fail(`${field}[${bad}]`, 'must be a non-empty string', v[bad]);
    const strings = v as string[];
    const broken = strings.findIndex((s) => !s.isWellFormed());
    if (broken < 0) return strings;
    this.wellFormed(`${field}[${broken}]`, strings[broken]!);
    return undefined;
  }

  /**
   * Product names within the API's limits, stored as the API stores them (src/domain/products.ts:
   * trimmed, composed, each once), so that a product filter finds them by what a client types.
   */
  products(field: string): string[] {
    const checked = checkedProducts(field, this.strings(field, 'product names', true), 'as-stored');
    this.problems.push(...checked.problems);
    return checked.products;
  }

  /**
   * A share's narrowing list: null (or absent) for all; else ids, none twice. An empty list covers
   * nothing: a share of all one's sourcing that a merge froze while its owner had none (the owner stays
   * a root of the recipient); the API never grants one (shareSourcing refuses an empty list).
   */
  idList(field: string, what: string): string[] | null {
    const v = this.value[field];
    if (v === null || v === undefined) return null;
    const ids = this.strings(field, `${what} ids`, false) ?? [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) this.problems.push(`${field} lists ${quote(id)} twice`);
      seen.add(id);
    }
    return ids;
  }

  /** A list of a vocabulary's words, or nothing; a bad word is a problem naming its place and value. */
  words<T extends string>(field: string, allowed: readonly T[]): T[] | undefined {
    const given = this.strings(field, 'words', true);
    if (given === undefined) return undefined;
    const isAllowed = (word: string): word is T => (allowed as readonly string[]).includes(word);
    const bad = given.findIndex((word) => !isAllowed(word));
    if (bad < 0) return given.filter(isAllowed);
    return this.fail(`${field}[${bad}]`, `must be one of ${allowed.join(', ')}`, given[bad]);
  }

  number(field: string, min: number, max: number): number | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    return this.fail(field, `must be a number from ${min} to ${max}`, v);
  }

  boolean(field: string): boolean | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    return this.fail(field, 'must be true or false', v);
  }

  url(field: string): string | null {
    const v = this.text(field, true);
    if (v === undefined) return null;
    if (/^https?:\/\/\S+$/.test(v)) return v;
    this.problems.push(`${field} must be an http(s) URL, got ${quote(v)}`);
    return null;
  }

  sourced(): Sourced {
    const provenance = this.oneOf('provenance', PROVENANCES, true);
    const sources = this.strings('sources', 'citation strings', true);
    return { ...(provenance ? { provenance } : {}), ...(sources ? { sources } : {}) };
  }

  result<T>(record: T): Checked<T> {
    return this.problems.length === 0 ? { record, problems: [] } : { record: null, problems: this.problems };
  }
}

export function asObject(value: unknown): Fields | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `must be a JSON object, got ${quote(value)}`;
  }
  return new Fields(value as Record<string, unknown>);
}

export function checkOrganization(value: unknown, importedAt?: Date): Checked<OrganizationRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const raw = value as Record<string, unknown>;
  const record: OrganizationRecord = {
    id: f.id('id'),
    name: f.text('name'),
    type: f.oneOf('type', ORGANIZATION_TYPES) ?? 'PURCHASER',
    country: f.country('country'),
    ...f.sourced(),
  };
  const city = f.text('city', true);
  const region = f.text('region', true);
  // Open Supply Hub spells it os_id; both spellings are accepted.
  const osId = raw['osId'] !== undefined ? f.text('osId', true) : f.text('os_id', true);
  // Coordinates come either as latitude/longitude fields or as `coordinates: { lat, lng }`.
  let latitude: number | undefined;
  let longitude: number | undefined;
  if (raw['coordinates'] !== undefined && raw['coordinates'] !== null) {
    const c = asObject(raw['coordinates']);
    if (typeof c === 'string') f.problems.push(`coordinates ${c}`);
    else {
      latitude = c.number('lat', -90, 90);
      longitude = c.number('lng', -180, 180);
      f.problems.push(...c.problems.map((p) => `coordinates.${p}`));
    }
  } else {
    latitude = f.number('latitude', -90, 90);
    longitude = f.number('longitude', -180, 180);
  }
  const aliases = f.strings('aliases', 'names', true);
  const listed = f.boolean('listed');
  const listedAt = f.recordedAt('listedAt', importedAt);
  if (listedAt !== null && listed === false)
    f.problems.push(`listedAt ${listedAt} is only for a listed organization, and listed is false`);
  const address = f.text('address', true);
  const facility = {
    sectors: f.strings('sectors', 'sectors', true),
    productTypes: f.strings('productTypes', 'product types', true),
    facilityTypes: f.strings('facilityTypes', 'facility types', true),
    processingTypes: f.strings('processingTypes', 'processing types', true),
    parentCompanies: f.strings('parentCompanies', 'names', true),
    numberOfWorkers: f.text('numberOfWorkers', true),
    closed: f.boolean('closed'),
  };
  Object.assign(record, {
    ...(address ? { address } : {}),
    ...Object.fromEntries(Object.entries(facility).filter(([, v]) => v !== undefined)),
    ...(city ? { city } : {}),
    ...(region ? { region } : {}),
    ...(osId ? { osId } : {}),
    ...(latitude !== undefined ? { latitude } : {}),
    ...(longitude !== undefined ? { longitude } : {}),
    ...(aliases ? { aliases } : {}),
    ...(listed !== undefined ? { listed } : {}),
    ...(listedAt !== null ? { listedAt } : {}),
  });
  return f.result(record);
}

export function checkLink(value: unknown, importedAt?: Date): Checked<LinkRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const record: LinkRecord = {
    id: f.id('id'),
    supplier: f.id('supplier'),
    customer: f.id('customer'),
    // Stored as the API stores them, but without its limits: a backup of a link an earlier import
    // recorded with a longer name restores whole.
    products: storedProducts(f.strings('products', 'product names', true) ?? []),
    validFrom: f.instant('validFrom'),
    validTo: f.instant('validTo'),
    recordedAt: f.recordedAt('recordedAt', importedAt),
    ...f.sourced(),
  };
  if (record.supplier !== '' && record.supplier === record.customer) {
    f.problems.push(`supplier and customer are the same organization ${quote(record.supplier)}`);
  }
  const supersededBy = f.raw('supersededBy') == null ? null : f.id('supersededBy');
  if (supersededBy !== null) record.supersededBy = supersededBy;
  const events = eventList(f, f.raw('events'), 'link events', (e) => linkEvent(e, importedAt));
  if (events) record.events = events;
  if (record.validFrom && record.validTo) {
    const [from, to] = [parseInstant(record.validFrom)!, parseInstant(record.validTo)!];
    // Equal only for a link its customer called off before it started (src/modules/sourcing), which
    // its trail shows: it holds at no instant.
    const calledOff = events?.some((e) => e.action !== 'DECLARED') ?? false;
    if (!(from < to) && !(calledOff && from.getTime() === to.getTime()))
      f.problems.push(
        `validFrom ${record.validFrom} must be before validTo ${record.validTo}` +
          (from.getTime() === to.getTime()
            ? ' (equal only for a link ended before it started, with its events)'
            : ''),
      );
  }
  return f.result(record);
}

export function checkShare(value: unknown, importedAt?: Date): Checked<ShareRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const scope = f.oneOf('scope', SHARE_SCOPES, true) ?? 'SOURCING';
  const linkIds = f.idList('linkIds', 'link');
  const disclosureIds = f.idList('disclosureIds', 'disclosure');
  if (scope === 'SOURCING' && disclosureIds !== null)
    f.problems.push('disclosureIds is only for shares of scope DISCLOSURES; use linkIds for SOURCING');
  if (scope === 'DISCLOSURES' && linkIds !== null)
    f.problems.push('linkIds is only for shares of scope SOURCING; use disclosureIds for DISCLOSURES');
  const record: ShareRecord = {
    id: f.id('id'),
    owner: f.id('owner'),
    recipient: f.id('recipient'),
    scope,
    linkIds,
    disclosureIds,
    expiresAt: f.instant('expiresAt'),
    // A transaction time like createdAt: the server sets it when a revoke happens, so a file may state
    // one that happened before the import, never one to come ("now" would count the share revoked while
    // `asOf` a moment later counted it active).
    revokedAt: f.recordedAt('revokedAt', importedAt),
    createdAt: f.recordedAt('createdAt', importedAt),
  };
  const events = eventList(f, f.raw('events'), 'share events', (e) => shareEvent(e, importedAt));
  if (events) record.events = events;
  if (record.owner !== '' && record.owner === record.recipient) {
    f.problems.push(`owner and recipient are the same organization ${quote(record.owner)}`);
  }
  return f.result(record);
}

/**
 * An audit trail: undefined when the record leaves the trail in the database as it is. Each entry is
 * read by `entry`, its problems named by their index.
 */
function eventList<T>(f: Fields, value: unknown, what: string, entry: (e: Fields) => T): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    f.problems.push(`events must be an array of at most ${MAX_LIST} ${what}, got ${quote(value)}`);
    return undefined;
  }
  return value.map((item, i) => {
    const e = asObject(item);
    if (typeof e === 'string') {
      f.problems.push(`events[${i}] ${e}`);
      return entry(new Fields({}));
    }
    const event = entry(e);
    f.problems.push(...e.problems.map((p) => `events[${i}].${p}`));
    return event;
  });
}

/**
 * When an event happened: required, unlike the optional instants of records, and a recording time,
 * never after the import: the next change of its record is stamped after its trail's latest event
 * (locked-instant.ts), so one a file dates decades ahead would carry every later change there.
 */
function eventInstant(e: Fields, importedAt: Date | undefined): string {
  const at = e.recordedAt('at', importedAt);
  // null without a problem: the field is missing rather than malformed.
  if (at === null && e.problems.length === 0)
    e.problems.push('at must be an ISO 8601 date-time, got nothing');
  return at ?? '';
}

function shareEvent(e: Fields, importedAt: Date | undefined): ShareEventRecord {
  const at = eventInstant(e, importedAt);
  return {
    action: e.oneOf('action', SHARE_ACTIONS) ?? 'GRANTED',
    at,
    actorUserId: e.text('actorUserId'),
    actorOrganizationId: e.id('actorOrganizationId'),
  };
}

/** A link's terms as an event records them; `field` names it in problems. */
function linkState(e: Fields, field: string): SupplyLinkState {
  const s = asObject(e.raw(field));
  if (typeof s === 'string') {
    e.problems.push(`${field} ${s}`);
    return { supplierId: '', products: [], validFrom: null, validTo: null };
  }
  const state: SupplyLinkState = {
    supplierId: s.id('supplierId'),
    products: s.strings('products', 'product names', false) ?? [],
    validFrom: s.instant('validFrom'),
    validTo: s.instant('validTo'),
  };
  e.problems.push(...s.problems.map((p) => `${field}.${p}`));
  return state;
}

/** Fields an action does not have stay absent, as the API stores them (src/modules/sourcing). */
function linkEvent(e: Fields, importedAt: Date | undefined): SupplyLinkEventRecord {
  const at = eventInstant(e, importedAt);
  const action = e.oneOf('action', SUPPLY_LINK_ACTIONS) ?? 'DECLARED';
  const event: SupplyLinkEventRecord = {
    action,
    at,
    actorUserId: e.text('actorUserId'),
    actorOrganizationId: e.id('actorOrganizationId'),
    after: linkState(e, 'after'),
  };
  if (action === 'AMENDED') event.successorId = e.id('successorId');
  if (action === 'DECLARED') event.supplierCreated = e.boolean('supplierCreated') ?? false;
  else event.before = linkState(e, 'before');
  return event;
}

export function checkMerge(value: unknown): Checked<MergeRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const mergedAt = f.instant('mergedAt');
  if (mergedAt === null && f.problems.length === 0)
    f.problems.push('mergedAt must be an ISO 8601 date-time, got nothing');
  const record: MergeRecord = {
    id: f.id('id'),
    into: f.id('into'),
    mergedInto: f.id('mergedInto'),
    name: f.text('name'),
    mergedAt: mergedAt ?? '',
    actorUserId: f.text('actorUserId'),
    frozenShareIds: f.idList('frozenShareIds', 'share') ?? [],
  };
  if (record.id !== '' && (record.id === record.into || record.id === record.mergedInto)) {
    f.problems.push(`${quote(record.id)} cannot be merged into itself`);
  }
  return f.result(record);
}

/**
 * A monitor's finding (src/modules/findings) names its monitor and user together; a withdrawal, when and
 * by whom, and only of a finding. Written only when present, as listEntryId is. The withdrawal is a
 * recording time, as a share's revokedAt is: not after the import, and not before the finding was
 * recorded (the import's instant when the file gives no recordedAt), or reads would disagree on it.
 */
/** Whether a record gives `field` at all (null is not giving it), well-formed or not. */
const hasField = (f: Fields, field: string) => f.raw(field) !== undefined && f.raw(field) !== null;

function checkFindingFields(f: Fields, record: RiskRecord, importedAt: Date | undefined): void {
  if (hasField(f, 'recordedBy')) record.recordedBy = f.id('recordedBy');
  const recordedByUserId = f.text('recordedByUserId', true);
  if (recordedByUserId !== undefined) record.recordedByUserId = recordedByUserId;
  const withdrawnAt = f.recordedAt('withdrawnAt', importedAt);
  if (withdrawnAt !== null) record.withdrawnAt = withdrawnAt;
  const given = record.recordedAt ?? null;
  const recorded = given ?? importedAt?.toISOString();
  if (
    withdrawnAt !== null &&
    recorded !== undefined &&
    parseInstant(withdrawnAt)! < parseInstant(recorded)!
  ) {
    const when = given === null ? `the import, ${quote(recorded)}, when none is given` : quote(given);
    f.problems.push(`withdrawnAt must not be before recordedAt (${when}), got ${quote(withdrawnAt)}`);
  }
  const withdrawnByUserId = f.text('withdrawnByUserId', true);
  if (withdrawnByUserId !== undefined) record.withdrawnByUserId = withdrawnByUserId;
  if ((record.recordedBy === undefined) !== (record.recordedByUserId === undefined))
    f.problems.push('recordedBy and recordedByUserId go together: give both for a finding, or neither');
  // Given but malformed, withdrawnAt has its own problem: this one is for a field left out.
  if (hasField(f, 'withdrawnAt') === (record.withdrawnByUserId === undefined))
    f.problems.push('withdrawnAt and withdrawnByUserId go together: give both, or neither');
  if (record.withdrawnAt !== undefined && record.recordedBy === undefined)
    f.problems.push('withdrawnAt is only for a finding: give its recordedBy too');
  // The API refuses a finding about its own monitor: a file may not hold one either.
  if (record.recordedBy !== undefined && record.recordedBy === record.organization)
    f.problems.push(
      `recordedBy must be another organization than the finding's organization, got ${quote(record.recordedBy)}`,
    );
  if (record.recordedBy !== undefined && !(FINDING_KINDS as readonly string[]).includes(record.kind))
    f.problems.push(
      `a finding (recordedBy) is of kind ${FINDING_KINDS.join(' or ')}, got ${quote(record.kind)}`,
    );
}

/**
 * A finding whose monitor erased its texts (redactFinding): when and by whom, both or neither, only of a
 * withdrawn finding and not before its withdrawal (a recording time, not after the import either), its
 * source empty and no description or evidence URL, as the erasure left them. The keys only then.
 */
function checkFindingRedaction(f: Fields, record: RiskRecord, importedAt: Date | undefined): void {
  const redactedAt = f.recordedAt('redactedAt', importedAt);
  const redactedByUserId = f.text('redactedByUserId', true);
  // Given but malformed, an instant has its own problem: these are for a field left out.
  if (hasField(f, 'redactedAt') === (redactedByUserId === undefined))
    f.problems.push('redactedAt and redactedByUserId go together: give both, or neither');
  if (redactedAt === null) return;
  record.redactedAt = redactedAt;
  if (redactedByUserId !== undefined) record.redactedByUserId = redactedByUserId;
  if (!hasField(f, 'withdrawnAt'))
    f.problems.push(
      `redactedAt ${redactedAt}: only a withdrawn finding is redacted: give its withdrawnAt too`,
    );
  else if (record.withdrawnAt !== undefined && parseInstant(redactedAt)! < parseInstant(record.withdrawnAt)!)
    f.problems.push(
      `redactedAt must not be before withdrawnAt (${quote(record.withdrawnAt)}), got ${quote(redactedAt)}`,
    );
  if (record.source !== REDACTED_FINDING_TEXTS.source)
    f.problems.push(
      `source must be empty in a redacted finding (redactedAt), got ${quoteErased(record.source)}`,
    );
  for (const field of ['description', 'evidenceUrl'] as const) {
    const text = record[field];
    if (text !== undefined && text !== null)
      f.problems.push(`${field} must be absent in a redacted finding (redactedAt), got ${quoteErased(text)}`);
  }
}

/**
 * The source of a record that says its finding was erased: a string (checkFindingRedaction wants it
 * empty); one left out is asked for as the erasure left it, not as a finding that stands needs it.
 */
function erasedSource(f: Fields): string {
  const given = f.raw('source');
  if (given === undefined || given === null) {
    f.problems.push(`source must be empty ("") in a redacted finding (redactedAt), got ${quote(given)}`);
    return '';
  }
  return f.erased('source') ?? '';
}

/** A record's `topics` as stored (storedTopics), or nothing when it gives none. */
function recordTopics(f: Fields): { topics?: RiskTopic[] } {
  const topics = f.words('topics', RISK_TOPICS);
  return topics === undefined || topics.length === 0 ? {} : { topics: storedTopics(topics) };
}

export function checkRisk(value: unknown, importedAt?: Date): Checked<RiskRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const redacted = hasField(f, 'redactedAt');
  const record: RiskRecord = {
    id: f.id('id'),
    organization: f.id('organization'),
    kind: f.oneOf('kind', RISK_KINDS) ?? 'REPORT',
    // Erased, a finding's required source is empty (checkFindingRedaction holds it so).
    source: redacted ? erasedSource(f) : f.text('source'),
    severity: f.oneOf('severity', SEVERITIES) ?? 'LOW',
    // Absent when none, as listEntryId is below.
    ...recordTopics(f),
    description: redacted ? f.erased('description') : (f.text('description', true) ?? null),
    evidenceUrl: redacted ? f.erased('evidenceUrl') : f.url('evidenceUrl'),
    observedAt: f.instant('observedAt'),
    recordedAt: f.recordedAt('recordedAt', importedAt),
  };
  // Written only when present, so that files of hand-written indicators stay as they were.
  const listEntryId = f.text('listEntryId', true);
  if (listEntryId !== undefined && listEntryId !== null) record.listEntryId = listEntryId;
  const delistedAt = f.instant('delistedAt');
  if (delistedAt !== null) record.delistedAt = delistedAt;
  checkFindingFields(f, record, importedAt);
  checkFindingRedaction(f, record, importedAt);
  return f.result(record);
}

/**
 * A screening candidate: what `screen --apply` kept and, once decided, the decision (a decided one
 * says when and by whom; a pending one says neither). Transaction times (createdAt, decidedAt) are
 * not after the import.
 */
export function checkScreeningCandidate(
  value: unknown,
  importedAt?: Date,
): Checked<ScreeningCandidateRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const record: ScreeningCandidateRecord = {
    id: f.id('id'),
    organization: f.id('organization'),
    indicatorId: f.id('indicatorId'),
    source: f.text('source'),
    listEntryId: f.text('listEntryId'),
    severity: f.oneOf('severity', SEVERITIES) ?? 'LOW',
    ...recordTopics(f),
    description: f.text('description'),
    evidenceUrl: f.url('evidenceUrl'),
    entryName: f.text('entryName'),
    program: f.text('program', true) ?? null,
    matchedName: f.text('matchedName'),
    matchedEntryName: f.text('matchedEntryName'),
    score: f.number('score', 0, 1) ?? 0,
    explanation: f.strings('explanation', 'lines', false) ?? [],
    observedAt: f.instant('observedAt'),
    status: f.oneOf('status', CANDIDATE_STATUSES) ?? 'PENDING',
    createdAt: f.recordedAt('createdAt', importedAt),
    decidedAt: f.recordedAt('decidedAt', importedAt),
    decidedByUserId: f.text('decidedByUserId', true) ?? null,
    decidedForOrganizationId:
      f.raw('decidedForOrganizationId') == null ? null : f.id('decidedForOrganizationId'),
    note: f.text('note', true) ?? null,
    delistedAt: f.instant('delistedAt'),
  };
  if (f.raw('score') == null) f.problems.push('score must be a number from 0 to 1, got nothing');
  const decided = record.status !== 'PENDING';
  if (decided && (record.decidedAt === null || record.decidedByUserId === null))
    f.problems.push(
      `a ${record.status} candidate says when and by whom: decidedAt and decidedByUserId are required`,
    );
  if (!decided && (record.decidedAt !== null || record.decidedByUserId !== null || record.note !== null))
    f.problems.push('a PENDING candidate is not decided: no decidedAt, decidedByUserId or note');
  return f.result(record);
}
