// Idempotency keys of the mutations that create records (docs/specification.md, "Idempotency keys"),
// as Stripe's Idempotency-Key: a client that retries after a lost answer sends the same key, and the
// retry answers what the first call created instead of creating it again. This file holds the rules;
// the claim itself is made in the creating transaction (src/graph/idempotent-create.ts).
import { createHash } from 'node:crypto';
import { badInput } from './errors.ts';
import { isWellFormedId } from './ids.ts';
import { quote } from './quote.ts';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * How long a key answers for what it created: long enough for any client's retries (Stripe keeps keys
 * 24 hours), short enough that the store does not keep every key ever sent.
 */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The mutations that take a key: the ones that create a record, so that a retry would create two, and
 * the ones whose retry would be refused although the first call did what was asked (an amendment finds
 * its link ended, a grant its request no longer open).
 */
type CreatingMutation =
  | 'shareSourcing'
  | 'shareDisclosures'
  | 'publishDisclosure'
  | 'declareSupplyLink'
  | 'amendSupplyLink'
  | 'requestAccess'
  | 'answerAccessRequest'
  | 'remindAccessRequest'
  | 'recordFinding';

/** A key claimed by one call: the first with it creates, a later one with the same fingerprint answers. */
export interface IdempotencyClaim {
  /** The viewer's organization: keys of two organizations never meet. */
  organizationId: string;
  mutation: CreatingMutation;
  key: string;
  /** What the call asked for, normalized (`fingerprint`): the same key for another request is refused. */
  fingerprint: string;
  /**
   * publishDisclosure's and recordFinding's: the fingerprint of the request with its free texts erased
   * as a redaction erases them (redactDisclosureVersion of version 1, redactFinding). The key keeps it
   * beside `fingerprint`, and only it once the record is redacted: a hash of the texts would let a
   * retry, or whoever reads the store, test guesses of what was erased.
   */
  erasedFingerprint?: string;
  /** The request's instant: the key is stored with it, and answers until it is a window older. */
  now: Date;
  /**
   * The checks of the arguments against the request's instant ("expiresAt must be in the future"),
   * run only when the key is new: a retry sent once that instant has passed answers what the first
   * call created instead of being refused for it.
   */
  judgeNow: () => void;
}

/**
 * The key an argument gives, or null when there is none. A key is not an id, but it obeys the id rule
 * (src/domain/ids.ts) with its own bound: an unpaired surrogate would be stored as U+FFFD, so two keys
 * the client told apart would become one, and surrounding spaces are a copy-paste mistake more often
 * than a distinct key.
 */
export function idempotencyKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isWellFormedId(value, MAX_IDEMPOTENCY_KEY_LENGTH))
    throw badInput(
      `idempotencyKey must be a non-empty string of at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters ` +
        `without surrounding spaces, control characters or unpaired surrogates, got ${quote(value)}` +
        (value.length > MAX_IDEMPOTENCY_KEY_LENGTH ? ` (${value.length} characters)` : ''),
    );
  return value;
}

/**
 * A request's arguments, once its service has checked them, as canonical JSON: fields in code-point order and absent ones left out (null stays: in
 * amendSupplyLink null opens a date where absent keeps it), instants as ISO 8601 in UTC, so that the
 * same request spelt another way (fields in another order, "+01:00" for "Z") has the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`).join(',')}}`;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return JSON.stringify(value);
  throw new TypeError(`a request's arguments hold no ${typeof value}`);
}

/** SHA-256 of the canonical JSON: the key record keeps this, never the arguments themselves. */
export const fingerprint = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex');

/**
 * The claim a call makes with `key` (null: no key, nothing claimed). `judgeNow` checks the arguments
 * against the request's instant: without a key it runs at once, with one only if the key is new.
 */
export function claimOf(
  key: string | null,
  mutation: CreatingMutation,
  organizationId: string,
  /** The arguments as the service checked them (lists deduplicated, instants parsed). */
  normalized: unknown,
  now: Date,
  judgeNow: () => void = () => {},
): IdempotencyClaim | null {
  if (key === null) {
    judgeNow();
    return null;
  }
  return { organizationId, mutation, key, fingerprint: fingerprint(normalized), now, judgeNow };
}

/**
 * `claim` with the fingerprint of its request as a redaction of what it creates leaves it (`erased`):
 * what the key keeps once the texts it hashed are erased (FORGET_REQUEST_TEXTS in the store).
 */
export const erasable = (claim: IdempotencyClaim | null, erased: unknown): IdempotencyClaim | null =>
  claim === null ? null : { ...claim, erasedFingerprint: fingerprint(erased) };

/** The refusal of a key sent again with other arguments. */
export const keyReused = (claim: IdempotencyClaim) =>
  badInput(
    `idempotencyKey ${quote(claim.key)} was used for a different ${claim.mutation} request in the last ` +
      '24 hours: send a new key for a new request, or the same arguments to retry the first one',
  );

/** When a key stored at `at` stops answering. */
export const keyExpiresAt = (at: Date): Date => new Date(at.getTime() + IDEMPOTENCY_WINDOW_MS);
