/// <reference lib="dom" />
// The dashboard in a Swedish and a Norwegian browser, on the demo with Nordic names: Region
// Stockholm's Root list, My suppliers and Where to start's equal scores came in the API's order (code
// units: "Ängby" before "Åkers"; the server's English collation: "Åby" first, "Östra" among the O's),
// while its tier view follows Swedish (å, ä, ö after z); Oslo kommune's product suggestions put Å
// before Ø, and a product filter's letters became "_" in every exported file's name; Export file's CSV
// is written with semicolons for a Norwegian Excel. Skipped without Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { ARTIFACTS, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const NAMES: Record<string, string> = {
  [DEMO_IDS.atea]: 'Ängby Data AB',
  [DEMO_IDS.dell]: 'Åkers Teknik',
  // Two of the four factories that share Where to start's 44.8 at tier 3 with Mingshuo and MSI.
  [DEMO_IDS.taidaDongguan]: 'Östra Fabriken',
  [DEMO_IDS.wistronZhongshan]: 'Åby Fabrik',
};
const OSLO_PRODUCTS = ['Ørepropper', 'Åpne skjermer', 'bærbare datamaskiner'];
const graph = {
  ...DEMO_SCENARIO,
  organizations: DEMO_SCENARIO.organizations.map((o) => ({ ...o, name: NAMES[o.id] ?? o.name })),
  links: DEMO_SCENARIO.links.map((l) =>
    l.id === DEMO_IDS.linkAteaNoOslo ? { ...l, products: OSLO_PRODUCTS } : l,
  ),
};

const ui = dashboardSession(graph, { warmUpAs: DEMO_IDS.regionStockholm });

describeInBrowser('names in a Nordic browser', () => {
  it('Region Stockholm in Swedish: Root, My suppliers and equal scores in Swedish order', async () => {
    await ui.freshContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const { page } = ui;
    await signInAsDemo(page, ui.app, DEMO_IDS.regionStockholm);
    expect(await page.locator('#root-select option').allTextContents()).toEqual([
      'Region Stockholm (Stockholms läns landsting until 2019) (you)',
      'Åkers Teknik',
      'Ängby Data AB',
    ]);

    await page.locator('.own-links .own-link').first().waitFor({ timeout: 30_000 });
    const suppliers = await page.locator('.own-links .own-link .supplier-name').allTextContents();
    expect([...new Set(suppliers)]).toEqual(['Åkers Teknik', 'Ängby Data AB']);

    await page.locator('#risk .risk-row').first().waitFor({ timeout: 30_000 });
    const tied = async () =>
      (
        await page
          .locator('#risk .risk-row')
          .evaluateAll((rows) =>
            rows.map((r) => [
              r.querySelector('summary')?.textContent ?? '',
              r.querySelector('.org-name')?.textContent ?? '',
            ]),
          )
      )
        .filter(([row]) => row!.includes('44.8') && row!.includes('tier 3'))
        .map(([, name]) => name);
    expect(await tied()).toEqual([
      'Mingshuo (Pegatron subsidiary), Jiangsu',
      'MSI Computer (Shenzhen) Co., Ltd.',
      'Åby Fabrik',
      'Östra Fabriken',
    ]);
    // Exposure's findings of one tier and severity (the five factories, all HIGH) by name too: the API
    // files "MSI" before "Mingshuo" (a capital S before a small i).
    await page.locator('#exposure li.finding').first().waitFor({ timeout: 30_000 });
    expect(
      await page
        .locator('#exposure li.finding[data-tier="3"]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-org-id'))),
    ).toEqual([
      DEMO_IDS.hiproDongguan,
      DEMO_IDS.mingshuoJiangsu,
      DEMO_IDS.msiShenzhen,
      DEMO_IDS.wistronZhongshan,
      DEMO_IDS.taidaDongguan,
    ]);
    // The ranking CSV lists them as the page does.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export ranking CSV' }).click(),
    ]);
    const path = join(ARTIFACTS, 'nordic-ranking.csv');
    await download.saveAs(path);
    const csv = await readFile(path, 'utf8');
    const order = ['Mingshuo', 'MSI Computer', 'Åby Fabrik', 'Östra Fabriken'].map((n) => csv.indexOf(n));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('Oslo kommune in Norwegian: products in Norwegian order, and kept in the exports’ file names', async () => {
    await ui.freshContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const { page } = ui;
    await signInAsDemo(page, ui.app, DEMO_IDS.osloKommune);
    await expect
      .poll(() =>
        page.locator('#product-suggestions option').evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
      )
      .toEqual(['bærbare datamaskiner', 'Ørepropper', 'Åpne skjermer']);

    await page.locator('#filter-product').fill('bærbare datamaskiner');
    await page.locator('#filter-product').press('Enter');
    await page.locator('#status', { hasText: 'bærbare datamaskiner' }).waitFor();
    await page.locator('section.tier[data-tier="1"] button.org').first().waitFor();
    const saved = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return download.suggestedFilename();
    };
    expect(await saved('#export-csv')).toMatch(
      /^tiersight-no-oslo-kommune-bærbare_datamaskiner-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    await page.selectOption('#export-format', 'CSV');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-file')]);
    expect(file.suggestedFilename()).toMatch(
      /^tiersight-chain-no-oslo-kommune-bærbare_datamaskiner-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    // Written for a Norwegian Excel, as the page's own CSV: semicolons (a double-click would open a
    // comma-separated file as one column), after the byte order mark.
    const path = join(ARTIFACTS, 'nordic-chain-export.csv');
    await file.saveAs(path);
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/^\uFEFFrecord;id;name;type;country;tier;/);
    expect(text).toContain(`\r\norganization;${DEMO_IDS.osloKommune};`);
  });
});
