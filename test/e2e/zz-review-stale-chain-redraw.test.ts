/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Review (diff30): a client-side filter changed while a reload's chain is on its way must not redraw the
// previous chain under the new query. Electronics Watch filters Dell's chain to a product no link names
// (the chain is empty), clears the product, and ticks and unticks a type while the chain is held back:
// the status line must never say that nobody shares with it.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.electronicsWatch });

describeInBrowser('a filter changed while the chain reloads', () => {
  it('does not redraw the previous chain under the new query', async () => {
    const { page } = ui;
    await signInAsDemo(page, ui.app, DEMO_IDS.electronicsWatch);
    await page.getByLabel('Root', { exact: true }).selectOption(DEMO_IDS.dell);
    await page.locator('section.tier[data-tier="1"] button.org').first().waitFor();
    await page.locator('#filter-product').fill('power supplies');
    await page.locator('#filter-product').press('Enter');
    await page.locator('#chain-view >> text=Nothing matches').waitFor();
    await page.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('query DashboardChain'))
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const said: string[] = [];
    await page.exposeFunction('statusSaid', (text: string) => said.push(text));
    await page.evaluate(() => {
      const status = document.querySelector('#status')!;
      const report = () =>
        (window as unknown as { statusSaid(t: string): void }).statusSaid(status.textContent ?? '');
      new MutationObserver(report).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('#filter-product').fill('');
    await page.locator('#filter-product').press('Enter');
    const box = page.locator('.type-choice input').first();
    await box.check();
    await box.uncheck();
    await page.locator('section.tier[data-tier="1"] button.org').first().waitFor();
    expect(said.length, 'the status line changed').toBeGreaterThan(0);
    for (const line of said) {
      expect(line).not.toContain('no supplier of it is visible to you');
      expect(line).not.toContain('Nothing matches');
    }
  });
});
