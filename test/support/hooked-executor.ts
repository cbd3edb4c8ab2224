// An executor that runs a write of the test's right after a named statement or unit of work of the
// request under test: what another request or replica could do between two reads of one answer,
// made deterministic.
import { Executor, type Params, type Transaction } from '../../src/graph/executor.ts';
import type { Statement } from '../../src/graph/cypher.ts';
import type { QueryContext } from '../../src/domain/viewer-scope.ts';
import { afterAll, beforeAll } from 'vitest';
import { MergeRepository } from '../../src/modules/merging/merge-repository.ts';
import { MergeService } from '../../src/modules/merging/merge-service.ts';
import { startTestApi, type TestApi } from './api.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

/** Runs `then` once, right after the first statement or unit of work whose name starts with `after`. */
export class HookedExecutor extends Executor {
  private pending: { after: string; then: () => Promise<void> } | null = null;

  once(after: string, then: () => Promise<void>): void {
    this.pending = { after, then };
  }

  private async fire(name: string): Promise<void> {
    const hook = this.pending;
    if (hook === null || !name.startsWith(hook.after)) return;
    this.pending = null;
    await hook.then();
  }

  override async read(query: Statement, params: Params, context: QueryContext = {}) {
    const records = await super.read(query, params, context);
    await this.fire(query.name);
    return records;
  }

  override async readTransaction<T>(
    name: string,
    context: QueryContext,
    work: (tx: Transaction) => Promise<T>,
  ) {
    const done = await super.readTransaction(name, context, (tx) =>
      work({
        run: async (query, params) => {
          const records = await tx.run(query, params);
          await this.fire(query.name);
          return records;
        },
      }),
    );
    await this.fire(name);
    return done;
  }

  override async writeTransaction<T>(
    name: string,
    context: QueryContext,
    work: (tx: Transaction) => Promise<T>,
  ) {
    const done = await super.writeTransaction(name, context, work);
    await this.fire(name);
    return done;
  }
}

export interface HookedHarness {
  db: TestDatabase;
  /** The API's executor: `hooked.once(statement, write)` runs the write right after that statement. */
  hooked: HookedExecutor;
  api: TestApi;
}

/** useApi with a HookedExecutor under the API, for all the file's tests. */
export function useHookedApi(): HookedHarness {
  const harness = {} as HookedHarness;
  beforeAll(async () => {
    harness.db = await openTestDatabase();
    harness.hooked = new HookedExecutor(harness.db.driver, { transactionTimeoutMs: 60_000 });
    harness.api = await startTestApi({ ...harness.db, executor: harness.hooked });
  });
  afterAll(async () => {
    await harness.api?.close();
    await harness.db?.close();
  });
  return harness;
}

/** A merge through the database's own executor (another session), as another request or replica would. */
export const mergeElsewhere = (db: TestDatabase, keepId: string, mergeId: string) => async () => {
  await new MergeService(new MergeRepository(db.executor), { actorUserId: 'operator', at: new Date() }).merge(
    keepId,
    mergeId,
  );
};
