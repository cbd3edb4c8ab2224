// A sweep over every read that can carry a user id (a token's `sub`, often an e-mail address): a
// viewer is shown the users of its own organization only (specification, section 1; docs/privacy.md).
// Each organization's users act on shares, access requests, disclosures (versions and a withdrawal)
// and sourcing, under several user ids; then each viewer reads every list and chain field that shows
// a user, and no user of another organization may appear anywhere in its answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import type { Role } from '../../src/domain/roles.ts';
import { ok, TEST_SECRET, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN: Role[] = ['supplier_admin'];
const DAY = 86_400_000;
const days = (n: number) => new Date(Date.now() + n * DAY).toISOString();

/** User `name` of `org`: every user id of the sweep ends in `@<its organization>`. */
const as = async (name: string, org: string, roles: Role[] = ADMIN) => ({
  authorization: `Bearer ${await signToken({ sub: `${name}@${org}`, org, roles }, TEST_SECRET, 600)}`,
});

const mutate = async (user: { authorization: string }, query: string, field: string, variables = {}) =>
  ok<{ id: string }>(await t.api.query(user, query, variables), field);

const HISTORY = `withdrawnBy history { actorUserId }`;
const TRAIL = `events { actorUserId actorOrganization { id } }
  shares { id owner { id } recipient { id } }`;

/** Every read that shows a user id, as one viewer may ask them. */
const READS = `query($asOf: DateTime) {
  me { userId }
  shareEvents(first: 500) { actorUserId actorOrganization { id } }
  accessRequestsSent { ${TRAIL} }
  accessRequestsReceived { ${TRAIL} }
  disclosuresGiven(includeWithdrawn: true) { ${HISTORY} }
  disclosuresReceived { ${HISTORY} }
  supplyChain(maxDepth: 5) { tiers { organizations { id
    disclosures { ${HISTORY} } publishedDisclosures { ${HISTORY} } } } }
  dated: supplyChain(maxDepth: 5, asOf: $asOf) { tiers { organizations { id
    disclosures { ${HISTORY} } } } }
  exposure(maxDepth: 5) { findings { disclosedIndicators { disclosure { ${HISTORY} } } }
    blindSpotDetails { openAccessRequest { ${TRAIL} } } }
  riskAssessment(maxDepth: 5) { organizations { organization { id } } }
  findingsRecorded { recordedByUserId redactedByUserId }
}`;

/** Every string in an answer that names a user of the sweep (`…@org`). */
function userIds(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('@') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(userIds);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(userIds);
  return [];
}

let sweptAt = '';

beforeAll(async () => {
  // buyer <- reseller <- brand <- factory, each sharing its sourcing with buyer; monitor ew.
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('ew', 'MONITOR')
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .share('reseller', 'buyer')
      .share('brand', 'buyer')
      .share('brand', 'ew')
      .build(),
  );
  const reseller = await as('anna', 'reseller');
  const otherReseller = await as('bo', 'reseller');
  const brand = await as('carl', 'brand');
  const buyer = await as('dora', 'buyer');

  await mutate(reseller, `mutation { shareDisclosures(recipientId: "buyer") { id } }`, 'shareDisclosures');
  const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`;
  const plan = await mutate(reseller, PUBLISH, 'publishDisclosure', {
    input: {
      subjectId: 'brand',
      kind: 'CORRECTIVE_ACTION_PLAN',
      content: {
        title: 'Brand plan',
        issuedAt: days(-30),
        actions: [{ id: 'a1', finding: 'Overtime', severity: 'HIGH', action: 'Cap hours', dueAt: days(20) }],
      },
    },
  });
  // A second version by another user of the same organization.
  await mutate(
    otherReseller,
    `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { id } }`,
    'updateDisclosure',
    {
      id: plan.id,
      input: {
        title: 'Brand plan, revised',
        issuedAt: days(-30),
        actions: [{ id: 'a1', finding: 'Overtime', severity: 'HIGH', action: 'Cap hours', dueAt: days(25) }],
      },
    },
  );
  const saq = await mutate(reseller, PUBLISH, 'publishDisclosure', {
    input: { subjectId: 'reseller', kind: 'SELF_ASSESSMENT', content: { title: 'SAQ', issuedAt: days(-10) } },
  });
  sweptAt = new Date().toISOString();
  await mutate(
    otherReseller,
    `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`,
    'withdrawDisclosure',
    {
      id: saq.id,
    },
  );

  // buyer asks reseller (granted) and brand (declined) for more; brand extends nothing, declines.
  const ASK = `mutation($to: ID!) { requestAccess(organizationId: $to, scope: SOURCING) { id } }`;
  const toReseller = await mutate(buyer, ASK, 'requestAccess', { to: 'reseller' });
  const toBrand = await mutate(buyer, ASK, 'requestAccess', { to: 'brand' });
  const ANSWER = `mutation($id: ID!, $decision: AccessDecision!, $reason: String) {
    answerAccessRequest(id: $id, decision: $decision, reason: $reason) { id } }`;
  await mutate(reseller, ANSWER, 'answerAccessRequest', { id: toReseller.id, decision: 'GRANT' });
  await mutate(brand, ANSWER, 'answerAccessRequest', {
    id: toBrand.id,
    decision: 'DECLINE',
    reason: 'Not now',
  });

  // The monitor records a finding about the factory its share from brand shows it, and a second one
  // that another of its users withdraws and erases.
  const monitor = await as('eva', 'ew');
  const recordFinding = `mutation { recordFinding(input: { organizationId: "factory", kind: REPORT, severity: HIGH, source: "EW report" }) { id } }`;
  await mutate(monitor, recordFinding, 'recordFinding');
  const erased = await mutate(monitor, recordFinding, 'recordFinding');
  const otherMonitorUser = await as('finn', 'ew');
  await mutate(
    otherMonitorUser,
    `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`,
    'withdrawFinding',
    erased,
  );
  await mutate(
    otherMonitorUser,
    `mutation($id: ID!) { redactFinding(id: $id) { id } }`,
    'redactFinding',
    erased,
  );
});

const sweep = async (viewer: { authorization: string }): Promise<GraphQLResponse> => {
  const response = await t.api.query(viewer, READS, { asOf: sweptAt });
  expect(response.errors).toBeUndefined();
  return response;
};

describe('a viewer is shown the user ids of its own organization only', () => {
  it.each([
    ['buyer', 'dora'],
    ['reseller', 'anna'],
    ['brand', 'carl'],
    ['ew', 'eva'],
  ])('%s', async (org, name) => {
    const found = new Set(userIds((await sweep(await as(name, org, ['analyst']))).data));
    // The sweep reads the organization's own users, so it would see another's if one leaked.
    expect(found).toContain(`${name}@${org}`);
    expect([...found].filter((user) => !user.endsWith(`@${org}`))).toEqual([]);
  });

  it('shows the other party which organization acted, with the user null', async () => {
    const data = (await sweep(await as('dora', 'buyer', ['analyst']))).data!;
    const actors = (events: { actorUserId: string | null; actorOrganization: { id: string } }[]) =>
      events.map((e) => [e.actorOrganization.id, e.actorUserId]);
    expect(actors(data['shareEvents'] as never)).toContainEqual(['reseller', null]);
    const sent = data['accessRequestsSent'] as { events: never[] }[];
    expect(sent.flatMap((r) => actors(r.events))).toEqual(
      expect.arrayContaining([
        ['buyer', 'dora@buyer'],
        ['reseller', null],
        ['brand', null],
      ]),
    );
  });

  it("reads another user of the viewer's own organization (the sweep asks the fields that show them)", async () => {
    const found = new Set(userIds((await sweep(await as('anna', 'reseller', ['analyst']))).data));
    expect([...found].sort()).toEqual(['anna@reseller', 'bo@reseller']);
  });

  it('a platform_admin of another organization is shown them all (the operator, specification section 1)', async () => {
    const admin = await as('ops', 'buyer', ['platform_admin']);
    const found = new Set(userIds((await sweep(admin)).data));
    expect(found).toEqual(new Set(['ops@buyer', 'dora@buyer', 'anna@reseller', 'bo@reseller', 'carl@brand']));
  });
});
