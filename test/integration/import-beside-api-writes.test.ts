// `tiersight import FILE` in a process of its own, as operators run it, against API writes on the same
// Neo4j. The import validates the file against the store (docs/specification.md section 6: "nor one
// beside a request the database holds open for the same triple"), marks its run, and writes at least
// IMPORT_SETTLE_MS later; the API admits writes until its view of the runs (up to
// IMPORT_STATE_MAX_AGE_MS old) shows the mark. A write that commits between the import's first check
// and its first write must not be written over unseen: the import checks the store again once the
// settle is over, and refuses the file, leaving no mark.
//
// To make the moment certain, the API's write is held back by a lock on an organization (as a
// concurrent write of that organization would hold it) from before the importer starts until its run
// is marked (its validation has ended), then let go during the settle: it commits before the import's
// first write, exactly where the import gate's design places every admitted write.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app/server.ts';
import { loadGraph, openTestDatabase, rowsOf, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';
import { silentLogger } from '../support/logs.ts';
import { TEST_SECRET, postGraphQL, type GraphQLResponse } from '../support/api.ts';
import { signToken } from '../../src/auth/tokens.ts';
import { REQUEST_ACCESS } from '../support/access-requests.ts';
import type { Role } from '../../src/domain/roles.ts';

const CLI = fileURLToPath(new URL('../../bin/tiersight.js', import.meta.url));

let db: TestDatabase;
let app: App;
let dir: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  // The API as `serve` runs it: the import gate with its production view age (no importer in this
  // process, so it hears of a run only by reading the store).
  app = await startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      environment: 'development',
      jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false },
    },
    executor: db.executor,
    logger: silentLogger,
    webRoot: null,
  });
  dir = await mkdtemp(join(tmpdir(), 'tiersight-import-beside-api-writes-'));
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => {});
  await app?.close();
  await loadGraph(db, graph().build()); // completes any run a failed test left unfinished
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** `tiersight import ARGS` against this file's Neo4j, in a process of its own. */
function importer(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'import', ...args], {
    env: { ...process.env, NEO4J_URI: neo4jUri(), NEO4J_TX_TIMEOUT_MS: '120000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
  closers.push(async () => void child.kill('SIGKILL'));
  return { exit, running: () => child.exitCode === null && child.signalCode === null, output: () => output };
}

async function until(
  what: string,
  condition: () => Promise<boolean>,
  failIf: () => string | null = () => null,
) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const failure = failIf();
    if (failure !== null) throw new Error(failure);
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ask = async (
  org: string,
  query: string,
  variables: Record<string, unknown>,
  roles: Role[] = ['supplier_admin'],
): Promise<GraphQLResponse> => {
  const token = await signToken({ sub: `user@${org}`, org, roles }, TEST_SECRET, 600);
  return postGraphQL(app.url, `Bearer ${token}`, query, variables);
};

/** Holds a write lock on organization `id` until the returned function is called. */
async function holdOrganization(id: string): Promise<() => Promise<void>> {
  const session = db.driver.session();
  const tx = session.beginTransaction();
  await tx.run('MATCH (o:Organization {id: $id}) SET o._heldByTest = true', { id });
  const release = async () => {
    await tx.rollback().catch(() => {});
    await session.close();
  };
  closers.push(release);
  return release;
}

/** True once some transaction other than ours waits for a lock (the API's write). */
const someoneBlocked = async () =>
  (
    await rowsOf(
      db,
      `SHOW TRANSACTIONS YIELD status, currentQuery
       WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n`,
    )
  )[0]!['n'] !== 0;

const unfinishedRuns = async () =>
  (await rowsOf(db, 'MATCH (r:ImportRun) WHERE r.finishedAt IS NULL RETURN count(r) AS n'))[0]!['n'];

const runMarked = (source: string) => async () =>
  (
    await rowsOf(
      db,
      'MATCH (r:ImportRun {source: $source}) WHERE r.finishedAt IS NULL RETURN count(r) AS n',
      {
        source,
      },
    )
  )[0]!['n'] !== 0;

it('never leaves two OPEN access requests for one (requester, target, scope) when requestAccess races an import of an open request', async () => {
  await loadGraph(
    db,
    graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build(),
  );
  // The file: the buyer's open SOURCING request to the reseller (as another system recorded it).
  const file = join(dir, 'open-request.json');
  const sentAt = new Date(Date.now() - 3_600_000).toISOString();
  await writeFile(
    file,
    JSON.stringify({
      format: 'tiersight/v1',
      organizations: [],
      links: [],
      shares: [],
      risks: [],
      accessRequests: [
        { id: 'ar-from-file', requester: 'buyer', target: 'reseller', scope: 'SOURCING', sentAt },
      ],
    }),
  );

  // The buyer asks the reseller for its sourcing while no import exists: the API admits it.
  const release = await holdOrganization('buyer');
  const asked = ask('buyer', REQUEST_ACCESS, { to: 'reseller', scope: 'SOURCING' });
  await until('the API write waits for the lock', someoneBlocked);

  // The import starts; once its run is marked, its validation has read the store (no open request).
  const run = importer([file]);
  await until('the import marked its run', runMarked(file), () =>
    run.running() ? null : `the import ended before it marked its run:\n${run.output()}`,
  );
  await release(); // within the settle wait: the API's write commits before the import's first write

  const answer = await asked;
  const imported = await run.exit;

  const open = await rowsOf(
    db,
    `MATCH (:Organization {id: 'buyer'})-[:REQUESTED]->(r:AccessRequest {status: 'OPEN', scope: 'SOURCING'})
           -[:OF]->(:Organization {id: 'reseller'})
     RETURN r.id AS id ORDER BY id`,
  );
  const answeredId = (answer.data?.['requestAccess'] as { id: string } | null | undefined)?.id;
  expect(answeredId, JSON.stringify(answer.errors)).toBeDefined();
  // The request the API answered stays the only open one, and the import says why it wrote nothing.
  expect(open, `the import exited ${imported.code}:\n${imported.output}`).toEqual([{ id: answeredId }]);
  expect(imported.code).not.toBe(0);
  expect(imported.output).toContain('ar-from-file');
  expect(await unfinishedRuns()).toBe(0);
}, 180_000);

const MERGE = `mutation($keepId: ID!, $mergeId: ID!) {
  mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { keptId mergedId }
}`;

it('does not report a link as imported when a merge of its supplier, admitted before the run, left the import nothing to write it to', async () => {
  await loadGraph(
    db,
    graph()
      .org('operator', 'PURCHASER')
      .org('buyer', 'PURCHASER')
      .org('mill', 'FACTORY')
      .org('mill-dup', 'FACTORY')
      .link('mill', 'buyer', { id: 'mill>buyer' })
      .build(),
  );
  // The file: a new link from the duplicate record (still an organization when the file is checked).
  const file = join(dir, 'dup-link.json');
  await writeFile(
    file,
    JSON.stringify({
      format: 'tiersight/v1',
      organizations: [],
      links: [
        {
          id: 'dup>buyer',
          supplier: 'mill-dup',
          customer: 'buyer',
          products: ['yarn'],
          validFrom: '2025-01-01T00:00:00Z',
        },
      ],
      shares: [],
      risks: [],
    }),
  );

  // A platform admin merges the duplicate into the mill, before any import exists: admitted.
  const release = await holdOrganization('mill-dup');
  const merged = ask('operator', MERGE, { keepId: 'mill', mergeId: 'mill-dup' }, ['platform_admin']);
  await until('the API write waits for the lock', someoneBlocked);

  const run = importer([file]);
  await until('the import marked its run', runMarked(file), () =>
    run.running() ? null : `the import ended before it marked its run:\n${run.output()}`,
  );
  await release(); // the merge commits during the settle wait, before the import's first write

  const answer = await merged;
  const imported = await run.exit;
  const links = await rowsOf(
    db,
    `MATCH (s)-[l:SUPPLIES]->(c) RETURN l.id AS id, s.id AS supplier ORDER BY id`,
  );
  expect(answer.errors).toBeUndefined();
  // A link from a merged id is refused when checked after the merge, as it is when the import comes
  // second; it was never reported written and then dropped.
  expect(
    links.map((l) => l['id']),
    `the import printed:\n${imported.output}`,
  ).toEqual(['mill>buyer']);
  expect(imported.code).not.toBe(0);
  expect(imported.output).toContain('supplier "mill-dup"');
  expect(await unfinishedRuns()).toBe(0);
}, 180_000);
