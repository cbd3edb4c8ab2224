// Review (hostile client): aliases repeat a chain's lists inside one traversal.
//
// The operation limits (src/api/limits.ts) allow 5 traversals, 30 aliases and 2,000 fields, counted in
// the document. They bound how many chains Neo4j walks, not how much answer the server builds: an alias
// of a list field inside a traversal (`links`, `tiers`, `organizations`, a RiskAssessment's
// `organizations`) repeats the whole list, and every alias counts once whatever the list's length. On
// the review's probe server (a viewer with 5,000 suppliers), one 6 kB request with 30 aliases of
// `supplyChain(maxDepth: 1) { links { … supplier { … } } }` was answered with 82 MB of JSON in 5.7 s
// (28 s the first time, interpreted), the process's RSS went from 143 MB to 736 MB, and a concurrent
// `{ __typename }` waited 9.5 s. Five riskAssessment aliases answered 55 MB, with a 6 s stall. With 16
// such requests in flight per token, or a chain of 10,000 with more links, the process runs out of
// heap. Per-organization fields with arguments do the same to Neo4j: 30 aliases of `risks(asOf: …)` /
// `disclosures(asOf: …)` on a chain's organizations are 20 statements over the whole chain, under one
// counted traversal.
//
// Expected: an operation's limits bound what it costs. Repeating a chain's list under an alias costs
// what another traversal costs (or is refused, GRAPHQL_VALIDATION_FAILED, before it runs), so that
// one operation builds at most about 5 chains' worth of answer and runs at most about 5 chain-wide
// statements, and other clients are served meanwhile.
//
// Fixed: the limits count the fields inside lists, each alias again (at most 250: five chains of 50
// fields), and the distinct argument sets of fields inside lists (at most 10), before anything runs.
// Found after: aliases inside a list within a list's items (a ranked organization's components'
// inputs) were answered once per inner item but counted once; such lists now count their fields once
// per item they usually hold.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi('production');
const SUPPLIERS = 3_000;

beforeAll(async () => {
  let built = graph().org('v', 'PURCHASER');
  for (let i = 0; i < SUPPLIERS; i++) {
    const id = `s${String(i).padStart(5, '0')}`;
    built = built
      .org(id, 'FACTORY', {
        name: `Supplier number ${i} of the viewer`,
        country: 'CN',
        city: 'Shenzhen',
        region: 'Guangdong',
      })
      .link(id, 'v', { products: ['laptops', 'servers'] });
    if (i % 2 === 0) built = built.risk(id, { description: 'A public report about working hours.' });
  }
  await loadGraph(t.db, built.build());
}, 300_000);

const LINK =
  'id products supplier { id name type country city region risks { id kind severity } } customer { id }';
const plain = `{ supplyChain(maxDepth: 1) { links { ${LINK} } } }`;
const aliased = `{ supplyChain(maxDepth: 1) { ${Array.from({ length: 30 }, (_, i) => `l${i}: links { ${LINK} }`).join(' ')} } }`;

async function post(token: string, query: string) {
  const response = await fetch(`${t.api.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), json: JSON.parse(text) as never };
}

const messages = (body: { errors?: { message: string }[] }) => (body.errors ?? []).map((e) => e.message);

/** Statements run so far (the executor's metric, summed over statements and outcomes). */
async function statementsRun(): Promise<number> {
  const text = await t.api.app.metrics.registry.metrics();
  return text
    .split('\n')
    .filter((line) => line.startsWith('tiersight_neo4j_transaction_duration_seconds_count'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('aliases of a chain’s lists', () => {
  it('cannot make one operation build more than 5 chains’ worth of answer', async () => {
    const token = await t.api.token('v');
    const one = await post(token, plain);
    expect(one.status).toBe(200);
    const many = await post(token, aliased);
    const refused = many.status === 400 && codes(many.json).includes('GRAPHQL_VALIDATION_FAILED');
    // Before the fix: 200 and 30 times the answer (23 MB here, from a 3 kB request).
    expect(refused || many.bytes <= 5 * one.bytes, `${many.bytes} bytes against ${one.bytes}`).toBe(true);
    expect(messages(many.json)).toEqual([
      'Query asks for more than 250 fields inside lists, each answered once per item (inside a list within an item, once per item it usually holds); 570 of them are in SupplyChain.links.',
    ]);
  }, 300_000);

  it('inside a list within each item cannot multiply the answer either', async () => {
    const token = await t.api.token('v');
    const inputs = (fields: string) =>
      `{ riskAssessment(maxDepth: 1) { organizations { components { inputs { ${fields} } } } } }`;
    const one = await post(token, inputs('label value source'));
    expect(one.status).toBe(200);
    const labels = Array.from({ length: 30 }, (_, i) => `a${i}: label`).join(' ');
    const many = await post(token, inputs(labels));
    const refused = many.status === 400 && codes(many.json).includes('GRAPHQL_VALIDATION_FAILED');
    // Before: 200, and every input's label 30 times (29 MB against 5.3 MB for every input's three fields).
    expect(refused || many.bytes <= 5 * one.bytes, `${many.bytes} bytes against ${one.bytes}`).toBe(true);
    expect(messages(many.json)).toEqual([
      'Query asks for more than 250 fields inside lists, each answered once per item (inside a list within an item, once per item it usually holds); 607 of them are in RiskAssessment.organizations.',
    ]);
  }, 300_000);

  it('do not hold the event loop for seconds (other clients wait meanwhile)', async () => {
    const token = await t.api.token('v');
    // The server runs in this process: the longest time its event loop went without a turn is the
    // longest any other client's request waited for it.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await post(token, aliased);
    delay.disable();
    // Before the fix: 4.7-9.1 s in a row (measured over four runs).
    expect(delay.max / 1e6).toBeLessThan(1_000);
  }, 300_000);

  it('with arguments on each organization’s fields run no more than 5 chain-wide statements', async () => {
    const token = await t.api.token('v');
    const fields = Array.from(
      { length: 15 },
      (_, i) =>
        `d${i}: disclosures(asOf: "20${10 + i}-01-01") { id } r${i}: risks(asOf: "20${10 + i}-01-01") { id }`,
    ).join(' ');
    const before = await statementsRun();
    const response = await post(
      token,
      `{ supplyChain(maxDepth: 1) { tiers { organizations { id ${fields} } } } }`,
    );
    const ran = (await statementsRun()) - before;
    const refused = response.status === 400;
    // Before the fix: 200 after 20-22 statements, each over the 3,000 organizations (~70 s here).
    expect(refused || ran <= 6, `${ran} statements`).toBe(true);
    expect(ran).toBe(0);
    expect(messages(response.json)).toEqual([
      'Query gives fields inside lists more than 10 sets of arguments, each one more lookup for every item; Organization.disclosures has 15 of them.',
    ]);
  }, 300_000);
});
