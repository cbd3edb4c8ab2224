// The candidates screening keeps for review, and the decisions on them. A confirmation writes the
// WATCHLIST indicator the candidate carries (the one `--apply` would have written for a certain match)
// in the same statement that records the decision.
import neo4j from 'neo4j-driver';
import { cypher, statement } from '../../graph/cypher.ts';
import {
  column,
  fields,
  float,
  instant,
  list,
  nullable,
  oneOf,
  text,
  type Decoder,
} from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import type { CandidatePlace } from './candidate-pages.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';
import { CANDIDATE_STATUSES, type CandidateStatus } from '../../domain/format.ts';
import type { ScreeningCandidate } from '../../domain/screening.ts';

const candidate: Decoder<ScreeningCandidate> = fields({
  id: text,
  organizationId: text,
  organizationName: text,
  organizationCountry: nullable(text),
  source: text,
  listEntryId: text,
  entryName: text,
  program: nullable(text),
  matchedName: text,
  matchedEntryName: text,
  score: float,
  explanation: list(text),
  evidenceUrl: nullable(text),
  observedAt: nullable(instant),
  status: oneOf(CANDIDATE_STATUSES),
  createdAt: instant,
  decidedAt: nullable(instant),
  decidedByUserId: nullable(text),
  note: nullable(text),
  delistedAt: nullable(instant),
});

const projection = cypher`c {.id, .source, .listEntryId, .entryName, .program, .matchedName, .matchedEntryName,
  .score, .explanation, .evidenceUrl, .observedAt, .status, .createdAt, .decidedAt, .decidedByUserId, .note,
  .delistedAt, organizationId: o.id, organizationName: o.name, organizationCountry: o.country}`;

/**
 * A page of the candidates of one status, best first. The (status, score) index gives them in score
 * order, so a page reads about as many candidates as it shows, not every candidate ever kept.
 */
const candidatesByStatus = statement(
  'screening.candidates',
  cypher`MATCH (c:ScreeningCandidate) USING INDEX c:ScreeningCandidate(status, score)
   WHERE c.status = $status AND c.score IS NOT NULL
     AND ($after IS NULL OR c.score < $after.score OR (c.score = $after.score AND c.id > $after.id))
   WITH c ORDER BY c.score DESC, c.id LIMIT $limit
   MATCH (c)-[:ABOUT]->(o:Organization)
   RETURN `,
  projection,
  cypher` AS candidate`,
);

const candidateById = statement(
  'screening.candidate',
  cypher`MATCH (c:ScreeningCandidate {id: $id})-[:ABOUT]->(o:Organization)
   RETURN `,
  projection,
  cypher` AS candidate`,
);

// Only a pending candidate is decided: a concurrent decision finds it decided and changes nothing.
const decideCandidate = statement(
  'screening.decide',
  cypher`MATCH (c:ScreeningCandidate {id: $id, status: 'PENDING'})-[:ABOUT]->(o:Organization)
   SET c.status = $status, c.decidedAt = $now, c.decidedByUserId = $userId,
       c.decidedForOrganizationId = $organizationId, c.note = $note
   RETURN `,
  projection,
  cypher` AS candidate`,
);

const recordConfirmed = statement(
  'screening.recordConfirmed',
  cypher`MATCH (c:ScreeningCandidate {id: $id, status: 'CONFIRMED'})-[:ABOUT]->(o:Organization)
   MERGE (r:RiskIndicator {id: c.indicatorId})
   SET r.kind = 'WATCHLIST', r.source = c.source, r.listEntryId = c.listEntryId, r.severity = c.severity,
       r.topics = coalesce(c.topics, []),
       r.description = c.description + ' Confirmed on review.', r.evidenceUrl = c.evidenceUrl,
       r.observedAt = c.observedAt, r.recordedAt = coalesce(r.recordedAt, $now), r.delistedAt = c.delistedAt
   MERGE (o)-[:HAS_RISK]->(r)
   SET o:RiskSubject`,
);

export interface Decision {
  id: string;
  status: Exclude<CandidateStatus, 'PENDING'>;
  note: string | null;
  userId: string;
  organizationId: string;
  at: Date;
}

export class ScreeningReviewRepository {
  constructor(private readonly executor: Executor) {}

  /** `limit` candidates of `status`, best score first, after the candidate at `after` (if any). */
  async candidates(
    status: CandidateStatus,
    limit: number,
    after: CandidatePlace | null,
  ): Promise<ScreeningCandidate[]> {
    const records = await this.executor.read(candidatesByStatus, { status, limit: neo4j.int(limit), after });
    return records.map((r) => column(r, 'candidate', candidate));
  }

  async candidate(id: string): Promise<ScreeningCandidate | null> {
    const [record] = await this.executor.read(candidateById, { id });
    return record ? column(record, 'candidate', candidate) : null;
  }

  /**
   * Decides a pending candidate, and records the indicator of a confirmed one in the same transaction;
   * null when it is not (or no longer) pending.
   */
  decide(decision: Decision): Promise<ScreeningCandidate | null> {
    const now = toNeo4jDateTime(decision.at);
    return this.executor.writeTransaction('screening.decide', {}, async (tx) => {
      const [record] = await tx.run(decideCandidate, {
        id: decision.id,
        status: decision.status,
        note: decision.note,
        userId: decision.userId,
        organizationId: decision.organizationId,
        now,
      });
      if (!record) return null;
      if (decision.status === 'CONFIRMED') await tx.run(recordConfirmed, { id: decision.id, now });
      return column(record, 'candidate', candidate);
    });
  }
}
