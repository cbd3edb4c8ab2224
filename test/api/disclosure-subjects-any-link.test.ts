// A disclosure's subject (contract section 8): the owner, or the supplier of a link in which the owner
// is the customer, whatever the link's dates, as a tiersight/v1 import accepts. A brand publishes the
// pre-sourcing audit of a factory whose link starts later and the audit of a factory it left; who sees
// either is rule 8's to decide at each instant (the subject must be an organization the viewer may look
// up then), so nothing becomes more visible. Any other id is refused as before, alike for a stranger, a
// hidden and a missing id.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const FIELDS = 'id version withdrawnAt subject { id name city }';
const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { ${FIELDS} } }`;
const UPDATE_ACTION = `mutation($d: ID!, $a: ID!, $input: CorrectiveActionUpdateInput!) {
  updateCorrectiveAction(disclosureId: $d, actionId: $a, input: $input) { ${FIELDS} actions { id status } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawDisclosure(id: $id) { ${FIELDS} } }`;
const SHARE_DISCLOSURES = `mutation($recipientId: ID!, $disclosureIds: [ID!]) {
  shareDisclosures(recipientId: $recipientId, disclosureIds: $disclosureIds) { id disclosureIds } }`;
const SHARE_SOURCING = `mutation($recipientId: ID!) { shareSourcing(recipientId: $recipientId) { id } }`;
const ONE = `query($id: ID!, $asOf: DateTime) { disclosure(id: $id, asOf: $asOf) { id subject { id } } }`;
const GIVEN = `{ disclosuresGiven(includeWithdrawn: true) { id subject { id city } } }`;
const RECEIVED = `{ disclosuresReceived { id } }`;
const EXPOSURE = `{ exposure { findings { organization { id } disclosedIndicators { kind disclosure { id } } } } }`;
const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { keptId } }`;

const AUDIT = {
  title: 'Audit',
  issuedAt: '2024-03-01',
  actions: [
    { id: 'a-1', finding: 'Excessive overtime', severity: 'HIGH', action: 'Cap hours', dueAt: '2024-06-01' },
  ],
};

type Shown = {
  id: string;
  version: number;
  withdrawnAt: string | null;
  subject: { id: string; city: string | null };
};

const publish = (subjectId: string, owner = 'brand') =>
  t.api.query(owner, PUBLISH, { input: { subjectId, kind: 'AUDIT_REPORT', content: AUDIT } }, [...ADMIN]);
const published = async (subjectId: string) => {
  const response = await publish(subjectId);
  expect(response.errors).toBeUndefined();
  return response.data!['publishDisclosure'] as Shown;
};
const mutate = async (query: string, variables: Record<string, unknown>, field: string, as = 'brand') => {
  const response = await t.api.query(as, query, variables, [...ADMIN]);
  expect(response.errors).toBeUndefined();
  return response.data![field] as Shown;
};
const one = async (viewer: string, id: string, asOf?: string) => {
  const response = await t.api.query(viewer, ONE, { id, asOf });
  expect(response.errors).toBeUndefined();
  return response.data!['disclosure'];
};
const listed = async (viewer: string, query: string, field: string) => {
  const response = await t.api.query(viewer, query);
  expect(response.errors).toBeUndefined();
  return (response.data![field] as { id: string }[]).map((d) => d.id).sort();
};
const stored = async () => {
  const { records } = await t.db.driver.executeQuery(
    'MATCH (d:Disclosure) OPTIONAL MATCH (d)-[:VERSION]->(v) RETURN count(DISTINCT d) AS d, count(v) AS v',
  );
  return records[0]!.toObject();
};

// buyer <- reseller <- brand <- factory (now); brand's other links: old-factory (2010-2012, ended),
// next-factory (from 2099), amended-factory (2010-2014, replaced by an amendment whose successor ended in
// 2016), both-factory (2010-2012, and a supplier of the reseller now). dup-factory (2010-2012) is merged
// into kept-factory in one test. sub-factory supplies the factory (indirect); stranger is unrelated.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY', { city: 'Shenzhen' })
      .org('old-factory', 'FACTORY', { city: 'Dongguan' })
      .org('next-factory', 'FACTORY', { city: 'Penang' })
      .org('amended-factory', 'FACTORY', { city: 'Suzhou' })
      .org('both-factory', 'FACTORY', { city: 'Hanoi' })
      .org('dup-factory', 'FACTORY')
      .org('kept-factory', 'FACTORY')
      .org('sub-factory', 'FACTORY')
      .org('stranger', 'FACTORY')
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .link('sub-factory', 'factory')
      .link('old-factory', 'brand', { validFrom: '2010-01-01', validTo: '2012-01-01' })
      .link('next-factory', 'brand', { validFrom: '2099-01-01' })
      .link('amended-factory', 'brand', {
        id: 'amended-1',
        validFrom: '2010-01-01',
        validTo: '2014-01-01',
        supersededBy: 'amended-2',
      })
      .link('amended-factory', 'brand', { id: 'amended-2', validFrom: '2014-01-01', validTo: '2016-01-01' })
      .link('both-factory', 'brand', { validFrom: '2010-01-01', validTo: '2012-01-01' })
      .link('both-factory', 'reseller')
      .link('dup-factory', 'brand', { validFrom: '2010-01-01', validTo: '2012-01-01' })
      .build(),
  );
});

