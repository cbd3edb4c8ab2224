// Review h-blind: a blind spot is an organization that shares none of its sourcing with the viewer
// (specification, section 5): a DISCLOSURES share does not end one, a sourcing share of some links
// does. Its advice asks for the sourcing, and only a request that asks for it (SOURCING or BOTH) is the
// one it waits for; the risk assessment says the same. And exposure(product) and
// riskAssessment(product) read only disclosures about that product (their products name it, or none).
import { beforeEach, describe, expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { correctiveAction, graph } from '../support/graph-builder.ts';
import type { AccessRequestRecord } from '../../src/domain/access-requests.ts';

const t = useApi();
const DAY = 86_400_000;
const days = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const EARLY = '2020-01-01T00:00:00Z';

const EXPOSURE = `query($product: String) { exposure(maxDepth: 2, product: $product) {
  blindSpots { id }
  blindSpotDetails { organization { id } recommendation openAccessRequest { id scope } }
  findings { organization { id } disclosedIndicators { kind disclosure { id } action { id } } } } }`;
const RISK = `{ riskAssessment(maxDepth: 2) {
  organizations { organization { id } components { name inputs { label value } } }
  actions { kind text organization { id } } } }`;
const REQUEST = `mutation($id: ID!, $scope: AccessScope!) { requestAccess(organizationId: $id, scope: $scope) { id } }`;

interface Exposure {
  blindSpots: { id: string }[];
  blindSpotDetails: {
    organization: { id: string };
    recommendation: string;
    openAccessRequest: { id: string; scope: string } | null;
  }[];
  findings: {
    organization: { id: string };
    disclosedIndicators: { kind: string; disclosure: { id: string }; action: { id: string } | null }[];
  }[];
}
interface Risk {
  organizations: {
    organization: { id: string };
    components: { name: string; inputs: { label: string; value: string }[] }[];
  }[];
  actions: { kind: string; text: string; organization: { id: string } }[];
}

const exposure = async (viewer: string, product?: string) => {
  const response = await t.api.query(viewer, EXPOSURE, product === undefined ? {} : { product });
  expect(response.errors).toBeUndefined();
  return response.data!['exposure'] as Exposure;
};
const risk = async (viewer: string) => {
  const response = await t.api.query(viewer, RISK);
  expect(response.errors).toBeUndefined();
  return response.data!['riskAssessment'] as Risk;
};

/** An open request of the buyer's, overdue for nine days. */
const overdue = (id: string, target: string, scope: AccessRequestRecord['scope']): AccessRequestRecord => ({
  id,
  requester: 'buyer',
  target,
  scope,
  products: [],
  sentAt: days(-30),
  dueAt: days(-9),
});

describe('blind spots are about sourcing', () => {
  beforeEach(async () => {
    // The buyer's tier 1: `disc` shares only its disclosures, `part` the link from pf1 (not pf2's),
    // `both` all its sourcing and its disclosures, `none` nothing.
    await loadGraph(t.db, {
      ...graph()
        .org('buyer', 'PURCHASER')
        .org('disc', 'RESELLER')
        .org('df', 'FACTORY')
        .org('part', 'RESELLER')
        .org('pf1', 'FACTORY')
        .org('pf2', 'FACTORY')
        .org('both', 'RESELLER')
        .org('bf', 'FACTORY')
        .org('none', 'RESELLER')
        .link('disc', 'buyer', { recordedAt: EARLY })
        .link('df', 'disc', { recordedAt: EARLY })
        .link('part', 'buyer', { recordedAt: EARLY })
        .link('pf1', 'part', { id: 'l-pf1', recordedAt: EARLY })
        .link('pf2', 'part', { recordedAt: EARLY })
        .link('both', 'buyer', { recordedAt: EARLY })
        .link('bf', 'both', { recordedAt: EARLY })
        .link('none', 'buyer', { recordedAt: EARLY })
        .share('disc', 'buyer', { id: 'disc-disclosures', scope: 'DISCLOSURES' })
        .share('part', 'buyer', { id: 'part-some', linkIds: ['l-pf1'] })
        .share('both', 'buyer', { id: 'both-sourcing' })
        .share('both', 'buyer', { id: 'both-disclosures', scope: 'DISCLOSURES' })
        .disclosure('disc', 'disc', { id: 'disc-self', recordedAt: EARLY, publishedAt: EARLY })
        .build(),
      // A DISCLOSURES request to disc (which its share already answers) and a BOTH one to none.
      accessRequests: [overdue('ar-disc', 'disc', 'DISCLOSURES'), overdue('ar-none', 'none', 'BOTH')],
    });
  });

  it('a supplier sharing only disclosures stays a blind spot, asked for its sourcing; partial or whole sourcing ends it', async () => {
    const answer = await exposure('buyer');
    expect(answer.blindSpots.map((o) => o.id).sort()).toEqual(['disc', 'none']);
    const details = Object.fromEntries(answer.blindSpotDetails.map((d) => [d.organization.id, d]));
    // The DISCLOSURES request, granted, would leave disc a blind spot: not the one it waits for.
    expect(details['disc']).toEqual({
      organization: { id: 'disc' },
      recommendation:
        'Ask this supplier to share its sourcing with you (requestAccess, scope SOURCING): until it does, nothing behind it is visible.',
      openAccessRequest: null,
    });
    // A BOTH request asks for the sourcing: followed up, overdue.
    expect(details['none']!.openAccessRequest).toEqual({ id: 'ar-none', scope: 'BOTH' });
    expect(details['none']!.recommendation).toMatch(
      /^Your access request ar-none \(BOTH\) is open, overdue since /,
    );

    const sent = await t.api.query('buyer', REQUEST, { id: 'disc', scope: 'SOURCING' });
    expect(sent.errors).toBeUndefined();
    const id = (sent.data!['requestAccess'] as { id: string }).id;
    const after = await exposure('buyer');
    const disc = after.blindSpotDetails.find((d) => d.organization.id === 'disc')!;
    expect(disc.openAccessRequest).toEqual({ id, scope: 'SOURCING' });
    expect(disc.recommendation).toContain(`Your access request ${id} (SOURCING) is open, due `);
  });

  it('the risk assessment has the same blind spots and the same requests', async () => {
    const answer = await risk('buyer');
    const sourcing = (id: string) =>
      answer.organizations
        .find((o) => o.organization.id === id)!
        .components.find((c) => c.name === 'VISIBILITY')!
        .inputs.find((i) => i.label === 'Its sourcing shared with you')!.value;
    expect(sourcing('disc')).toMatch(/^no \(a blind spot: it shares none of its sourcing with you\)/);
    expect(sourcing('part')).toMatch(/^partly/);
    expect(sourcing('both')).toBe('yes');
    const access = answer.actions
      .filter((a) => a.kind === 'REQUEST_ACCESS' || a.kind === 'FOLLOW_UP_ACCESS_REQUEST')
      .map((a) => [a.organization.id, a.kind])
      .sort();
    expect(access).toEqual([
      ['disc', 'REQUEST_ACCESS'],
      ['none', 'FOLLOW_UP_ACCESS_REQUEST'],
    ]);
    expect(answer.actions.find((a) => a.organization.id === 'disc')!.text).toContain(
      'it shares none of its sourcing with you',
    );
  });

  it('a revoked sourcing share leaves a blind spot though a disclosure share stays', async () => {
    const revoke = await t.api.query('both', `mutation { revokeShare(id: "both-sourcing") { id } }`, {}, [
      'supplier_admin',
    ]);
    expect(revoke.errors).toBeUndefined();
    expect((await exposure('buyer')).blindSpots.map((o) => o.id).sort()).toEqual(['both', 'disc', 'none']);
  });
});

describe('exposure(product) and riskAssessment(product) read only disclosures about the product', () => {
  beforeEach(async () => {
    // brand shares all with buyer; it publishes about its factory (which supplies it laptops and
    // servers) a servers-only plan, a plan for every product, a servers-only certificate expired.
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('brand', 'BRAND')
        .org('factory', 'FACTORY')
        .link('brand', 'buyer', { products: ['laptop computers', 'servers'], recordedAt: EARLY })
        .link('factory', 'brand', { products: ['laptop computers', 'servers'], recordedAt: EARLY })
        .share('brand', 'buyer')
        .share('brand', 'buyer', { id: 'brand-disclosures', scope: 'DISCLOSURES' })
        .disclosure('brand', 'factory', {
          id: 'servers-plan',
          kind: 'CORRECTIVE_ACTION_PLAN',
          products: ['servers'],
          actions: [correctiveAction(days(-5), { id: 'server-overtime' })],
          recordedAt: EARLY,
          publishedAt: EARLY,
        })
        .disclosure('brand', 'factory', {
          id: 'every-plan',
          kind: 'CORRECTIVE_ACTION_PLAN',
          products: [],
          actions: [correctiveAction(days(-5), { id: 'plant-overtime' })],
          recordedAt: EARLY,
          publishedAt: EARLY,
        })
        .disclosure('brand', 'factory', {
          id: 'servers-certificate',
          kind: 'CERTIFICATE',
          products: ['servers'],
          issuedAt: '2020-01-01',
          validUntil: '2021-01-01',
          recordedAt: EARLY,
          publishedAt: EARLY,
        })
        .build(),
    );
  });

  const indicators = async (product?: string) =>
    (await exposure('buyer', product)).findings
      .find((f) => f.organization.id === 'factory')!
      .disclosedIndicators.map((i) => `${i.kind} ${i.disclosure.id}`)
      .sort();

  it('leaves out indicators and expired evidence of disclosures scoped to other products', async () => {
    expect(await indicators()).toEqual([
      'EXPIRED_EVIDENCE servers-certificate',
      'OVERDUE_ACTION every-plan',
      'OVERDUE_ACTION servers-plan',
    ]);
    expect(await indicators('laptop computers')).toEqual(['OVERDUE_ACTION every-plan']);
    expect(await indicators('servers')).toEqual([
      'EXPIRED_EVIDENCE servers-certificate',
      'OVERDUE_ACTION every-plan',
      'OVERDUE_ACTION servers-plan',
    ]);
    // Compared exactly, as a link's products are: "Servers" is no product of the links either.
    expect((await exposure('buyer', 'Servers')).findings).toEqual([]);
  });

  it("leaves them out of the risk assessment's disclosed evidence too", async () => {
    const evidence = async (product?: string) => {
      const response = await t.api.query(
        'buyer',
        `query($product: String) { riskAssessment(maxDepth: 2, product: $product) {
          organizations { organization { id } components { name inputs { label } } } } }`,
        product === undefined ? {} : { product },
      );
      expect(response.errors).toBeUndefined();
      const { organizations } = response.data!['riskAssessment'] as {
        organizations: {
          organization: { id: string };
          components: { name: string; inputs: { label: string }[] }[];
        }[];
      };
      const labels = organizations
        .find((o) => o.organization.id === 'factory')!
        .components.find((c) => c.name === 'DISCLOSED_EVIDENCE')!
        .inputs.map((i) => i.label)
        .join('\n');
      return ['server-overtime', 'plant-overtime'].filter((action) => labels.includes(action));
    };
    expect(await evidence()).toEqual(['server-overtime', 'plant-overtime']);
    expect(await evidence('laptop computers')).toEqual(['plant-overtime']);
  });
});
