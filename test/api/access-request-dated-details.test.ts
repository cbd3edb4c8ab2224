// An access request read as of T is "as it stood then (status, due date, events, shares)", and its
// parties answer as of T too: nothing that happened after T shows in it.
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { accessRequestClient, ADMIN } from '../support/access-requests.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const EARLY = '2024-01-01T00:00:00Z';

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
/** An instant strictly between what came before and what comes after. */
const between = async () => {
  await pause();
  const at = new Date().toISOString();
  await pause();
  return at;
};

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('v', 'PURCHASER')
      .org('a', 'FACTORY')
      .org('b', 'FACTORY')
      .org('c', 'FACTORY')
      .link('a', 'v', { recordedAt: EARLY })
      .link('b', 'v', { recordedAt: EARLY })
      .link('c', 'v', { recordedAt: EARLY })
      .build(),
  );
});

const requestId = async (to: string) => {
  const requests = accessRequestClient(t.api);
  const asked = ok<{ id: string }>(await requests.ask('v', to, 'DISCLOSURES'), 'requestAccess');
  return asked.id;
};

describe('accessRequest(asOf: T) shows nothing that happened after T', () => {
  it('a share it resulted in, revoked after T, shows as it stood at T: no revokedAt, active', async () => {
    const requests = accessRequestClient(t.api);
    const id = await requestId('a');
    const granted = ok<{ shares: { id: string }[] }>(
      await requests.answer('a', id, 'GRANT'),
      'answerAccessRequest',
    );
    const T = await between();
    ok(
      await t.api.query(
        'a',
        `mutation($id: ID!) { revokeShare(id: $id) { id } }`,
        { id: granted.shares[0]!.id },
        ADMIN,
      ),
      'revokeShare',
    );
    const atT = ok<{ status: string; shares: { revokedAt: string | null; active: boolean }[] }>(
      await t.api.query(
        'v',
        `query($id: ID!, $asOf: DateTime) {
        accessRequest(id: $id, asOf: $asOf) { status shares { revokedAt active } } }`,
        { id, asOf: T },
      ),
      'accessRequest',
    );
    expect(atT.status).toBe('GRANTED');
    expect(atT.shares).toEqual([{ revokedAt: null, active: true }]);
  });

  it('its target shows the disclosures the requester could see at T, not those shared and published after T', async () => {
    const requests = accessRequestClient(t.api);
    const id = await requestId('b');
    const T = await between();
    ok(await requests.answer('b', id, 'GRANT'), 'answerAccessRequest');
    ok(
      await t.api.query(
        'b',
        `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
        {
          input: {
            subjectId: 'b',
            kind: 'SELF_ASSESSMENT',
            content: { title: 'SAQ', issuedAt: '2024-06-01' },
          },
        },
        ADMIN,
      ),
      'publishDisclosure',
    );
    // Now v sees b's self-assessment; at T there was neither the share nor the disclosure.
    const now = ok<{ target: { disclosures: { id: string }[] } }>(
      await t.api.query('v', `query($id: ID!) { accessRequest(id: $id) { target { disclosures { id } } } }`, {
        id,
      }),
      'accessRequest',
    );
    expect(now.target.disclosures).toHaveLength(1);
    const atT = ok<{ status: string; target: { disclosures: { id: string }[] } }>(
      await t.api.query(
        'v',
        `query($id: ID!, $asOf: DateTime) {
        accessRequest(id: $id, asOf: $asOf) { status target { disclosures { id } } } }`,
        { id, asOf: T },
      ),
      'accessRequest',
    );
    expect(atT.status).toBe('OPEN');
    expect(atT.target.disclosures).toEqual([]);
  });
});

describe('accessRequest(asOf: T) organizations nested in shares and events', () => {
  it('shares[].owner and events[].actorOrganization show the disclosures of T, as target does', async () => {
    const requests = accessRequestClient(t.api);
    const id = ok<{ id: string }>(await requests.ask('v', 'c', 'DISCLOSURES'), 'requestAccess').id;
    ok(await requests.answer('c', id, 'GRANT'), 'answerAccessRequest');
    const T = await between();
    ok(
      await t.api.query(
        'c',
        `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
        {
          input: {
            subjectId: 'c',
            kind: 'SELF_ASSESSMENT',
            content: { title: 'SAQ', issuedAt: '2024-06-01' },
          },
        },
        ADMIN,
      ),
      'publishDisclosure',
    );
    type Named = { id: string; disclosures: { id: string }[] };
    const atT = ok<{
      target: Named;
      shares: { owner: Named }[];
      events: { action: string; actorOrganization: Named }[];
    }>(
      await t.api.query(
        'v',
        `query($id: ID!, $asOf: DateTime) { accessRequest(id: $id, asOf: $asOf) {
          target { id disclosures { id } }
          shares { owner { id disclosures { id } } }
          events { action actorOrganization { id disclosures { id } } } } }`,
        { id, asOf: T },
      ),
      'accessRequest',
    );
    expect(atT.target.disclosures).toEqual([]);
    const granted = atT.events.find((e) => e.action === 'GRANTED')!;
    expect({
      shareOwner: atT.shares[0]!.owner.disclosures,
      grantActor: granted.actorOrganization.disclosures,
    }).toEqual({ shareOwner: [], grantActor: [] });
  });
});
