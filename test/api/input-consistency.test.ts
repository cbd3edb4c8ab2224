// The public GraphQL API's inputs as client developers meet them: the same kind of input (an optional
// text, a product name, a list of products, an organization id the viewer names) read and refused the
// same way by every module, each refusal naming the value sent in one shape.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('hidden', 'FACTORY')
      .org('other', 'PURCHASER')
      .link('reseller', 'buyer', { products: ['laptops'] })
      .link('brand', 'reseller', { products: ['laptops'] })
      .link('hidden', 'other')
      .share('reseller', 'buyer')
      .build(),
  );
});

const as = (org: string, query: string, variables: Record<string, unknown> = {}) =>
  t.api.query(org, query, variables, [...ADMIN]);
const messages = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.message);
const data = <T>(response: GraphQLResponse, field: string): T => {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data![field] as T;
};

const REQUEST = `mutation($organizationId: ID!, $scope: AccessScope!, $message: String, $products: [String!]) {
  requestAccess(organizationId: $organizationId, scope: $scope, message: $message, products: $products) {
    id message products } }`;
const PUBLISH = `mutation($content: DisclosureContentInput!) {
  publishDisclosure(input: { subjectId: "reseller", kind: SELF_ASSESSMENT, content: $content }) {
    id summary issuer standard products } }`;
const DECLARE = `mutation($supplierId: ID, $newSupplier: NewSupplierInput, $products: [String!]) {
  declareSupplyLink(supplierId: $supplierId, newSupplier: $newSupplier, products: $products) {
    id products supplier { id city } } }`;
const LISTING = `mutation($city: String) { setListing(listed: true, city: $city) { listed organization { city } } }`;

describe('a blank optional text', () => {
  // Blank is none for every optional text (specification section 4), as for requestAccess's message.
  it('is none for publishDisclosure(summary, issuer, standard), as for requestAccess(message)', async () => {
    for (const field of ['summary', 'issuer', 'standard']) {
      const response = await as('reseller', PUBLISH, {
        content: { title: `blank ${field}`, issuedAt: '2024-01-01', [field]: '   ' },
      });
      expect(messages(response), field).toEqual([]);
      expect((response.data?.['publishDisclosure'] as Record<string, unknown>)[field], field).toBeNull();
    }
  });

  it('is none for declareSupplyLink(newSupplier.city), as for requestAccess(message)', async () => {
    const response = await as('buyer', DECLARE, {
      newSupplier: { name: 'New factory', country: 'CN', type: 'FACTORY', city: '' },
    });
    expect(messages(response)).toEqual([]);
    expect(
      (response.data?.['declareSupplyLink'] as { supplier: { city: unknown } }).supplier.city,
    ).toBeNull();
  });

  it('is none for setListing(city) (null clears it), as for requestAccess(message)', async () => {
    const response = await as('reseller', LISTING, { city: '' });
    expect(messages(response)).toEqual([]);
    expect(
      (response.data?.['setListing'] as { organization: { city: unknown } }).organization.city,
    ).toBeNull();
  });
});

describe('product names', () => {
  it('are trimmed by requestAccess as declareSupplyLink and publishDisclosure trim them', async () => {
    const declared = data<{ products: string[] }>(
      await as('buyer', DECLARE, { supplierId: 'reseller', products: [' laptops '] }),
      'declareSupplyLink',
    );
    const published = data<{ products: string[] }>(
      await as('reseller', PUBLISH, {
        content: { title: 't', issuedAt: '2024-01-01', products: [' laptops '] },
      }),
      'publishDisclosure',
    );
    const requested = data<{ products: string[] }>(
      await as('buyer', REQUEST, { organizationId: 'reseller', scope: 'SOURCING', products: [' laptops '] }),
      'requestAccess',
    );
    expect(declared.products).toEqual(['laptops']);
    expect(published.products).toEqual(['laptops']);
    expect(requested.products).toEqual(['laptops']);
  });

  it('a blank one is refused with the same message shape everywhere: the item by its index and the value sent', async () => {
    const refusals = {
      requestAccess: messages(
        await as('buyer', REQUEST, {
          organizationId: 'reseller',
          scope: 'SOURCING',
          products: ['ok', '   '],
        }),
      ),
      declareSupplyLink: messages(
        await as('buyer', DECLARE, { supplierId: 'reseller', products: ['ok', '   '] }),
      ),
      publishDisclosure: messages(
        await as('reseller', PUBLISH, {
          content: { title: 't', issuedAt: '2024-01-01', products: ['ok', '   '] },
        }),
      ),
    };
    for (const [field, refused] of Object.entries(refusals)) {
      expect(refused, field).toHaveLength(1);
      expect(refused[0], field).toContain('products[1]');
      expect(refused[0], field).toContain('"   "');
    }
  });

  it('a list of 150 is answered alike by requestAccess, declareSupplyLink and publishDisclosure', async () => {
    const products = Array.from({ length: 150 }, (_, i) => `product-${i}`);
    const outcome = (response: GraphQLResponse) => codes(response)[0] ?? 'ok';
    const outcomes = {
      requestAccess: outcome(
        await as('buyer', REQUEST, { organizationId: 'reseller', scope: 'SOURCING', products }),
      ),
      declareSupplyLink: outcome(await as('buyer', DECLARE, { supplierId: 'reseller', products })),
      publishDisclosure: outcome(
        await as('reseller', PUBLISH, { content: { title: 't', issuedAt: '2024-01-01', products } }),
      ),
    };
    expect(new Set(Object.values(outcomes)), JSON.stringify(outcomes)).toHaveLength(1);
  });

  it('a product filter with surrounding spaces is trimmed or refused, never silently matches nothing', async () => {
    // Every product a link can carry is stored trimmed, so " laptops " can match no link.
    const response = await as('buyer', '{ supplyChain(product: " laptops ") { depth } }');
    const refused = codes(response)[0] === 'BAD_USER_INPUT' && messages(response)[0]!.includes('product');
    const trimmed = (response.data?.['supplyChain'] as { depth: number } | undefined)?.depth === 2;
    expect({ refused, trimmed, answer: response.data }).toMatchObject(
      refused ? { refused: true } : { trimmed: true },
    );
  });
});

