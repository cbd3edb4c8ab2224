// Watch-list screening against the whole database: screening is a platform operation (it runs from the
// command line, not for a viewer), so it reads every organization. Certain matches become WATCHLIST
// risk indicators, upserted by an id made from the organization, the list entry's id and the list's
// source, so that applying the same list twice leaves the same graph; the others become
// ScreeningCandidates for an analyst (screening-review-repository.ts); indicators and candidates of
// entries that left the list are marked delisted, never deleted.
import { storedTopics, type Severity } from '../../domain/format.ts';
import type { ScreenedOrganization, ScreeningMatch } from './match.ts';
import { screeningCandidateId, watchlistDescription, watchlistIndicatorId } from './indicator-naming.ts';
import type { WatchListEntry } from './watch-list-entry.ts';
import { cypher, statement } from '../../graph/cypher.ts';
import { bool, column, instant, list, nullable, single, text, integer } from '../../graph/decode.ts';
import type { Executor, Transaction } from '../../graph/executor.ts';
import type { DateTime } from 'neo4j-driver';
import { toNeo4jDateTime } from '../../graph/mappers.ts';

const allOrganizations = statement(
  'screening.organizations',
  cypher`MATCH (o:Organization)
   RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases, o.country AS country, o.osId AS osId
   ORDER BY o.id`,
);

/**
 * The indicators recorded for each base id (watchlistIndicatorId): the first, and those of later
 * listings of the same entry (`<base id>~<run>`), with whether their entry left its list since.
 */
const indicatorsOfEntries = statement(
  'screening.indicatorsOfEntries',
  cypher`UNWIND $ids AS base
   MATCH (r:RiskIndicator) WHERE r.id STARTS WITH base
   RETURN base, r.id AS id, r.recordedAt AS recordedAt, r.delistedAt IS NOT NULL AS delisted`,
);

// The indicator of an entry that is on its list, or a new one; recordedAt stays the first run's.
const upsertWatchlistIndicators = statement(
  'screening.upsertWatchlistIndicators',
  cypher`UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   OPTIONAL MATCH (existing:RiskIndicator {id: row.id})
   WITH row, o, existing IS NULL AS isNew
   MERGE (r:RiskIndicator {id: row.id})
   SET r.kind = 'WATCHLIST', r.source = row.source, r.listEntryId = row.listEntryId,
       r.severity = row.severity, r.topics = row.topics, r.description = row.description, r.evidenceUrl = row.evidenceUrl,
       r.observedAt = datetime(row.observedAt), r.recordedAt = coalesce(r.recordedAt, $recordedAt)
   MERGE (o)-[:HAS_RISK]->(r)
   SET o:RiskSubject
   RETURN count(r) AS recorded, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created`,
);

// A candidate is kept only while its match is not an indicator already (certain, or confirmed before);
// a decided one keeps what was decided on, a pending one takes the new score and explanation.
const upsertCandidates = statement(
  'screening.upsertCandidates',
  cypher`UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   OPTIONAL MATCH (indicator:RiskIndicator {id: row.indicatorId})
   WITH row, o WHERE indicator IS NULL
   OPTIONAL MATCH (existing:ScreeningCandidate {id: row.id})
   WITH row, o, existing IS NULL AS isNew
   MERGE (c:ScreeningCandidate {id: row.id})
   ON CREATE SET c.status = 'PENDING', c.createdAt = $now
   SET c += CASE WHEN c.status = 'PENDING' THEN row.fields ELSE {} END,
       c.observedAt = CASE WHEN c.status = 'PENDING' THEN datetime(row.observedAt) ELSE c.observedAt END,
       c.delistedAt = null
   MERGE (c)-[:ABOUT]->(o)
   RETURN count(c) AS candidates, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created`,
);

// Only indicators that screening recorded carry a listEntryId: hand-written ones are never delisted.
const delistMissingEntries = statement(
  'screening.delistMissingEntries',
  cypher`UNWIND $lists AS list
   CALL (list) {
     MATCH (r:RiskIndicator {kind: 'WATCHLIST', source: list.source})
     WHERE r.listEntryId IS NOT NULL AND r.delistedAt IS NULL AND NOT r.listEntryId IN list.entryIds
     SET r.delistedAt = $delistedAt
     RETURN count(r) AS indicators
   }
   CALL (list) {
     MATCH (c:ScreeningCandidate {source: list.source})
     WHERE c.delistedAt IS NULL AND NOT c.listEntryId IN list.entryIds
     SET c.delistedAt = $delistedAt
     RETURN count(c) AS candidates
   }
   RETURN sum(indicators) AS delisted, sum(candidates) AS delistedCandidates`,
);

const WRITE_BATCH = 5_000;

export interface RecordedIndicators {
  /** Indicators written (new or updated). */
  recorded: number;
  /** Of those, how many did not exist before. */
  created: number;
  /** Indicators of entries no longer on their list, marked delisted by this run. */
  delisted: number;
  /** Matches kept for review (new or updated; not those already indicators). */
  candidates: number;
  /** Of those, how many did not exist before. */
  newCandidates: number;
}

/** Each source of the list with the ids of its entries: what is on the list now. */
const listsOf = (entries: readonly WatchListEntry[]) => {
  const bySource = new Map<string, Set<string>>();
  for (const entry of entries) {
    const ids = bySource.get(entry.source) ?? new Set<string>();
    ids.add(entry.listEntryId);
    bySource.set(entry.source, ids);
  }
  return [...bySource].map(([source, ids]) => ({ source, entryIds: [...ids] }));
};

export class ScreeningRepository {
  constructor(private readonly executor: Executor) {}

