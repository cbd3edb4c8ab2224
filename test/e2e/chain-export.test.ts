/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard's "Export file" in Chromium on the demo scenario: Region Stockholm downloads its chain
// as GraphML and as CSV (with the byte order mark Excel needs), and the files parse back to what its
// page shows (Atea, Dell, Dell's factories at tier 3, with their risks); Oslo kommune's file holds
// only Atea AS. Skipped without Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readCsv, readGraphml, type ReadGraph } from '../support/chain-files.ts';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, ARTIFACTS, describeInBrowser, screenshot, signInAsDemo } from './browser.ts';

const FACTORIES = DEMO_SCENARIO.links
  .filter((l) => l.customer === DEMO_IDS.dell && l.validTo === undefined)
  .map((l) => l.supplier)
  .filter((id) => DEMO_SCENARIO.organizations.find((o) => o.id === id)?.type === 'FACTORY');

describeInBrowser('dashboard file export', () => {
  const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

  async function exportAs(format: string, name: string): Promise<{ filename: string; text: string }> {
    await ui.page.selectOption('#export-format', format);
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('#export-file')]);
    const path = join(ARTIFACTS, name);
    await download.saveAs(path);
    await ui.page.locator('#status', { hasText: 'Exported' }).waitFor();
    return { filename: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  const tiers = (graph: ReadGraph) =>
    Object.fromEntries(graph.nodes.map((n) => [n.id, n.attributes['tier']]));

  it('downloads Region Stockholm’s chain as GraphML and CSV that parse back to its tiers', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('section.tier[data-tier="3"]').waitFor();
    await screenshot(ui.page, 'chain-export-controls');

    const graphml = await exportAs('GRAPHML', 'region-stockholm.graphml');
    expect(graphml.filename).toMatch(/^tiersight-chain-se-region-stockholm-\d{4}-\d{2}-\d{2}\.graphml$/);
    const graph = readGraphml(graphml.text);
    expect(tiers(graph)).toMatchObject({
      [DEMO_IDS.regionStockholm]: 0,
      'se-atea': 1,
      [DEMO_IDS.dell]: 2,
      ...Object.fromEntries(FACTORIES.map((f) => [f, 3])),
    });
    expect(graph.nodes.some((n) => Number(n.attributes['riskLevel']) > 0)).toBe(true);

    const csv = await exportAs('CSV', 'region-stockholm-chain.csv');
    expect(csv.filename).toMatch(/\.csv$/);
    // A byte order mark first, for Excel on Windows to read the file as UTF-8 ("Stockholms läns"), as in
    // the page's own CSV files; a script drops it as Python's utf-8-sig does (docs/exports.md).
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text).toContain('Stockholms läns');
    const table = readCsv(csv.text.slice(1));
    expect(table.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(table.edges.map((e) => e.id)).toEqual(graph.edges.map((e) => e.id));
  });

  it('gives Oslo kommune a file with only what it may see', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    const json = JSON.parse((await exportAs('JSON', 'oslo-kommune.json')).text) as {
      organizations: { id: string }[];
    };
    expect(json.organizations.map((o) => o.id)).toEqual([DEMO_IDS.osloKommune, 'no-atea']);
  });
});
