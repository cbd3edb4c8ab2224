/// <reference lib="dom" />
// A Swedish buyer whose browser is in English and whose Windows keeps Swedish region settings: Excel
// splits a CSV at the region's list separator, ';', which the page cannot see. The page guesses commas
// from the language; "CSV for" lets her ask for semicolons and decimal commas, and every CSV the page
// saves (the tier view's, the chain's from the API) is then written so, and next time too. Skipped
// without Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { ARTIFACTS, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

describeInBrowser('CSV for the spreadsheet the user has', () => {
  it('an English browser guesses commas; choosing semicolons writes both CSVs with them', async () => {
    await ui.freshContext({ locale: 'en-US', timezoneId: 'Europe/Stockholm' });
    const { page } = ui;
    await signInAsDemo(page, ui.app, DEMO_IDS.regionStockholm);
    await page.locator('section.tier[data-tier="1"] button.org').first().waitFor();
    const picker = page.getByLabel('CSV for');
    expect(await picker.inputValue()).toBe('comma');
    await picker.selectOption('semicolon');

    const saved = async (click: () => Promise<void>, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = join(ARTIFACTS, name);
      await download.saveAs(path);
      return readFile(path, 'utf8');
    };
    const own = await saved(() => page.click('#export-csv'), 'csv-choice-tiers.csv');
    expect(own).toMatch(/^\uFEFFtier;id;name;type;country;/);
    await page.selectOption('#export-format', 'CSV');
    const chain = await saved(() => page.click('#export-file'), 'csv-choice-chain.csv');
    expect(chain).toMatch(/^\uFEFFrecord;id;name;type;country;tier;/);
    // Her spreadsheet is the same tomorrow: the page remembers the choice.
    await page.reload();
    await page.locator('section.tier[data-tier="1"] button.org').first().waitFor();
    expect(await page.getByLabel('CSV for').inputValue()).toBe('semicolon');
  });
});
