// Migration 017 at start-up: a listed card stored with the directory terms of before (no split or
// joined words), or with none (listed before terms existed), is found by the searches that only the
// new terms serve once the migration has run, in every batch of its walk; an unlisted record gets no
// terms.
import { beforeAll, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const DIRECTORY = `query($search: String) { directory(search: $search, first: 100) { edges { node { id } } } }`;
const found = async (search: string) => {
  const response = await t.api.query('buyer', DIRECTORY, { search });
  expect(response.errors).toBeUndefined();
  const page = response.data!['directory'] as { edges: { node: { id: string } }[] };
  return page.edges.map((e) => e.node.id);
};

/** More listed cards than one batch of the migration, before the ones searched for (ids in order). */
const FILLERS = 1_005;

/** The terms the directory stored before they held split and joined words. */
const OLD_TERMS: Record<string, string[] | null> = {
  'z-ew': ['electronics', 'watch'],
  'z-danwatch': ['danwatch'],
  'z-ofilm': ['ofilm', 'reels'],
  'z-luxin': ['nanchang', 'lu', 'xin'],
  'z-bare': null,
};

/** Searches that only the new terms of a card serve. */
const SEARCHES = [
  ['dan watch', 'z-danwatch'],
  ['o film reels', 'z-ofilm'],
  ['LUXIN', 'z-luxin'],
  ['metal', 'z-bare'],
] as const;

beforeAll(async () => {
  let g = graph()
    .org('buyer', 'PURCHASER')
    .org('z-ew', 'MONITOR', { name: 'Electronics Watch', listed: true })
    .org('z-danwatch', 'MONITOR', { name: 'DanWatch', listed: true })
    .org('z-ofilm', 'FACTORY', { name: 'O-Film Reels', listed: true })
    .org('z-luxin', 'FACTORY', { name: 'Nanchang Lu Xin', listed: true })
    .org('z-bare', 'FACTORY', { name: 'Bare-Metal Works', listed: true })
    .org('z-hidden', 'FACTORY', { name: 'Hidden-Metal Watch' });
  for (let i = 0; i < FILLERS; i++)
    g = g.org(`a${String(i).padStart(4, '0')}`, 'FACTORY', { name: `Filler-Factory ${i}`, listed: true });
  await loadGraph(t.db, g.build());
  await t.db.driver.executeQuery(
    `UNWIND $cards AS card MATCH (o:Organization {id: card.id}) SET o.directoryTerms = card.terms`,
    { cards: Object.entries(OLD_TERMS).map(([id, terms]) => ({ id, terms })) },
  );
});

it('finds nothing by the new readings while a card holds its old terms', async () => {
  for (const [search] of SEARCHES) expect(await found(search), search).toEqual([]);
});

it('finds every card by them once the migration has run at start-up, on replicas at once, and nothing it did not list', async () => {
  const migration = MIGRATIONS.find((m) => m.id.endsWith('-directory-terms-split-and-joined'))!;
  await t.db.driver.executeQuery('MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: migration.id });
  // Replicas that start together run it at once, each locking its batches.
  const replicas = Array.from(
    { length: 3 },
    () => new Executor(t.db.driver, { transactionTimeoutMs: 60_000 }),
  );
  await Promise.all(replicas.map((executor) => migrate(executor)));

  for (const [search, id] of SEARCHES) expect(await found(search), search).toEqual([id]);
  // The search's own split reading needs nothing of the migration.
  expect(await found('Electronics-Watch')).toEqual(['z-ew']);
  expect(await found('hidden')).toEqual([]);
  expect(await found('zzyzx')).toEqual([]);
  const { records } = await t.db.driver.executeQuery(
    `MATCH (o:Organization)
     RETURN coalesce(o.listed, false) AS listed, count(o) AS cards, count(o.directoryTerms) AS withTerms,
            sum(CASE WHEN 'filler' IN o.directoryTerms AND 'factory' IN o.directoryTerms THEN 1 ELSE 0 END) AS split
     ORDER BY listed`,
  );
  expect(records.map((r) => r.toObject())).toEqual([
    { listed: false, cards: 2, withTerms: 0, split: 0 },
    { listed: true, cards: FILLERS + 5, withTerms: FILLERS + 5, split: FILLERS },
  ]);
});
