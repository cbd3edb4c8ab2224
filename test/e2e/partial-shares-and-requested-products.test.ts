/// <reference lib="dom" />
// On the demo, what the personas of docs/demo-scenario.md met in the dashboard. DFØ
// asks Atea AS for access to what concerns its laptops only; Atea AS sees which link its share with
// Sykehusinnkjøp covers, and that its history's first grant was a data import's, not a user's; Region
// Stockholm reads that Atea Sverige shares only some of its sourcing.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

describeInBrowser('partial shares and the products a request names', () => {
  it('a request for access names the products it asks about, and the supplier reads them', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dfo);
    const spot = ui.page.locator(`#exposure li.blind-spot[data-org-id="${DEMO_IDS.ateaNorway}"]`);
    await spot.getByRole('button', { name: 'Request access from Atea AS' }).click();
    await spot.getByLabel(/Only for these products/).fill('laptop computers');
    await spot.getByRole('button', { name: 'Send request' }).click();
    await ui.page.locator('#status', { hasText: 'Access request sent to Atea AS' }).waitFor();
    const sent = ui.page.locator('#evidence ul.outbox li.access-request');
    expect(await sent.locator('.request-products').textContent()).toBe('Products: laptop computers');

    await ui.freshContext();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    const asked = ui.page.locator('#evidence ul.inbox li.access-request', { hasText: 'DFØ' });
    expect(await asked.locator('.request-products').textContent()).toBe('Products: laptop computers');
  });

  it("a share of some links says which; the import's grant says it was no user's", async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    const share = ui.page.locator('#my-suppliers li.share-given');
    await share.first().waitFor();
    expect(await share.textContent()).toMatch(
      /^Sykehusinnkjøp HF sees your sourcing \(1 link: Dell Technologies for desktop computers, laptop computers\) since 2023-01-01/,
    );
    const event = ui.page.locator('#my-suppliers li.share-event');
    await event.first().waitFor();
    const line = await event.first().textContent();
    expect(line).toContain('(recorded by a data import, not by a user)');
    expect(line).not.toContain('tiersight-import');
  });

  it('Where to start reads a share of some links as "partly" shared', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const row = ui.page.locator(`#risk li.risk-row[data-org-id="${DEMO_IDS.atea}"]`);
    await row.locator('summary').click();
    const input = row.locator('[data-component="VISIBILITY"] li.risk-input').first();
    expect(await input.locator('.input-value').textContent()).toBe(
      'partly: only the links it chose to share with you are visible, not any others it may have, +0.25',
    );
  });
});
