// `tiersight export` then `tiersight import FILE --reset` gives back the same graph
// (docs/operations.md, "Backup and restore"), also for what the API and valid imports wrote at the edges
// of the format's rules: a store that an import accepted always exports to a file that import accepts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EARLIER_VERSIONS } from '../../src/domain/disclosures.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource, fileSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { screen } from '../../src/modules/screening/screen.ts';
import { ScreeningRepository } from '../../src/modules/screening/screening-repository.ts';
import { loadGraph, TEST_ORIGIN } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { listEntry } from '../support/watch-list-entries.ts';
import { exportTo } from '../support/backup.ts';

const t = useApi();
const dir = mkdtempSync(join(tmpdir(), 'tiersight-backup-'));
let fileNo = 0;

/** Imports `path` with --reset; the problems of a refused file, else null. */
async function importReset(path: string): Promise<string[] | null> {
  const outcome = await importGraph(fileSource(path), t.db.imports, {
    origin: TEST_ORIGIN,
    reset: true,
    settleMs: 0,
  });
  return outcome.ok ? null : outcome.validation.problems.map(formatProblem);
}

/** Imports `document` over the store; the problems of a refused one, else null. */
async function importDocument(document: Record<string, unknown>): Promise<string[] | null> {
  const outcome = await importGraph(documentSource(document), t.db.imports, {
    origin: TEST_ORIGIN,
    settleMs: 0,
  });
  return outcome.ok ? null : outcome.validation.problems.map(formatProblem);
}

/** Export, --reset import of the export; the dumps before and after, and the import's refusal if any. */
async function roundTrip() {
  const before = await dumpGraph(t.db.driver);
  const path = join(dir, `export-${fileNo++}.json`);
  await exportTo(t.db, path);
  const refused = await importReset(path);
  return { before, after: await dumpGraph(t.db.driver), refused, path };
}

