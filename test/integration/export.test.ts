// `tiersight export` writes the whole graph as a tiersight/v1 file that import reads back to the same
// graph: proved by a canonical dump of the database before and after a reset and re-import.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/export.ts';
import { exportGraph } from '../../src/export/export-graph.ts';
import { TiersightWriter } from '../../src/export/tiersight-writer.ts';
import type { ImportRun } from '../../src/domain/import-runs.ts';
import { ExportRepository } from '../../src/export/export-repository.ts';
import { ShareRepository } from '../../src/modules/sharing/share-repository.ts';
import { SourcingRepository } from '../../src/modules/sourcing/sourcing-repository.ts';
import { MergeRepository } from '../../src/modules/merging/merge-repository.ts';
import { AccessRequestRepository } from '../../src/modules/access-requests/access-request-repository.ts';
import { AccessRequestService } from '../../src/modules/access-requests/access-request-service.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource, fileSource, type Section } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { loadDemoScenario } from '../../src/runtime/demo.ts';
import { writeGraphFile } from '../../src/generator/write.ts';
import { loadGraph, openTestDatabase, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-export-'));
let fileNo = 0;
const newPath = () => join(dir, `export-${fileNo++}.json`);

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function exportTo(path: string, pageSize?: number) {
  const writer = await TiersightWriter.toFile(path);
  return exportGraph(
    new ExportRepository(db.executor),
    db.imports.runs,
    writer,
    pageSize ? { pageSize } : {},
  );
}

async function importFile(path: string, reset: boolean) {
  const outcome = await importGraph(fileSource(path), db.imports, {
    origin: TEST_ORIGIN,
    reset,
    settleMs: 0,
  });
  if (!outcome.ok) throw new Error(outcome.validation.problems.map(formatProblem).join('\n'));
  return outcome;
}

/** Exports, empties the database, imports the export, and returns the dumps before and after. */
async function roundTrip(pageSize?: number) {
  const before = await dumpGraph(db.driver);
  const path = newPath();
  const exported = await exportTo(path, pageSize);
  const imported = await importFile(path, true);
  expect(imported.written).toEqual(exported.written);
  return { before, after: await dumpGraph(db.driver), path, exported };
}

const grants = () => new ShareRepository(db.executor);

// Each case exports, resets and imports: allow for a machine shared with other work.
describe('export and re-import give the same graph', { timeout: 300_000 }, () => {
  it('the demo scenario, with shares granted and revoked through the API (audit trail included)', async () => {
    await loadDemoScenario(db.imports, true);
    const granted = await grants().grant(
      {
        id: 'share-api-1',
        ownerId: 'us-dell',
        recipientId: 'no-atea',
        recipientMerged: false,
        scope: 'SOURCING',
        linkIds: null,
        disclosureIds: null,
        expiresAt: new Date('2031-01-01T00:00:00Z'),
        now: new Date('2025-03-04T05:06:07.891Z'),
        actorUserId: 'dell-admin@example.com',
      },
      {},
    );
    expect(granted).toHaveProperty('id', 'share-api-1');
    await grants().revoke(
      { id: 'share-api-1', ownerId: 'us-dell', now: new Date('2025-04-01T00:00:00Z'), actorUserId: 'u2' },
      {},
    );
    await grants().revoke(
      { id: 's-atea-sthlm', ownerId: 'se-atea', now: new Date('2025-05-01T00:00:00Z'), actorUserId: 'u3' },
      {},
    );

    const { before, after } = await roundTrip();
    // One GRANTED the import recorded for each of the demo's seven shares, three through the API.
    expect(before.filter((line) => /^\(ShareEvent .*\)-\[:OF /.test(line))).toHaveLength(10);
    expect(after).toEqual(before);
  });

  it('links declared, amended and ended through the API, their audit trail included', async () => {
    await loadDemoScenario(db.imports, true);
    const sourcing = new SourcingRepository(db.executor);
    const atea = (now: string) => ({
      viewer: 'se-atea',
      userId: 'atea-buyer@example.com',
      now: new Date(now),
    });
    const declared = await sourcing.declareNew(
      'api-nordic-cables',
      { name: 'Nordic Cables AB', type: 'FACTORY', country: 'SE', city: 'Gävle' },
      { id: 'api-link-1', products: ['cables'], validFrom: new Date('2025-01-01T00:00:00Z'), validTo: null },
      atea('2025-02-03T04:05:06.789Z'),
      {},
    );
    expect(declared).toHaveProperty('id', 'api-link-1');
    const successor = {
      id: 'api-link-2',
      products: ['cables', 'chargers'],
      validFrom: new Date('2025-03-01T00:00:00Z'),
      validTo: null,
    };
    await sourcing.change(
      'api-link-1',
      atea('2025-03-01T00:00:00Z'),
      () => ({ kind: 'amend', endAt: new Date('2025-03-01T00:00:00Z'), successor }),
      {},
    );
    await sourcing.change(
      'api-link-2',
      atea('2025-06-01T00:00:00Z'),
      () => ({ kind: 'end', validTo: new Date('2025-07-01T00:00:00Z') }),
      {},
    );

    const { before, after, path } = await roundTrip();
    expect(before.filter((line) => line.includes(')-[:SOURCING_EVENT ')).length).toBe(3);
    expect(after).toEqual(before);
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      links: { id: string; events?: { action: string }[] }[];
    };
    const trail = (id: string) => file.links.find((l) => l.id === id)?.events?.map((e) => e.action);
    expect([trail('api-link-1'), trail('api-link-2')]).toEqual([['DECLARED', 'AMENDED'], ['ENDED']]);
    expect(file.links.filter((l) => l.events !== undefined)).toHaveLength(2);
  });

  it('merge records, also of a chain of merges: old ids still resolve after a restore', async () => {
    await loadDemoScenario(db.imports, true);
    await db.driver.executeQuery(
      `UNWIND ['dell-dup-1', 'dell-dup-2'] AS id
       CREATE (:Organization {id: id, name: 'Dell Inc.', type: 'BRAND', country: 'US'})`,
    );
    const merges = new MergeRepository(db.executor);
    const merge = (mergeId: string, keepId: string, at: string) =>
      merges.merge({ keepId, mergeId, at: new Date(at), actorUserId: 'operator@example.com' }, () => {}, {});
    await merge('dell-dup-1', 'dell-dup-2', '2025-01-02T03:04:05.678Z');
    await merge('dell-dup-2', 'us-dell', '2025-02-01T00:00:00Z');

    const { before, after, path } = await roundTrip();
    expect(after).toEqual(before);
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      merges: { id: string; into: string; mergedInto: string }[];
    };
    expect(file.merges.map(({ id, into, mergedInto }) => [id, into, mergedInto])).toEqual([
      ['dell-dup-1', 'us-dell', 'dell-dup-2'],
      ['dell-dup-2', 'us-dell', 'us-dell'],
    ]);

    // An import may no longer give a merged id to an organization: lookups would never reach it.
    const outcome = await importGraph(
      documentSource({
        format: 'tiersight/v1',
        organizations: [{ id: 'dell-dup-1', name: 'Dell Inc.', type: 'BRAND', country: 'US' }],
        merges: [
          { ...file.merges[1], id: 'se-atea' },
          { ...file.merges[1], id: 'new-dup', into: 'nowhere' },
        ],
      }),
      db.imports,
      { origin: TEST_ORIGIN, settleMs: 0 },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.validation.problems.map(formatProblem)).toEqual([
      `organizations[0] (id "dell-dup-1"): "dell-dup-1" was merged into "us-dell"; name that organization instead (its old id resolves to it)`,
      `merges[0] (id "se-atea"): "se-atea" is an organization in the database: a merged id is no organization's id`,
      `merges[1] (id "new-dup"): into "nowhere" is not an organization in the file or the database`,
    ]);
    expect(await dumpGraph(db.driver)).toEqual(after);
  });

  it('a generated graph, read in pages of 97 records: the same file as one large page', async () => {
    const generated = newPath();
    await writeGraphFile({ orgs: 1_000, seed: 11, out: generated });
    await importFile(generated, true);

    const { before, after, path, exported } = await roundTrip(97);
    expect(after).toEqual(before);
    expect(exported.written.links).toBeGreaterThan(3_000);

    const whole = newPath();
    await exportTo(whole, 1_000_000);
    expect(readFileSync(whole, 'utf8')).toBe(readFileSync(path, 'utf8'));
  });

  it('every field the importer reads, with offsets and fractions of seconds kept', async () => {
    await loadGraph(
      db,
      graph()
        .org('p', 'PURCHASER', {
          name: 'Region "Quoted" Ünïcode',
          city: 'Stockholm',
          region: 'Stockholms län',
          latitude: 59.3293,
          longitude: 18.0686,
          osId: 'SE2020123ABCDEF',
          aliases: ['RS', 'Region Sthlm'],
          provenance: 'DOCUMENTED',
          sources: ['https://example.org/a', 'Report, 2020'],
        })
        .org('r', 'RESELLER', { country: 'NO' })
        .org('b', 'BRAND', { country: 'US', provenance: 'ILLUSTRATIVE' })
        .org('m', 'MONITOR', { country: 'NL' })
        .link('r', 'p', {
          products: ['laptops', 'servers'],
          validFrom: '2014-09-15',
          validTo: '2030-01-01T12:30:00.123456789+02:00',
          provenance: 'REPORTED',
          sources: ['Contract 2014'],
        })
        .link('b', 'r', { id: 'b>r#2', validFrom: '2019-06-01T08:00:00-05:00' })
        .link('b', 'r')
        .share('r', 'p', {
          linkIds: ['b>r', 'b>r#2'],
          createdAt: '2020-02-02T10:00:00.5+01:00',
          expiresAt: '2035-01-01',
          revokedAt: '2024-07-07T07:07:07Z',
          events: [
            {
              action: 'GRANTED',
              at: '2020-02-02T10:00:00.5+01:00',
              actorUserId: 'u1',
              actorOrganizationId: 'r',
            },
            { action: 'REVOKED', at: '2024-07-07T07:07:07Z', actorUserId: 'u2', actorOrganizationId: 'r' },
          ],
        })
        .share('b', 'm')
        .risk('b', {
          kind: 'WATCHLIST',
          severity: 'CRITICAL',
          description: 'Listed',
          evidenceUrl: 'https://example.org/list',
          observedAt: '2021-03-01T00:00:00+08:00',
        })
        .risk('r')
        .risk('m', { kind: 'WATCHLIST', listEntryId: 'csl-1234', delistedAt: '2026-01-01T00:00:00+01:00' })
        .build(),
    );
    const { before, after } = await roundTrip(2);
    expect(after).toEqual(before);
    expect(before.join('\n')).toContain('"validTo":"@2030-01-01T12:30:00.123456789+02:00"');
    expect(before.join('\n')).toContain('"delistedAt":"@2026-01-01T00:00:00+01:00"');

    // Importing the export again over the same graph changes nothing (upsert by id, trail replaced).
    const path = newPath();
    await exportTo(path);
    await importFile(path, false);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('access requests, made through the API and imported: status, clock, reasons, events and granted shares', async () => {
    await loadGraph(db, {
      ...graph()
        .org('buyer', 'PURCHASER')
        .org('reseller', 'RESELLER')
        .org('brand', 'BRAND')
        .link('reseller', 'buyer')
        .link('brand', 'reseller')
        .share('reseller', 'buyer', { id: 'granted-share', createdAt: '2024-02-01T09:00:00+01:00' })
        .build(),
      accessRequests: [
        {
          id: 'ar-imported',
          requester: 'buyer',
          target: 'reseller',
          scope: 'BOTH',
          products: ['laptops'],
          message: 'Whose factories?',
          sentAt: '2024-01-10T08:00:00.123+01:00',
          status: 'GRANTED',
          closedAt: '2024-02-01T09:00:00+01:00',
          shareIds: ['granted-share'],
        },
      ],
    });
    const asBuyer = new AccessRequestService(
      new AccessRequestRepository(db.executor),
      { userId: 'u-buyer', organizationId: 'buyer', roles: ['analyst'] },
      { viewerId: 'buyer', instant: new Date('2025-01-02T03:04:05.678Z'), historical: false, context: {} },
    );
    const asReseller = new AccessRequestService(
      new AccessRequestRepository(db.executor),
      { userId: 'u-reseller', organizationId: 'reseller', roles: ['supplier_admin'] },
      { viewerId: 'reseller', instant: new Date('2025-01-03T00:00:00Z'), historical: false, context: {} },
    );
    const declined = await asBuyer.request({
      organizationId: 'reseller',
      scope: 'DISCLOSURES',
      products: ['x'],
      message: 'm',
    });
    await asReseller.answer({
      id: declined.id,
      decision: 'DECLINE',
      reason: 'not yet',
      dueAt: null,
      linkIds: null,
      disclosureIds: null,
      expiresAt: null,
    });
    const granted = await asBuyer.request({
      organizationId: 'reseller',
      scope: 'BOTH',
      products: null,
      message: 'again',
    });
    await asReseller.answer({
      id: granted.id,
      decision: 'GRANT',
      reason: 'here you are',
      dueAt: null,
      linkIds: ['brand>reseller'],
      disclosureIds: null,
      expiresAt: '2031-01-01T00:00:00Z',
    });
    const withdrawn = await asBuyer.request({
      organizationId: 'reseller',
      scope: 'BOTH',
      products: null,
      message: null,
    });
    await asBuyer.withdraw(withdrawn.id);
    // Last: it stays open, and no open request may overlap it (BOTH asks for its sourcing share too).
    const extended = await asBuyer.request({
      organizationId: 'reseller',
      scope: 'SOURCING',
      products: [],
      message: null,
    });
    await asReseller.answer({
      id: extended.id,
      decision: 'EXTEND',
      reason: 'after the audit',
      dueAt: '2025-02-20T00:00:00Z',
      linkIds: null,
      disclosureIds: null,
      expiresAt: null,
    });

    const { before, after } = await roundTrip(2);
    expect(before.filter((line) => /^\(AccessRequest \{.*\}\)$/.test(line))).toHaveLength(5);
    expect(before.filter((line) => /^\(AccessRequestEvent \{.*\}\)$/.test(line))).toHaveLength(10);
    expect(before.filter((line) => line.includes(':RESULTED_IN'))).toHaveLength(3);
    expect(after).toEqual(before);
  });

  it('an empty database: a file with empty sections that imports to an empty database', async () => {
    await db.imports.deleteAllData();
    const { before, after, path } = await roundTrip();
    expect(before).toEqual([]);
    expect(after).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      format: 'tiersight/v1',
      organizations: [],
      links: [],
      shares: [],
      risks: [],
      disclosures: [],
      accessRequests: [],
      merges: [],
      screeningCandidates: [],
    });
  });
});