  /** Every organization with its aliases, ordered by id. */
  async organizations(): Promise<ScreenedOrganization[]> {
    const records = await this.executor.read(allOrganizations, {});
    return records.map((r) => ({
      id: column(r, 'id', text),
      name: column(r, 'name', text),
      aliases: column(r, 'aliases', list(text)),
      country: column(r, 'country', nullable(text)),
      osId: column(r, 'osId', nullable(text)),
    }));
  }

  /**
   * Applies a list in one transaction: one WATCHLIST indicator per certain match, with the entry's
   * source, list id, date and link, upserted by id; one ScreeningCandidate per match to review; and
   * every indicator and candidate of the list's sources whose entry is no longer in `entries` marked
   * delisted (at the run's instant).
   */
  async applyWatchList(
    certain: readonly ScreeningMatch[],
    toReview: readonly ScreeningMatch[],
    entries: readonly WatchListEntry[],
    options: { severity: Severity },
  ): Promise<RecordedIndicators> {
    const indicatorRows = uniqueBy(certain, indicatorIdOf).map((match) => ({
      id: indicatorIdOf(match),
      organization: match.organizationId,
      ...indicatorFields(match, options.severity),
    }));
    const candidateRows = uniqueBy(toReview, indicatorIdOf).map((match) => {
      const { observedAt, ...fields } = indicatorFields(match, options.severity);
      const indicatorId = indicatorIdOf(match);
      return {
        id: screeningCandidateId(indicatorId),
        indicatorId,
        organization: match.organizationId,
        observedAt,
        fields: {
          ...fields,
          // None stored when the list says none (null removes an earlier run's), as a restored
          // candidate's record, which leaves them out, has none.
          topics: fields.topics.length > 0 ? fields.topics : null,
          indicatorId,
          organizationId: match.organizationId,
          entryName: match.entry,
          program: match.listEntry.program,
          matchedName: match.matchedName,
          matchedEntryName: match.matchedEntryName,
          score: match.score,
          explanation: match.explanation,
        },
      };
    });
    // One instant for the whole run, kept by indicators that an earlier run recorded.
    const now = toNeo4jDateTime(new Date());
    return this.executor.writeTransaction('screening.applyWatchList', {}, async (tx: Transaction) => {
      const current = await currentIndicatorIds(
        tx,
        indicatorRows.map((row) => row.id),
        now,
      );
      for (const row of indicatorRows) row.id = current.get(row.id) ?? row.id;
      const total: RecordedIndicators = {
        recorded: 0,
        created: 0,
        delisted: 0,
        candidates: 0,
        newCandidates: 0,
      };
      for (let i = 0; i < indicatorRows.length; i += WRITE_BATCH) {
        const records = await tx.run(upsertWatchlistIndicators, {
          rows: indicatorRows.slice(i, i + WRITE_BATCH),
          recordedAt: now,
        });
        const record = single(records, upsertWatchlistIndicators);
        total.recorded += column(record, 'recorded', integer);
        total.created += column(record, 'created', integer);
      }
      for (let i = 0; i < candidateRows.length; i += WRITE_BATCH) {
        const records = await tx.run(upsertCandidates, {
          rows: candidateRows.slice(i, i + WRITE_BATCH),
          now,
        });
        const record = single(records, upsertCandidates);
        total.candidates += column(record, 'candidates', integer);
        total.newCandidates += column(record, 'created', integer);
      }
      const delisted = single(
        await tx.run(delistMissingEntries, { lists: listsOf(entries), delistedAt: now }),
        delistMissingEntries,
      );
      total.delisted = column(delisted, 'delisted', integer);
      return total;
    });
  }
}

/**
 * The id under which each base id's entry is recorded now: its indicator while the entry has not left
 * its list, else a new one for this listing, recorded by this run (`<base id>~<run's instant>`). A
 * delisted indicator is never listed again: it says when the entry was off its list, so that `exposure`
 * asOf that time (when Tiersight knew it) still finds nothing, whatever later runs see.
 */
async function currentIndicatorIds(
  tx: Transaction,
  bases: readonly string[],
  now: DateTime<number>,
): Promise<Map<string, string>> {
  const latest = new Map<string, { id: string; recordedAt: string; delisted: boolean }>();
  for (let i = 0; i < bases.length; i += WRITE_BATCH) {
    for (const record of await tx.run(indicatorsOfEntries, { ids: bases.slice(i, i + WRITE_BATCH) })) {
      const base = column(record, 'base', text);
      const id = column(record, 'id', text);
      // STARTS WITH also finds another entry's id that merely begins with this one.
      if (id !== base && !id.startsWith(`${base}~`)) continue;
      const found = {
        id,
        recordedAt: column(record, 'recordedAt', instant),
        delisted: column(record, 'delisted', bool),
      };
      const before = latest.get(base);
      if (before === undefined || new Date(found.recordedAt) > new Date(before.recordedAt))
        latest.set(base, found);
    }
  }
  const run = now.toString().replace(/[-:.]/g, '');
  return new Map([...latest].map(([base, found]) => [base, found.delisted ? `${base}~${run}` : found.id]));
}

const indicatorIdOf = (match: ScreeningMatch) =>
  watchlistIndicatorId(match.organizationId, match.listEntry.listEntryId, match.listEntry.source);

/** The first of each key: the same entry twice in a list is one indicator, described by its best match. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** What an indicator of a match says (a candidate keeps the same, to become that indicator). */
function indicatorFields(match: ScreeningMatch, severity: Severity) {
  return {
    source: match.listEntry.source,
    listEntryId: match.listEntry.listEntryId,
    severity,
    topics: storedTopics(match.listEntry.topics ?? []),
    description: watchlistDescription(match),
    evidenceUrl: match.listEntry.sourceUrl,
    observedAt: match.listEntry.listedAt,
  };
}
