// disclosuresGiven(id): how an owner reads one of its own disclosures with its history (the dashboard's
// "History" in My disclosures), also once it is withdrawn or its subject is no longer a supplier, when
// disclosure(id) answers null even to the owner. Anybody else, a recipient of the disclosure included,
// gets what an id nobody published gets.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`;
const REVISE = `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { version } }`;
const OWN = `query($id: ID, $all: Boolean) {
  disclosuresGiven(id: $id, includeWithdrawn: $all) {
    id version withdrawnAt history { version actorUserId title actions { id status } }
  }
}`;
const ONE = `query($id: ID!) { disclosure(id: $id) { id } }`;

interface Own {
  id: string;
  version: number;
  withdrawnAt: string | null;
  history: { version: number; actorUserId: string | null; title: string; actions: { id: string }[] }[];
}

const AUDIT = {
  title: 'Audit of the factory',
  issuedAt: '2025-01-01',
  actions: [{ id: 'f-1', finding: 'Overtime', severity: 'HIGH', action: 'Cap hours', dueAt: '2099-01-01' }],
};

const own = async (as: string, id: string | null, all = false) =>
  ok<Own[]>(await t.api.query(as, OWN, { id, all }, [...ADMIN]), 'disclosuresGiven');

/** The factory's audit in two versions, and the brand's self-assessment; the buyer may see both. */
async function published(): Promise<{ audit: string; self: string }> {
  const publish = async (subjectId: string, kind: string, content: object) =>
    ok<{ id: string }>(
      await t.api.query('brand', PUBLISH, { input: { subjectId, kind, content } }, [...ADMIN]),
      'publishDisclosure',
    ).id;
  const audit = await publish('factory', 'AUDIT_REPORT', AUDIT);
  const self = await publish('brand', 'SELF_ASSESSMENT', { title: 'SAQ 2025', issuedAt: '2025-02-01' });
  const revised = await t.api.query(
    'brand',
    REVISE,
    { id: audit, input: { ...AUDIT, title: 'Audit of the factory, corrected' } },
    [...ADMIN],
  );
  expect(ok<{ version: number }>(revised, 'updateDisclosure').version).toBe(2);
  return { audit, self };
}

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('other', 'BRAND')
      .link('brand', 'buyer')
      .link('factory', 'brand')
      .share('brand', 'buyer')
      .build(),
  );
  ok(
    await t.api.query('brand', `mutation { shareDisclosures(recipientId: "buyer") { id } }`, {}, [...ADMIN]),
    'shareDisclosures',
  );
});

describe('the owner', () => {
  it('reads one disclosure with every version, newest first, naming who saved each', async () => {
    const { audit } = await published();
    expect(await own('brand', audit)).toEqual([
      {
        id: audit,
        version: 2,
        withdrawnAt: null,
        history: [
          {
            version: 2,
            actorUserId: 'user@brand',
            title: 'Audit of the factory, corrected',
            actions: [{ id: 'f-1', status: 'OPEN' }],
          },
          {
            version: 1,
            actorUserId: 'user@brand',
            title: AUDIT.title,
            actions: [{ id: 'f-1', status: 'OPEN' }],
          },
        ],
      },
    ]);
    // Without the id, the whole list, as before.
    expect((await own('brand', null)).length).toBe(2);
  });

  it('reads a withdrawn one when it asks for withdrawn ones, which disclosure(id) no longer shows', async () => {
    const { audit } = await published();
    ok(
      await t.api.query('brand', `mutation { withdrawDisclosure(id: "${audit}") { id } }`, {}, [...ADMIN]),
      'withdrawDisclosure',
    );
    expect(ok(await t.api.query('brand', ONE, { id: audit }), 'disclosure')).toBeNull();
    expect(await own('brand', audit)).toEqual([]);
    const [withdrawn] = await own('brand', audit, true);
    expect(withdrawn!.withdrawnAt).not.toBeNull();
    expect(withdrawn!.history.map((v) => v.version)).toEqual([2, 1]);
  });

  it('reads one about a supplier whose link has ended, which disclosure(id) no longer shows', async () => {
    const { audit } = await published();
    ok(
      await t.api.query('brand', `mutation { endSupplyLink(id: "factory>brand") { id } }`, {}, [...ADMIN]),
      'endSupplyLink',
    );
    expect(ok(await t.api.query('brand', ONE, { id: audit }), 'disclosure')).toBeNull();
    expect((await own('brand', audit)).map((d) => d.history.length)).toEqual([2]);
  });
});

describe('anybody else', () => {
  /** The whole answer, as a client gets it. */
  const asked = (as: string, id: string, roles: Role[] = [...ADMIN]) =>
    t.api.query(as, OWN, { id, all: true }, roles);
  const same = (a: GraphQLResponse, b: GraphQLResponse) => expect(a).toEqual(b);

  it('gets for a disclosure it may see what it gets for one nobody published', async () => {
    const { audit } = await published();
    // The buyer sees the audit (a share of all the brand's disclosures) and its history there…
    expect(ok(await t.api.query('buyer', ONE, { id: audit }), 'disclosure')).toEqual({ id: audit });
    // …but it is not the buyer's own: the same empty list as a missing id.
    const foreign = await asked('buyer', audit);
    same(foreign, await asked('buyer', 'd-nobody-published-this'));
    expect(foreign).toEqual({ status: 200, data: { disclosuresGiven: [] } });
  });

  it('gets for a withdrawn one, and from an unrelated organization, what a missing id gets', async () => {
    const { audit, self } = await published();
    ok(
      await t.api.query('brand', `mutation { withdrawDisclosure(id: "${self}") { id } }`, {}, [...ADMIN]),
      'withdrawDisclosure',
    );
    for (const viewer of ['buyer', 'factory', 'other'])
      for (const id of [audit, self])
        same(await asked(viewer, id, ['analyst']), await asked(viewer, 'd-missing', ['analyst']));
  });
});
