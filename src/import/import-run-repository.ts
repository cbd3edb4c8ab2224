// The ImportRun markers of src/domain/import-runs.ts. Each change commits on its own, before the first
// write of an import and after its last, so that a reader that sees no unfinished run sees a whole graph.
import { randomUUID } from 'node:crypto';
import type { ImportRun } from '../domain/import-runs.ts';
import { type Column } from '../graph/columns.ts';
import { cypher, statement } from '../graph/cypher.ts';
import {
  bool,
  column,
  fields,
  instant,
  nullable,
  single,
  text,
  integer,
  type Decoder,
} from '../graph/decode.ts';
import type { Executor } from '../graph/executor.ts';

const date: Decoder<Date> = (value, at) => new Date(instant(value, at));

/** An import run node; `begin` sets every field but finishedAt. */
const IMPORT_RUN: Column<ImportRun> = {
  projection: cypher`{.id, .source, .command, .reset, .total, .startedAt, .finishedAt}`,
  decode: fields({
    id: text,
    source: text,
    command: text,
    reset: bool,
    total: integer,
    startedAt: date,
    finishedAt: nullable(date),
  }),
};

const begin = statement(
  'importRun.begin',
  cypher`CREATE (r:ImportRun {id: $id, source: $source, command: $command, reset: $reset, total: $total,
                        startedAt: datetime()})
   RETURN r `,
  IMPORT_RUN.projection,
  cypher` AS run`,
);

// The finished run replaces every run started before it: it either emptied the store first or
// completed the same import (src/import/import-graph.ts refuses anything else while one is unfinished).
const finish = statement(
  'importRun.finish',
  cypher`MATCH (r:ImportRun {id: $id})
   SET r.finishedAt = datetime()
   WITH r
   OPTIONAL MATCH (earlier:ImportRun) WHERE earlier.startedAt <= r.startedAt AND earlier <> r
   DETACH DELETE earlier`,
);

// A run refused before its first write: nothing of it is in the store, so no mark is left behind.
const abandon = statement(
  'importRun.abandon',
  cypher`MATCH (r:ImportRun {id: $id}) WHERE r.finishedAt IS NULL
   DELETE r`,
);

const list = statement(
  'importRun.list',
  cypher`MATCH (r:ImportRun)
   RETURN r `,
  IMPORT_RUN.projection,
  cypher` AS run ORDER BY r.startedAt, r.id`,
);

/**
 * Every change to the runs made by this process, so that an API in the same process (tests, an
 * in-process import) need not wait for its view to age out. Other processes rely on the settle time.
 */
let localChanges = 0;
export const localImportRunChanges = (): number => localChanges;

export class ImportRunRepository {
  constructor(private readonly executor: Executor) {}

  async begin(run: Pick<ImportRun, 'source' | 'command' | 'reset' | 'total'>): Promise<ImportRun> {
    const records = await this.executor.write(begin, { id: randomUUID(), ...run });
    localChanges++;
    return column(single(records, begin), 'run', IMPORT_RUN.decode);
  }

  async finish(run: ImportRun): Promise<void> {
    await this.executor.write(finish, { id: run.id });
    localChanges++;
  }

  /** Removes the mark of `run`, which wrote nothing: readers see the store as it was before it. */
  async abandon(run: ImportRun): Promise<void> {
    await this.executor.write(abandon, { id: run.id });
    localChanges++;
  }

  /** Every run the store holds, oldest first: the unfinished ones and the last finished one. */
  async list(): Promise<ImportRun[]> {
    const records = await this.executor.read(list, {});
    return records.map((r) => column(r, 'run', IMPORT_RUN.decode));
  }
}