const gql = async (org: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await t.api.query(org, query, variables, ['supplier_admin', 'analyst']);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

describe('export → import --reset keeps everything', { timeout: 300_000 }, () => {
  it('a graph built through the API (disclosures with versions, actions, withdrawal and shares) comes back identical', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('maker', 'MANUFACTURER')
        .org('factory', 'FACTORY', { country: 'CN' })
        .link('maker', 'buyer')
        .link('factory', 'maker')
        .build(),
    );
    const content = (title: string) => ({
      title,
      summary: 'Summary',
      issuer: 'Auditor',
      standard: 'RBA',
      products: ['laptops'],
      issuedAt: '2024-01-01T00:00:00Z',
      documentUrl: 'https://example.org/report.pdf',
      documentSha256: 'A'.repeat(64),
      actions: [
        {
          id: 'a1',
          finding: 'Overtime',
          severity: 'HIGH',
          action: 'Cap hours',
          dueAt: '2030-01-01T00:00:00Z',
        },
      ],
    });
    const published = await gql(
      'maker',
      `mutation ($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
      { input: { subjectId: 'factory', kind: 'CORRECTIVE_ACTION_PLAN', content: content('Plan v1') } },
    );
    const id = (published['publishDisclosure'] as { id: string }).id;
    await gql(
      'maker',
      `mutation ($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { id } }`,
      {
        id,
        input: content('Plan v2'),
      },
    );
    await gql(
      'maker',
      `mutation ($id: ID!) { updateCorrectiveAction(disclosureId: $id, actionId: "a1", input: { status: CLOSED, closedAt: "2024-06-01T00:00:00Z", verification: DESKTOP }) { id } }`,
      { id },
    );
    const second = await gql(
      'maker',
      `mutation ($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
      {
        input: {
          subjectId: 'maker',
          kind: 'SELF_ASSESSMENT',
          content: { title: 'SAQ', issuedAt: '2024-02-01T00:00:00Z' },
        },
      },
    );
    const shared = await gql(
      'maker',
      `mutation ($ids: [ID!]) { shareDisclosures(recipientId: "buyer", disclosureIds: $ids) { id } }`,
      { ids: [id] },
    );
    await gql('maker', `mutation { shareDisclosures(recipientId: "buyer") { id } }`);
    await gql('maker', `mutation { shareSourcing(recipientId: "buyer") { id } }`);
    await gql('maker', `mutation ($id: ID!) { withdrawDisclosure(id: $id) { id } }`, {
      id: (second['publishDisclosure'] as { id: string }).id,
    });
    await gql('maker', `mutation ($id: ID!) { revokeShare(id: $id) { id } }`, {
      id: (shared['shareDisclosures'] as { id: string }).id,
    });

    const { before, after, refused } = await roundTrip();
    expect(refused).toBeNull();
    expect(before.filter((l) => l.startsWith('(DisclosureVersion ')).length).toBeGreaterThanOrEqual(4);
    expect(after).toEqual(before);
  });
  it("an organization's listing time (listedAt, set by setListing) survives a backup and restore", async () => {
    await loadGraph(t.db, graph().org('se-a', 'RESELLER').build());
    const listing = await gql(
      'se-a',
      `mutation { setListing(listed: true, city: "Uppsala") { listed listedAt } }`,
    );
    const listedAt = (listing['setListing'] as { listedAt: string }).listedAt;
    expect(listedAt).toMatch(/^\d{4}-/);

    const { before, after, refused } = await roundTrip();
    expect(refused).toBeNull();
    const read = await gql('se-a', `{ listing { listed listedAt } }`);
    expect(read['listing']).toEqual({ listed: true, listedAt });
    expect(after).toEqual(before);
  });

  it('an import lists an organization at its instant, or when the file says; keeps listedAt while listed', async () => {
    const importedAt = new Date('2025-03-01T00:00:00Z');
    const listedAt = async () =>
      (
        await t.db.driver.executeQuery(
          `MATCH (o:Organization) RETURN o.id AS id, toString(o.listedAt) AS listedAt ORDER BY id`,
        )
      ).records.map((r) => [r.get('id') as string, r.get('listedAt') as string | null]);
    const file = (a: Record<string, unknown>) => ({
      format: 'tiersight/v1',
      organizations: [
        { id: 'a', name: 'A', type: 'BRAND', country: 'SE', ...a },
        {
          id: 'b',
          name: 'B',
          type: 'BRAND',
          country: 'SE',
          listed: true,
          listedAt: '2024-05-01T10:00:00+02:00',
        },
      ],
    });
    for (const reset of [true, false]) {
      const outcome = await importGraph(documentSource(file({ listed: true })), t.db.imports, {
        origin: TEST_ORIGIN,
        reset,
        settleMs: 0,
        importedAt,
      });
      expect(outcome.ok).toBe(true);
      expect(await listedAt()).toEqual([
        ['a', '2025-03-01T00:00:00Z'],
        ['b', '2024-05-01T10:00:00+02:00'],
      ]);
    }
    expect(await importDocument(file({ listed: false }))).toBeNull();
    expect((await listedAt())[0]).toEqual(['a', null]);
    expect(await importDocument(file({ listed: false, listedAt: '2024-01-01' }))).toEqual([
      `organizations[0] (id "a"): listedAt 2024-01-01 is only for a listed organization, and listed is false`,
    ]);
    expect(await importDocument(file({ listed: true, listedAt: '2999-01-01' }))).toEqual([
      expect.stringMatching(/^organizations\[0\] \(id "a"\): listedAt must not be after the import/),
    ]);
  });
  it('screening candidates (pending and decided) survive a backup and restore', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('admin-org', 'MONITOR')
        .org('cn-foo', 'FACTORY', { name: 'Foo Inc.', country: 'CN' })
        .org('de-bar', 'FACTORY', { name: 'Bar Trading Inc', country: 'DE' })
        .build(),
    );
    await screen(
      new ScreeningRepository(t.db.executor),
      [listEntry('Foo Ltd', { listEntryId: 'E-1' }), listEntry('Bar Trading Ltd', { listEntryId: 'E-2' })],
      { threshold: 0.9, certain: 0.97, apply: true, severity: 'HIGH' },
    );
    const pending = await t.api.query(
      'admin-org',
      `{ screeningCandidates(status: PENDING) { id organizationId } }`,
      {},
      ['screening_admin'],
    );
    const candidates = pending.data!['screeningCandidates'] as { id: string; organizationId: string }[];
    expect(candidates).toHaveLength(2);
    // One rejected on review: a later `screen --apply` must not propose it again.
    const rejected = candidates.find((c) => c.organizationId === 'de-bar')!;
    const rejection = await t.api.query(
      'admin-org',
      `mutation ($id: ID!) { rejectMatch(id: $id, note: "namesake") { status } }`,
      { id: rejected.id },
      ['screening_admin'],
    );
    expect(rejection.errors).toBeUndefined();

    const { before, after, refused } = await roundTrip();
    expect(refused).toBeNull();
    expect(before.filter((l) => /^\(ScreeningCandidate \{.*\}\)$/.test(l))).toHaveLength(2);
    expect(after.filter((l) => /^\(ScreeningCandidate \{.*\}\)$/.test(l))).toHaveLength(2);
    expect(after).toEqual(before);
  });

  it('a restore keeps a rejected candidate rejected: the next screen --apply does not propose it again', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('admin-org', 'MONITOR')
        .org('cn-foo', 'FACTORY', { name: 'Foo Inc.', country: 'CN' })
        .build(),
    );
    const run = () =>
      screen(new ScreeningRepository(t.db.executor), [listEntry('Foo Ltd', { listEntryId: 'E-1' })], {
        threshold: 0.9,
        certain: 0.97,
        apply: true,
        severity: 'HIGH',
      });
    await run();
    const candidates = async (status: string) =>
      (
        await t.api.query(
          'admin-org',
          `query ($status: ScreeningCandidateStatus) { screeningCandidates(status: $status) { id status note } }`,
          { status },
          ['screening_admin'],
        )
      ).data!['screeningCandidates'] as { id: string; status: string; note: string | null }[];
    const [pending] = await candidates('PENDING');
    await t.api.query(
      'admin-org',
      `mutation ($id: ID!) { rejectMatch(id: $id, note: "namesake") { status } }`,
      { id: pending!.id },
      ['screening_admin'],
    );
    const { refused } = await roundTrip();
    expect(refused).toBeNull();
    await run();
    expect(await candidates('PENDING')).toEqual([]);
    expect(await candidates('REJECTED')).toEqual([{ id: pending!.id, status: 'REJECTED', note: 'namesake' }]);
  });

  it('idempotency keys are left out: the export ignores them, and a restore starts without any', async () => {
    await loadGraph(
      t.db,
      graph().org('buyer', 'PURCHASER').org('maker', 'MANUFACTURER').link('maker', 'buyer').build(),
    );
    const share = `mutation ($key: String) { shareSourcing(recipientId: "buyer", idempotencyKey: $key) { id } }`;
    const ask = `mutation ($key: String) { requestAccess(organizationId: "maker", scope: SOURCING, idempotencyKey: $key) { id } }`;
    await gql('maker', share, { key: 'backup-key-1' });
    await gql('buyer', ask, { key: 'backup-key-2' });
    const keys = `MATCH (k:IdempotencyKey) RETURN count(k) AS n`;
    const countKeys = async () => Number((await t.db.driver.executeQuery(keys)).records[0]!.get('n'));
    expect(await countKeys()).toBe(2);
    // Operational records that answer retries for a day, not part of the graph a backup keeps.
    const withoutKeys = (dump: string[]) => dump.filter((line) => !line.startsWith('(IdempotencyKey '));
    const { before, after, refused, path } = await roundTrip();
    expect(refused).toBeNull();
    expect(readFileSync(path, 'utf8')).not.toMatch(/backup-key|IdempotencyKey/);
    expect(after).toEqual(withoutKeys(before));
    expect(await countKeys()).toBe(0);
  });
});

