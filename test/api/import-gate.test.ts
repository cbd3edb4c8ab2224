// The API while an import writes (docs/data-model.md, "Import"): every request is refused with
// SERVICE_UNAVAILABLE (HTTP 503, Retry-After) while an import run is unfinished, and a query admitted
// before an import started is not answered after it. The same over a Neo4j killed mid-import, and
// across processes, is test/integration/import-killed.test.ts.
import { createTokenVerifier } from '../../src/auth/verify-token.ts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRun } from '../../src/domain/import-runs.ts';
import { createRepositories, createRequestContext } from '../../src/app/request-context.ts';
import { TEST_SECRET } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ME = '{ me { organization { id } } }';
const SHARE = 'mutation { shareSourcing(recipientId: "buyer") { id } }';

const small = () =>
  graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build();

/** POSTs an operation and keeps the headers, which the shared helper drops. */
async function post(org: string, query: string, roles: ('analyst' | 'supplier_admin')[] = ['analyst']) {
  const response = await fetch(`${t.api.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.api.token(org, roles)}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions: { code: string } }[];
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
}

const beginRun = (): Promise<ImportRun> =>
  t.db.imports.runs.begin({
    source: '/data/graph.json',
    command: 'tiersight import /data/graph.json --reset',
    reset: true,
    total: 3,
  });

beforeEach(async () => {
  await loadGraph(t.db, small());
});
afterAll(async () => {
  await loadGraph(t.db, graph().build()); // completes any run a failed test left unfinished
});

describe('while an import run is unfinished', () => {
  it('refuses queries and mutations with SERVICE_UNAVAILABLE, then serves again once the run finishes', async () => {
    const run = await beginRun();
    const before = await dumpGraph(t.db.driver);
    for (const [query, roles] of [
      [ME, ['analyst']],
      [SHARE, ['supplier_admin']],
    ] as const) {
      const refused = await post('reseller', query, [...roles]);
      expect(refused).toMatchObject({ status: 503, retryAfter: '10' });
      expect(refused.data).toBeUndefined();
      expect(refused.errors).toEqual([
        {
          message: expect.stringContaining('run `tiersight import FILE` again'),
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ]);
    }
    expect(await dumpGraph(t.db.driver)).toEqual(before); // the refused mutation wrote nothing

    await t.db.imports.runs.finish(run);
    const served = await post('reseller', ME);
    expect(served).toMatchObject({ status: 200, data: { me: { organization: { id: 'reseller' } } } });
    expect(served.errors).toBeUndefined();
  });

  it('still checks the token first: a bad token is UNAUTHENTICATED (401)', async () => {
    await beginRun();
    const response = await fetch(`${t.api.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.status).toBe(401);
  });
});

describe('a request admitted before an import run began and answered after it', () => {
  /** A request context admitted now, as the server makes one before it runs the operation. */
  const admittedNow = async (org: string, roles: ('analyst' | 'supplier_admin')[]) => {
    const token = await createTokenVerifier({ secret: TEST_SECRET })(
      `Bearer ${await t.api.token(org, roles)}`,
    );
    if ('code' in token) throw new Error(token.message);
    const context = await createRequestContext(createRepositories(t.db.executor), token);
    if ('code' in context) throw new Error(context.message);
    return context;
  };

  it('is refused when it is a query: it may have read from both graphs', async () => {
    const context = await admittedNow('reseller', ['analyst']);
    await t.db.imports.runs.finish(await beginRun()); // a whole import between admission and answer
    const result = await t.api.app.apollo.executeOperation({ query: ME }, { contextValue: context });
    expect(result.http.status).toBe(503);
    expect(result.http.headers.get('retry-after')).toBe('1');
    expect(result.body).toEqual({
      kind: 'single',
      singleResult: {
        errors: [
          { message: expect.stringContaining('send it again'), extensions: { code: 'SERVICE_UNAVAILABLE' } },
        ],
      },
    });
  });

  it('is answered when it is a mutation: its write happened, and a refusal would invite a second one', async () => {
    const context = await admittedNow('reseller', ['supplier_admin']);
    await t.db.imports.runs.finish(await beginRun());
    const result = await t.api.app.apollo.executeOperation({ query: SHARE }, { contextValue: context });
    expect(result.body).toMatchObject({
      kind: 'single',
      singleResult: { data: { shareSourcing: { id: expect.any(String) } } },
    });
  });
});
