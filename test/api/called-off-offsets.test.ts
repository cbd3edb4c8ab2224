// A link its customer called off before it started (validTo = validFrom) holds at no instant; an import
// accepts one whose two ends name the same instant in different offsets (2999-01-01T00:00:00Z and
// 2999-01-01T01:00:00+01:00), but Neo4j's `=` on such DateTimes is false, so the statements that tell
// a called-off link by validTo = validFrom took it for one starting later: a grant of a request naming
// its product shared it (a share that shows nothing, where the request should have been refused as
// carried by no link), and it was listed among the links that hold now or later. The API calls a link
// off the same way: endSupplyLink of a link imported to start at 2999-01-01T01:00:00+01:00 wrote its
// end in UTC (found by adv39's review).
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const FROM = '2999-01-01T00:00:00Z';
const TO = '2999-01-01T01:00:00+01:00';
const state = (validTo: string | null) => ({
  supplierId: 'cable',
  products: ['cables'],
  validFrom: FROM,
  validTo,
});

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('cable', 'FACTORY')
      .org('wire', 'FACTORY')
      .link('factory', 'brand')
      .link('wire', 'factory', { products: ['wires'], validFrom: TO })
      .link('cable', 'factory', {
        products: ['cables'],
        validFrom: FROM,
        validTo: TO,
        events: [
          {
            action: 'DECLARED',
            at: '2024-01-01T00:00:00Z',
            actorUserId: 'u',
            actorOrganizationId: 'factory',
            supplierCreated: false,
            after: state(null),
          },
          {
            action: 'ENDED',
            at: '2024-02-01T00:00:00Z',
            actorUserId: 'u',
            actorOrganizationId: 'factory',
            before: state(null),
            after: state(TO),
          },
        ],
      })
      .build(),
  );
});

describe('a link called off before its start, its ends written in two offsets', () => {
  it('carries no product a grant could share', async () => {
    const client = accessRequestClient(t.api);
    const request = requestIn(
      await client.ask('brand', 'factory', 'SOURCING', { products: ['cables'] }),
      'requestAccess',
    );
    const refused = await client.answer('factory', request.id, 'GRANT');
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain('no link in which factory is the customer');
  });

  it('is not among the links that hold now or later, and may not be shared', async () => {
    const own = ok<{ id: string }[]>(
      await t.api.query('factory', '{ ownSupplyLinks { id } }', {}, [...ADMIN]),
      'ownSupplyLinks',
    );
    expect(own).toEqual([{ id: 'wire>factory' }]);
    const refused = await t.api.query(
      'factory',
      'mutation { shareSourcing(recipientId: "brand", linkIds: ["cable>factory"]) { id } }',
      {},
      [...ADMIN],
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain('called off');
  });
});

describe('a link the API calls off, its start written in an offset', () => {
  it('holds at no instant: not listed, shared, nor carried by a grant', async () => {
    const ended = ok<{ validTo: string }>(
      await t.api.query('factory', 'mutation { endSupplyLink(id: "wire>factory") { validTo } }', {}, [
        ...ADMIN,
      ]),
      'endSupplyLink',
    );
    expect(ended.validTo).toBe('2999-01-01T00:00:00.000Z');
    const own = ok<{ id: string }[]>(
      await t.api.query('factory', '{ ownSupplyLinks { id } }', {}, [...ADMIN]),
      'ownSupplyLinks',
    );
    expect(own).toEqual([]);
    const client = accessRequestClient(t.api);
    const request = requestIn(
      await client.ask('brand', 'factory', 'SOURCING', { products: ['wires'] }),
      'requestAccess',
    );
    expect(codes(await client.answer('factory', request.id, 'GRANT'))).toEqual(['BAD_USER_INPUT']);
    const refused = await client.answer('factory', request.id, 'GRANT', { linkIds: ['wire>factory'] });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain('called off');
  });
});
