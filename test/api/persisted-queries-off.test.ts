// Automatic persisted queries kept one cache of query texts for every organization: a text another
// organization's client had registered answered its hash, where one nobody sent answered
// PERSISTED_QUERY_NOT_FOUND. So any token could test guesses of what others asked (a template from the
// analyst guide with an id inlined: `organization(id: "cn-factory")`), learning who is looked for in
// someone else's chain (rule 6: another viewer's request leaves nothing a viewer can observe). No
// client of Tiersight's sends persisted queries; the protocol is off, for every text alike.
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import type { GraphQLResponse } from '../support/api.ts';

const t = useApi();

const hashOf = (query: string) => createHash('sha256').update(query).digest('hex');

const send = async (org: string, body: Record<string, unknown>): Promise<GraphQLResponse> => {
  const response = await fetch(`${t.api.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.api.token(org)}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
};

const byHash = (org: string, query: string) =>
  send(org, { extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(query) } } });

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('rival', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('cn-factory', 'FACTORY')
      .link('reseller', 'buyer')
      .link('cn-factory', 'reseller')
      .share('reseller', 'buyer')
      .build(),
  );
});

it("answers a hash another organization's client registered as one nobody sent", async () => {
  const asked = '{ organization(id: "cn-factory") { id } }';
  const neverAsked = '{ organization(id: "cn-elsewhere") { id } }';
  // The buyer's client registers its query the way the protocol does: hash and text together.
  const registered = await send('buyer', {
    query: asked,
    extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(asked) } },
  });
  const rival = { asked: await byHash('rival', asked), neverAsked: await byHash('rival', neverAsked) };
  expect(rival.asked).toEqual(rival.neverAsked);
  // The text itself still answers, as every query sent whole does.
  expect(registered.errors?.map((e) => e.extensions?.code)).toEqual(
    rival.asked.errors?.map((e) => e.extensions?.code),
  );
  const whole = await send('buyer', { query: asked });
  expect(whole.data).toEqual({ organization: { id: 'cn-factory' } });
});