describe(
  'a store that valid imports and the API wrote exports to a file that import accepts',
  { timeout: 300_000 },
  () => {
    const base = () =>
      graph().org('owner', 'MANUFACTURER').org('buyer', 'PURCHASER').link('owner', 'buyer').build();
    const selfAssessment = (extra: Record<string, unknown>) => ({
      id: 'd-1',
      owner: 'owner',
      subject: 'owner',
      kind: 'SELF_ASSESSMENT',
      issuedAt: '2023-01-01',
      ...extra,
    });

    it('a disclosure whose version is recorded before its publishedAt is refused, with or without history', async () => {
      await loadGraph(t.db, base());
      const early = selfAssessment({
        title: 'SAQ',
        publishedAt: '2024-06-01T00:00:00Z',
        recordedAt: '2024-01-01T00:00:00Z',
      });
      const refusal = `disclosures[0] (id "d-1"): the first version's recordedAt 2024-01-01T00:00:00Z is before publishedAt 2024-06-01T00:00:00Z`;
      expect(await importDocument({ format: 'tiersight/v1', disclosures: [early] })).toEqual([refusal]);
      expect(
        await importDocument({ format: 'tiersight/v1', disclosures: [{ ...early, history: [] }] }),
      ).toEqual([refusal]);
      const { refused } = await roundTrip();
      expect(refused).toBeNull();
    });

    it('a new disclosure that states recordedAt but no publishedAt is published when its version was recorded', async () => {
      await loadGraph(t.db, {
        ...base(),
        disclosures: [selfAssessment({ title: 'SAQ', recordedAt: '2024-01-01T00:00:00Z' })],
      });
      const { records } = await t.db.driver.executeQuery(
        `MATCH (d:Disclosure {id: 'd-1'}) RETURN toString(d.publishedAt) AS publishedAt`,
      );
      expect(records.map((r) => r.get('publishedAt') as string)).toEqual(['2024-01-01T00:00:00Z']);
      const { before, after, refused } = await roundTrip();
      expect(refused).toBeNull();
      expect(after).toEqual(before);
    });

    it('a new version recorded before the stored current one is refused, naming both times', async () => {
      await loadGraph(t.db, {
        ...base(),
        disclosures: [
          selfAssessment({
            title: 'First',
            publishedAt: '2024-01-01T00:00:00Z',
            recordedAt: '2024-06-01T00:00:00Z',
          }),
        ],
      });
      const second = selfAssessment({ title: 'Second', recordedAt: '2024-03-01T00:00:00Z' });
      expect(await importDocument({ format: 'tiersight/v1', disclosures: [second] })).toEqual([
        expect.stringMatching(
          /^disclosures\[0\] \(id "d-1"\): recordedAt 2024-03-01T00:00:00Z is before the stored current version 1 \(recorded 2024-06-01T00:00:00(\.000)?Z\)/,
        ),
      ]);
      // The same content adds no version, so an earlier recordedAt changes nothing and is accepted.
      expect(
        await importDocument({
          format: 'tiersight/v1',
          disclosures: [{ ...second, title: 'First' }],
        }),
      ).toBeNull();
      // A publishedAt after the stored first version would leave it recorded before it was published.
      expect(
        await importDocument({
          format: 'tiersight/v1',
          disclosures: [selfAssessment({ title: 'First', publishedAt: '2024-09-01T00:00:00Z' })],
        }),
      ).toEqual([
        expect.stringMatching(
          /publishedAt 2024-09-01T00:00:00Z is after the stored first version's recordedAt/,
        ),
      ]);
      const { refused } = await roundTrip();
      expect(refused).toBeNull();
    });

    it(`a disclosure with ${MAX_EARLIER_VERSIONS} earlier versions takes no more, from the API or an import, and still exports`, async () => {
      const history = Array.from({ length: MAX_EARLIER_VERSIONS }, (_, i) => ({
        title: `v${i + 1}`,
        issuedAt: '2020-01-01',
        recordedAt: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(),
      }));
      await loadGraph(t.db, {
        ...base(),
        disclosures: [
          selfAssessment({
            id: 'd-long',
            title: 'v1001',
            issuedAt: '2020-01-01',
            publishedAt: '2021-01-01T00:00:00Z',
            recordedAt: '2022-01-01T00:00:00Z',
            history,
          }),
        ],
      });
      const full =
        /disclosure "d-long" already has 1,001 versions, the most one disclosure keeps \(1,000 earlier ones and the current one\); publish a new disclosure/;
      const update = await t.api.query(
        'owner',
        `mutation { updateDisclosure(id: "d-long", input: { title: "v1002", issuedAt: "2020-01-01T00:00:00Z" }) { id } }`,
        {},
        ['supplier_admin'],
      );
      expect(update.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([
        ['BAD_USER_INPUT', expect.stringMatching(full)],
      ]);
      expect(
        await importDocument({
          format: 'tiersight/v1',
          disclosures: [selfAssessment({ id: 'd-long', title: 'v1002', issuedAt: '2020-01-01' })],
        }),
      ).toEqual([expect.stringMatching(full)]);
      const path = join(dir, `export-${fileNo++}.json`);
      await expect(exportTo(t.db, path)).resolves.toHaveProperty('quiet', true);
    });
  },
);
