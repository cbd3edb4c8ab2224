// An executor that runs a write of the test's right after a named statement or unit of work of the
// request under test: what another request or replica could do between two reads of one answer,
// made deterministic.
import { Executor, type Params, type Transaction } from '../../src/graph/executor.ts';
import type { Statement } from '../../src/graph/cypher.ts';
import type { QueryContext } from '../../src/domain/viewer-scope.ts';

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