describe('an organization id the viewer may not name', () => {
  it('declareSupplyLink names the supplierId sent, hidden or missing alike (rule 6: "names the id as the client sent it")', async () => {
    for (const id of ['hidden', 'no-such-org']) {
      const refused = messages(await as('buyer', DECLARE, { supplierId: id }));
      expect(refused, id).toHaveLength(1);
      expect(refused[0], id).toContain(`"${id}"`);
    }
  });

  it('shareSourcing and shareDisclosures answer `Organization "x" not found`, as requestAccess and every rootId do', async () => {
    const root = messages(await as('buyer', '{ supplyChain(rootId: "no-such-org") { depth } }'));
    const asked = messages(await as('buyer', REQUEST, { organizationId: 'no-such-org', scope: 'SOURCING' }));
    const sourcing = messages(
      await as('reseller', 'mutation { shareSourcing(recipientId: "no-such-org") { id } }'),
    );
    const disclosures = messages(
      await as('reseller', 'mutation { shareDisclosures(recipientId: "no-such-org") { id } }'),
    );
    expect(root).toEqual(['Organization "no-such-org" not found']);
    expect(asked).toEqual(root);
    expect(sourcing).toEqual(root);
    expect(disclosures).toEqual(root);
  });

  it('naming the viewer itself is refused naming the id, in shareSourcing, shareDisclosures and declareSupplyLink as in requestAccess', async () => {
    const own = {
      requestAccess: messages(await as('buyer', REQUEST, { organizationId: 'buyer', scope: 'SOURCING' })),
      shareSourcing: messages(await as('buyer', 'mutation { shareSourcing(recipientId: "buyer") { id } }')),
      shareDisclosures: messages(
        await as('buyer', 'mutation { shareDisclosures(recipientId: "buyer") { id } }'),
      ),
      declareSupplyLink: messages(await as('buyer', DECLARE, { supplierId: 'buyer' })),
    };
    for (const [field, refused] of Object.entries(own)) {
      expect(refused, field).toHaveLength(1);
      expect(refused[0], field).toContain('"buyer"');
    }
  });
});

describe('refusals quote the value sent the same way', () => {
  it('an unknown linkIds or disclosureIds item is quoted "x" as in every NOT_FOUND and id refusal', async () => {
    const links = messages(
      await as('buyer', 'mutation { shareSourcing(recipientId: "reseller", linkIds: ["nope"]) { id } }'),
    );
    const disclosures = messages(
      await as(
        'buyer',
        'mutation { shareDisclosures(recipientId: "reseller", disclosureIds: ["nope"]) { id } }',
      ),
    );
    expect(links[0]).toContain('"nope"');
    expect(disclosures[0]).toContain('"nope"');
  });

  it('an instant that must lie ahead is refused with one message shape in shares and sourcing', async () => {
    const refusals = {
      shareSourcing: messages(
        await as(
          'reseller',
          'mutation { shareSourcing(recipientId: "buyer", expiresAt: "2000-01-01") { id } }',
        ),
      ),
      declareSupplyLink: messages(
        await as(
          'buyer',
          'mutation { declareSupplyLink(supplierId: "reseller", validTo: "2000-01-01") { id } }',
        ),
      ),
      amendSupplyLink: messages(
        await as('buyer', 'mutation { amendSupplyLink(id: "reseller>buyer", validTo: "2000-01-01") { id } }'),
      ),
    };
    for (const [field, refused] of Object.entries(refusals)) {
      expect(refused, field).toHaveLength(1);
      expect(refused[0], field).toMatch(/^\w+ must be in the future, got 2000-01-01T00:00:00\.000Z/);
    }
  });

  it('screeningCandidates(first) out of range says what every other page size says', async () => {
    const response = await t.api.query('buyer', '{ screeningCandidates(first: 0) { id } }', {}, [
      'screening_admin',
    ]);
    expect(messages(response)).toEqual(['first must be a whole number from 1 to 500, got 0']);
  });
});
