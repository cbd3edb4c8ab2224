// Watch-list screening against the whole database: screening is a platform operation (it runs from the
// command line, not for a viewer), so it reads every organization. Accepted matches become WATCHLIST
// risk indicators, upserted by an id made from the organization, the entry and the list's source, so
// that applying the same list twice leaves the same graph.
import type { Severity } from '../../domain/format.ts';
import type { ScreenedOrganization, ScreeningMatch } from './match.ts';
import { watchlistDescription, watchlistIndicatorId } from './indicator-naming.ts';
import { cypher, statement } from '../../graph/cypher.ts';
import { column, list, single, text, integer } from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';

const allOrganizations = statement(
  'screening.organizations',
  cypher`MATCH (o:Organization)
   RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases
   ORDER BY o.id`,
);

const upsertWatchlistIndicators = statement(
  'screening.upsertWatchlistIndicators',
  cypher`UNWIND $rows AS row
   MATCH (o:Organization {id: row.organization})
   OPTIONAL MATCH (existing:RiskIndicator {id: row.id})
   WITH row, o, existing IS NULL AS isNew
   MERGE (r:RiskIndicator {id: row.id})
   SET r.kind = 'WATCHLIST', r.source = row.source, r.severity = row.severity,
       r.description = row.description, r.evidenceUrl = row.evidenceUrl,
       r.observedAt = datetime(row.observedAt), r.recordedAt = coalesce(r.recordedAt, $recordedAt)
   MERGE (o)-[:HAS_RISK]->(r)
   RETURN count(r) AS recorded, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created`,
);

const WRITE_BATCH = 5_000;

export interface RecordedIndicators {
  /** Indicators written (new or updated). */
  recorded: number;
  /** Of those, how many did not exist before. */
  created: number;
}

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

  /** One WATCHLIST indicator per match, with the entry's source, date and link, upserted by id. */
  async recordWatchlistMatches(
    matches: readonly ScreeningMatch[],
    options: { severity: Severity },
  ): Promise<RecordedIndicators> {
    const byId = new Map<string, Record<string, unknown>>();
    for (const match of matches) {
      const id = watchlistIndicatorId(match.organizationId, match.entry, match.listEntry.source);
      // The same entry twice in a list is one indicator; the first (best-scored) match describes it.
      if (byId.has(id)) continue;
      byId.set(id, {
        id,
        organization: match.organizationId,
        source: match.listEntry.source,
        severity: options.severity,
        description: watchlistDescription(match),
        evidenceUrl: match.listEntry.url,
        observedAt: match.listEntry.effectiveDate,
      });
    }
    const rows = [...byId.values()];
    const total: RecordedIndicators = { recorded: 0, created: 0 };
    // One recording time for the whole run, kept by indicators that an earlier run recorded.
    const recordedAt = toNeo4jDateTime(new Date());
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const records = await this.executor.write(upsertWatchlistIndicators, {
        rows: rows.slice(i, i + WRITE_BATCH),
        recordedAt,
      });
      const record = single(records, upsertWatchlistIndicators);
      total.recorded += column(record, 'recorded', integer);
      total.created += column(record, 'created', integer);
    }
    return total;
  }
}
