// A watch-list entry its publisher has dropped (`delistedAt`, kept by `tiersight screen --apply`) is no
// longer an exposure finding from that day on; asOf before the delisting still finds it, and the
// organization's risks keep showing it, marked delisted.
import { beforeAll, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const EARLY = '2024-01-01T00:00:00Z';
const EXPOSURE = `query($asOf: DateTime) { exposure(asOf: $asOf) {
  findings { organization { id } indicators { source } } } }`;

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .link('brand', 'buyer', { recordedAt: EARLY })
      .link('factory', 'brand', { recordedAt: EARLY })
      .share('brand', 'buyer', { createdAt: EARLY })
      .risk('brand', {
        id: 'dropped',
        kind: 'WATCHLIST',
        source: 'Entity List',
        recordedAt: EARLY,
        listEntryId: 'el-1',
        delistedAt: '2025-06-01T00:00:00Z',
      })
      .risk('factory', {
        id: 'listed',
        kind: 'WATCHLIST',
        source: 'UFLPA',
        recordedAt: EARLY,
      })
      .build(),
  );
});

const findings = async (asOf?: string) => {
  const response = await t.api.query('buyer', EXPOSURE, { asOf });
  expect(response.errors).toBeUndefined();
  const { findings } = response.data!['exposure'] as {
    findings: { organization: { id: string }; indicators: { source: string }[] }[];
  };
  return findings
    .filter((f) => f.indicators.length > 0)
    .map((f) => ({ id: f.organization.id, sources: f.indicators.map((i) => i.source) }));
};

it('finds the delisted entry only before it was delisted', async () => {
  expect(await findings()).toEqual([{ id: 'factory', sources: ['UFLPA'] }]);
  expect(await findings('2025-01-01T00:00:00Z')).toEqual([
    { id: 'brand', sources: ['Entity List'] },
    { id: 'factory', sources: ['UFLPA'] },
  ]);
});

it("keeps the delisted entry among the organization's risks, marked", async () => {
  const response = await t.api.query('buyer', '{ organization(id: "brand") { risks { id delistedAt } } }');
  expect(response.errors).toBeUndefined();
  expect(response.data!['organization']).toEqual({
    risks: [{ id: 'dropped', delistedAt: '2025-06-01T00:00:00.000Z' }],
  });
});
