// Texts given to the API, refused as a whole and named: a refusal shows the value cut to 80 characters
// (src/domain/quote.ts: "so that a megabyte sent by mistake does not come back"), country codes and
// Open Supply Hub ids too; a text with an unpaired surrogate (JSON's "\ud800"), which would reach Neo4j
// as U+FFFD, text the client never sent, is BAD_USER_INPUT as it is in the bulk format, and nothing of
// the refused request is written.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const as = (org: string, query: string, variables: Record<string, unknown>) =>
  t.api.query(org, query, variables, [...ADMIN]);
const message = (response: GraphQLResponse) => response.errors?.[0]?.message ?? '';

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('monitor', 'MONITOR', { listed: true })
      .link('reseller', 'buyer')
      .build(),
  );
});

const HUGE = 'X'.repeat(100_000);
const DECLARE = `mutation($newSupplier: NewSupplierInput) {
  declareSupplyLink(newSupplier: $newSupplier) { id supplier { id name } } }`;
const LISTING = `mutation($osId: String) { setListing(listed: true, osId: $osId) { listed } }`;
const DIRECTORY = `query($country: String) { directory(country: $country) { edges { node { id } } } }`;

describe('a refusal does not echo unbounded input', () => {
  it.each([
    [
      'declareSupplyLink(newSupplier.country)',
      DECLARE,
      { newSupplier: { name: 'N', type: 'FACTORY', country: HUGE } },
    ],
    [
      'declareSupplyLink(newSupplier.osId)',
      DECLARE,
      { newSupplier: { name: 'N', type: 'FACTORY', country: 'SE', osId: HUGE } },
    ],
    ['setListing(osId)', LISTING, { osId: HUGE }],
    ['directory(country)', DIRECTORY, { country: HUGE }],
  ])('%s: BAD_USER_INPUT naming the value cut to 80 characters', async (_field, query, variables) => {
    const before = await dumpGraph(t.db.driver);
    const response = await as('buyer', query, variables);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    // The message is a sentence and the value as quote() shows it: "XXXX…" (80 characters with quotes).
    expect(message(response).length, message(response).slice(0, 200)).toBeLessThan(400);
    expect(message(response)).toContain(`"${'X'.repeat(76)}...`);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });
});

const LONE = 'Acme\ud800 Factory';
const PUBLISH = `mutation($title: String!) {
  publishDisclosure(input: { subjectId: "reseller", kind: SELF_ASSESSMENT,
    content: { title: $title, issuedAt: "2024-01-01" } }) { id title } }`;
const REQUEST = `mutation($message: String) {
  requestAccess(organizationId: "reseller", scope: SOURCING, message: $message) { id message } }`;
const DECLARE_PRODUCTS = `mutation($products: [String!]) {
  declareSupplyLink(supplierId: "reseller", products: $products) { id products } }`;

describe('a text with an unpaired surrogate is refused, not stored as U+FFFD', () => {
  it.each([
    [
      'declareSupplyLink(newSupplier.name)',
      'buyer',
      DECLARE,
      { newSupplier: { name: LONE, type: 'FACTORY', country: 'SE' } },
      'newSupplier.name',
    ],
    ['declareSupplyLink(products)', 'buyer', DECLARE_PRODUCTS, { products: [LONE] }, 'products[0]'],
    ['publishDisclosure(title)', 'reseller', PUBLISH, { title: LONE }, 'title'],
    ['requestAccess(message)', 'buyer', REQUEST, { message: LONE }, 'message'],
  ])('%s: BAD_USER_INPUT naming the field, nothing written', async (_field, org, query, variables, field) => {
    const dump = await dumpGraph(t.db.driver);
    const response = await as(org, query, variables);
    // Today: stored and answered as "Acme\uFFFD Factory", a text the client did not send.
    expect(JSON.stringify(response.data ?? null)).not.toContain('\ufffd');
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(message(response)).toContain(field);
    expect(await dumpGraph(t.db.driver)).toEqual(dump);
  });
});
