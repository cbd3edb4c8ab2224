/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "My suppliers" in Chromium (issue 13 part 5): Dell lists itself in the directory; Region Stockholm
// finds it there, adds it as a direct supplier and sees it at tier 1, ends the link and sees it at tier
// 2 again behind Atea; then declares a supplier Tiersight did not know, edits what it supplies, and
// sees the link's products change. Screenshots go to test-results/e2e/.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import {
  acceptDialogs,
  dashboardSession,
  describeInBrowser,
  namesInTier,
  screenshot,
  signInAsDemo,
} from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

const panel = () => ui.page.locator('#my-suppliers');
/** The current (not ended) link from `supplierId`. */
const ownLink = (supplierId: string) =>
  ui.page.locator(`#my-suppliers li.own-link:not(.is-ended)[data-supplier-id="${supplierId}"]`);
const supplierNames = () =>
  ui.page.locator('#my-suppliers li.own-link:not(.is-ended) .supplier-name').allTextContents();

describeInBrowser('My suppliers (issue 13)', () => {
  it('lists an organization, which a customer then finds in the directory, adds, and ends', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dell);
    await panel().locator('p.listing.is-unlisted').waitFor();
    await panel().locator('button.set-listing').click();
    await panel().locator('p.listing.is-listed').waitFor();
    expect(await panel().locator('p.listing').innerText()).toMatch(
      /Listed in the directory since \d{4}-\d{2}-\d{2}/,
    );

    await ui.page.locator('#sign-out').click();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await panel().locator('li.own-link').first().waitFor();
    expect(await supplierNames()).toEqual(['Atea Sverige AB']);
    expect(await namesInTier(ui.page, 2)).toContain('Dell Technologies');
    await ui.page.locator('#new-link-products').fill('laptop computers, servers');
    await ui.page.locator('#directory-search').fill('dell tech');
    await panel().locator('form.directory-search button[type="submit"]').click();
    const card = panel().locator(`li.directory-card[data-org-id="${DEMO_IDS.dell}"]`);
    await card.waitFor();
    // Read out by screen readers, and says when a broad search shows only the first of its matches.
    expect(await panel().locator('p.directory-count[role="status"]').textContent()).toBe(
      '1 listed organization matches.',
    );
    await card.locator('button.add-from-directory').click();
    await ownLink(DEMO_IDS.dell).waitFor();
    expect(await ownLink(DEMO_IDS.dell).locator('.link-products').textContent()).toBe(
      'laptop computers, servers',
    );
    await ui.page.waitForFunction(() =>
      [...document.querySelectorAll('section.tier[data-tier="1"] .org-name')].some(
        (e) => e.textContent === 'Dell Technologies',
      ),
    );
    // The news goes before the reloaded chain's own status once the reload is done, a moment after the
    // tier view is drawn.
    await expect
      .poll(() => ui.page.locator('#status').textContent())
      .toContain('Declared Dell Technologies as your supplier.');
    await screenshot(ui.page, '21-my-suppliers-added-from-directory');

    const asks = acceptDialogs(ui.page);
    await ownLink(DEMO_IDS.dell).getByRole('button', { name: 'End the link with Dell Technologies' }).click();
    await ownLink(DEMO_IDS.dell).waitFor({ state: 'detached' });
    await ui.page.waitForFunction(
      () =>
        ![...document.querySelectorAll('section.tier[data-tier="1"] .org-name')].some(
          (e) => e.textContent === 'Dell Technologies',
        ),
    );
    expect(await namesInTier(ui.page, 2)).toContain('Dell Technologies');
    expect(await supplierNames()).toEqual(['Atea Sverige AB']);
    expect(asks).toEqual([expect.stringMatching(/^End the link with Dell Technologies\?/)]);
  });

  it('declares a supplier Tiersight did not know and edits what it supplies', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await panel().locator('form.new-supplier').waitFor();
    await ui.page.locator('#new-link-products').fill('chargers');
    await ui.page.locator('#new-supplier-name').fill('Example Charger Factory');
    await ui.page.locator('#new-supplier-type').selectOption('FACTORY');
    await ui.page.locator('#new-supplier-country').fill('cn');
    await ui.page.locator('#new-supplier-city').fill('Dongguan');
    await panel().locator('form.new-supplier button[type="submit"]').click();
    const link = panel().locator('li.own-link', { hasText: 'Example Charger Factory' });
    await link.waitFor();
    await ui.page.waitForFunction(() =>
      [...document.querySelectorAll('section.tier[data-tier="1"] .org-name')].some(
        (e) => e.textContent === 'Example Charger Factory',
      ),
    );

    await link.locator('button.edit-link').click();
    await link.locator('form.edit-products input').fill('chargers, cables');
    await link.locator('form.edit-products button[type="submit"]').click();
    await panel()
      .locator('li.own-link:not(.is-ended)', { hasText: 'Example Charger Factory' })
      .locator('.link-products', { hasText: 'chargers, cables' })
      .waitFor();
    // The amended link ended and its successor took over: both are listed, the old one as ended.
    expect(
      await panel().locator('li.own-link.is-ended', { hasText: 'Example Charger Factory' }).count(),
    ).toBe(1);
    await screenshot(ui.page, '22-my-suppliers-new-supplier');
  });

  it('shows what the API refuses, naming the field', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await panel().locator('form.new-supplier').waitFor();
    await ui.page.locator('#new-supplier-name').fill('Nowhere Ltd');
    await ui.page.locator('#new-supplier-country').fill('XX');
    await panel().locator('form.new-supplier button[type="submit"]').click();
    await panel().locator('p[role="alert"]', { hasText: 'newSupplier.country' }).waitFor();
  });
});
