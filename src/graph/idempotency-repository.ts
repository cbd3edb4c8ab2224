// Idempotency keys in the store: the one piece every creating mutation runs its write through
// (docs/specification.md, "Idempotency keys"). The key is claimed in the transaction that creates the
// record, so a key is kept exactly when its record is: a refused or failed call rolls both back and
// the client may retry with the same key. Two calls with one key at once are serialized by Neo4j, not
// by this process (replicas share the store): the key's node is MERGEd under the uniqueness constraint
// idempotency_key (migration 015), whose index entry the first call holds until it commits, so the
// second finds its key and answers its record.
import { randomUUID } from 'node:crypto';
import { DomainError, notFound } from '../domain/errors.ts';
import { keyExpiresAt, keyReused, type IdempotencyClaim } from '../domain/idempotency.ts';
import { quote } from '../domain/quote.ts';
import type { QueryContext } from '../domain/viewer-scope.ts';
import { cypher, statement } from './cypher.ts';
import { bool, column, list, single, text } from './decode.ts';
import type { Executor, Transaction } from './executor.ts';
import { toNeo4jDateTime } from './mappers.ts';

/**
 * Deletes (a batch of) the organization's expired keys and this key if it has expired (whether or not
 * the batch held it: an organization may have more expired keys than a batch), then finds or creates key
 * $key of $mutation. `ours` says whether this call created it ($claim, made for this call alone):
 * then the caller creates its record; otherwise `sameRequest` and `resultIds` say what the first
 * call asked for and created: the same request when its fingerprint is the key's, or, once a redaction
 * removed that (FORGET_REQUEST_TEXTS), when its erased fingerprint is. Expired keys go here, lazily,
 * by the next key of their organization: an expired key found again is deleted before the MERGE, so it
 * is claimed anew.
 */
const CLAIM = statement(
  'idempotency.claim',
  cypher`CALL () {
  MATCH (expired:IdempotencyKey)
  WHERE expired.organizationId = $organizationId AND expired.expiresAt <= $now
  WITH expired LIMIT 100
  DELETE expired
}
CALL () {
  MATCH (own:IdempotencyKey {organizationId: $organizationId, mutation: $mutation, key: $key})
  WHERE own.expiresAt <= $now
  DELETE own
}
MERGE (k:IdempotencyKey {organizationId: $organizationId, mutation: $mutation, key: $key})
  ON CREATE SET k.claim = $claim, k.fingerprint = $fingerprint, k.erasedFingerprint = $erasedFingerprint,
    k.createdAt = $now, k.expiresAt = $expiresAt
RETURN coalesce(k.claim = $claim, false) AS ours,
       coalesce(k.fingerprint = $fingerprint, k.erasedFingerprint = $erasedFingerprint, false) AS sameRequest,
       k.resultIds AS resultIds`,
);

/**
 * Forgets the fingerprint of the calls of $mutation that created records $ids, in the transaction that
 * erases the texts the calls sent (the redaction of a disclosure's version 1, of a finding, by the API
 * or an import): the fingerprint hashes them, so a retry with the key, or whoever reads the store, could
 * test guesses of them for the rest of the key's 24 hours. What is left, `erasedFingerprint`, hashes the
 * request without them: a retry still answers the record and another request is still refused. A key
 * claimed before erasedFingerprint was kept has none: any request with it is then refused, naming the
 * key. The keys are sought by what they created, whichever organization claimed them: an import may have
 * given a finding another monitor since (its recordedBy), and record ids are never reused.
 */
export const FORGET_REQUEST_TEXTS = statement(
  'idempotency.forgetRequestTexts',
  cypher`MATCH (k:IdempotencyKey {mutation: $mutation})
WHERE k.fingerprint IS NOT NULL AND any(id IN k.resultIds WHERE id IN $ids)
REMOVE k.fingerprint`,
);

/** Keeps on the key what its call created, in the same transaction. */
const RECORD = statement(
  'idempotency.record',
  cypher`MATCH (k:IdempotencyKey {organizationId: $organizationId, mutation: $mutation, key: $key})
WHERE k.claim = $claim
SET k.resultIds = $resultIds
REMOVE k.claim
RETURN k.key AS key`,
);

/** How one creating mutation writes, refuses and reads back. */
interface CreateSteps<T, R> {
  /** Checks and creates, in the transaction given: the record, or a refusal (nothing written). */
  create(tx: Transaction): Promise<T | R>;
  /** The ids of what `outcome` created; null when it is a refusal. */
  created(outcome: T | R): readonly string[] | null;
  /** The record(s) `ids` as they are now, in the transaction given; null when they are gone. */
  replay(tx: Transaction, ids: readonly string[]): Promise<T | null>;
}

/** Unwinds the transaction of a refused call, so that its claim of the key is not kept. */
class Refused extends DomainError {
  constructor() {
    super('BAD_USER_INPUT', 'refused: the idempotency key is released');
  }
}

/**
 * Runs `steps.create` in one write transaction named `name`. Without a claim, that is all. With one,
 * the key is claimed first: a new key keeps the ids of what was created; a key already kept with the
 * same fingerprint answers its record(s) as they are now (`steps.replay`) and writes nothing; with
 * another fingerprint, BAD_USER_INPUT naming the key. A refusal or error rolls the claim back.
 */
export async function createOnce<T, R>(
  executor: Executor,
  name: string,
  context: QueryContext,
  claim: IdempotencyClaim | null,
  steps: CreateSteps<T, R>,
): Promise<T | R> {
  if (claim === null) return executor.writeTransaction(name, context, (tx) => steps.create(tx));
  const key = { organizationId: claim.organizationId, mutation: claim.mutation, key: claim.key };
  const held: { refused: { outcome: T | R } | null } = { refused: null };
  try {
    return await executor.writeTransaction(name, context, async (tx) => {
      // One per attempt: the driver retries a transaction that failed on a transient error.
      const ours = randomUUID();
      const claims = await tx.run(CLAIM, {
        ...key,
        claim: ours,
        fingerprint: claim.fingerprint,
        erasedFingerprint: claim.erasedFingerprint ?? null,
        now: toNeo4jDateTime(claim.now),
        expiresAt: toNeo4jDateTime(keyExpiresAt(claim.now)),
      });
      // MERGE always answers a row; none means the executor only plans this unit after an outage
      // (EXPLAIN answers nothing): plan what a new key's call runs, as a call without a key would.
      if (claims.length === 0) return steps.create(tx);
      const claimed = single(claims, CLAIM);
      if (!column(claimed, 'ours', bool)) {
        if (!column(claimed, 'sameRequest', bool)) throw keyReused(claim);
        const ids = column(claimed, 'resultIds', list(text));
        const answer = await steps.replay(tx, ids);
        if (answer === null)
          throw notFound(
            'Record',
            ids.join(', '),
            `(created with idempotencyKey ${quote(claim.key)}, since removed)`,
          );
        return answer;
      }
      claim.judgeNow();
      const outcome = await steps.create(tx);
      const ids = steps.created(outcome);
      if (ids === null) {
        held.refused = { outcome };
        throw new Refused();
      }
      single(await tx.run(RECORD, { ...key, claim: ours, resultIds: ids }), RECORD);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Refused && held.refused !== null) return held.refused.outcome;
    throw error;
  }
}
