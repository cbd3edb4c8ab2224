import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { captured } from '../support/captured-command.ts';
import { run } from '../../src/cli/commands/screen.ts';
import { watchlistIndicatorId } from '../../src/modules/screening/indicator-naming.ts';
import { screen } from '../../src/modules/screening/screen.ts';
import { ScreeningRepository } from '../../src/modules/screening/screening-repository.ts';
import { parseWatchList } from '../../src/modules/screening/readers/tiersight-csv.ts';
import { countAll, loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';
import { subjectsOf } from '../support/subject-labels.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-screen-'));
let fileNo = 0;
const writeList = (text: string): string => {
  const path = join(dir, `list-${fileNo++}.csv`);
  writeFileSync(path, text);
  return path;
};

const ENTITY_LIST = 'US Department of Commerce, BIS Entity List';
const OTHER_LIST = 'Example forced-labour list';
const LIST = [
  'name,aliases,effective_date,source',
  `"Nanchang O-Film Tech Co., Ltd.",,2020-07-22,"${ENTITY_LIST}"`,
  `SHENZHEN ACME PRECISION COMPANY LIMITED,Acme Precision Shenzhen,2021-03-01,${OTHER_LIST}`,
  `"Hypro Electric Co., Ltd.",,2021-03-01,${OTHER_LIST}`,
].join('\r\n');

const testGraph = () =>
  graph()
    .org('cn-ofilm', 'MANUFACTURER', {
      name: 'O-Film Technology',
      country: 'CN',
      aliases: ['OFILM', 'O-Film Tech'],
    })
    .org('cn-ofilm-nanchang', 'FACTORY', {
      name: 'OFILM, Nanchang',
      country: 'CN',
      aliases: ['Nanchang O-Film Tech'],
    })
    .org('cn-acme', 'FACTORY', { name: 'Shenzhen Acme Precision Co., Ltd.', country: 'CN' })
    .org('cn-hipro', 'FACTORY', { name: 'Hipro Electronics, Dongguan', country: 'CN' })
    .org('us-brand', 'BRAND', { name: 'Acme Brands Inc.', country: 'US' })
    .link('cn-ofilm-nanchang', 'cn-ofilm')
    .link('cn-acme', 'us-brand')
    .link('cn-hipro', 'us-brand')
    .risk('cn-hipro', { kind: 'REPORT', source: 'Earlier report' })
    .build();

interface StoredIndicator {
  organization: string;
  id: string;
  kind: string;
  source: string;
  severity: string;
  description: string | null;
  observedAt: string | null;
}

async function watchlistIndicators(): Promise<StoredIndicator[]> {
  const { records } = await db.driver.executeQuery(
    `MATCH (o:Organization)-[:HAS_RISK]->(r:RiskIndicator {kind: 'WATCHLIST'})
     RETURN o.id AS organization, r.id AS id, r.kind AS kind, r.source AS source, r.severity AS severity,
            r.description AS description, toString(r.observedAt) AS observedAt
     ORDER BY organization, id`,
  );
  return records.map((r) => r.toObject() as StoredIndicator);
}

/** When each WATCHLIST indicator was first recorded, in ms since the epoch, by id. */
async function recordedAt(): Promise<Record<string, number>> {
  const { records } = await db.driver.executeQuery(
    `MATCH (r:RiskIndicator {kind: 'WATCHLIST'}) RETURN r.id AS id, r.recordedAt.epochMillis AS at`,
  );
  return Object.fromEntries(records.map((r) => [r.get('id') as string, r.get('at') as number]));
}

const runCommand = (args: string[]) => captured(run, args);

