// What readiness asks of Neo4j: that it answers, and which migrations it has recorded.
import { cypher, statement } from './cypher.ts';
import { column, list, single, text } from './decode.ts';
import type { Executor } from './executor.ts';
import { MIGRATIONS } from './migrations.ts';

const APPLIED_MIGRATIONS = statement(
  'health.appliedMigrations',
  cypher`OPTIONAL MATCH (m:TiersightMigration) RETURN collect(m.id) AS applied`,
);

export class HealthRepository {
  constructor(private readonly executor: Executor) {}

  /** Ids of the migrations this code needs that the database has not recorded. */
  async pendingMigrations(): Promise<string[]> {
    const records = await this.executor.read(APPLIED_MIGRATIONS, {});
    const done = new Set(column(single(records, APPLIED_MIGRATIONS), 'applied', list(text)));
    return MIGRATIONS.map((m) => m.id).filter((id) => !done.has(id));
  }
}
