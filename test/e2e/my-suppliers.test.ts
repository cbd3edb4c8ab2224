/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "My suppliers" in Chromium (issue 13 part 5): Dell lists itself in the directory; Region Stockholm
// finds it there, adds it as a direct supplier and sees it at tier 1, ends the link and sees it at tier
// 2 again behind Atea; then declares a supplier Tiersight did not know, edits what it supplies, and
// sees the link's products change. Screenshots go to test-results/e2e/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import {
  describeInBrowser,
  launchChromium,
  namesInTier,
  screenshot,
  signInAsDemo,
  startDemoApp,
  watchedContext,
  warmUp,
  type PageWatch,
} from './browser.ts';

let db: TestDatabase;
let app: App;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadGraph(db, DEMO_SCENARIO);
  app = await startDemoApp(db);
  browser = await launchChromium();
  await warmUp(browser, app, DEMO_IDS.regionStockholm);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});
beforeEach(async () => {
  ({ context, page, watch } = await watchedContext(browser));
});
afterEach(async () => {
  await context.close();
  expect(watch.externalRequests, 'requests that left 127.0.0.1').toEqual([]);
  expect(watch.consoleErrors, 'console errors').toEqual([]);
});

const panel = () => page.locator('#my-suppliers');
/** The current (not ended) link from `supplierId`. */
const ownLink = (supplierId: string) =>
  page.locator(`#my-suppliers li.own-link:not(.is-ended)[data-supplier-id="${supplierId}"]`);
const supplierNames = () =>
  page.locator('#my-suppliers li.own-link:not(.is-ended) .supplier-name').allTextContents();

describeInBrowser('My suppliers (issue 13)', () => {
  it('lists an organization, which a customer then finds in the directory, adds, and ends', async () => {
    await signInAsDemo(page, app, DEMO_IDS.dell);
    await panel().locator('p.listing.is-unlisted').waitFor();
    await panel().locator('button.set-listing').click();
    await panel().locator('p.listing.is-listed').waitFor();
    expect(await panel().locator('p.listing').innerText()).toMatch(
      /Listed in the directory since \d{4}-\d{2}-\d{2}/,
    );

    await page.locator('#sign-out').click();
    await signInAsDemo(page, app, DEMO_IDS.regionStockholm);
    await panel().locator('li.own-link').first().waitFor();
    expect(await supplierNames()).toEqual(['Atea Sverige AB']);
    expect(await namesInTier(page, 2)).toContain('Dell Technologies');
    await page.locator('#new-link-products').fill('laptop computers, servers');
    await page.locator('#directory-search').fill('dell tech');
    await panel().locator('form.directory-search button[type="submit"]').click();
    const card = panel().locator(`li.directory-card[data-org-id="${DEMO_IDS.dell}"]`);
    await card.waitFor();
    await card.locator('button.add-from-directory').click();
    await ownLink(DEMO_IDS.dell).waitFor();
    expect(await ownLink(DEMO_IDS.dell).locator('.link-products').textContent()).toBe(
      'laptop computers, servers',
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll('section.tier[data-tier="1"] .org-name')].some(
        (e) => e.textContent === 'Dell Technologies',
      ),
    );
    expect(await page.locator('#status').textContent()).toContain(
      'Declared Dell Technologies as your supplier.',
    );
    await screenshot(page, '21-my-suppliers-added-from-directory');

    await ownLink(DEMO_IDS.dell).locator('button.end-link').click();
    await ownLink(DEMO_IDS.dell).waitFor({ state: 'detached' });
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('section.tier[data-tier="1"] .org-name')].some(
          (e) => e.textContent === 'Dell Technologies',
        ),
    );
    expect(await namesInTier(page, 2)).toContain('Dell Technologies');
    expect(await supplierNames()).toEqual(['Atea Sverige AB']);
  });

  it('declares a supplier Tiersight did not know and edits what it supplies', async () => {
    await signInAsDemo(page, app, DEMO_IDS.regionStockholm);
    await panel().locator('form.new-supplier').waitFor();
    await page.locator('#new-link-products').fill('chargers');
    await page.locator('#new-supplier-name').fill('Example Charger Factory');
    await page.locator('#new-supplier-type').selectOption('FACTORY');
    await page.locator('#new-supplier-country').fill('cn');
    await page.locator('#new-supplier-city').fill('Dongguan');
    await panel().locator('form.new-supplier button[type="submit"]').click();
    const link = panel().locator('li.own-link', { hasText: 'Example Charger Factory' });
    await link.waitFor();
    await page.waitForFunction(() =>
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
    await screenshot(page, '22-my-suppliers-new-supplier');
  });

  it('shows what the API refuses, naming the field', async () => {
    await signInAsDemo(page, app, DEMO_IDS.regionStockholm);
    await panel().locator('form.new-supplier').waitFor();
    await page.locator('#new-supplier-name').fill('Nowhere Ltd');
    await page.locator('#new-supplier-country').fill('XX');
    await panel().locator('form.new-supplier button[type="submit"]').click();
    await panel().locator('p[role="alert"]', { hasText: 'newSupplier.country' }).waitFor();
  });
});
