// mergeOrganizations (issue 13): a platform_admin merges a duplicate record; everything of it moves to
// the kept one, the old id resolves to the kept one under the kept one's visibility, nobody sees more
// than before, and a refused merge writes nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export-graph.ts';
import { ExportRepository } from '../../src/export/export-repository.ts';
import { TiersightWriter } from '../../src/export/tiersight-writer.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { codes } from '../support/api.ts';
import { withAskedId } from '../support/asked-id.ts';
import { countAll, loadGraph, TEST_ORIGIN } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { subjectsOf } from '../support/subject-labels.ts';

const t = useApi();
const PLATFORM_ADMIN = ['platform_admin'] as const;

const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) {
  keptId mergedId mergedAt actorUserId frozenShareIds formerlyMergedIds
  moved { linksAsCustomer linksAsSupplier sharesGiven sharesReceived disclosuresPublished disclosuresAbout
          riskIndicators accessRequestsSent accessRequestsReceived findingsRecorded other } } }`;
const CHAIN = `query($rootId: ID) { supplyChain(rootId: $rootId) { root { id } tiers { organizations { id } } links { id } } }`;

const merge = (keepId: string, mergeId: string, as = 'operator') =>
  t.api.query(as, MERGE, { keepId, mergeId }, [...PLATFORM_ADMIN]);

type Chain = { root: { id: string }; tiers: { organizations: { id: string }[] }[]; links: { id: string }[] };
async function chain(viewer: string, rootId?: string) {
  const response = await t.api.query(viewer, CHAIN, { rootId });
  if (response.errors) return { errors: codes(response) };
  const c = response.data!['supplyChain'] as Chain;
  return {
    root: c.root.id,
    organizations: c.tiers.flatMap((tier) => tier.organizations.map((o) => o.id)).sort(),
    links: c.links.map((l) => l.id).sort(),
  };
}

// buyer <- reseller <- brand <- factory, and "brand-dup", a second record of the brand that a customer
// declared, with a factory of its own, a risk indicator and a share to the buyer of everything.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('brand-dup', 'BRAND')
      .org('factory', 'FACTORY')
      .org('factory-2', 'FACTORY')
      .org('stranger', 'PURCHASER')
      .org('brand-c', 'BRAND')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .link('brand', 'reseller')
      .link('brand-dup', 'other-buyer')
      .link('factory', 'brand')
      .link('factory-2', 'brand-dup')
      .share('reseller', 'buyer')
      .share('brand', 'buyer', { id: 'brand-to-buyer' })
      .share('brand-dup', 'other-buyer', { id: 'dup-to-other' })
      .risk('brand-dup', { id: 'risk-dup' })
      .disclosure('brand-dup', 'factory-2', { id: 'd-dup' })
      .build(),
  );
});

describe('mergeOrganizations', () => {
  it('moves everything of the merged record and reports it', async () => {
    const before = await countAll(t.db);
    const response = await merge('brand', 'brand-dup');
    expect(response.errors).toBeUndefined();
    const answer = response.data!['mergeOrganizations'] as Record<string, unknown>;
    expect(answer).toMatchObject({
      keptId: 'brand',
      mergedId: 'brand-dup',
      actorUserId: 'user@operator',
      formerlyMergedIds: [],
      moved: {
        linksAsCustomer: 1,
        linksAsSupplier: 1,
        sharesGiven: 1,
        sharesReceived: 0,
        disclosuresPublished: 1,
        disclosuresAbout: 0,
        riskIndicators: 1,
        accessRequestsSent: 0,
        accessRequestsReceived: 0,
        findingsRecorded: 0,
        other: 0,
      },
    });
    // Both brand's share to the buyer and the duplicate's share to other-buyer covered everything.
    expect(answer['frozenShareIds']).toEqual(['brand-to-buyer', 'dup-to-other']);
    expect(await countAll(t.db)).toEqual({ ...before, organizations: before['organizations']! - 1 });
    expect(await chain('brand')).toEqual({
      root: 'brand',
      organizations: ['factory', 'factory-2'],
      links: ['factory-2>brand-dup', 'factory>brand'],
    });
    const risks = await t.api.query('brand', '{ organization(id: "brand") { risks { id } } }');
    expect(risks.data).toEqual({ organization: { risks: [{ id: 'risk-dup' }] } });
  });

  it("never widens: a share of all one side's links does not come to cover the other side's", async () => {
    // Before: the buyer sees the brand's factory (the brand shares everything with it), not factory-2;
    // other-buyer sees factory-2 through the duplicate, not factory.
    const buyerBefore = await chain('buyer');
    const otherBefore = await chain('other-buyer');
    expect(buyerBefore.organizations).toEqual(['brand', 'factory', 'reseller']);
    expect(otherBefore.organizations).toEqual(['brand-dup', 'factory-2', 'reseller']);

    expect((await merge('brand', 'brand-dup')).errors).toBeUndefined();
    expect(await chain('buyer')).toEqual(buyerBefore);
    const otherAfter = await chain('other-buyer');
    expect(otherAfter.organizations).toEqual(['brand', 'factory-2', 'reseller']);
    expect(otherAfter.links).toEqual(otherBefore.links);
    // A link the brand declares later is covered by neither frozen share.
    const shares = await t.api.query('brand', '{ sharesGiven { id linkIds } }');
    expect(shares.data!['sharesGiven']).toEqual(
      expect.arrayContaining([
        { id: 'brand-to-buyer', linkIds: ['factory>brand'] },
        { id: 'dup-to-other', linkIds: ['factory-2>brand-dup'] },
      ]),
    );
  });

  it('resolves the old id to the kept one, under what the viewer may see of the kept one', async () => {
    expect((await merge('brand', 'brand-dup')).errors).toBeUndefined();
    const lookup = '{ organization(id: "brand-dup") { id name } }';
    expect((await t.api.query('other-buyer', lookup)).data).toEqual({
      organization: { id: 'brand', name: 'Org brand' },
    });
    expect(await chain('other-buyer', 'brand-dup')).toEqual({
      root: 'brand',
      organizations: ['factory-2'],
      links: ['factory-2>brand-dup'],
    });
    const paths = await t.api.query(
      'other-buyer',
      '{ paths(toId: "factory-2", rootId: "brand-dup") { organizations { id } } }',
    );
    expect(paths.data).toEqual({ paths: [{ organizations: [{ id: 'brand' }, { id: 'factory-2' }] }] });
    const exposure = await t.api.query('other-buyer', '{ exposure(rootId: "brand-dup") { root { id } } }');
    expect(exposure.data).toEqual({ exposure: { root: { id: 'brand' } } });
    const risk = await t.api.query('other-buyer', '{ riskAssessment(rootId: "brand-dup") { root { id } } }');
    expect(risk.data).toEqual({ riskAssessment: { root: { id: 'brand' } } });

    // The stranger may not see the brand: the old id answers exactly as an id that never existed.
    for (const id of ['brand-dup', 'no-such-org']) {
      expect((await t.api.query('stranger', `{ organization(id: "${id}") { id } }`)).data).toEqual({
        organization: null,
      });
    }
    const hidden = await t.api.query('stranger', CHAIN, { rootId: 'brand-dup' });
    const missing = await t.api.query('stranger', CHAIN, { rootId: 'no-such-org' });
    // Its message names the id asked, never the kept one it stands for.
    expect(withAskedId(hidden, 'brand-dup')).toEqual(withAskedId(missing, 'no-such-org'));
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
  });

  it('freezes a whole share of a record without sourcing to no links, which an export carries over', async () => {
    // The reseller's record "reseller-dup" has no suppliers; its share of everything to the stranger
    // covers nothing, and after the merge it must not cover the reseller's links.
    await loadGraph(
      t.db,
      graph()
        .org('operator', 'MONITOR')
        .org('buyer', 'PURCHASER')
        .org('reseller', 'RESELLER')
        .org('reseller-dup', 'RESELLER')
        .org('brand', 'BRAND')
        .org('stranger', 'PURCHASER')
        .link('reseller', 'buyer')
        .link('brand', 'reseller')
        .share('reseller-dup', 'stranger', { id: 'empty-whole' })
        .build(),
    );
    const response = await merge('reseller', 'reseller-dup');
    expect(response.data!['mergeOrganizations']).toMatchObject({ frozenShareIds: ['empty-whole'] });
    expect((await chain('stranger', 'reseller')).organizations).toEqual([]);

    const path = join(mkdtempSync(join(tmpdir(), 'merge-export-')), 'out.json');
    const exported = await exportGraph(
      new ExportRepository(t.db.executor),
      t.db.imports.runs,
      await TiersightWriter.toFile(path),
    );
    expect(exported.written.shares).toBe(1);
    const restored = await importGraph(fileSource(path), t.db.imports, {
      origin: TEST_ORIGIN,
      reset: true,
      settleMs: 0,
    });
    expect(restored.ok).toBe(true);
    expect((await chain('stranger', 'reseller')).organizations).toEqual([]);
  });

  it('freezes revoked shares too: asOf an instant when one was active shows what it showed then', async () => {
    // brand shared everything with the stranger from 2001 until 2015; brand-dup's factory link was
    // recorded in 2001. After the merge, asOf 2010 must not show the duplicate's factory to the stranger.
    await loadGraph(
      t.db,
      graph()
        .org('operator', 'MONITOR')
        .org('stranger', 'PURCHASER')
        .org('brand', 'BRAND')
        .org('brand-dup', 'BRAND')
        .org('factory', 'FACTORY')
        .org('factory-2', 'FACTORY')
        .link('factory', 'brand', { recordedAt: '2001-01-01' })
        .link('factory-2', 'brand-dup', { recordedAt: '2001-01-01' })
        .share('brand', 'stranger', { id: 'old', createdAt: '2001-01-01', revokedAt: '2015-06-01' })
        .build(),
    );
    const past = `{ supplyChain(rootId: "brand", asOf: "2010-01-01") { tiers { organizations { id } } } }`;
    const before = await t.api.query('stranger', past);
    expect(before.data).toEqual({ supplyChain: { tiers: [{ organizations: [{ id: 'factory' }] }] } });
    const response = await merge('brand', 'brand-dup');
    expect(response.data!['mergeOrganizations']).toMatchObject({ frozenShareIds: ['old'] });
    expect(await t.api.query('stranger', past)).toEqual(before);
  });

  it('resolves an old id named by a mutation: a share to the merged record goes to the kept one', async () => {
    expect((await merge('brand', 'brand-dup')).errors).toBeUndefined();
    const shared = await t.api.query(
      'reseller',
      'mutation { shareSourcing(recipientId: "brand-dup", linkIds: ["brand>reseller"]) { recipient { id } } }',
      {},
      ['supplier_admin'],
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data).toEqual({ shareSourcing: { recipient: { id: 'brand' } } });
  });

  it('gives an old id merged into a listed organization no directory card: it answers as before the merge', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('operator', 'MONITOR')
        .org('viewer', 'PURCHASER')
        .org('supplier', 'BRAND')
        .org('listed', 'FACTORY', { listed: true, city: 'Lund' })
        .org('hidden-dup', 'FACTORY', { city: 'Secret City' })
        .link('supplier', 'viewer')
        .build(),
    );
    const lookup = (id: string) => t.api.query('viewer', `{ organization(id: "${id}") { id name city } }`);
    const share = (recipientId: string) =>
      t.api.query(
        'supplier',
        'mutation($r: ID!) { shareSourcing(recipientId: $r) { id } }',
        { r: recipientId },
        ['supplier_admin'],
      );
    const missing = { lookup: await lookup('no-such-org'), share: await share('no-such-org') };
    expect(codes(missing.share)).toEqual(['NOT_FOUND']);
    expect(await lookup('hidden-dup')).toEqual(missing.lookup);
    expect((await merge('listed', 'hidden-dup')).errors).toBeUndefined();
    const before = await dumpGraph(t.db.driver);
    // Asked alone, and beside the listed organization's own id in one batch.
    expect(await lookup('hidden-dup')).toEqual(missing.lookup);
    const both = await t.api.query(
      'viewer',
      '{ a: organization(id: "hidden-dup") { id } b: organization(id: "listed") { id } }',
    );
    expect(both.data).toEqual({ a: null, b: { id: 'listed' } });
    expect(withAskedId(await share('hidden-dup'), 'hidden-dup')).toEqual(
      withAskedId(missing.share, 'no-such-org'),
    );
    expect(await dumpGraph(t.db.driver)).toEqual(before);
    // By its own id the listed organization is anyone's to name, as before.
    expect((await share('listed')).errors).toBeUndefined();
  });

  it('names the old id asked in its refusals, never the kept one the viewer may not see', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('operator', 'MONITOR')
        .org('viewer', 'PURCHASER')
        .org('supplier', 'BRAND')
        .org('kept', 'FACTORY')
        .org('old', 'FACTORY')
        .link('supplier', 'viewer')
        .build(),
    );
    expect((await merge('kept', 'old')).errors).toBeUndefined();
    const refusal = async (as: string, operation: string) => {
      const response = await t.api.query(as, operation, {}, ['supplier_admin']);
      return response.errors?.map((e) => [e.extensions?.code, e.message]);
    };
    expect(await refusal('viewer', '{ supplyChain(rootId: "old") { depth } }')).toEqual([
      ['NOT_FOUND', 'Organization "old" not found'],
    ]);
    expect(
      await refusal('viewer', 'mutation { requestAccess(organizationId: "old", scope: BOTH) { id } }'),
    ).toEqual([['NOT_FOUND', 'Organization "old" not found']]);
    expect(await refusal('supplier', 'mutation { shareSourcing(recipientId: "old") { id } }')).toEqual([
      ['NOT_FOUND', 'Organization "old" not found'],
    ]);
    const publish = await refusal(
      'supplier',
      `mutation { publishDisclosure(input: { subjectId: "old", kind: IMPROVEMENT,
        content: { title: "Better", issuedAt: "2024-01-01" } }) { id } }`,
    );
    expect(publish?.[0]?.[1]).toMatch(/^subjectId "old" must be supplier itself/);
  });

  it('resolves chains of merges: A into B, then B into C', async () => {
    expect((await merge('brand', 'brand-dup')).errors).toBeUndefined();
    const second = await merge('brand-c', 'brand');
    expect(second.errors).toBeUndefined();
    expect(second.data!['mergeOrganizations']).toMatchObject({ formerlyMergedIds: ['brand-dup'] });
    for (const id of ['brand-dup', 'brand']) {
      expect((await t.api.query('buyer', `{ organization(id: "${id}") { id } }`)).data).toEqual({
        organization: { id: 'brand-c' },
      });
    }
    const again = await merge('brand-c', 'brand-dup');
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toContain(`mergeId "brand-dup" was merged into "brand-c" already`);
  });

  it('refuses bad input naming the value, and writes nothing', async () => {
    const before = await dumpGraph(t.db.driver);
    const cases: [string, string, string][] = [
      ['brand', 'brand', `keepId and mergeId are both "brand"`],
      ['nobody', 'brand-dup', `unknown keepId "nobody"`],
      ['brand', 'nobody', `unknown mergeId "nobody"`],
      // brand supplies the reseller: merged, the link would go from the reseller to itself.
      ['reseller', 'brand', 'supply link "brand>reseller" between "reseller" and "brand"'],
      // The reseller shares with the buyer.
      ['buyer', 'reseller', 'supply link "reseller>buyer" between "buyer" and "reseller"'],
      ['buyer', 'brand', 'share "brand-to-buyer" between "buyer" and "brand"'],
    ];
    for (const [keepId, mergeId, message] of cases) {
      const response = await merge(keepId, mergeId);
      expect(codes(response), `${keepId} ${mergeId}`).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(message);
    }
    expect(await dumpGraph(t.db.driver)).toEqual(before);
    expect((await t.api.query('other-buyer', '{ organization(id: "brand-dup") { id } }')).data).toEqual({
      organization: { id: 'brand-dup' },
    });
  });

  it('is for platform_admin only', async () => {
    for (const roles of [['analyst'], ['supplier_admin']] as const) {
      const response = await t.api.query('brand', MERGE, { keepId: 'brand', mergeId: 'brand-dup' }, [
        ...roles,
      ]);
      expect(codes(response)).toEqual(['FORBIDDEN']);
    }
    expect((await t.api.query('other-buyer', '{ organization(id: "brand-dup") { id } }')).data).toEqual({
      organization: { id: 'brand-dup' },
    });
  });

  it('moves access requests and keeps share and request events readable', async () => {
    const asked = await t.api.query(
      'other-buyer',
      'mutation { requestAccess(organizationId: "brand-dup", scope: SOURCING) { id } }',
    );
    expect(asked.errors).toBeUndefined();
    const response = await merge('brand', 'brand-dup');
    expect(response.data!['mergeOrganizations']).toMatchObject({ moved: { accessRequestsReceived: 1 } });
    const received = await t.api.query(
      'brand',
      '{ accessRequestsReceived { requester { id } target { id } events { actorOrganization { id } } } }',
    );
    expect(received.errors).toBeUndefined();
    expect(received.data!['accessRequestsReceived']).toEqual([
      {
        requester: { id: 'other-buyer' },
        target: { id: 'brand' },
        events: [{ actorOrganization: { id: 'other-buyer' } }],
      },
    ]);
    const events = await t.api.query(
      'other-buyer',
      '{ shareEvents { share { id } actorOrganization { id } } }',
    );
    expect(events.errors).toBeUndefined();
  });

  it("keeps the merged record's sourcing trail, naming the kept organization", async () => {
    const declared = await t.api.query(
      'brand-dup',
      'mutation { declareSupplyLink(supplierId: "factory-2", products: ["laptops"]) { id } }',
      {},
      ['supplier_admin'],
    );
    expect(declared.errors).toBeUndefined();
    expect((await merge('brand', 'brand-dup')).errors).toBeUndefined();
    const trail = await t.api.query(
      'brand',
      '{ supplyLinkEvents { action actorOrganizationId customerId } }',
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data!['supplyLinkEvents']).toEqual([
      { action: 'DECLARED', actorOrganizationId: 'brand', customerId: 'brand' },
    ]);
  });

  it('labels the kept organization a disclosure subject when disclosures about the merged one move to it', async () => {
    const subjects = () => subjectsOf(t.db, 'DisclosureSubject');
    expect(await subjects()).toEqual({ labelled: ['factory-2'], holding: ['factory-2'] });
    expect((await merge('factory', 'factory-2')).errors).toBeUndefined();
    expect(await subjects()).toEqual({ labelled: ['factory'], holding: ['factory'] });
  });

  it('labels the kept organization a risk subject when risk indicators of the merged one move to it', async () => {
    const subjects = () => subjectsOf(t.db, 'RiskSubject');
    expect((await subjects()).labelled).toContain('brand-dup');
    expect((await subjects()).labelled).not.toContain('brand');
    expect((await merge('brand', 'brand-dup')).errors).toBeUndefined();
    const after = await subjects();
    expect(after.labelled).toEqual(after.holding);
    expect(after.labelled).toContain('brand');
  });

  it('leaves tokens of the merged organization without an organization', async () => {
    expect((await merge('brand', 'brand-dup')).errors).toBeUndefined();
    expect(codes(await t.api.query('brand-dup', '{ me { organization { id } } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