describe('a graph that changes while it is exported', () => {
  it('is reported, so the operator knows the pages may not fit together', async () => {
    await loadGraph(db, graph().org('a').org('b').link('a', 'b').build());
    const quietExport = await exportTo(newPath());
    expect(quietExport.quiet).toBe(true);

    // A real write between two sections: an organization the organizations pages have already passed.
    class WrittenMeanwhile extends ExportRepository {
      override async *pages(section: Section, pageSize: number) {
        yield* super.pages(section, pageSize);
        if (section === 'organizations')
          await db.driver.executeQuery(
            `CREATE (:Organization {id: '0', name: 'Late', type: 'BRAND', country: 'SE'})`,
          );
      }
    }
    const busy = await exportGraph(
      new WrittenMeanwhile(db.executor),
      db.imports.runs,
      await TiersightWriter.toFile(newPath()),
    );
    expect(busy.quiet).toBe(false);
    expect(busy.written.organizations).toBe(2);
  });
});

describe('an unfinished import', () => {
  const start = () =>
    db.imports.runs.begin({
      source: '/data/g.json',
      command: 'tiersight import /data/g.json',
      reset: false,
      total: 5,
    });

  it('is refused before anything is read, and nothing is written', async () => {
    await loadGraph(db, graph().org('a').org('b').link('a', 'b').build());
    const run = await start();
    const subdir = mkdtempSync(join(dir, 'unfinished-'));
    try {
      await expect(exportTo(join(subdir, 'out.json'))).rejects.toThrow(
        /^the import of \/data\/g\.json started at .* has not finished, so the store holds part of it\. Let it finish \(if it is not running, run `tiersight import \/data\/g\.json`\), then export$/,
      );
      expect(readdirSync(subdir)).toEqual([]);
    } finally {
      await db.imports.runs.finish(run);
    }
    await expect(exportTo(join(subdir, 'out.json'))).resolves.toHaveProperty('quiet', true);
  });

  it('that starts while the graph is exported fails the export, and nothing is written', async () => {
    await loadGraph(db, graph().org('a').org('b').link('a', 'b').build());
    const started: ImportRun[] = [];
    class ImportedMeanwhile extends ExportRepository {
      override async *pages(section: Section, pageSize: number) {
        yield* super.pages(section, pageSize);
        if (section === 'links') started.push(await start());
      }
    }
    const subdir = mkdtempSync(join(dir, 'during-'));
    try {
      const writer = await TiersightWriter.toFile(join(subdir, 'out.json'));
      await expect(exportGraph(new ImportedMeanwhile(db.executor), db.imports.runs, writer)).rejects.toThrow(
        /^an import of \/data\/g\.json started at .*, while the graph was being exported\. Export again once it has finished$/,
      );
      expect(readdirSync(subdir)).toEqual([]);
    } finally {
      for (const run of started) await db.imports.runs.finish(run);
    }
  });
});

