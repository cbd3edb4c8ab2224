// Findings: the public risk indicators a MONITOR records through the API (src/domain/findings.ts).
// A finding is a RiskIndicator like an imported one, read wherever its organization is, with the
// monitor's RECORDED relationship to it: recording decides in one statement whether the monitor may
// name the organization (rule 5 or the directory) and writes, so a refused call writes nothing.
import type { IdempotencyClaim } from '../../domain/idempotency.ts';
import {
  FINDING_KINDS,
  REDACTED_FINDING_TEXTS,
  type Finding,
  type FindingContent,
} from '../../domain/findings.ts';
import { RISK_TOPICS, SEVERITIES } from '../../domain/format.ts';
import type { QueryContext } from '../../domain/viewer-scope.ts';
import { ORGANIZATION_IDENTITY, type Column } from '../../graph/columns.ts';
import { cypher, join, statement } from '../../graph/cypher.ts';
import { bool, column, fields, instant, list, nullable, oneOf, text, viewerRow } from '../../graph/decode.ts';
import type { Executor, Transaction } from '../../graph/executor.ts';
import { createOnce, FORGET_REQUEST_TEXTS } from '../../graph/idempotency-repository.ts';
import { lockedInstant } from '../../graph/locked-instant.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';
import { LOCK_VIEWER } from '../../graph/write-locks.ts';
import { LOOKABLE, LOOKABLE_OR_LISTED, VIEWER_GRANTS, presentParams } from '../../graph/visibility-cypher.ts';

/** Finding `risk` about organization `o`. */
const FINDING: Column<Finding> = {
  projection: join(
    cypher`risk {.id, .kind, .severity, .source, topics: coalesce(risk.topics, []), .description, .evidenceUrl,
  .observedAt, .recordedAt, .recordedByUserId, .withdrawnAt, .redactedAt, .redactedByUserId, organization: o `,
    ORGANIZATION_IDENTITY.projection,
    cypher`}`,
  ),
  decode: fields({
    id: text,
    kind: oneOf(FINDING_KINDS),
    severity: oneOf(SEVERITIES),
    source: text,
    topics: list(oneOf(RISK_TOPICS)),
    description: nullable(text),
    evidenceUrl: nullable(text),
    observedAt: nullable(instant),
    recordedAt: instant,
    recordedByUserId: text,
    withdrawnAt: nullable(instant),
    redactedAt: nullable(instant),
    redactedByUserId: nullable(text),
    organization: ORGANIZATION_IDENTITY.decode,
  }),
};

const findingOf = (record: { get(key: string): unknown }): Finding =>
  FINDING.decode(record.get('finding'), 'finding');

/** The findings monitor $viewer recorded (with `$id`, only that one), newest first. */
const OWN = statement(
  'finding.own',
  cypher`MATCH (:Organization {id: $viewer})-[:RECORDED]->(risk:RiskIndicator)<-[:HAS_RISK]-(o:Organization)
WHERE $id IS NULL OR risk.id = $id
RETURN `,
  FINDING.projection,
  cypher` AS finding
ORDER BY risk.recordedAt DESC, risk.id`,
);

/**
 * With the monitor as the viewer ($viewer): `x` is bound only when it may name organization $namedId
 * (rule 5, or listed and named by its own id), so a hidden id and a missing one take the same path.
 * The finding is written only then, and only by a MONITOR: a public indicator of $namedId, its
 * organization labelled a risk subject so that the chain's reads find it.
 */
const RECORD = statement(
  'finding.record',
  LOCK_VIEWER,
  VIEWER_GRANTS,
  LOOKABLE,
  LOOKABLE_OR_LISTED,
  cypher`CALL (v, x) {
  WITH v, x WHERE x IS NOT NULL AND v.type = 'MONITOR'
  CREATE (v)-[:RECORDED]->(risk:RiskIndicator {id: $id, kind: $kind, severity: $severity, source: $source,
    topics: $topics, description: $description, evidenceUrl: $evidenceUrl, observedAt: $observedAt, recordedAt: $t,
    recordedByUserId: $actorUserId})
  CREATE (x)-[:HAS_RISK]->(risk)
  SET x:RiskSubject
}
RETURN x IS NOT NULL AS subjectNamed`,
);

/**
 * Locks finding $id of monitor $viewer, so that of two withdrawals or erasures at once the second sees
 * the first's.
 * The finding is picked from the monitor's own by id, not sought by the id's index: sought, another
 * monitor's finding or an imported indicator cost more than an id that exists nowhere (5 db hits
 * against 1 under the plan a full run chose once), which would tell the monitor that the id exists.
 */
const LOCK_OWN = statement(
  'finding.lockOwn',
  cypher`MATCH (m:Organization {id: $viewer})
CALL (m) {
  RETURN [(m)-[:RECORDED]->(recorded:RiskIndicator) | recorded] AS recorded
}
UNWIND [r IN recorded WHERE r.id = $id] AS risk
SET risk._lock = true
REMOVE risk._lock
RETURN risk.recordedAt AS recordedAt, risk.withdrawnAt AS withdrawnAt, risk.redactedAt IS NOT NULL AS redacted`,
);

const WITHDRAW = statement(
  'finding.withdraw',
  cypher`MATCH (:Organization {id: $viewer})-[:RECORDED]->(risk:RiskIndicator {id: $id})
SET risk.withdrawnAt = $at, risk.withdrawnByUserId = $actorUserId`,
);

