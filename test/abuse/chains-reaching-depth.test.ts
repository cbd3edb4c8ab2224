// chainsReaching's walk starts from every root of the viewer at once, and every link
// disclosed to the viewer ends at a root (or starts at the viewer): so whatever maxDepth asks, the
// walk reaches all it will within two steps, and the work of maxDepth 20 is that of maxDepth 2, for a
// viewer with hundreds of roots too. Measured in PROFILE db hits (test/support/profile.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/exposure/exposure-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { profiled } from '../support/profile.ts';

let db: TestDatabase;
const OWNERS = 300;

beforeAll(async () => {
  db = await openTestDatabase();
  // v is shared with by 300 brands, each sharing all its sourcing; brand i buys from brand i+1 and
  // from two factories of its own, so the chains run 300 tiers deep through the roots.
  const built = graph().org('v', 'PURCHASER');
  for (let i = 0; i < OWNERS; i++) {
    built.org(`b${i}x`, 'BRAND').share(`b${i}x`, 'v').busySuppliers(`b${i}x`, 2);
    if (i > 0) built.link(`b${i}x`, `b${i - 1}x`);
  }
  built.link('b0x', 'v');
  await loadGraph(db, built.build());
}, 120_000);

afterAll(async () => {
  await db?.close();
});

const params = {
  viewer: 'v',
  t: toNeo4jDateTime(new Date()),
  historical: false,
  product: null,
  toId: 'b150x0',
};

it('costs at maxDepth 20 what it costs at maxDepth 2', async () => {
  const hits: Record<number, number> = {};
  for (const depth of [2, 10, 20]) {
    const { hits: h, records } = await profiled(db, `analysis.chainsReaching.depth${depth}`, params);
    hits[depth] = h;
    expect(records[0]?.get('crossed')).not.toHaveLength(0);
  }
  console.log('chainsReaching db hits by depth', hits);
  expect(hits[20]).toBe(hits[2]);
});