describe('publishDisclosure: the supplier of any link of the owner', () => {
  it.each([
    ['a link that starts later (a pre-sourcing audit)', 'next-factory'],
    ['a link that ended (a factory left)', 'old-factory'],
    ['a link an amendment replaced', 'amended-factory'],
  ])(
    'accepts the supplier of %s; the answer shows a subject the owner may not look up now as an identity card',
    async (_case, subject) => {
      const before = await stored();
      const shown = await published(subject);
      // An identity card, as disclosuresGiven shows it: no city.
      expect(shown).toMatchObject({
        version: 1,
        subject: { id: subject, name: `Org ${subject}`, city: null },
      });
      expect(await stored()).toEqual({ d: before['d'] + 1, v: before['v'] + 1 });
      const given = await t.api.query('brand', GIVEN);
      expect(given.data!['disclosuresGiven']).toContainEqual({
        id: shown.id,
        subject: { id: subject, city: null },
      });
    },
  );

  it('shows a subject the owner may look up now in full, as before', async () => {
    expect((await published('factory')).subject).toEqual({
      id: 'factory',
      name: 'Org factory',
      city: 'Shenzhen',
    });
  });

  it('resolves a merged supplier of an ended link to the kept organization', async () => {
    const merged = await t.api.query('operator', MERGE, { keepId: 'kept-factory', mergeId: 'dup-factory' }, [
      'platform_admin',
    ]);
    expect(merged.errors).toBeUndefined();
    expect((await published('dup-factory')).subject.id).toBe('kept-factory');
    expect((await published('kept-factory')).subject.id).toBe('kept-factory');
  });

  it('refuses every other id alike (a stranger, a hidden, a missing id, a customer, an indirect supplier), writing nothing', async () => {
    const before = await stored();
    const answers = [];
    for (const subject of ['stranger', 'buyer', 'no-such-org', 'reseller', 'sub-factory']) {
      const response = await publish(subject);
      expect(response.data).toBeNull();
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      answers.push(response.errors![0]!.message.replace(`"${subject}"`, '"<id>"'));
    }
    expect(new Set(answers)).toEqual(
      new Set([
        'subjectId "<id>" must be brand itself or one of its direct suppliers (the supplier of a link with brand as customer, whatever its dates)',
      ]),
    );
    expect(await stored()).toEqual(before);
  });
});

