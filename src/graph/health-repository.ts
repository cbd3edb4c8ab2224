// What readiness asks of Neo4j: that it answers, and which migrations it has recorded.
import { cypher } from './cypher.ts';
import type { Executor } from './executor.ts';
import { MIGRATIONS } from './migrations.ts';

const APPLIED_MIGRATIONS = cypher(
  'health.appliedMigrations',
  'OPTIONAL MATCH (m:TiersightMigration) RETURN collect(m.id) AS applied',
);

export class HealthRepository {
  constructor(private readonly executor: Executor) {}

  /** Ids of the migrations this code needs that the database has not recorded. */
  async pendingMigrations(): Promise<string[]> {
    const [record] = await this.executor.read(APPLIED_MIGRATIONS, {});
    const applied: unknown = record?.get('applied');
    const done = new Set(Array.isArray(applied) ? applied.filter((id) => typeof id === 'string') : []);
    return MIGRATIONS.map((m) => m.id).filter((id) => !done.has(id));
  }
}