const savedUri = process.env['NEO4J_URI'];
beforeAll(async () => {
  db = await openTestDatabase();
  process.env['NEO4J_URI'] = neo4jUri();
});
afterAll(async () => {
  if (savedUri === undefined) delete process.env['NEO4J_URI'];
  else process.env['NEO4J_URI'] = savedUri;
  await db.close();
});
beforeEach(async () => {
  await loadGraph(db, testGraph());
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('tiersight screen', () => {
  it('--json prints only the array of matches, in the documented shape', async () => {
    const { stdout, stderr } = await runCommand([writeList(LIST), '--json']);
    const parsed = JSON.parse(stdout) as unknown;
    expect(parsed).toEqual([
      {
        organizationId: 'cn-ofilm-nanchang',
        organizationName: 'OFILM, Nanchang',
        entry: 'Nanchang O-Film Tech Co., Ltd.',
        score: 1,
        review: false,
        explanation: [
          'names: "Nanchang O-Film Tech" ~ "Nanchang O-Film Tech Co., Ltd."',
          'name score 1.000: same words',
          'score 1.000',
        ],
      },
      {
        organizationId: 'cn-acme',
        organizationName: 'Shenzhen Acme Precision Co., Ltd.',
        entry: 'SHENZHEN ACME PRECISION COMPANY LIMITED',
        score: 1,
        review: false,
        explanation: [
          'names: "Shenzhen Acme Precision Co., Ltd." ~ "SHENZHEN ACME PRECISION COMPANY LIMITED"',
          'name score 1.000: same words',
          'score 1.000',
        ],
      },
    ]);
    for (const item of parsed as Record<string, unknown>[]) {
      expect(Object.keys(item)).toEqual([
        'organizationId',
        'organizationName',
        'entry',
        'score',
        'review',
        'explanation',
      ]);
    }
    expect(stderr).toMatch(/Screened 5 organization\(s\) against 3 list entries at threshold 0\.9: 2 match/);
    // Screening alone writes nothing.
    expect(await watchlistIndicators()).toEqual([]);
  });

  it('prints a table without --json', async () => {
    const { stdout } = await runCommand([writeList(LIST)]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SCORE\s+REVIEW\s+ORGANIZATION\s+NAME\s+ENTRY\s+MATCHED NAMES$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['1.000', 'cn-ofilm-nanchang'],
      ['1.000', 'cn-acme'],
    ]);
  });

  it('--apply records each match as a WATCHLIST indicator with the source and date, idempotently', async () => {
    const before = await countAll(db);
    const started = Date.now();
    const first = await runCommand([writeList(LIST), '--apply', '--severity', 'CRITICAL']);
    // Recorded by this run, at one instant (asOf an earlier instant does not show them).
    const recorded = await recordedAt();
    const instants = new Set(Object.values(recorded));
    expect(instants.size).toBe(1);
    expect([...instants][0]).toBeGreaterThanOrEqual(started);
    expect(first.stderr).toMatch(
      /Recorded 2 WATCHLIST indicator\(s\) with severity CRITICAL \(2 new, 0 already/,
    );
    const expected = [
      {
        organization: 'cn-acme',
        id: watchlistIndicatorId('cn-acme', 'SHENZHEN ACME PRECISION COMPANY LIMITED', OTHER_LIST),
        kind: 'WATCHLIST',
        source: OTHER_LIST,
        severity: 'CRITICAL',
        description: expect.stringContaining('"SHENZHEN ACME PRECISION COMPANY LIMITED"') as unknown,
        observedAt: '2021-03-01T00:00:00Z',
      },
      {
        organization: 'cn-ofilm-nanchang',
        id: watchlistIndicatorId('cn-ofilm-nanchang', 'Nanchang O-Film Tech Co., Ltd.', ENTITY_LIST),
        kind: 'WATCHLIST',
        source: ENTITY_LIST,
        severity: 'CRITICAL',
        description: expect.stringContaining('"Nanchang O-Film Tech Co., Ltd."') as unknown,
        observedAt: '2020-07-22T00:00:00Z',
      },
    ];
    expect(await watchlistIndicators()).toEqual(expected);
    expect((await countAll(db)).risks).toBe((before.risks ?? 0) + 2);

    // The parent and the similarly named firm are not flagged.
    const ids = (await watchlistIndicators()).map((i) => i.organization);
    expect(ids).not.toContain('cn-ofilm');
    expect(ids).not.toContain('cn-hipro');
    // The flagged organizations are risk subjects, read by the chains' indicator reads.
    const subjects = await subjectsOf(db, 'RiskSubject');
    expect(subjects.labelled).toEqual(subjects.holding);
    expect(subjects.labelled).toEqual(expect.arrayContaining(['cn-acme', 'cn-ofilm-nanchang']));

    // A second run finds them present and writes nothing at all.
    const afterFirst = await dumpGraph(db.driver);
    const second = await runCommand([writeList(LIST), '--apply', '--severity', 'CRITICAL', '--json']);
    expect(JSON.parse(second.stdout)).toHaveLength(2);
    expect(second.stderr).toMatch(/Recorded 2 WATCHLIST indicator\(s\) .*\(0 new, 2 already present\)/);
    expect(await watchlistIndicators()).toEqual(expected);
    expect(await recordedAt()).toEqual(recorded);
    expect(await dumpGraph(db.driver)).toEqual(afterFirst);
  });

  it('--source replaces the list source, and the default severity is HIGH', async () => {
    await runCommand([writeList(LIST), '--apply', '--source', 'Screening list v2']);
    const stored = await watchlistIndicators();
    expect(stored.map((i) => [i.organization, i.source, i.severity])).toEqual([
      ['cn-acme', 'Screening list v2', 'HIGH'],
      ['cn-ofilm-nanchang', 'Screening list v2', 'HIGH'],
    ]);
  });

  it('writes nothing when no match passes the threshold', async () => {
    const before = await dumpGraph(db.driver);
    const text = [
      'name,aliases,effective_date,source',
      `Nanchang O-Film Display Tech,,2020-07-22,"${ENTITY_LIST}"`,
      `Hypro Electric Co.,,2021-03-01,${OTHER_LIST}`,
      `Acme Holdings Ltd,,2021-03-01,${OTHER_LIST}`,
    ].join('\n');
    const { entries, problems } = parseWatchList(text);
    expect(problems).toEqual([]);
    const outcome = await screen(new ScreeningRepository(db.executor), entries, {
      threshold: 0.9,
      certain: 0.97,
      apply: true,
      severity: 'HIGH',
    });
    expect(outcome).toMatchObject({
      organizations: 5,
      entries: 3,
      matches: [],
      recorded: { recorded: 0, created: 0 },
    });
    expect(await dumpGraph(db.driver)).toEqual(before);

    const { stdout } = await runCommand([writeList(text), '--json', '--apply']);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('rejects a bad threshold, severity or list before touching the database', async () => {
    const file = writeList(LIST);
    await expect(runCommand([file, '--threshold', '1.5'])).rejects.toThrow(
      `screen: --threshold must be a number from 0 to 1, got "1.5"`,
    );
    await expect(runCommand([file, '--threshold', 'high'])).rejects.toThrow(`got "high"`);
    await expect(runCommand([file, '--severity', 'URGENT'])).rejects.toThrow(
      `screen: --severity must be one of LOW, MEDIUM, HIGH, CRITICAL, got "URGENT"`,
    );
    const bad = writeList('name,aliases,effective_date,source\n,,2020-01-01,List\nFoo,,2020-13-01,List\n');
    await expect(runCommand([bad, '--apply'])).rejects.toThrow('2 problem(s) found; nothing was screened');
    expect(await watchlistIndicators()).toEqual([]);
  });

  it('--apply records the topics a list gives in its topics column, and none where it gives none', async () => {
    const list = [
      'name,aliases,effective_date,source,topics',
      `"Nanchang O-Film Tech Co., Ltd.",,2020-07-22,"${ENTITY_LIST}",`,
      `SHENZHEN ACME PRECISION COMPANY LIMITED,,2021-03-01,${OTHER_LIST},FORCED_LABOUR;HARSH_TREATMENT`,
    ].join('\r\n');
    await runCommand([writeList(list), '--apply']);
    const { records } = await db.driver.executeQuery(
      `MATCH (o:Organization)-[:HAS_RISK]->(r:RiskIndicator {kind: 'WATCHLIST'})
       RETURN o.id AS organization, r.topics AS topics ORDER BY organization`,
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { organization: 'cn-acme', topics: ['FORCED_LABOUR', 'HARSH_TREATMENT'] },
      { organization: 'cn-ofilm-nanchang', topics: [] },
    ]);
  });
});
