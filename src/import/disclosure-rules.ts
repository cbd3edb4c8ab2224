// Checks one `disclosures` record of a tiersight/v1 file on its own (specification, section 2, rule 8,
// and the content rules the API keeps: src/domain/disclosures.ts): types here, then the domain's rules
// over the current content and every version of `history`. References (owner, subject, the
// owner-subject link) are checked in validate.ts.
import {
  checkContent,
  MAX_EARLIER_VERSIONS,
  type ActionSubmission,
  type ContentSubmission,
} from '../domain/disclosures.ts';
import {
  ACTION_STATUSES,
  DISCLOSURE_KINDS,
  SEVERITIES,
  VERIFICATIONS,
  type DisclosureRecord,
  type DisclosureVersionRecord,
} from '../domain/format.ts';
import { parseInstant } from '../domain/instants.ts';
import type { Fields } from './record-rules.ts';
import { quote } from '../domain/quote.ts';
import { asObject, type Checked } from './record-rules.ts';

const MAX_ACTIONS = 10_000;
/** For a record read again for writing (already validated): no instant is "in the future". */
const END_OF_TIME = new Date(8.64e15);

function actionsOf(f: Fields, at: string, redacted: boolean): ActionSubmission[] {
  const value = f.raw('actions');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_ACTIONS) {
    f.problems.push(`${at}actions must be an array of corrective actions, got ${quote(value)}`);
    return [];
  }
  return value.flatMap((item, i) => {
    const a = asObject(item);
    if (typeof a === 'string') {
      f.problems.push(`${at}actions[${i}] ${a}`);
      return [];
    }
    const action: ActionSubmission = {
      id: a.loose('id') ?? '',
      finding: (redacted ? a.erased('finding') : a.loose('finding')) ?? '',
      severity: a.oneOf('severity', SEVERITIES) ?? 'LOW',
      action: (redacted ? a.erased('action') : a.loose('action')) ?? '',
      dueAt: a.loose('dueAt') ?? '',
      status: a.oneOf('status', ACTION_STATUSES, true) ?? null,
      verification: a.oneOf('verification', VERIFICATIONS, true) ?? null,
      closedAt: a.loose('closedAt'),
    };
    f.problems.push(...a.problems.map((p) => `${at}actions[${i}].${p}`));
    return [action];
  });
}

/**
 * The content fields of `f` (the record, or one version of its history), typed; the texts of a
 * `redacted` one as erased ones (Fields.erased), which checkContent names by their length.
 */
function submission(f: Fields, at: string, redacted: boolean): ContentSubmission {
  const text = (field: string) => (redacted ? f.erased(field) : f.loose(field));
  const products = f.raw('products');
  if (
    products !== undefined &&
    products !== null &&
    (!Array.isArray(products) || products.some((p) => typeof p !== 'string'))
  )
    f.problems.push(`${at}products must be an array of product names, got ${quote(products)}`);
  return {
    title: text('title') ?? '',
    summary: text('summary'),
    issuer: text('issuer'),
    standard: text('standard'),
    products: Array.isArray(products) ? products.filter((p): p is string => typeof p === 'string') : [],
    issuedAt: f.loose('issuedAt') ?? '',
    validUntil: f.loose('validUntil'),
    documentUrl: text('documentUrl'),
    documentSha256: f.loose('documentSha256'),
    actions: actionsOf(f, at, redacted),
  };
}

/**
 * When and by whom a version's texts were erased, both absent (null) when they were not: only a
 * version recorded by then, and the names of the fields in problems without the version's prefix,
 * which the caller adds for history entries.
 */
function redaction(f: Fields, recordedAt: string | null, importedAt: Date | undefined) {
  const redactedAt = f.recordedAt('redactedAt', importedAt);
  const redactedBy = f.text('redactedBy', true) ?? null;
  if (redactedBy !== null && redactedAt === null)
    f.problems.push(`redactedBy must be absent while redactedAt is, got ${quote(redactedBy)}`);
  const erased = redactedAt === null ? null : parseInstant(redactedAt);
  const recorded = recordedAt === null ? null : parseInstant(recordedAt);
  if (erased && recorded && erased < recorded)
    f.problems.push(`redactedAt ${redactedAt} must not be before the version's recordedAt ${recordedAt}`);
  return { redactedAt, redactedBy };
}

/**
 * One version: its content checked by the domain's rules, when and by whom it was recorded, and its
 * redaction when it has one (the keys only then: a file of versions never redacted reads as before).
 */
function version(
  f: Fields,
  kind: DisclosureRecord['kind'],
  at: string,
  importedAt: Date | undefined,
): DisclosureVersionRecord {
  // Judged by the key alone: a malformed redactedAt is refused, and still says the texts were erased.
  const redacted = f.raw('redactedAt') !== undefined && f.raw('redactedAt') !== null;
  const submitted = submission(f, at, redacted);
  const recordedAt = f.recordedAt('recordedAt', importedAt);
  const actorUserId = f.text('actorUserId', true) ?? null;
  const erased = redaction(f, recordedAt, importedAt);
  // A backup's texts as older versions stored them: the character rule is for what users send now.
  const texts = redacted ? 'redacted' : 'stored';
  const checked = checkContent(kind, submitted, importedAt ?? END_OF_TIME, texts, at);
  f.problems.push(...checked.problems);
  const content = checked.content ?? {
    ...submitted,
    summary: null,
    issuer: null,
    standard: null,
    products: [],
    validUntil: null,
    documentUrl: null,
    documentSha256: null,
    actions: [],
  };
  return { ...content, recordedAt, actorUserId, ...(erased.redactedAt === null ? {} : erased) };
}

