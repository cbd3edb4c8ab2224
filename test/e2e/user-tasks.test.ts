/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Users' tasks in the dashboard on the demo scenario: an analyst at Region Stockholm exports the
// ranking for a due-diligence report, and follows a flagged factory into the chain Dell shares with it;
// Atea AS's supplier_admin answers Oslo kommune's overdue request; a screen-reader user works through
// the blind spots.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { ARTIFACTS, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

const TIED = ['cn-mingshuo-jiangsu', 'cn-msi-shenzhen', 'cn-taida-dongguan', 'cn-wistron-zhongshan'];

describeInBrowser('what users meet in their tasks', () => {
  it('a factory\'s details say which chains hold it, and "Show this chain" opens one with it selected', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const card = ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
    await card.click();
    const reaching = ui.page.locator('#details ul.chains-reaching');
    await reaching.waitFor();
    const rows = await reaching.locator('li').allTextContents();
    expect(rows).toContain('Dell Technologies · tier 1 Show this chain');
    expect(rows.at(-1)).toMatch(/^Region Stockholm .*· tier 3 \(shown\)$/);
    await ui.page.getByRole('button', { name: 'Show this chain: Dell Technologies' }).click();
    await expect.poll(() => ui.page.locator('#root-select').inputValue()).toBe(DEMO_IDS.dell);
    await expect
      .poll(() => ui.page.locator('#details li[data-root-id="us-dell"]').textContent())
      .toBe('Dell Technologies · tier 1 (shown)');
    expect(await ui.page.locator('#details-heading').textContent()).toContain('Hipro');
  });

  it('the ranking CSV gives tied scores the rank the page shows ("2="), not an order among them', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const rows = ui.page.locator('#risk ol.risk-ranking > li.risk-row');
    await rows.first().waitFor();
    // The page: the four factories with 44.8 (MSI Shenzhen's expired certificate counts as nothing
    // disclosed) are all "2=".
    const shown = await Promise.all(
      TIED.map((id) => ui.page.locator(`#risk li.risk-row[data-org-id="${id}"] .risk-rank`).textContent()),
    );
    expect(shown).toEqual(['2=', '2=', '2=', '2=']);
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.click('#export-risk-csv'),
    ]);
    const path = join(ARTIFACTS, 'user-tasks-risk.csv');
    await download.saveAs(path);
    const lines = (await readFile(path, 'utf8')).slice(1).trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const rankAt = header.indexOf('rank');
    const idAt = header.indexOf('id');
    const ranks = TIED.map((id) => {
      const line = lines.find((l) => l.split(',')[idAt] === id);
      return line?.split(',')[rankAt];
    });
    // The file that goes into the report must not rank equal scores 2nd, 3rd, 4th and 5th.
    expect(new Set(ranks).size, `ranks in the CSV: ${ranks.join(', ')}`).toBe(1);
  });

  it("each blind spot's Request access button names its organization for screen readers", async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('#exposure .exposure-summary').waitFor();
    const buttons = ui.page.locator('#exposure button.request-access');
    expect(await buttons.count()).toBeGreaterThan(1);
    const names = await buttons.evaluateAll((els) =>
      els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''),
    );
    // Nine buttons all called "Request access" cannot be told apart in a list of buttons, unlike
    // My suppliers' Edit products… and End, which name their supplier.
    expect(new Set(names).size, `accessible names: ${names.join(' | ')}`).toBe(names.length);
    expect(names.some((n) => n.includes('Hipro Electronics, Dongguan'))).toBe(true);
  });

  it('a request extended once offers no second Extend… (the server refuses it)', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    const item = ui.page.locator(
      `#evidence li.access-request[data-request-id="${DEMO_IDS.requestOsloAteaNorway}"]`,
    );
    await item.waitFor();
    await item.getByRole('button', { name: "Extend Oslo kommune's request…" }).click();
    const form = item.locator('form.extend-form');
    const max = await form.locator('input[type=date]').getAttribute('max');
    await form.locator('input[type=date]').fill(max!);
    await form.locator('textarea').fill('We must ask Dell before we name its factories.');
    await form.getByRole('button', { name: 'Extend' }).click();
    await ui.page.locator('#status', { hasText: 'Extended the request of Oslo kommune' }).waitFor();
    const redrawn = ui.page.locator(
      `#evidence li.access-request[data-request-id="${DEMO_IDS.requestOsloAteaNorway}"]`,
    );
    await redrawn.locator('.request-reason').waitFor();
    // Whose reason it is, so that a later grant's item does not seem to give it for the grant.
    expect(await redrawn.locator('.request-reason').textContent()).toBe(
      'Reason for the extension: We must ask Dell before we name its factories.',
    );
    // Still open, so Grant… and Decline… stay; Extend… only leads to "was already extended".
    expect(await redrawn.getByRole('button', { name: "Grant Oslo kommune's request…" }).count()).toBe(1);
    expect(await redrawn.getByRole('button', { name: "Extend Oslo kommune's request…" }).count()).toBe(0);
  });
});
