// Disclosures over the API (specification, section 2, rule 8): publishing with the subject rule,
// versions and history, withdrawal, corrective actions with overdue derived at the query instant, and
// rule 8 (own or shared by an active disclosure share, subject visible by rule 5) decided in the
// statements, with every batch of organizations answered in one round trip.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { countStatements } from '../support/statement-count.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const FIELDS = `id kind title version publishedAt updatedAt withdrawnAt expired owner { id } subject { id }
  actions { id status overdue dueAt closedAt verification }`;
const PUBLISH = `mutation Publish($input: DisclosureInput!) { publishDisclosure(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation Update($id: ID!, $input: DisclosureContentInput!) {
  updateDisclosure(id: $id, input: $input) { ${FIELDS} history { version title actorUserId } } }`;
const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawDisclosure(id: $id) { ${FIELDS} } }`;
const UPDATE_ACTION = `mutation Act($d: ID!, $a: ID!, $input: CorrectiveActionUpdateInput!) {
  updateCorrectiveAction(disclosureId: $d, actionId: $a, input: $input) { ${FIELDS} } }`;
const SHARE = `mutation Share($recipientId: ID!, $disclosureIds: [ID!], $expiresAt: DateTime) {
  shareDisclosures(recipientId: $recipientId, disclosureIds: $disclosureIds, expiresAt: $expiresAt) {
    id scope linkIds disclosureIds owner { id } recipient { id } active } }`;
const SHARE_SOURCING = `mutation($recipientId: ID!) { shareSourcing(recipientId: $recipientId) { id scope } }`;
const REVOKE = 'mutation Revoke($id: ID!) { revokeShare(id: $id) { id scope active } }';
const ONE = `query One($id: ID!, $asOf: DateTime) { disclosure(id: $id, asOf: $asOf) { ${FIELDS} history { version title } } }`;
const ABOUT = `query About($id: ID!) { organization(id: $id) { disclosures { id } publishedDisclosures { id } } }`;

type Shown = {
  id: string;
  version: number;
  publishedAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  actions: { id: string; status: string; overdue: boolean; closedAt: string | null }[];
};

const PLAN = {
  title: 'Corrective action plan, Factory audit 2024',
  issuer: 'Audit firm',
  standard: 'RBA VAP 7.0',
  issuedAt: '2024-03-01',
  validUntil: '2099-01-01',
  documentUrl: 'https://example.org/cap.pdf',
  documentSha256: 'A'.repeat(64),
  actions: [
    {
      id: 'cap-1',
      finding: 'Excessive overtime',
      severity: 'HIGH',
      action: 'Cap hours at 60/week',
      dueAt: '2024-06-01',
    },
    {
      id: 'cap-2',
      finding: 'Fire exits blocked',
      severity: 'CRITICAL',
      action: 'Clear exits',
      dueAt: '2099-06-01',
      status: 'IN_PROGRESS',
    },
  ],
};
const SELF = { title: 'Self-assessment 2024', issuedAt: '2024-01-15' };

const publish = (owner: string, subjectId: string, kind: string, content: object) =>
  t.api.query(owner, PUBLISH, { input: { subjectId, kind, content } }, [...ADMIN]);
const published = async (owner: string, subjectId: string, kind: string, content: object) => {
  const response = await publish(owner, subjectId, kind, content);
  expect(response.errors).toBeUndefined();
  return response.data!['publishDisclosure'] as Shown;
};
const shareDisclosures = async (
  owner: string,
  recipientId: string,
  disclosureIds: string[] | null = null,
) => {
  const response = await t.api.query(owner, SHARE, { recipientId, disclosureIds }, [...ADMIN]);
  expect(response.errors).toBeUndefined();
  return response.data!['shareDisclosures'] as { id: string };
};
const one = async (viewer: string, id: string, asOf?: string) => {
  const response = await t.api.query(viewer, ONE, { id, asOf });
  expect(response.errors).toBeUndefined();
  return response.data!['disclosure'] as (Shown & { history: { version: number; title: string }[] }) | null;
};
const ids = (response: GraphQLResponse, field: string) =>
  ((response.data![field] ?? []) as { id: string }[]).map((d) => d.id).sort();
const disclosureCount = async () => {
  const { records } = await t.db.driver.executeQuery(
    `CALL () { MATCH (d:Disclosure) RETURN count(d) AS disclosures }
     CALL () { MATCH (v:DisclosureVersion) RETURN count(v) AS versions }
     CALL () { MATCH (s:Share) RETURN count(s) AS shares }
     RETURN disclosures, versions, shares`,
  );
  return records[0]!.toObject();
};
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('old-factory', 'FACTORY')
      .org('monitor', 'MONITOR', { listed: true })
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .link('old-factory', 'brand', { validFrom: '2010-01-01', validTo: '2012-01-01' })
      .build(),
  );
});