describe('a record the format cannot hold', () => {
  it('stops the export with the record named, and leaves no file behind', async () => {
    await loadGraph(db, graph().org('a').org('b').link('a', 'b').build());
    await db.driver.executeQuery(
      `CREATE (:Organization {id: 'broken', name: 'B', type: 'SUPPLIER', country: 'SE'})`,
    );
    const subdir = mkdtempSync(join(dir, 'bad-'));
    const path = join(subdir, 'out.json');
    // Pages of one: the bad record arrives in a page read ahead while the previous one is written.
    await expect(exportTo(path, 1)).rejects.toThrow(
      /^organizations record "broken" cannot be written as tiersight\/v1: type must be one of .*got "SUPPLIER"$/,
    );
    expect(readdirSync(subdir)).toEqual([]);
  });
});

describe('the command', () => {
  const savedUri = process.env['NEO4J_URI'];
  beforeAll(async () => {
    process.env['NEO4J_URI'] = neo4jUri();
    await loadDemoScenario(db.imports, true);
  });
  afterAll(() => {
    if (savedUri === undefined) delete process.env['NEO4J_URI'];
    else process.env['NEO4J_URI'] = savedUri;
  });

  it('--out FILE writes the file; without --out the same document goes to stdout and nothing else does', async () => {
    const path = newPath();
    await run(['--out', path]);
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'tiersight.js'), 'export'],
      { env: { ...process.env, NEO4J_URI: neo4jUri() }, maxBuffer: 64 << 20 },
    );
    expect(stdout).toBe(readFileSync(path, 'utf8'));
    const d = DEMO_SCENARIO;
    const counts =
      `${d.organizations.length} organizations, ${d.links.length} links, ${d.shares.length} shares, ` +
      `${d.risks.length} risks, ${d.disclosures?.length ?? 0} disclosures, ${d.accessRequests?.length ?? 0} accessRequests, 0 merges, ` +
      `0 screeningCandidates`;
    expect(stderr).toMatch(
      new RegExp(`^Exported ${counts} to standard output \\([\\d.]+ MB\\) in [\\d.]+ s`, 'm'),
    );
  });

  it('names a file it cannot write and writes nothing', async () => {
    const path = join(dir, 'no-such-dir', 'out.json');
    await expect(run(['--out', path])).rejects.toThrow(
      `export: cannot write "${path}": its directory does not exist`,
    );
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});
