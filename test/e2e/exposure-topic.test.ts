/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A buyer's due-diligence analyst asks where in its visible chain there is forced-labour evidence:
// Region Stockholm's Exposure lists six findings; with "Forced labour" chosen as
// the Exposure topic, only those whose public indicators are about forced labour stay (Mingshuo, whose
// workers paid recruitment fees, and Wistron Zhongshan, whose interns were threatened), each indicator
// saying what it is about, and the panel says what the filter leaves out; "All topics" brings the rest
// back.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

const findingIds = () =>
  ui.page
    .locator('#exposure li.finding')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['orgId']).sort());

describeInBrowser('the Exposure topic filter', () => {
  it('narrows Exposure to forced-labour evidence and back', async () => {
    const { page } = ui;
    await signInAsDemo(page, ui.app, DEMO_IDS.regionStockholm);
    await page.locator('#exposure li.finding').first().waitFor();
    const every = await findingIds();
    expect(every).toHaveLength(6);
    // Indicators say what they are about where they are listed.
    expect(await page.locator('#exposure .risk-topics').first().textContent()).toMatch(/^About: /);

    await page.getByLabel('Exposure topic').selectOption({ label: 'Forced labour' });
    await page.locator('#exposure .exposure-topic').waitFor();
    await page.locator('#exposure li.finding').first().waitFor();
    expect(await findingIds()).toEqual(['cn-mingshuo-jiangsu', DEMO_IDS.wistronZhongshan].sort());
    const topics = await page.locator('#exposure .risk-topics').allTextContents();
    expect(topics.length).toBeGreaterThan(0);
    for (const text of topics) expect(text).toContain('forced labour');
    expect(await page.locator('#exposure .exposure-topic').textContent()).toContain(
      'Only public indicators about forced labour count',
    );

    await page.getByLabel('Exposure topic').selectOption({ label: 'All topics' });
    await page.locator('#exposure .exposure-topic').waitFor({ state: 'detached' });
    await page.locator('#exposure li.finding').nth(5).waitFor();
    expect(await findingIds()).toEqual(every);
  });
});
