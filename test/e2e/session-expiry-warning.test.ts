/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The warning before the demo token's 12 hours are up, in Chromium with the page's clock moved on:
// reached by Tab from the top bar, kept by Escape, and "Stay signed in" extends the session in place
// with a new demo token, keeping what a field held.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

describeInBrowser('the session warning', () => {
  it('warns before the demo token expires and extends the session without a reload', async () => {
    await ui.page.clock.install();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const old = await ui.page.evaluate(() => sessionStorage.getItem('tiersight.token'));
    const warning = ui.page.locator('#session-warning');
    expect(await warning.isHidden()).toBe(true);
    const search = ui.page.locator('#filter-search');
    await search.fill('kept while extending');

    await ui.page.clock.fastForward('11:56:00');
    await warning.waitFor();
    expect(await ui.page.locator('#session-warning-text').textContent()).toMatch(
      /^Your session ends in [1-4] minutes?, at .+\. Stay signed in to get a new demo token/,
    );
    expect(await search.evaluate((e) => e === document.activeElement)).toBe(true);

    await ui.page.locator('#sign-out').focus();
    await ui.page.keyboard.press('Tab');
    const stay = ui.page.getByRole('button', { name: 'Stay signed in' });
    expect(await stay.evaluate((e) => e === document.activeElement)).toBe(true);
    await ui.page.keyboard.press('Escape');
    expect(await warning.isVisible()).toBe(true);

    // Back to the server's time, which issues the new token: else its 12 hours would be as short.
    await ui.page.clock.setSystemTime(Date.now());
    // A token's expiry is in whole seconds: one issued in the second of the first would expire no
    // later, and the page rightly refuses it (a full run at 08:48 on 7 December got there that fast).
    const { iat } = JSON.parse(Buffer.from(old!.split('.')[1]!, 'base64url').toString()) as { iat: number };
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (iat + 1) * 1000 - Date.now())));
    // Pressed on the button itself: the page's timers, run on by the fast-forward, may have moved the
    // focus meanwhile on a loaded machine (a full run at 06:50 on 7 December pressed Enter elsewhere).
    await stay.press('Enter');
    // A refusal would keep the warning: its message then fails the test, not a wait.
    const refusal = ui.page.locator('#session-warning-error');
    // The wait that loses the race is let go (its later timeout or the page's closing is no error).
    const settled = (wait: Promise<void>) => wait.catch(() => undefined);
    await Promise.race([
      settled(warning.waitFor({ state: 'hidden' })),
      settled(refusal.filter({ hasText: /./ }).waitFor()),
    ]);
    expect(await refusal.textContent()).toBe('');
    expect(await warning.isHidden()).toBe(true);
    expect(await ui.page.locator('#status').textContent()).toMatch(/^Session extended: it now ends at /);
    const fresh = await ui.page.evaluate(() => sessionStorage.getItem('tiersight.token'));
    expect(fresh).toMatch(/^ey/);
    expect(fresh).not.toBe(old);
    expect(await search.inputValue()).toBe('kept while extending');
    const name = DEMO_SCENARIO.organizations.find((o) => o.id === DEMO_IDS.regionStockholm)!.name;
    expect(await ui.page.locator('#viewer-name').textContent()).toBe(name);
  });
});
