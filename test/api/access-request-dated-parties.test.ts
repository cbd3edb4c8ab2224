// accessRequest(asOf) shows the organizations it reaches through its shares (owner, recipient) and its
// events (actorOrganization) as of that instant, as its requester and target.
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { accessRequestClient, ADMIN } from '../support/access-requests.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const EARLY = '2024-01-01T00:00:00Z';

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
const between = async () => {
  await pause();
  const at = new Date().toISOString();
  await pause();
  return at;
};

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph().org('v', 'PURCHASER').org('c', 'FACTORY').link('c', 'v', { recordedAt: EARLY }).build(),
  );
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
