// `tiersight screen` with every sample list of seed/watchlists/, and `--apply` against a real Neo4j:
// re-applying changes nothing, and an entry that leaves its list is marked delisted (issue 14).
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captured } from '../support/captured-command.ts';
import { run } from '../../src/cli/commands/screen.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

let db: TestDatabase;
const SAMPLES = new URL('../../seed/watchlists/', import.meta.url);
const sample = (file: string) => new URL(file, SAMPLES).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-screen-lists-'));

const testGraph = () =>
  graph()
    .org('cn-ofilm', 'MANUFACTURER', { name: 'O-Film Technology', country: 'CN', aliases: ['OFILM'] })
    .org('cn-ofilm-nanchang', 'FACTORY', {
      name: 'OFILM, Nanchang',
      country: 'CN',
      aliases: ['Nanchang O-Film Tech'],
    })
    .org('cn-zorvath-kelan', 'FACTORY', { name: 'Zorvath Polysilicon (Kelan) Co., Ltd.', country: 'CN' })
    .org('cn-pelthane', 'FACTORY', { name: 'Pelthane Solar Materials Company Limited', country: 'CN' })
    .org('cn-halvique', 'MANUFACTURER', { name: 'Halvique Battery Technology Co Ltd', country: 'CN' })
    .org('de-sentorin', 'FACTORY', { name: 'Sentorin Precision Tooling GmbH', country: 'DE' })
    .org('cn-tarnwick', 'FACTORY', { name: 'Tarnwick Cotton Industrial Company', country: 'CN' })
    .org('us-brand', 'BRAND', { name: 'Example Brand Inc.', country: 'US' })
    .link('cn-ofilm-nanchang', 'cn-ofilm')
    .link('cn-ofilm', 'us-brand')
    .link('cn-pelthane', 'us-brand')
    .link('cn-halvique', 'us-brand')
    .build();

const runCommand = (args: string[]) => captured(run, args);

const matchedIds = async (args: string[]) => {
  const { stdout } = await runCommand([...args, '--json']);
  return [
    ...new Set((JSON.parse(stdout) as { organizationId: string }[]).map((m) => m.organizationId)),
  ].sort();
};

interface Stored {
  organization: string;
  listEntryId: string;
  source: string;
  delisted: boolean;
}
async function watchlistIndicators(): Promise<Stored[]> {
  const { records } = await db.driver.executeQuery(
    `MATCH (o:Organization)-[:HAS_RISK]->(r:RiskIndicator {kind: 'WATCHLIST'})
     RETURN o.id AS organization, r.listEntryId AS listEntryId, r.source AS source,
            r.delistedAt IS NOT NULL AS delisted
     ORDER BY organization, listEntryId`,
  );
  return records.map((r) => r.toObject() as Stored);
}

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

const CSL_MATCHES = ['cn-halvique', 'cn-ofilm-nanchang', 'cn-pelthane', 'cn-tarnwick', 'de-sentorin'];

describe('screening the sample lists of every format', () => {
  it.each([
    ['csl-sample.json', CSL_MATCHES],
    ['csl-sample.csv', CSL_MATCHES],
    ['csl-sample.tsv', CSL_MATCHES],
    ['opensanctions-sample.ftm.json', CSL_MATCHES],
    ['opensanctions-sample.targets.simple.csv', CSL_MATCHES],
    ['uflpa-entity-list-sample.html', ['cn-halvique', 'cn-pelthane', 'cn-tarnwick', 'cn-zorvath-kelan']],
    ['sample-entity-list.csv', ['cn-ofilm-nanchang']],
  ])('%s is detected, read and screened', async (file, expected) => {
    expect(await matchedIds([sample(file)])).toEqual(expected);
  });

  it('--format names the format, and a wrong one is refused before screening', async () => {
    expect(await matchedIds([sample('csl-sample.tsv'), '--format', 'csl'])).toEqual(CSL_MATCHES);
    await expect(runCommand([sample('csl-sample.tsv'), '--format', 'xml'])).rejects.toThrow(
      `screen: --format must be one of csl, ftm, opensanctions-csv, uflpa-html, tiersight, got "xml"`,
    );
    await expect(runCommand([sample('csl-sample.tsv'), '--format', 'ftm'])).rejects.toThrow(
      /problem\(s\) found; nothing was screened/,
    );
  });
});

describe('--apply with a list of the list’s own ids', () => {
  it('carries the list entry id and link, and a second run changes nothing', async () => {
    const first = await runCommand([sample('csl-sample.json'), '--apply']);
    expect(first.stderr).toMatch(
      /\(5 new, 0 already present\); 0 candidate\(s\) for review \(0 new\); 0 marked delisted/,
    );
    const stored = await watchlistIndicators();
    expect(stored.map((s) => s.organization)).toEqual(CSL_MATCHES);
    expect(stored.every((s) => s.source.startsWith('US Consolidated Screening List: ') && !s.delisted)).toBe(
      true,
    );
    const before = await dumpGraph(db.driver);
    // The same list in another of its formats is the same list: same ids, same indicators.
    for (const file of ['csl-sample.json', 'csl-sample.csv', 'csl-sample.tsv']) {
      const again = await runCommand([sample(file), '--apply']);
      expect(again.stderr).toMatch(/\(0 new, 5 already present\); .*; 0 marked delisted/);
      expect(await dumpGraph(db.driver)).toEqual(before);
    }
  });

  it('marks an indicator delisted when its entry leaves the list, and records it anew when it returns', async () => {
    const full = readFileSync(sample('uflpa-entity-list-sample.html'), 'utf8');
    await runCommand([sample('uflpa-entity-list-sample.html'), '--apply']);
    const shorter = join(dir, 'uflpa-without-pelthane.html');
    writeFileSync(shorter, full.replace(/<tr><td>Pelthane Solar[^\n]*\n/, ''));
    const started = Date.now();
    const removed = await runCommand([shorter, '--apply']);
    expect(removed.stderr).toMatch(/1 marked delisted/);
    expect((await watchlistIndicators()).filter((s) => s.delisted).map((s) => s.organization)).toEqual([
      'cn-pelthane',
    ]);
    const { records } = await db.driver.executeQuery(
      `MATCH (r:RiskIndicator {listEntryId: 'uflpa:pelthane-solar-materials-co-ltd'})
       RETURN r.delistedAt.epochMillis AS at`,
    );
    expect(records[0]?.get('at')).toBeGreaterThanOrEqual(started);
    // Applying the shorter list again changes nothing: the delisting date stays the first one.
    const delisted = await dumpGraph(db.driver);
    expect((await runCommand([shorter, '--apply'])).stderr).toMatch(/0 marked delisted/);
    expect(await dumpGraph(db.driver)).toEqual(delisted);
    // Another list's indicators are not touched by this one.
    await runCommand([sample('csl-sample.json'), '--apply']);
    await runCommand([shorter, '--apply']);
    expect((await watchlistIndicators()).filter((s) => s.delisted).map((s) => s.organization)).toEqual([
      'cn-pelthane',
    ]);
    // Back on its list: a new indicator flags it, and the delisted one keeps saying when the entry was
    // off the list (a view asOf that time must not turn it into a finding again).
    await runCommand([sample('uflpa-entity-list-sample.html'), '--apply']);
    const pelthane = (await watchlistIndicators()).filter(
      (s) => s.listEntryId === 'uflpa:pelthane-solar-materials-co-ltd',
    );
    expect(pelthane.map((s) => s.delisted).sort()).toEqual([false, true]);
  });
});
