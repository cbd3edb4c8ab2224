// A share identical to an active one is judged on its end as an instant: an imported share keeps the
// offset its file wrote (2099-06-01T02:00:00+02:00), and Neo4j's `=` on two DateTimes of one instant
// but different offsets is false. shareSourcing with the same end in UTC then made a second share, and
// a grant of an access request a copy, where the same end in UTC was refused or linked: revoking the
// imported share left the recipient all it saw (found by adv39's review).
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const SHARE = `mutation($until: DateTime) { shareSourcing(recipientId: "brand", expiresAt: $until) { id } }`;
const GIVEN = '{ sharesGiven { id } }';
const IMPORTED = 'factory=>brand#0';

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('pcb', 'FACTORY')
      .link('factory', 'brand')
      .link('pcb', 'factory')
      .share('factory', 'brand', { expiresAt: '2099-06-01T02:00:00+02:00' })
      .build(),
  );
});

const given = async () =>
  ok<{ id: string }[]>(await t.api.query('factory', GIVEN, {}, [...ADMIN]), 'sharesGiven').map((s) => s.id);

describe('an imported share whose end has an offset', () => {
  it('is the share that shareSourcing with the same end in UTC repeats', async () => {
    const again = await t.api.query('factory', SHARE, { until: '2099-06-01T00:00:00Z' }, [...ADMIN]);
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toContain(IMPORTED);
    expect(await given()).toEqual([IMPORTED]);
  });

  it('is linked by a grant with the same end in UTC, not copied', async () => {
    const client = accessRequestClient(t.api);
    const request = requestIn(await client.ask('brand', 'factory', 'SOURCING'), 'requestAccess');
    const granted = requestIn(
      await client.answer('factory', request.id, 'GRANT', { expiresAt: '2099-06-01T00:00:00Z' }),
      'answerAccessRequest',
    );
    expect(granted.shares.map((s) => s.id)).toEqual([IMPORTED]);
    expect(await given()).toEqual([IMPORTED]);
  });
});
