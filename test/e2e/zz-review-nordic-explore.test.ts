/// <reference lib="dom" />
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { ARTIFACTS, dashboardSession, describeInBrowser, screenshot, signInAsDemo } from './browser.ts';

const graph = structuredClone(DEMO_SCENARIO);
for (const o of graph.organizations) if (o.id === DEMO_IDS.hiproDongguan) o.name = 'Hipro Electronics, Dongguan 东莞';
for (const o of graph.organizations) if (o.id === DEMO_IDS.taidaDongguan) o.name = 'Östra Åkers Fabrik';
const ui = dashboardSession(graph, { warmUpAs: DEMO_IDS.regionStockholm });
const out: string[] = [];
const log = (...s: unknown[]) => out.push(s.map(String).join(' '));

async function dl(click: () => Promise<unknown>, name: string) {
  const [download] = await Promise.all([ui.page.waitForEvent('download'), click()]);
  const path = join(ARTIFACTS, `nordic-${name}`);
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  log('DOWNLOAD', name, download.suggestedFilename(), JSON.stringify(text.slice(0, 900)));
}

describeInBrowser('explore', () => {
  for (const [locale, tz, org] of [
    ['sv-SE', 'Europe/Stockholm', DEMO_IDS.regionStockholm],
    ['nb-NO', 'Europe/Oslo', DEMO_IDS.osloKommune],
  ] as const) {
    it(`${locale}`, async () => {
      await ui.freshContext({ locale, timezoneId: tz });
      await signInAsDemo(ui.page, ui.app, org);
      await ui.page.locator('#exposure .exposure-summary').waitFor({ timeout: 60_000 });
      await ui.page.waitForTimeout(3000);
      log('LANG', await ui.page.evaluate(() => navigator.language + ' ' + Intl.DateTimeFormat().resolvedOptions().timeZone + ' ' + document.documentElement.lang));
      log('TITLE', await ui.page.title());
      log('BODY', JSON.stringify(await ui.page.locator('body').innerText()));
      await screenshot(ui.page, `nordic-${locale}-page`);
      await dl(() => ui.page.click('#export-csv'), `${locale}-chain.csv`);
      await dl(() => ui.page.click('#export-png'), `${locale}-chain.png`);
      for (const f of ['CSV', 'JSON', 'GRAPHML']) {
        await ui.page.selectOption('#export-format', f);
        await dl(() => ui.page.click('#export-file'), `${locale}-file.${f}`);
      }
      const risk = ui.page.locator('#risk-export, button:has-text("Export ranking CSV")').first();
      if (await risk.isEnabled().catch(() => false)) await dl(() => risk.click(), `${locale}-risk.csv`);
      await ui.page.selectOption('#filter-topic', { index: 1 });
      await ui.page.waitForTimeout(3000);
      log('EXPOSURE-TOPIC', JSON.stringify(await ui.page.locator('#exposure').innerText()));
      await ui.page.fill('#filter-as-of', '2020-06-01');
      await ui.page.locator('#filter-as-of').dispatchEvent('change');
      await ui.page.waitForTimeout(4000);
      log('ASOF-BODY', JSON.stringify(await ui.page.locator('body').innerText()));
      await screenshot(ui.page, `nordic-${locale}-asof`);
      await dl(() => ui.page.click('#export-csv'), `${locale}-asof-chain.csv`);
      await writeFile(join(ARTIFACTS, 'nordic-explore.txt'), out.join('\n\n'));
    });
  }
});
