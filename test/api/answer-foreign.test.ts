// An answer with grantScope (and the rest of a grant's arguments) to a request the caller did not
// receive answers as one to a missing id: a third party's, the requester's own, and a made-up one
// alike, with the same code and message but for the id, and nothing written.
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, countRequestWrites, requestIn } from '../support/access-requests.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('rival', 'BRAND')
      .link('factory', 'brand')
      .link('factory', 'rival')
      .build(),
  );
});

describe('an answer to a request the caller did not receive', () => {
  it('is NOT_FOUND as for a missing id, whatever grantScope or narrowing it sends, and writes nothing', async () => {
    const client = accessRequestClient(t.api);
    const request = requestIn(await client.ask('brand', 'factory', 'BOTH'), 'requestAccess');
    const before = await countRequestWrites(t.db);
    const shapes = [
      { grantScope: 'SOURCING' },
      { grantScope: 'DISCLOSURES', linkIds: ['factory>brand'] },
      { grantScope: 'BOTH', expiresAt: '2000-01-01T00:00:00Z' },
    ];
    for (const extra of shapes)
      for (const [as, id] of [
        ['rival', request.id],
        ['brand', request.id],
        ['rival', 'ar-missing'],
      ] as const) {
        const answer = await client.answer(as, id, 'GRANT', extra);
        expect(answer.data).toBeNull();
        expect(answer.errors!.map((e) => [e.extensions?.['code'], e.message.replace(id, '<id>')])).toEqual([
          ['NOT_FOUND', expect.stringContaining('<id>')],
        ]);
        const missing = await client.answer(as, 'ar-missing', 'GRANT', extra);
        expect(missing.errors![0]!.message.replace('ar-missing', '<id>')).toBe(
          answer.errors![0]!.message.replace(id, '<id>'),
        );
      }
    expect(await countRequestWrites(t.db)).toEqual(before);
  });
});
