/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A public buyer's walkthrough (review-buyer39, item 9 and "Minor") in Chromium: Oslo kommune's first
// top action, "Follow up your access request to Atea AS", takes the user to the request's card in the
// outbox, focused and in view; and Escape in a request form that a top action opened gives the focus
// back to that top action, not to the form's own button far down under Exposure. Skipped without
// Chromium.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, screenshot, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.osloKommune });

describeInBrowser('following up from Where to start (review-buyer39)', () => {
  it('takes Oslo kommune to its overdue request to Atea AS in the outbox', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    const action = ui.page.locator(
      `#risk li.risk-action[data-kind="FOLLOW_UP_ACCESS_REQUEST"][data-org-id="${DEMO_IDS.ateaNorway}"]`,
    );
    await ui.page.locator(`#evidence ul.outbox li.access-request`).first().waitFor();
    await action.getByRole('button', { name: 'Show your request to Atea AS', exact: true }).click();
    const card = ui.page.locator(
      `#evidence ul.outbox li.access-request[data-target-id="${DEMO_IDS.ateaNorway}"]`,
    );
    expect(await card.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await card.getAttribute('data-status')).toBe('OPEN');
    expect(await card.innerText()).toMatch(/You asked Atea AS[\s\S]*overdue/);
    // In view, with its focus drawn though a pointer pressed the button (no :focus-visible then).
    const box = await card.boundingBox();
    const height = await ui.page.evaluate(() => window.innerHeight);
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + Math.min(box!.height, 40)).toBeLessThanOrEqual(height);
    expect(await card.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
    await screenshot(ui.page, 'zz-web39-follow-up-request', false);
    // The next Tab reaches what the card offers.
    await ui.page.keyboard.press('Tab');
    expect(
      await ui.page.evaluate(() =>
        document.activeElement?.closest('li.access-request')?.getAttribute('data-target-id'),
      ),
    ).toBe(DEMO_IDS.ateaNorway);
  });

  it('returns the focus to the top action with Escape in the request form it opened', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('#exposure .exposure-summary').waitFor();
    const ask = ui.page.locator('#risk li.risk-action[data-kind="REQUEST_ACCESS"] button').first();
    await ask.focus();
    await ui.page.keyboard.press('Enter');
    const form = ui.page.locator('#exposure form.request-form:visible');
    await form.waitFor();
    expect(await ui.page.evaluate(() => document.activeElement?.closest('form.request-form') !== null)).toBe(
      true,
    );
    await ui.page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });
    expect(await ask.evaluate((e) => e === document.activeElement)).toBe(true);
  });
});
