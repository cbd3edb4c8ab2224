// The dashboard with 5,000 organizations: big tiers are aggregated ("+K more" and search), so the page
// draws a few dozen cards per tier and stays responsive.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config.ts';
import type { App } from '../../src/app/server.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { describeInBrowser, launchChromium, screenshot, startDemoApp, watchedContext } from './browser.ts';

const RESELLERS = 50;
const FACTORIES = 4950;

let db: TestDatabase;
let app: App;
let browser: Browser;

beforeAll(async () => {
  db = await openTestDatabase();
  const g = graph().org('big-root', 'PURCHASER', { name: 'Big Buyer' });
  for (let r = 0; r < RESELLERS; r++) {
    g.org(`reseller-${r}`, 'RESELLER', { name: `Reseller ${String(r).padStart(2, '0')}` })
      .link(`reseller-${r}`, 'big-root')
      .share(`reseller-${r}`, 'big-root');
  }
  for (let f = 0; f < FACTORIES; f++) {
    g.org(`factory-${f}`, 'FACTORY', {
      name: `Factory ${String(f).padStart(4, '0')}`,
      country: f % 3 ? 'CN' : 'VN',
    });
    g.link(`factory-${f}`, `reseller-${f % RESELLERS}`);
  }
  await loadGraph(db, g.build());
  app = await startDemoApp(db);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

describeInBrowser('the dashboard with 5,000 organizations', () => {
  it('renders 5,001 organizations as a few dozen cards per tier, with "+K more" and search', async () => {
    const { context, page, watch } = await watchedContext(browser);
    try {
      const token = await signToken(
        { sub: 'big@test', org: 'big-root', roles: ['analyst'] },
        DEVELOPMENT_JWT_SECRET,
        600,
      );
      await page.goto(`${app.url}/`);
      await page.evaluate((t) => sessionStorage.setItem('tiersight.token', t), token);
      const started = Date.now();
      await page.reload();
      await page.locator('section.tier[data-tier="2"] button.org').first().waitFor({ timeout: 30_000 });
      const loadMs = Date.now() - started;

      expect(await page.getByTestId('tier-1-count').textContent()).toBe('50 organizations');
      expect(await page.getByTestId('tier-2-count').textContent()).toBe('4,950 organizations');
      expect(await page.locator('button.org').count()).toBeLessThanOrEqual(1 + 40 + 40);
      const more = page.locator('section.tier[data-tier="2"] button.more');
      expect(await more.textContent()).toBe('+4,910 more');

      // Interactions stay quick: show more, then search.
      let t = Date.now();
      await more.click();
      await expect.poll(() => more.textContent()).toBe('+4,710 more');
      const moreMs = Date.now() - t;
      t = Date.now();
      await page.getByLabel('Search').fill('Factory 4321');
      await expect
        .poll(() => page.locator('section.tier[data-tier="2"] .org-name').allTextContents())
        .toEqual(['Factory 4321']);
      const searchMs = Date.now() - t;
      await page.locator('button.org[data-org-id="factory-4321"]').click();
      await page.locator('#details h2', { hasText: 'Factory 4321' }).waitFor();
      await screenshot(page, '11-scale-5000');
      console.log(
        `5,001 organizations: loaded in ${loadMs} ms, +200 in ${moreMs} ms, search in ${searchMs} ms`,
      );
      expect(loadMs).toBeLessThan(20_000);
      expect(moreMs).toBeLessThan(3_000);
      expect(searchMs).toBeLessThan(3_000);
      expect(watch.externalRequests).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
