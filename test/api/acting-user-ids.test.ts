// Which user acted (a token's `sub`, often an e-mail address) is named to the acting organization's
// own viewers and to platform_admins; the other party of a share, an access request or a disclosure
// sees the organization only: another organization's user ids are its own business.
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { accessRequestClient, ADMIN, requestIn } from '../support/access-requests.ts';
import { loadGraph } from '../support/database.ts';
import { resellerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  await loadGraph(t.db, resellerChain().build());
  ok(
    await t.api.query('reseller', `mutation { shareDisclosures(recipientId: "buyer") { id } }`, {}, ADMIN),
    'shareDisclosures',
  );
  ok(
    await t.api.query(
      'reseller',
      `mutation { publishDisclosure(input: { kind: SELF_ASSESSMENT, subjectId: "reseller", content: { title: "SAQ", issuedAt: "2024-01-01T00:00:00Z" } }) { id } }`,
      {},
      ADMIN,
    ),
    'publishDisclosure',
  );
});

const users = (events: { actorUserId: string | null }[]) => events.map((e) => e.actorUserId);

describe('share events', () => {
  const EVENTS = `{ shareEvents { actorUserId actorOrganization { id } } }`;

  it('name the user to its own organization, not to the recipient', async () => {
    const events = (as: string) => t.api.query(as, EVENTS).then((r) => users(ok(r, 'shareEvents')));
    expect(await events('reseller')).toEqual(['user@reseller']);
    expect(await events('buyer')).toEqual([null]);
  });
});

describe('access request events', () => {
  it('name each side its own users only', async () => {
    const requests = accessRequestClient(t.api);
    const sent = requestIn(await requests.ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    requestIn(
      await requests.answer('reseller', sent.id, 'DECLINE', { reason: 'not now' }),
      'answerAccessRequest',
    );
    expect(users(requestIn(await requests.one('buyer', sent.id), 'accessRequest').events)).toEqual([
      'user@buyer',
      null,
    ]);
    expect(users(requestIn(await requests.one('reseller', sent.id), 'accessRequest').events)).toEqual([
      null,
      'user@reseller',
    ]);
  });
});

describe("a disclosure's history", () => {
  const HISTORY = `{ disclosuresReceived { history { actorUserId } } }`;

  it('names who recorded each version to the publisher only', async () => {
    const [received] = ok<{ history: { actorUserId: string | null }[] }[]>(
      await t.api.query('buyer', HISTORY),
      'disclosuresReceived',
    );
    expect(users(received!.history)).toEqual([null]);
    const [given] = ok<{ history: { actorUserId: string | null }[] }[]>(
      await t.api.query('reseller', `{ disclosuresGiven { history { actorUserId } } }`),
      'disclosuresGiven',
    );
    expect(users(given!.history)).toEqual(['user@reseller']);
  });
});