describe('a disclosure about a supplier the owner does not buy from now', () => {
  it('stays the owner’s to update, act on, share and withdraw', async () => {
    const audit = await published('old-factory');
    const formerCard = { id: 'old-factory', name: 'Org old-factory', city: null };
    const updated = await mutate(
      UPDATE,
      { id: audit.id, input: { ...AUDIT, title: 'Audit, revised' } },
      'updateDisclosure',
    );
    expect(updated).toMatchObject({ version: 2, subject: formerCard });
    const acted = await mutate(
      UPDATE_ACTION,
      { d: audit.id, a: 'a-1', input: { status: 'IN_PROGRESS' } },
      'updateCorrectiveAction',
    );
    expect(acted).toMatchObject({
      version: 3,
      subject: formerCard,
      actions: [{ id: 'a-1', status: 'IN_PROGRESS' }],
    });
    const share = await t.api.query(
      'brand',
      SHARE_DISCLOSURES,
      { recipientId: 'reseller', disclosureIds: [audit.id] },
      [...ADMIN],
    );
    expect(share.errors).toBeUndefined();
    const withdrawn = await mutate(WITHDRAW, { id: audit.id }, 'withdrawDisclosure');
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn.subject).toEqual(formerCard);
  });

  it('is visible to a recipient only where it may look the subject up (rule 8); the owner keeps it in its own list', async () => {
    const former = await published('old-factory');
    const alsoTheirs = await published('both-factory');
    const current = await published('factory');
    const future = await published('next-factory');
    // The reseller receives every disclosure of the brand, and the brand's whole sourcing.
    expect(
      (
        await t.api.query('brand', SHARE_DISCLOSURES, { recipientId: 'reseller', disclosureIds: null }, [
          ...ADMIN,
        ])
      ).errors,
    ).toBeUndefined();
    expect(
      (await t.api.query('brand', SHARE_SOURCING, { recipientId: 'reseller' }, [...ADMIN])).errors,
    ).toBeUndefined();

    // The former supplier is out of the reseller's reach: nothing of the disclosure exists for it, as
    // for a missing id. both-factory, its own supplier now, it may look up: that one shows.
    expect(await one('reseller', former.id)).toBeNull();
    expect(await one('reseller', 'no-such-disclosure')).toBeNull();
    expect(await one('reseller', alsoTheirs.id)).toEqual({
      id: alsoTheirs.id,
      subject: { id: 'both-factory' },
    });
    expect(await one('reseller', current.id)).toEqual({ id: current.id, subject: { id: 'factory' } });
    expect(await one('reseller', future.id)).toBeNull();
    expect(await listed('reseller', RECEIVED, 'disclosuresReceived')).toEqual(
      [alsoTheirs.id, current.id].sort(),
    );
    const subjectLookup = await t.api.query(
      'reseller',
      '{ organization(id: "old-factory") { id disclosures { id } } }',
    );
    expect(subjectLookup.data).toEqual({ organization: null });

    // Exposure shows what the visible disclosures say, about reached organizations only.
    const exposure = await t.api.query('reseller', EXPOSURE);
    expect(exposure.errors).toBeUndefined();
    const findings = (
      exposure.data!['exposure'] as {
        findings: { organization: { id: string }; disclosedIndicators: { disclosure: { id: string } }[] }[];
      }
    ).findings;
    const evidence = findings.flatMap((f) =>
      f.disclosedIndicators.map((i) => [f.organization.id, i.disclosure.id]),
    );
    expect(evidence.sort()).toEqual(
      [
        ['both-factory', alsoTheirs.id],
        ['factory', current.id],
      ].sort(),
    );

    // A facility record claims what rule 8 shows: the audit of its own supplier, nothing of the other.
    const records = await t.api.query(
      'reseller',
      `{ both: facilityRecord(organizationId: "both-factory") { content }
         former: facilityRecord(organizationId: "old-factory") { content } }`,
    );
    expect(records.errors).toBeUndefined();
    const both = records.data!['both'] as { content: string };
    expect(both.content).toContain(encodeURIComponent(alsoTheirs.id));
    expect(records.data!['former']).toBeNull();

    // Once the next link holds (an asOf in the future answers what will hold then), the reseller reaches
    // the next factory through the brand's whole share, and the pre-sourcing audit shows.
    expect(await one('reseller', future.id, '2099-06-01T00:00:00Z')).toEqual({
      id: future.id,
      subject: { id: 'next-factory' },
    });
    expect(await one('reseller', former.id, '2099-06-01T00:00:00Z')).toBeNull();

    // The owner: its own list holds all four (subjects it may not look up now as identity cards);
    // `disclosure(id)` follows rule 8 for it too, as before.
    expect(await listed('brand', GIVEN, 'disclosuresGiven')).toEqual(
      [former.id, alsoTheirs.id, current.id, future.id].sort(),
    );
    expect(await one('brand', former.id)).toBeNull();
    expect(await one('brand', current.id)).toEqual({ id: current.id, subject: { id: 'factory' } });
    // Nobody else (the buyer, with no share) sees any of them.
    for (const d of [former, alsoTheirs, current, future]) expect(await one('buyer', d.id)).toBeNull();
  });
});
