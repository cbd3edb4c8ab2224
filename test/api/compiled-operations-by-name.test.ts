// The compiled plans of src/api/jit-executor.ts are kept per document and per operation name: keyed by
// the document alone, a client that sends one document of two named operations, A then B then A, would
// get B's answer the third time. The same text is sent with each name several times, interpreted and
// compiled, and each name must get its own answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { graph } from '../support/graph-builder.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  await loadGraph(t.db, graph().org('v', 'PURCHASER').org('s', 'RESELLER').link('s', 'v').build());
});

const DOCUMENT = `query Roles { me { roles } }
query Org { me { organization { id } } }
query Chain { supplyChain { tiers { tier organizations { id } } } }`;

async function run(operationName: string) {
  const response = await fetch(`${t.api.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.api.token('v')}` },
    body: JSON.stringify({ query: DOCUMENT, operationName }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('one document of several named operations, run again and again', () => {
  it('answers each request with the operation it names, compiled or not', async () => {
    const expected = {
      Roles: { data: { me: { roles: ['ANALYST'] } } },
      Org: { data: { me: { organization: { id: 'v' } } } },
      Chain: { data: { supplyChain: { tiers: [{ tier: 1, organizations: [{ id: 's' }] }] } } },
    };
    const order = [
      'Roles',
      'Org',
      'Roles',
      'Org',
      'Chain',
      'Roles',
      'Chain',
      'Org',
      'Roles',
      'Chain',
    ] as const;
    const answers = [];
    for (const name of order) answers.push({ name, ...(await run(name)) });
    expect(answers).toEqual(order.map((name) => ({ name, status: 200, body: expected[name] })));
  });
});