describe('publishDisclosure', () => {
  it('publishes about the owner or a direct supplier, with actions overdue at the query instant', async () => {
    const plan = await published('brand', 'factory', 'CORRECTIVE_ACTION_PLAN', PLAN);
    expect(plan).toMatchObject({
      kind: 'CORRECTIVE_ACTION_PLAN',
      version: 1,
      withdrawnAt: null,
      expired: false,
      owner: { id: 'brand' },
      subject: { id: 'factory' },
    });
    expect(plan.actions).toEqual([
      expect.objectContaining({ id: 'cap-1', status: 'OPEN', overdue: true }),
      expect.objectContaining({ id: 'cap-2', status: 'IN_PROGRESS', overdue: false }),
    ]);
    const self = await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    const given = await t.api.query('brand', '{ disclosuresGiven { id documentSha256 } }');
    expect(ids(given, 'disclosuresGiven')).toEqual([plan.id, self.id].sort());
    // The hash is kept in lower case, whatever case it was given in.
    expect(given.data!['disclosuresGiven']).toContainEqual({ id: plan.id, documentSha256: 'a'.repeat(64) });
  });

  it.each([
    ['a customer', 'reseller'],
    ['a supplier of a supplier', 'factory-of-nobody'],
    ['an organization it may not look up', 'buyer'],
    ['an unknown id', 'no-such-org'],
  ])('refuses %s as subject with BAD_USER_INPUT naming the id, writing nothing', async (_case, subject) => {
    const before = await disclosureCount();
    const response = await publish('brand', subject, 'SELF_ASSESSMENT', SELF);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toBe(
      `subjectId "${subject}" must be brand itself or one of its direct suppliers (the supplier of a link with brand as customer, whatever its dates)`,
    );
    expect(await disclosureCount()).toEqual(before);
  });

  it('requires the supplier_admin role', async () => {
    const response = await t.api.query('brand', PUBLISH, {
      input: { subjectId: 'brand', kind: 'SELF_ASSESSMENT', content: SELF },
    });
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('rule 8', () => {
  it('shows a disclosure to its owner and to recipients of a disclosure share whose subject they may look up', async () => {
    const plan = await published('brand', 'factory', 'CORRECTIVE_ACTION_PLAN', PLAN);
    const self = await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    expect(await one('brand', plan.id)).not.toBeNull();
    // No share: the reseller sees nothing, exactly as for an id that does not exist.
    expect(await one('reseller', plan.id)).toBeNull();
    expect(await one('reseller', 'no-such-disclosure')).toBeNull();
    expect(
      ids(await t.api.query('reseller', '{ disclosuresReceived { id } }'), 'disclosuresReceived'),
    ).toEqual([]);

    await shareDisclosures('brand', 'reseller');
    // The factory is beyond the reseller's reach (no sourcing share): only the self-assessment shows.
    expect(await one('reseller', plan.id)).toBeNull();
    expect(await one('reseller', self.id)).toMatchObject({ id: self.id, owner: { id: 'brand' } });
    const received = await t.api.query('reseller', '{ disclosuresReceived { id } }');
    expect(ids(received, 'disclosuresReceived')).toEqual([self.id]);

    // A sourcing share makes the factory visible, and with it the plan about it.
    await t.api.query('brand', SHARE_SOURCING, { recipientId: 'reseller' }, [...ADMIN]);
    expect(await one('reseller', plan.id)).toMatchObject({ id: plan.id, subject: { id: 'factory' } });
    const factory = await t.api.query('reseller', ABOUT, { id: 'factory' });
    expect(factory.data!['organization']).toEqual({
      disclosures: [{ id: plan.id }],
      publishedDisclosures: [],
    });
    const brand = await t.api.query('reseller', ABOUT, { id: 'brand' });
    expect(
      (brand.data!['organization'] as { publishedDisclosures: { id: string }[] }).publishedDisclosures
        .map((d) => d.id)
        .sort(),
    ).toEqual([plan.id, self.id].sort());

    // The buyer, which nobody shared with, sees none of it.
    expect(await one('buyer', self.id)).toBeNull();
  });

  it('a sourcing share discloses no disclosure, and a disclosure share no link (rule 7)', async () => {
    const self = await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    await t.api.query('brand', SHARE_SOURCING, { recipientId: 'reseller' }, [...ADMIN]);
    expect(await one('reseller', self.id)).toBeNull();

    await shareDisclosures('brand', 'monitor');
    expect(await one('monitor', self.id)).toMatchObject({ id: self.id });
    // The monitor may now look the brand up (it is a root), but sees none of its sourcing.
    const chain = await t.api.query(
      'monitor',
      '{ supplyChain(rootId: "brand") { root { id } depth tiers { tier } } organization(id: "factory") { id } }',
    );
    expect(chain.errors).toBeUndefined();
    expect(chain.data).toEqual({
      supplyChain: { root: { id: 'brand' }, depth: 0, tiers: [] },
      organization: null,
    });
  });

  it('a partial share covers exactly its disclosures; revoking it hides them again', async () => {
    const first = await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    const second = await published('brand', 'brand', 'IMPROVEMENT', {
      title: 'Wages raised',
      issuedAt: '2024-05-01',
    });
    const share = await shareDisclosures('brand', 'reseller', [second.id]);
    expect(await one('reseller', first.id)).toBeNull();
    expect(await one('reseller', second.id)).not.toBeNull();
    // The lists read the share apart from the lookup by id.
    const lists = async () =>
      (
        await t.api.query(
          'reseller',
          '{ organization(id: "brand") { disclosures { id } publishedDisclosures { id } } }',
        )
      ).data;
    expect(await lists()).toEqual({
      organization: { disclosures: [{ id: second.id }], publishedDisclosures: [{ id: second.id }] },
    });
    const revoked = await t.api.query('brand', REVOKE, { id: share.id }, [...ADMIN]);
    expect(revoked.data!['revokeShare']).toMatchObject({ scope: 'DISCLOSURES', active: false });
    expect(await one('reseller', second.id)).toBeNull();
    expect(await lists()).toEqual({ organization: { disclosures: [], publishedDisclosures: [] } });
  });

  it('lists organizations of a whole chain with their disclosures in one round trip', async () => {
    await t.api.query('brand', SHARE_SOURCING, { recipientId: 'reseller' }, [...ADMIN]);
    await t.api.query('reseller', SHARE_SOURCING, { recipientId: 'buyer' }, [...ADMIN]);
    await published('brand', 'factory', 'AUDIT_REPORT', { ...PLAN, title: 'Audit' });
    await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    await shareDisclosures('brand', 'reseller');
    const { answer: chain, statements } = await countStatements(t.db.executor, () =>
      t.api.query(
        'reseller',
        '{ supplyChain { tiers { organizations { id disclosures { kind } publishedDisclosures { kind } } } } }',
      ),
    );
    expect(chain.errors).toBeUndefined();
    const organizations = (
      chain.data!['supplyChain'] as {
        tiers: { organizations: { id: string; disclosures: { kind: string }[] }[] }[];
      }
    ).tiers.flatMap((tier) => tier.organizations);
    expect(organizations.map((o) => [o.id, o.disclosures.map((d) => d.kind)])).toEqual([
      ['brand', ['SELF_ASSESSMENT']],
      ['factory', ['AUDIT_REPORT']],
    ]);
    // The chain with its `disclosures` in one statement, and one for `publishedDisclosures`.
    expect(statements).toBe(2);
  });

  it("fetches a chain's disclosures ahead with each set of arguments the query gives them", async () => {
    await t.api.query('brand', SHARE_SOURCING, { recipientId: 'reseller' }, [...ADMIN]);
    await published('brand', 'factory', 'AUDIT_REPORT', { ...PLAN, title: 'Audit' });
    await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    await shareDisclosures('brand', 'reseller');
    const { answer: chain, statements } = await countStatements(t.db.executor, () =>
      t.api.query(
        'reseller',
        `query($kind: DisclosureKind) { supplyChain { tiers { organizations { id
         all: disclosures { kind } ...Audits then: disclosures(asOf: "2001-01-01T00:00:00Z") { kind } } } } }
       fragment Audits on Organization { audits: disclosures(kind: $kind) { kind } }`,
        { kind: 'AUDIT_REPORT' },
      ),
    );
    expect(chain.errors).toBeUndefined();
    type Shown = { id: string; all: { kind: string }[]; audits: { kind: string }[]; then: unknown[] };
    const organizations = (
      chain.data!['supplyChain'] as { tiers: { organizations: Shown[] }[] }
    ).tiers.flatMap((tier) => tier.organizations);
    expect(organizations).toEqual([
      { id: 'brand', all: [{ kind: 'SELF_ASSESSMENT' }], audits: [], then: [] },
      { id: 'factory', all: [{ kind: 'AUDIT_REPORT' }], audits: [{ kind: 'AUDIT_REPORT' }], then: [] },
    ]);
    // The chain with `all` and `audits` (both at its instant) in one statement, and one for `then`.
    expect(statements).toBe(2);
  });
});

describe('versions and withdrawal', () => {
  it('keeps every version; asOf shows the version recorded by then, and a withdrawn one until its withdrawal', async () => {
    const plan = await published('brand', 'brand', 'CORRECTIVE_ACTION_PLAN', PLAN);
    await shareDisclosures('brand', 'reseller');
    await pause();
    const update = await t.api.query(
      'brand',
      UPDATE,
      { id: plan.id, input: { ...PLAN, title: 'Plan, revised' } },
      [...ADMIN],
    );
    expect(update.errors).toBeUndefined();
    const revised = update.data!['updateDisclosure'] as Shown & {
      history: { version: number; title: string }[];
    };
    expect(revised.version).toBe(2);
    expect(revised.history).toEqual([
      { version: 2, title: 'Plan, revised', actorUserId: 'user@brand' },
      { version: 1, title: PLAN.title, actorUserId: 'user@brand' },
    ]);
    const between = new Date(new Date(revised.updatedAt).getTime() - 1).toISOString();
    expect(await one('reseller', plan.id, between)).toMatchObject({ version: 1, history: [{ version: 1 }] });
    expect(await one('reseller', plan.id)).toMatchObject({ version: 2 });

    await pause();
    const withdrawn = await t.api.query('brand', WITHDRAW, { id: plan.id }, [...ADMIN]);
    const at = (withdrawn.data!['withdrawDisclosure'] as Shown).withdrawnAt!;
    expect(at).not.toBeNull();
    const again = await t.api.query('brand', WITHDRAW, { id: plan.id }, [...ADMIN]);
    expect((again.data!['withdrawDisclosure'] as Shown).withdrawnAt).toBe(at);
    expect(await one('reseller', plan.id)).toBeNull();
    expect(await one('brand', plan.id)).toBeNull();
    const before = new Date(new Date(at).getTime() - 1).toISOString();
    expect(await one('reseller', plan.id, before)).toMatchObject({ version: 2 });
    const given = await t.api.query(
      'brand',
      '{ a: disclosuresGiven { id } b: disclosuresGiven(includeWithdrawn: true) { id } }',
    );
    expect(given.data).toEqual({ a: [], b: [{ id: plan.id }] });
    // A withdrawn disclosure no longer changes.
    const late = await t.api.query('brand', UPDATE, { id: plan.id, input: SELF }, [...ADMIN]);
    expect(codes(late)).toEqual(['BAD_USER_INPUT']);
  });

  it('updateCorrectiveAction closes an action in a new version, and checks the closing date', async () => {
    const plan = await published('brand', 'brand', 'CORRECTIVE_ACTION_PLAN', PLAN);
    const missing = await t.api.query(
      'brand',
      UPDATE_ACTION,
      { d: plan.id, a: 'cap-1', input: { status: 'CLOSED' } },
      [...ADMIN],
    );
    expect(codes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(missing.errors![0]!.message).toContain(
      `action "cap-1".closedAt is required when status is CLOSED`,
    );
    const closed = await t.api.query(
      'brand',
      UPDATE_ACTION,
      {
        d: plan.id,
        a: 'cap-1',
        input: { status: 'CLOSED', closedAt: '2024-05-20', verification: 'FOLLOW_UP_AUDIT' },
      },
      [...ADMIN],
    );
    expect(closed.errors).toBeUndefined();
    const shown = closed.data!['updateCorrectiveAction'] as Shown;
    expect(shown.version).toBe(2);
    expect(shown.actions[0]).toMatchObject({ id: 'cap-1', status: 'CLOSED', overdue: false });
    expect(shown.actions[1]).toMatchObject({ id: 'cap-2', status: 'IN_PROGRESS' });
    const unknown = await t.api.query(
      'brand',
      UPDATE_ACTION,
      { d: plan.id, a: 'cap-9', input: { status: 'OPEN' } },
      [...ADMIN],
    );
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });

  it("answers NOT_FOUND for another organization's disclosure, as for a missing one, and writes nothing", async () => {
    const plan = await published('brand', 'brand', 'CORRECTIVE_ACTION_PLAN', PLAN);
    await shareDisclosures('brand', 'reseller');
    const before = await disclosureCount();
    for (const id of [plan.id, 'no-such-disclosure']) {
      const responses = await Promise.all([
        t.api.query('reseller', UPDATE, { id, input: SELF }, [...ADMIN]),
        t.api.query('reseller', WITHDRAW, { id }, [...ADMIN]),
        t.api.query('reseller', UPDATE_ACTION, { d: id, a: 'cap-1', input: { status: 'OPEN' } }, [...ADMIN]),
      ]);
      for (const response of responses) {
        expect(codes(response)).toEqual(['NOT_FOUND']);
        expect(response.errors![0]!.message).toBe(`Disclosure ${JSON.stringify(id)} not found`);
      }
    }
    expect(await disclosureCount()).toEqual(before);
    expect(await one('reseller', plan.id)).toMatchObject({ version: 1, withdrawnAt: null });
  });
});

describe('shareDisclosures', () => {
  it('is a share of scope DISCLOSURES, listed with the scope filter', async () => {
    const self = await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    const share = await shareDisclosures('brand', 'reseller', [self.id]);
    expect(share).toMatchObject({
      scope: 'DISCLOSURES',
      linkIds: null,
      disclosureIds: [self.id],
      owner: { id: 'brand' },
      recipient: { id: 'reseller' },
      active: true,
    });
    await t.api.query('brand', SHARE_SOURCING, { recipientId: 'reseller' }, [...ADMIN]);
    const lists = await t.api.query(
      'brand',
      `{ all: sharesGiven { scope } d: sharesGiven(scope: DISCLOSURES) { id } s: sharesGiven(scope: SOURCING) { scope } }`,
    );
    expect(lists.data!['d']).toEqual([{ id: share.id }]);
    expect(lists.data!['s']).toEqual([{ scope: 'SOURCING' }]);
    expect((lists.data!['all'] as unknown[]).length).toBe(2);
    const received = await t.api.query('reseller', '{ sharesReceived(scope: DISCLOSURES) { id } }');
    expect(received.data!['sharesReceived']).toEqual([{ id: share.id }]);
  });

  it('refuses disclosures that are not the owner’s own or are withdrawn, naming them, after the recipient check', async () => {
    const own = await published('brand', 'brand', 'SELF_ASSESSMENT', SELF);
    const foreign = await published('reseller', 'reseller', 'SELF_ASSESSMENT', SELF);
    const gone = await published('brand', 'brand', 'IMPROVEMENT', SELF);
    await t.api.query('brand', WITHDRAW, { id: gone.id }, [...ADMIN]);
    const before = await disclosureCount();
    const bad = await t.api.query(
      'brand',
      SHARE,
      { recipientId: 'reseller', disclosureIds: [own.id, foreign.id, gone.id, 'nope'] },
      [...ADMIN],
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    for (const id of [foreign.id, gone.id, 'nope']) expect(bad.errors![0]!.message).toContain(`"${id}"`);
    expect(bad.errors![0]!.message).not.toContain(`"${own.id}"`);
    const hidden = await t.api.query('brand', SHARE, { recipientId: 'buyer', disclosureIds: ['nope'] }, [
      ...ADMIN,
    ]);
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(await disclosureCount()).toEqual(before);
  });
});
