// The disclosures about an organization the viewer sees only as a card (a listed organization's
// directory card, an identity card) are none, asked for now: rule 8 shows only those about an
// organization the viewer may look up. So no statement reads them: one would read every disclosure
// about it that others were shown, and its work would tell how many there are.
import { beforeAll, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  // L5 is listed and published five disclosures about itself, shared with o only.
  let built = viewerChain().org('L5', 'BRAND', { listed: true }).org('o', 'PURCHASER');
  built = built.share('L5', 'o', { id: 'share-L5-o', scope: 'DISCLOSURES' });
  for (let i = 0; i < 5; i++) built = built.disclosure('L5', 'L5', { id: `d-L5-${i}` });
  await loadGraph(t.db, built.build());
});

it("reads no disclosure about a listed organization's directory card, asked for now", async () => {
  const units: string[] = [];
  const stop = t.db.executor.observe((unit) => units.push(unit));
  try {
    const card = ok<{ id: string; disclosures: unknown[] } | null>(
      await t.api.query('v', `{ organization(id: "L5") { id disclosures { id } } }`),
      'organization',
    );
    expect(card).toEqual({ id: 'L5', disclosures: [] });
  } finally {
    stop();
  }
  expect(units).not.toContain('disclosure.about');
});

it('answers them to a viewer that may look the organization up (its shares make it a root of o)', async () => {
  const record = ok<{ disclosures: unknown[] }>(
    await t.api.query('o', `{ organization(id: "L5") { disclosures { id } } }`),
    'organization',
  );
  expect(record.disclosures).toHaveLength(5);
});
