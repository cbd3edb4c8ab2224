/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "Where to start" in Chromium (issue 15): Region Stockholm sees its chain ranked beside the tier view
// with the DanWatch factories and Dell at the top, opens a row to read why, sees the cards coloured by
// score, and exports the ranking as CSV; Oslo kommune's first action is its blind spot Atea AS.
// Screenshots go to test-results/e2e/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, ARTIFACTS, describeInBrowser, screenshot, signInAsDemo } from './browser.ts';

const FACTORIES = [
  'cn-hipro-dongguan',
  'cn-mingshuo-jiangsu',
  'cn-msi-shenzhen',
  'cn-taida-dongguan',
  'cn-wistron-zhongshan',
];

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

const rows = () => ui.page.locator('#risk ol.risk-ranking > li.risk-row');
const rankedIds = () =>
  rows().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['orgId'] ?? ''));

describeInBrowser('Where to start (issue 15)', () => {
  it('ranks Region Stockholm’s chain beside the tier view, each row opening why', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await rows().first().waitFor();
    const ids = await rankedIds();
    expect(ids.slice(0, 6).sort()).toEqual([...FACTORIES, DEMO_IDS.dell].sort());
    const dell = ui.page.locator(`#risk li.risk-row[data-org-id="${DEMO_IDS.dell}"]`);
    await dell.locator('summary').click();
    const disclosed = dell.locator('li.risk-component[data-component="DISCLOSED_EVIDENCE"]');
    await disclosed.waitFor();
    expect(await disclosed.innerText()).toMatch(/Overdue action cap-4 \(CRITICAL\)[\s\S]*d-dell-cap-2016/);
    const hipro = ui.page.locator(`#risk li.risk-row[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
    await hipro.locator('summary').click();
    expect(await hipro.locator('li.risk-component[data-component="PUBLIC_INDICATORS"]').innerText()).toMatch(
      /DanWatch/,
    );
    // The top action names Dell's overdue critical action; clicking it selects Dell in the chain.
    const first = ui.page.locator('#risk ol.risk-actions > li').first();
    expect(await first.getAttribute('data-org-id')).toBe(DEMO_IDS.dell);
    expect(await first.innerText()).toMatch(/close action cap-4/);
    await first.locator('button').click();
    await ui.page.locator('#details').waitFor();
    expect(
      await ui.page.locator(`button.org[data-org-id="${DEMO_IDS.dell}"]`).getAttribute('aria-pressed'),
    ).toBe('true');
    await screenshot(ui.page, '21-region-stockholm-where-to-start');
  });

  it('"Show in the chain" clears the search that hid the card, and says so', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await rows().first().waitFor();
    await ui.page.getByLabel('Search').fill('atea');
    const card = ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
    await card.waitFor({ state: 'detached' });
    const hipro = ui.page.locator(`#risk li.risk-row[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
    await hipro.locator('summary').click();
    await hipro.getByRole('button', { name: 'Show in the chain' }).click();
    expect(await card.getAttribute('aria-pressed')).toBe('true');
    // Its path to the root is drawn and highlighted: root-Atea, Atea-Dell, Dell-Hipro.
    expect(await ui.page.locator('svg.links path.highlighted').count()).toBe(3);
    expect(await ui.page.getByLabel('Search').inputValue()).toBe('');
    expect(await ui.page.locator('#status').innerText()).toMatch(
      /^To show Hipro Electronics, Dongguan, cleared the filter that hid it: Search “atea”\./,
    );
  });

  it('opens the request form of the blind spot from a "Request access" action', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const ask = ui.page.locator('#risk li.risk-action[data-kind="REQUEST_ACCESS"]').first();
    await ask.waitFor();
    const id = await ask.getAttribute('data-org-id');
    await ask.getByRole('button', { name: /^Request access from .+…$/ }).click();
    const form = ui.page.locator(`#exposure li.blind-spot[data-org-id="${id}"] form.request-form`);
    await form.waitFor({ state: 'visible' });
    expect(await form.locator('select').evaluate((e) => e === document.activeElement)).toBe(true);
    // Only the form opened: nothing was sent.
    expect(await ui.page.locator('#evidence [data-box="outbox"]').innerText()).toBe('None.');
  });

  it('colours the tier view by score, with the score written on each card', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const card = ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
    await expect.poll(() => card.getAttribute('data-risk-score')).not.toBeNull();
    expect(await card.getAttribute('class')).toMatch(/\brisk-high\b/);
    const score = Number(await card.getAttribute('data-risk-score'));
    // Written on the card, and read with what it is (the words are visually hidden).
    expect(await card.locator('.risk-score').textContent()).toBe(`risk score ${score} of 100, high`);
    expect(await ui.page.locator('button.org[data-org-id="se-atea"]').getAttribute('class')).toMatch(
      /\brisk-low\b/,
    );
  });

  it('exports the ranking as CSV', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await rows().first().waitFor();
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.click('#export-risk-csv'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^tiersight-se-region-stockholm-risk-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const path = join(ARTIFACTS, 'region-stockholm-risk.csv');
    await download.saveAs(path);
    const csv = await readFile(path, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'rank,score,tier,id,name,type,country,inherent,public_indicators,disclosed_evidence,visibility,proximity,chain_root,assessed_at,max_depth,product',
    );
    expect(lines).toHaveLength(1 + (await rows().count()));
    expect(lines[1]).toMatch(/^1,[\d.]+,3,cn-.*,se-region-stockholm,\d{4}-\d{2}-\d{2}T[\d:.]+Z,10,$/);
  });

  it("puts Oslo kommune's blind spot Atea AS first", async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    const first = ui.page.locator('#risk ol.risk-actions > li').first();
    await first.waitFor();
    expect(await first.getAttribute('data-org-id')).toBe(DEMO_IDS.ateaNorway);
    expect(await first.getAttribute('data-kind')).toBe('FOLLOW_UP_ACCESS_REQUEST');
    expect(await first.innerText()).toMatch(/Atea AS[\s\S]*blind spot/);
    await screenshot(ui.page, '22-oslo-where-to-start');
  });
});