/** Erases the texts of finding $id of monitor $viewer ($erased: REDACTED_FINDING_TEXTS, nulls remove). */
const REDACT = statement(
  'finding.redact',
  cypher`MATCH (:Organization {id: $viewer})-[:RECORDED]->(risk:RiskIndicator {id: $id})
SET risk += $erased, risk.redactedAt = $at, risk.redactedByUserId = $actorUserId`,
);

export interface NewFinding {
  id: string;
  monitorId: string;
  /** The organization named: the kept one when the client named an old id of a merged one. */
  organizationId: string;
  /** The client named a merged organization's old id: only rule 5 lets that through, never the directory. */
  organizationMerged: boolean;
  content: FindingContent;
  now: Date;
  actorUserId: string;
}

/** A change its monitor's user makes to one of its findings, at the request's instant. */
export interface FindingChange {
  monitorId: string;
  id: string;
  now: Date;
  actorUserId: string;
}

export class FindingRepository {
  constructor(private readonly executor: Executor) {}

  /** Monitor `monitorId`'s findings, newest first (only `id` when given: none if it is not its own). */
  async own(monitorId: string, id: string | null, context: QueryContext): Promise<Finding[]> {
    const records = await this.executor.read(OWN, { viewer: monitorId, id }, context);
    return records.map(findingOf);
  }

  /**
   * Records the finding and answers it; null when the monitor may not name its organization (nothing
   * written). With `claim`, once per idempotency key (createOnce).
   */
  record(
    finding: NewFinding,
    context: QueryContext,
    claim: IdempotencyClaim | null,
  ): Promise<Finding | null> {
    const { content } = finding;
    const params = {
      ...presentParams(finding.monitorId, finding.now),
      namedId: finding.organizationId,
      namedMerged: finding.organizationMerged,
      id: finding.id,
      ...content,
      observedAt: content.observedAt === null ? null : toNeo4jDateTime(new Date(content.observedAt)),
      actorUserId: finding.actorUserId,
    };
    const ownOne = async (tx: Transaction, id: string) => {
      const [found] = await tx.run(OWN, { viewer: finding.monitorId, id });
      return found ? findingOf(found) : null;
    };
    return createOnce<Finding, null>(this.executor, RECORD.name, context, claim, {
      create: async (tx) => {
        const named = column(viewerRow(await tx.run(RECORD, params), RECORD), 'subjectNamed', bool);
        return named ? ownOne(tx, finding.id) : null;
      },
      created: (outcome) => (outcome === null ? null : [outcome.id]),
      replay: (tx, [id]) => ownOne(tx, id ?? ''),
    });
  }

  /**
   * Withdraws monitor `monitorId`'s finding `id` once the lock is held: `absent` when it has none of
   * that id, `already` when it was withdrawn before, else the finding as it now is.
   */
  withdraw(target: FindingChange, context: QueryContext): Promise<Finding | 'absent' | 'already'> {
    return this.change('finding.withdraw', target, context, async (tx, locked, params) => {
      if (locked.withdrawn) return 'already';
      await tx.run(WITHDRAW, params);
      return null;
    });
  }

  /**
   * Erases the texts of monitor `monitorId`'s withdrawn finding `id` once the lock is held, with the
   * fingerprint its recordFinding's idempotency key kept of them: `absent` when it has none of that id,
   * `standing` when it is not withdrawn, else the finding as it now is (erased once: a second call
   * changes nothing).
   */
  redact(target: FindingChange, context: QueryContext): Promise<Finding | 'absent' | 'standing'> {
    return this.change('finding.redact', target, context, async (tx, locked, params) => {
      if (!locked.withdrawn) return 'standing';
      if (locked.redacted) return null;
      await tx.run(REDACT, { ...params, erased: REDACTED_FINDING_TEXTS });
      await tx.run(FORGET_REQUEST_TEXTS, { mutation: 'recordFinding', ids: [params.id] });
      return null;
    });
  }

  /**
   * One change of monitor `monitorId`'s finding `id` under its lock: `write` answers a refusal, or null
   * once it wrote (at the instant stamped once the lock is held) and the finding is read back.
   */
  private change<R extends string>(
    name: string,
    target: FindingChange,
    context: QueryContext,
    write: (
      tx: Transaction,
      locked: { withdrawn: boolean; redacted: boolean },
      params: { viewer: string; id: string; at: ReturnType<typeof toNeo4jDateTime>; actorUserId: string },
    ) => Promise<R | null>,
  ): Promise<Finding | 'absent' | R> {
    const own = { viewer: target.monitorId, id: target.id };
    return this.executor.writeTransaction(name, context, async (tx) => {
      const [locked] = await tx.run(LOCK_OWN, own);
      if (locked === undefined) return 'absent';
      const recordedAt = column(locked, 'recordedAt', nullable(instant));
      const withdrawnAt = column(locked, 'withdrawnAt', nullable(instant));
      const state = { withdrawn: withdrawnAt !== null, redacted: column(locked, 'redacted', bool) };
      // Never before the recording or the withdrawal it follows (another replica may have stamped them).
      const at = toNeo4jDateTime(lockedInstant(target.now, recordedAt, withdrawnAt));
      const refused = await write(tx, state, { ...own, at, actorUserId: target.actorUserId });
      if (refused !== null) return refused;
      const [found] = await tx.run(OWN, own);
      return found ? findingOf(found) : 'absent';
    });
  }
}
