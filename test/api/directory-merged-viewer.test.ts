// The directory's own-organization reads and writes. Before the fix: `listing` and `setListing` of a
// viewer whose organization was merged away (by another replica, while this one still vouched for the
// token) answered NOT_FOUND 'Organization "buyer" not found', naming the viewer's own id, where the
// specification (section 10) answers UNAUTHENTICATED, as the token's next request is; and an osId
// refused as already taken was not named in the message (only the organization holding it was).
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { mergedElsewhere } from '../support/merged-elsewhere.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('buyer', 'PURCHASER').org('buyer-2', 'PURCHASER').org('mill').org('mill-2').build(),
  );
});

describe('the directory, for a viewer merged away', () => {
  it('answers listing UNAUTHENTICATED', async () => {
    await mergedElsewhere(t, 'buyer-2', 'buyer');
    expect(codes(await t.api.query('buyer', `{ listing { listed } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers setListing UNAUTHENTICATED, writing nothing', async () => {
    await mergedElsewhere(t, 'buyer-2', 'buyer');
    const response = await t.api.query('buyer', `mutation { setListing(listed: true) { listed } }`, {}, [
      ...ADMIN,
    ]);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    const listing = ok<{ listed: boolean }>(
      await t.api.query('buyer-2', `{ listing { listed } }`),
      'listing',
    );
    expect(listing.listed).toBe(false);
  });
});

describe('setListing, an osId another listed organization has', () => {
  it('names the osId sent and the organization that has it', async () => {
    const SET = `mutation($osId: String) { setListing(listed: true, osId: $osId) { listed } }`;
    ok(await t.api.query('mill', SET, { osId: 'CN2019303BQ3FZP' }, [...ADMIN]), 'setListing');
    const response = await t.api.query('mill-2', SET, { osId: 'CN2019303BQ3FZP' }, [...ADMIN]);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toBe(
      `osId "CN2019303BQ3FZP" is already on the card of listed organization "mill"`,
    );
  });
});
