// Disclosure.withdrawnBy: who withdrew a disclosure, named as a version's actorUserId is (specification,
// section 1): to the owner's own users and platform_admins; null to every other viewer, and whenever
// withdrawnAt is null (not withdrawn, or not yet asOf the instant asked for).
import { beforeEach, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import type { Role } from '../../src/domain/roles.ts';
import { ok, TEST_SECRET } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN: Role[] = ['supplier_admin'];

const WITHDRAW = `mutation($id: ID!) { withdrawDisclosure(id: $id) { id withdrawnAt withdrawnBy } }`;
const GIVEN = `query($asOf: DateTime) {
  disclosuresGiven(includeWithdrawn: true, asOf: $asOf) { id withdrawnAt withdrawnBy } }`;
const ONE = `query($id: ID!, $asOf: DateTime) { disclosure(id: $id, asOf: $asOf) { id withdrawnAt withdrawnBy } }`;

interface Shown {
  id: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

/** As user `sub` of `org`: another user of the same organization than the harness's `user@org`. */
const asUser = async (sub: string, org: string, roles: Role[]) => ({
  authorization: `Bearer ${await signToken({ sub, org, roles }, TEST_SECRET, 600)}`,
});

let id = '';

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .link('brand', 'buyer')
      .share('brand', 'buyer')
      .build(),
  );
  ok(
    await t.api.query('brand', `mutation { shareDisclosures(recipientId: "buyer") { id } }`, {}, ADMIN),
    'shareDisclosures',
  );
  id = ok<{ id: string }>(
    await t.api.query(
      'brand',
      `mutation { publishDisclosure(input: { kind: SELF_ASSESSMENT, subjectId: "brand",
        content: { title: "SAQ", issuedAt: "2024-01-01T00:00:00Z" } }) { id } }`,
      {},
      ADMIN,
    ),
    'publishDisclosure',
  ).id;
});

describe('withdrawDisclosure records who withdrew', () => {
  it('answers the acting user, and the owner reads it in disclosuresGiven', async () => {
    const withdrawn = ok<Shown>(
      await t.api.query(await asUser('anna@brand', 'brand', ADMIN), WITHDRAW, { id }),
      'withdrawDisclosure',
    );
    expect(withdrawn).toEqual({ id, withdrawnAt: expect.any(String), withdrawnBy: 'anna@brand' });
    expect(ok<Shown[]>(await t.api.query('brand', GIVEN, {}), 'disclosuresGiven')).toEqual([withdrawn]);
  });

  it('keeps the first withdrawal: a second, by another user, changes neither when nor by whom', async () => {
    const first = ok<Shown>(
      await t.api.query(await asUser('anna@brand', 'brand', ADMIN), WITHDRAW, { id }),
      'withdrawDisclosure',
    );
    const again = ok<Shown>(await t.api.query('brand', WITHDRAW, { id }, ADMIN), 'withdrawDisclosure');
    expect(again).toEqual(first);
  });

  it('is null while the disclosure is not withdrawn, and asOf before the withdrawal', async () => {
    expect(ok<Shown[]>(await t.api.query('brand', GIVEN, {}), 'disclosuresGiven')).toEqual([
      { id, withdrawnAt: null, withdrawnBy: null },
    ]);
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    ok(await t.api.query('brand', WITHDRAW, { id }, ADMIN), 'withdrawDisclosure');
    expect(ok<Shown[]>(await t.api.query('brand', GIVEN, { asOf: before }), 'disclosuresGiven')).toEqual([
      { id, withdrawnAt: null, withdrawnBy: null },
    ]);
  });
});

describe('who sees the withdrawing user', () => {
  // asOf the withdrawal's own instant the disclosure still shows, with its withdrawnAt, to a recipient.
  async function withdrawnAt(): Promise<string> {
    return ok<Shown>(await t.api.query('brand', WITHDRAW, { id }, ADMIN), 'withdrawDisclosure').withdrawnAt!;
  }

  it("a recipient sees when, not the owner's user", async () => {
    const at = await withdrawnAt();
    expect(ok(await t.api.query('buyer', ONE, { id, asOf: at }), 'disclosure')).toEqual({
      id,
      withdrawnAt: at,
      withdrawnBy: null,
    });
  });

  it('a platform_admin of another organization sees the user', async () => {
    const at = await withdrawnAt();
    expect(ok(await t.api.query('buyer', ONE, { id, asOf: at }, ['platform_admin']), 'disclosure')).toEqual({
      id,
      withdrawnAt: at,
      withdrawnBy: 'user@brand',
    });
  });

  // Organization.publishedDisclosures of a chain's organizations: a statement of its own (disclosure-columns).
  const CHAIN = `query($rootId: ID!, $asOf: DateTime) { supplyChain(rootId: $rootId, asOf: $asOf) {
    root { id publishedDisclosures { id withdrawnAt withdrawnBy } }
    tiers { organizations { id publishedDisclosures { id withdrawnAt withdrawnBy } } } } }`;
  interface Chain {
    root: { id: string; publishedDisclosures: Shown[] };
    tiers: { organizations: { id: string; publishedDisclosures: Shown[] }[] }[];
  }

  it("in a chain asOf the withdrawal: the owner's users see the user, a customer does not", async () => {
    const at = await withdrawnAt();
    const own = ok<Chain>(await t.api.query('brand', CHAIN, { rootId: 'brand', asOf: at }), 'supplyChain');
    expect(own.root.publishedDisclosures).toEqual([{ id, withdrawnAt: at, withdrawnBy: 'user@brand' }]);
    const buyer = ok<Chain>(await t.api.query('buyer', CHAIN, { rootId: 'buyer', asOf: at }), 'supplyChain');
    const brand = buyer.tiers.flatMap((tier) => tier.organizations).find((o) => o.id === 'brand');
    expect(brand?.publishedDisclosures).toEqual([{ id, withdrawnAt: at, withdrawnBy: null }]);
  });
});