export function checkDisclosure(value: unknown, importedAt?: Date): Checked<DisclosureRecord> {
  const f = asObject(value);
  if (typeof f === 'string') return { record: null, problems: [f] };
  const kind = f.oneOf('kind', DISCLOSURE_KINDS) ?? 'SELF_ASSESSMENT';
  const record: DisclosureRecord = {
    id: f.id('id'),
    owner: f.id('owner'),
    subject: f.id('subject'),
    kind,
    publishedAt: f.recordedAt('publishedAt', importedAt),
    // A transaction time, as a share's revokedAt is: a withdrawal that has happened by the import.
    withdrawnAt: f.recordedAt('withdrawnAt', importedAt),
    withdrawnBy: f.text('withdrawnBy', true) ?? null,
    ...version(f, kind, '', importedAt),
    ...f.sourced(),
  };
  const published = record.publishedAt === null ? null : parseInstant(record.publishedAt);
  if (published !== null && record.withdrawnAt !== null && parseInstant(record.withdrawnAt)! < published)
    f.problems.push(`withdrawnAt ${record.withdrawnAt} must not be before publishedAt ${record.publishedAt}`);
  if (record.withdrawnBy !== null && record.withdrawnAt === null)
    f.problems.push(`withdrawnBy must be absent while withdrawnAt is, got ${quote(record.withdrawnBy)}`);
  // As the API keeps it: what everyone who may see a live disclosure reads is corrected, not erased.
  if (record.redactedAt && record.withdrawnAt === null)
    f.problems.push(
      `redactedAt ${record.redactedAt}: the current version of a disclosure that is not withdrawn cannot be redacted`,
    );
  // Unstated, it would be the import's instant: a version recorded after its own erasure.
  if (record.redactedAt && record.recordedAt === null)
    f.problems.push(
      `redactedAt ${record.redactedAt}: a redacted version states its recordedAt (else it is recorded at the import, after the erasure)`,
    );
  const history = f.raw('history');
  // Without a history the content is added as a new version, beside the unredacted one it stands for.
  if (record.redactedAt && (history === undefined || history === null))
    f.problems.push(
      `redactedAt ${record.redactedAt}: a redacted current version is read with its history (as tiersight export writes it)`,
    );
  if (history !== undefined && history !== null) {
    if (!Array.isArray(history) || history.length > MAX_EARLIER_VERSIONS) {
      f.problems.push(
        `history must be an array of at most ${MAX_EARLIER_VERSIONS} versions, got ${quote(history)}`,
      );
    } else {
      record.history = history.flatMap((item, i) => {
        const v = asObject(item);
        if (typeof v === 'string') {
          f.problems.push(`history[${i}] ${v}`);
          return [];
        }
        const earlier = version(v, kind, `history[${i}].`, importedAt);
        f.problems.push(...v.problems.map((p) => (p.startsWith('history[') ? p : `history[${i}].${p}`)));
        if (earlier.recordedAt === null) f.problems.push(`history[${i}].recordedAt is required`);
        return [earlier];
      });
    }
  }
  // Checked with or without history: a record without it is its disclosure's first version when the
  // disclosure is new, and `tiersight export` writes every record with a history (empty for one
  // version), whose rules the import then applies. A store this accepted must export.
  const times = [...(record.history ?? []).map((v) => v.recordedAt), record.recordedAt];
  const instants = times.map((time) => (time === null ? null : parseInstant(time)));
  instants.forEach((instant, i) => {
    const before = instants[i - 1];
    if (i > 0 && instant && before && instant < before)
      f.problems.push(
        `${i < times.length - 1 ? `history[${i}].` : ''}recordedAt ${times[i]} is before the version it follows (${times[i - 1]}): versions are listed oldest first`,
      );
  });
  if (published !== null && instants[0] && instants[0] < published)
    f.problems.push(`the first version's recordedAt ${times[0]} is before publishedAt ${record.publishedAt}`);
  return f.result(record);
}

/**
 * Why a new disclosure's record that states no publishedAt contradicts its own withdrawal, or null: the
 * import dates such a disclosure's publication at its first version's recordedAt or, without one, at
 * the import, and a withdrawal before that would be stored as one that ended before it began (which
 * `tiersight export` then refuses to write).
 */
export function unstatedPublication(record: DisclosureRecord, importedAt: Date): string | null {
  if (record.publishedAt !== null || record.withdrawnAt === null) return null;
  const first = record.history?.[0]?.recordedAt ?? record.recordedAt;
  const published = first ?? importedAt.toISOString();
  if (parseInstant(record.withdrawnAt)! >= parseInstant(published)!) return null;
  return (
    `withdrawnAt ${record.withdrawnAt} is before ${first === null ? `the import (${published})` : `its first version's recordedAt ${first}`}, ` +
    'when a disclosure that states no publishedAt is published: state publishedAt'
  );
}
