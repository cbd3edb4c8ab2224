// Watch-list screening against the whole database: screening is a platform operation (it runs from the
// command line, not for a viewer), so it reads every organization. Accepted matches become WATCHLIST
// risk indicators, upserted by an id made from the organization, the list entry's id and the list's
// source, so that applying the same list twice leaves the same graph; indicators of entries that left
// the list are marked delisted, never deleted.
import type { Severity } from '../../domain/format.ts';
import type { ScreenedOrganization, ScreeningMatch } from './match.ts';
import { watchlistDescription, watchlistIndicatorId } from './indicator-naming.ts';
import type { WatchListEntry } from './watch-list-entry.ts';
import { cypher, statement } from '../../graph/cypher.ts';
import { column, list, single, text, integer } from '../../graph/decode.ts';
import type { Executor, Transaction } from '../../graph/executor.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';

const allOrganizations = statement(
  'screening.organizations',
  cypher`MATCH (o:Organization)
   RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases
   ORDER BY o.id`,
);

// An entry back on the list is listed again (delistedAt cleared); recordedAt stays the first run's.
const upsertWatchlistIndicators = statement(
  'screening.upsertWatchlistIndicators',
  cypher`UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   OPTIONAL MATCH (existing:RiskIndicator {id: row.id})
   WITH row, o, existing IS NULL AS isNew
   MERGE (r:RiskIndicator {id: row.id})
   SET r.kind = 'WATCHLIST', r.source = row.source, r.listEntryId = row.listEntryId,
       r.severity = row.severity, r.description = row.description, r.evidenceUrl = row.evidenceUrl,
       r.observedAt = datetime(row.observedAt), r.recordedAt = coalesce(r.recordedAt, $recordedAt),
       r.delistedAt = null
   MERGE (o)-[:HAS_RISK]->(r)
   RETURN count(r) AS recorded, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created`,
);

// Only indicators that screening recorded carry a listEntryId: hand-written ones are never delisted.
const delistMissingEntries = statement(
  'screening.delistMissingEntries',
  cypher`UNWIND $lists AS list
   MATCH (r:RiskIndicator {kind: 'WATCHLIST', source: list.source})
   WHERE r.listEntryId IS NOT NULL AND r.delistedAt IS NULL AND NOT r.listEntryId IN list.entryIds
   SET r.delistedAt = $delistedAt
   RETURN count(r) AS delisted`,
);

const WRITE_BATCH = 5_000;

export interface RecordedIndicators {
  /** Indicators written (new or updated). */
  recorded: number;
  /** Of those, how many did not exist before. */
  created: number;
  /** Indicators of entries no longer on their list, marked delisted by this run. */
  delisted: number;
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
    }));
  }

  /**
   * Applies a list in one transaction: one WATCHLIST indicator per match, with the entry's source,
   * list id, date and link, upserted by id; and every indicator of the list's sources whose entry is
   * no longer in `entries` marked delisted (at the run's instant).
   */
  async applyWatchList(
    matches: readonly ScreeningMatch[],
    entries: readonly WatchListEntry[],
    options: { severity: Severity },
  ): Promise<RecordedIndicators> {
    const byId = new Map<string, Record<string, unknown>>();
    for (const match of matches) {
      const { listEntry } = match;
      const id = watchlistIndicatorId(match.organizationId, listEntry.listEntryId, listEntry.source);
      // The same entry twice in a list is one indicator; the first (best-scored) match describes it.
      if (byId.has(id)) continue;
      byId.set(id, {
        id,
        organization: match.organizationId,
        source: listEntry.source,
        listEntryId: listEntry.listEntryId,
        severity: options.severity,
        description: watchlistDescription(match),
        evidenceUrl: listEntry.sourceUrl,
        observedAt: listEntry.listedAt,
      });
    }
    const rows = [...byId.values()];
    // One instant for the whole run, kept by indicators that an earlier run recorded.
    const now = toNeo4jDateTime(new Date());
    return this.executor.writeTransaction('screening.applyWatchList', {}, async (tx: Transaction) => {
      const total: RecordedIndicators = { recorded: 0, created: 0, delisted: 0 };
      for (let i = 0; i < rows.length; i += WRITE_BATCH) {
        const records = await tx.run(upsertWatchlistIndicators, {
          rows: rows.slice(i, i + WRITE_BATCH),
          recordedAt: now,
        });
        const record = single(records, upsertWatchlistIndicators);
        total.recorded += column(record, 'recorded', integer);
        total.created += column(record, 'created', integer);
      }
      const delisted = await tx.run(delistMissingEntries, { lists: listsOf(entries), delistedAt: now });
      total.delisted = column(single(delisted, delistMissingEntries), 'delisted', integer);
      return total;
    });
  }
}
