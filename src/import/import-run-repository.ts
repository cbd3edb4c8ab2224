// The ImportRun markers of src/domain/import-runs.ts. Each change commits on its own, before the first
// write of an import and after its last, so that a reader that sees no unfinished run sees a whole graph.
import { randomUUID } from 'node:crypto';
import type { ImportRun } from '../domain/import-runs.ts';
import { cypher } from '../graph/cypher.ts';
import type { Executor } from '../graph/executor.ts';
import { isoInstant } from '../graph/mappers.ts';

const begin = cypher(
  'importRun.begin',
  `CREATE (r:ImportRun {id: $id, source: $source, command: $command, reset: $reset, total: $total,
                        startedAt: datetime()})
   RETURN r {.id, .source, .command, .reset, .total, .startedAt, .finishedAt} AS run`,
);

// The finished run replaces every run started before it: it either emptied the store first or
// completed the same import (src/import/import-graph.ts refuses anything else while one is unfinished).
const finish = cypher(
  'importRun.finish',
  `MATCH (r:ImportRun {id: $id})
   SET r.finishedAt = datetime()
   WITH r
   OPTIONAL MATCH (earlier:ImportRun) WHERE earlier.startedAt <= r.startedAt AND earlier <> r
   DETACH DELETE earlier`,
);

const list = cypher(
  'importRun.list',
  `MATCH (r:ImportRun)
   RETURN r {.id, .source, .command, .reset, .total, .startedAt, .finishedAt} AS run ORDER BY r.startedAt`,
);

const toDate = (value: unknown): Date | null => {
  const iso = isoInstant(value);
  return iso === null ? null : new Date(iso);
};

function mapRun(row: Record<string, unknown>): ImportRun {
  return {
    id: row['id'] as string,
    source: row['source'] as string,
    command: row['command'] as string,
    reset: row['reset'] === true,
    total: row['total'] as number,
    startedAt: toDate(row['startedAt']) ?? new Date(0),
    finishedAt: toDate(row['finishedAt']),
  };
}

/**
 * Every change to the runs made by this process, so that an API in the same process (tests, an
 * in-process import) need not wait for its view to age out. Other processes rely on the settle time.
 */
let localChanges = 0;
export const localImportRunChanges = (): number => localChanges;

export class ImportRunRepository {
  constructor(private readonly executor: Executor) {}

  async begin(run: Pick<ImportRun, 'source' | 'command' | 'reset' | 'total'>): Promise<ImportRun> {
    const [record] = await this.executor.write(begin, { id: randomUUID(), ...run });
    localChanges++;
    return mapRun(record!.get('run') as Record<string, unknown>);
  }

  async finish(run: ImportRun): Promise<void> {
    await this.executor.write(finish, { id: run.id });
    localChanges++;
  }

  /** Every run the store holds, oldest first: the unfinished ones and the last finished one. */
  async list(): Promise<ImportRun[]> {
    const records = await this.executor.read(list, {});
    return records.map((r) => mapRun(r.get('run') as Record<string, unknown>));
  }
}
