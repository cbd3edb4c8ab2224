/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A researcher at Electronics Watch traces one product upstream of Dell. When the product filter leaves
// the chain empty, the tier view, Exposure and the status line all say the product matched nothing, not
// that nobody shares with the viewer: Dell shares its whole sourcing with it. And when the filter is
// cleared, nothing of the emptied chain is drawn again while the new one loads (a ranking that answered
// first once redrew the previous chain under the cleared filter: "no supplier of it is visible").
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.electronicsWatch });

/** Electronics Watch's view of Dell's chain, filtered to a product that no link of it names. */
async function dellFilteredToPowerSupplies(): Promise<void> {
  const { page } = ui;
  await signInAsDemo(page, ui.app, DEMO_IDS.electronicsWatch);
  await page.getByLabel('Root', { exact: true }).selectOption(DEMO_IDS.dell);
  await page.locator('section.tier[data-tier="1"] button.org').first().waitFor();
  // Hipro makes power supplies, but Dell's links name "computer components": nothing matches.
  await page.locator('#filter-product').fill('power supplies');
  await page.locator('#filter-product').press('Enter');
  await page.locator('#chain-view >> text=Nothing matches').waitFor();
}

describeInBrowser('a product that no link names, from a root that shares its sourcing', () => {
  it('Exposure and the status line say the product matched nothing, not that nobody shares', async () => {
    const { page } = ui;
    await dellFilteredToPowerSupplies();
    await page.locator('#exposure .exposure-summary').waitFor();
    // The tier view is right: the filter, not the sharing, emptied the chain.
    expect(await page.locator('#chain-view').textContent()).toContain(
      'Nothing matches product “power supplies”',
    );
    const exposure = (await page.locator('#exposure').textContent()) ?? '';
    const status = (await page.locator('#status').textContent()) ?? '';
    // Dell shares all its sourcing with Electronics Watch (s-dell-ew): these claims are false here.
    expect(exposure, 'Exposure').not.toContain('no organization shares its sourcing with you from this root');
    expect(exposure, 'Exposure').toContain('power supplies');
    expect(status, 'status line').not.toContain('no supplier of it is visible to you');
  });

  it('clearing the product draws only the new chain, even when the ranking answers first', async () => {
    const { page } = ui;
    await dellFilteredToPowerSupplies();
    await page
      .locator('#risk')
      .getByText(/Loading/)
      .waitFor({ state: 'detached' });
    // From now on the chain answers a second late, so the ranking comes first.
    await page.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('query DashboardChain'))
        await new Promise((resolve) => setTimeout(resolve, 1_000));
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
    await page.locator('section.tier[data-tier="1"] button.org').first().waitFor();
    expect(said.length, 'the status line changed').toBeGreaterThan(0);
    for (const line of said) {
      expect(line).not.toContain('no supplier of it is visible to you');
      expect(line).not.toContain('Nothing matches');
    }
  });
});
