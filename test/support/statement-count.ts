// How many Cypher statements the API runs for a request: what the batching and look-ahead tests prove
// with. Two reads that are bookkeeping rather than the request's work are left out, since either may
// come with any request: the check that the token's organization exists, which the API remembers for
// a few seconds only (src/modules/organizations/known-organizations.ts), so that on a loaded machine
// it came back between two requests and made those tests fail at random; and the import gate's read
// of import runs, made again after an import in the same process (src/import/import-gate.ts), as a
// test's loadGraph is.
import type { Executor } from '../../src/graph/executor.ts';

/**
 * The units of that bookkeeping: the organization loader's lookup by id, and the import gate's read.
 */
const BOOKKEEPING = new Set(['organization.byIds', 'importRun.list']);

/**
 * `requests`' answer and the statements run for it, leaving out the bookkeeping, and with it any
 * other lookup of organizations by id: a request that makes some of its own is counted another way.
 */
export async function countStatements<T>(
  executor: Executor,
  requests: () => Promise<T>,
): Promise<{ answer: T; statements: number }> {
  let bookkeeping = 0;
  const stop = executor.observe((unit) => {
    if (BOOKKEEPING.has(unit)) bookkeeping++;
  });
  const before = executor.statementCount;
  try {
    const answer = await requests();
    return { answer, statements: executor.statementCount - before - bookkeeping };
  } finally {
    stop();
  }
}
