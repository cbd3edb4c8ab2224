// Review (data integrity at the edges): `tiersight export` then `tiersight import FILE --reset` must
// give back the same graph (docs/operations.md, "Backup and restore"; data-model.md, "Export"). Each
// `it` here fails today and passes once the defect it names is fixed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export-graph.ts';
import { ExportRepository } from '../../src/export/export-repository.ts';
import { TiersightWriter } from '../../src/export/tiersight-writer.ts';
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

const t = useApi();
const dir = mkdtempSync(join(tmpdir(), 'tiersight-review-data-'));
let fileNo = 0;

async function exportTo(path: string) {
  return exportGraph(
    new ExportRepository(t.db.executor),
    t.db.imports.runs,
    await TiersightWriter.toFile(path),
  );
}

/** Imports `path` with --reset; the problems of a refused file, else null. */
async function importReset(path: string): Promise<string[] | null> {
  const outcome = await importGraph(fileSource(path), t.db.imports, {
    origin: TEST_ORIGIN,
    reset: true,
    settleMs: 0,
  });
  return outcome.ok ? null : outcome.validation.problems.map(formatProblem);
}

async function importDocument(document: Record<string, unknown>, reset = false) {
  const outcome = await importGraph(documentSource(document), t.db.imports, {
    origin: TEST_ORIGIN,
    reset,
    settleMs: 0,
  });
  if (!outcome.ok) throw new Error(outcome.validation.problems.map(formatProblem).join('\n'));
}

/** Export, --reset import of the export; the dumps before and after, and the import's refusal if any. */
async function roundTrip() {
  const before = await dumpGraph(t.db.driver);
  const path = join(dir, `export-${fileNo++}.json`);
  await exportTo(path);
  const refused = await importReset(path);
  return { before, after: await dumpGraph(t.db.driver), refused, path };
}

const gql = async (org: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await t.api.query(org, query, variables, ['supplier_admin', 'analyst']);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

describe('export → import --reset keeps everything', { timeout: 300_000 }, () => {
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
    // Today: the backup has no screening candidates, and --reset deletes them.
    expect(after.filter((l) => /^\(ScreeningCandidate \{.*\}\)$/.test(l))).toHaveLength(2);
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
    // Today: listedAt is neither exported nor imported, so the restored listing has none.
    expect(read['listing']).toEqual({ listed: true, listedAt });
    expect(after).toEqual(before);
  });

  it('(passes today: checked, fine) a graph built through the API (disclosures with versions, actions, withdrawal and shares) comes back identical', async () => {
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
});

describe(
  'a store that a valid import wrote exports to a file that import accepts',
  { timeout: 300_000 },
  () => {
    const base = () =>
      graph().org('owner', 'MANUFACTURER').org('buyer', 'PURCHASER').link('owner', 'buyer').build();

    it('a disclosure whose first version was recorded before its publishedAt (no history in the file)', async () => {
      // Accepted today: the "versions oldest first / not before publishedAt" rule is only checked with `history`.
      await loadGraph(t.db, {
        ...base(),
        disclosures: [
          {
            id: 'd-early',
            owner: 'owner',
            subject: 'owner',
            kind: 'SELF_ASSESSMENT',
            title: 'SAQ',
            issuedAt: '2023-01-01',
            publishedAt: '2024-06-01T00:00:00Z',
            recordedAt: '2024-01-01T00:00:00Z',
          },
        ],
      });
      const { refused } = await roundTrip();
      // Today: the export writes `history: []`, and the import then refuses "the first version's
      // recordedAt … is before publishedAt", so the backup cannot be restored.
      expect(refused).toBeNull();
    });

    it('a version added by a second import with a recordedAt before the current version', async () => {
      await loadGraph(t.db, {
        ...base(),
        disclosures: [
          {
            id: 'd-1',
            owner: 'owner',
            subject: 'owner',
            kind: 'SELF_ASSESSMENT',
            title: 'First',
            issuedAt: '2023-01-01',
            publishedAt: '2024-01-01T00:00:00Z',
            recordedAt: '2024-06-01T00:00:00Z',
          },
        ],
      });
      // Accepted today: a new version recorded before the stored one.
      await importDocument({
        format: 'tiersight/v1',
        disclosures: [
          {
            id: 'd-1',
            owner: 'owner',
            subject: 'owner',
            kind: 'SELF_ASSESSMENT',
            title: 'Second',
            issuedAt: '2023-01-01',
            recordedAt: '2024-03-01T00:00:00Z',
          },
        ],
      });
      const { refused } = await roundTrip();
      // Today: "recordedAt 2024-03-01T00:00:00Z is before the version it follows".
      expect(refused).toBeNull();
    });

    it('a disclosure with more than 1,000 earlier versions (an imported history of 1,000, then one update)', async () => {
      const history = Array.from({ length: 1_000 }, (_, i) => ({
        title: `v${i + 1}`,
        issuedAt: '2020-01-01',
        recordedAt: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(),
      }));
      await loadGraph(t.db, {
        ...base(),
        disclosures: [
          {
            id: 'd-long',
            owner: 'owner',
            subject: 'owner',
            kind: 'SELF_ASSESSMENT',
            title: 'v1001',
            issuedAt: '2020-01-01',
            publishedAt: '2021-01-01T00:00:00Z',
            recordedAt: '2022-01-01T00:00:00Z',
            history,
          },
        ],
      });
      // The owner updates it once more through the API (nothing limits the number of versions there).
      await gql(
        'owner',
        `mutation { updateDisclosure(id: "d-long", input: { title: "v1002", issuedAt: "2020-01-01T00:00:00Z" }) { id } }`,
      );
      const path = join(dir, `export-${fileNo++}.json`);
      // Today: the whole backup fails: "disclosures record "d-long" cannot be written as tiersight/v1:
      // history must be an array of at most 1000 versions".
      await expect(exportTo(path)).resolves.toHaveProperty('quiet', true);
    });
  },
);

// Keep the directory of files for a look after a failure.
writeFileSync(join(dir, 'README'), 'files written by zz-review-data-roundtrip.test.ts\n');
