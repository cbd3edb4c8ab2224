// A share's or an access request's parties are read after the statement that listed it (share.parties,
// accessRequest.parties). Before the fix, a party merged away between the two answered
// INTERNAL_SERVER_ERROR ("An organization disappeared mid-request."); now it answers as the next request
// would (specification, section 10): the party is the organization it was merged into, which now holds
// the share or request, and a viewer merged away answers UNAUTHENTICATED. The merge comes right after
// the listing statement, through test/support/hooked-executor.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { mergeElsewhere, useHookedApi } from '../support/hooked-executor.ts';

const t = useHookedApi();

/** Merges through another session, as another request or replica would. */
const merge = (keepId: string, mergeId: string) => mergeElsewhere(t.db, keepId, mergeId);

// buyer <- mill; buyer shares its sourcing with the monitor watch; watch-2, mill-2 and buyer-2 are
// unrelated records that the merges keep.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('buyer-2', 'PURCHASER')
      .org('mill', 'MANUFACTURER')
      .org('mill-2', 'MANUFACTURER')
      .org('watch', 'MONITOR')
      .org('watch-2', 'MONITOR')
      .link('mill', 'buyer', { id: 'mill>buyer' })
      .share('buyer', 'watch', { id: 'to-watch' })
      .build(),
  );
});

const GIVEN = `{ sharesGiven { id owner { id } recipient { id } } }`;
const RECEIVED = `{ sharesReceived { id owner { id } recipient { id } } }`;
const SENT = `{ accessRequestsSent { target { id } requester { id } } }`;
type Parties = { id: string; owner: { id: string }; recipient: { id: string } }[];

describe('a party merged away between the listing and the read of its parties', () => {
  it('sharesGiven answers the recipient as the organization it was merged into', async () => {
    t.hooked.once('share.given', merge('watch-2', 'watch'));
    const shares = ok<Parties>(await t.api.query('buyer', GIVEN), 'sharesGiven');
    expect(shares).toEqual([{ id: 'to-watch', owner: { id: 'buyer' }, recipient: { id: 'watch-2' } }]);
  });

  it('sharesReceived answers the owner as the organization it was merged into', async () => {
    t.hooked.once('share.received', merge('buyer-2', 'buyer'));
    const shares = ok<Parties>(await t.api.query('watch', RECEIVED), 'sharesReceived');
    expect(shares).toEqual([{ id: 'to-watch', owner: { id: 'buyer-2' }, recipient: { id: 'watch' } }]);
  });

  it('accessRequestsSent answers the target as the organization it was merged into', async () => {
    ok(
      await t.api.query(
        'buyer',
        `mutation { requestAccess(organizationId: "mill", scope: SOURCING) { id } }`,
      ),
      'requestAccess',
    );
    t.hooked.once('accessRequest.sent', merge('mill-2', 'mill'));
    const sent = ok<unknown[]>(await t.api.query('buyer', SENT), 'accessRequestsSent');
    expect(sent).toEqual([{ target: { id: 'mill-2' }, requester: { id: 'buyer' } }]);
  });

  it('answers UNAUTHENTICATED when the viewer itself was merged away, as its next request would', async () => {
    t.hooked.once('share.given', merge('buyer-2', 'buyer'));
    expect(codes(await t.api.query('buyer', GIVEN))).toEqual(['UNAUTHENTICATED']);
  });
});
