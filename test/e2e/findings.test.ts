/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A monitor records a finding in Chromium, without GraphiQL: Electronics Watch's supplier_admin chooses
// Dell's chain under Root, selects the factory Hipro and records a finding about it from the details (a
// bad evidence URL is refused beside the form, named as the API names it; the question says it will be
// public); the details list it "recorded by Electronics Watch" and My findings lists it; Region
// Stockholm sees it on Hipro too; Electronics Watch withdraws it (asked first, naming it), after which
// it is folded apart with its instant and Hipro's details no longer list it. Screenshots go to
// test-results/e2e/.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { acceptDialogs, dashboardSession, describeInBrowser, screenshot, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.electronicsWatch });

const nameOf = (id: string) => DEMO_SCENARIO.organizations.find((o) => o.id === id)!.name;
const HIPRO = nameOf(DEMO_IDS.hiproDongguan);
const MONITOR = nameOf(DEMO_IDS.electronicsWatch);
const SOURCE = `${MONITOR} compliance report, 2026-11 (end-to-end test)`;

/** `text` as a regular expression that matches it literally. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const details = () => ui.page.locator('#details');
const mine = () => ui.page.locator('#my-findings');
const status = () => ui.page.locator('#status').textContent();
/** Hipro's public indicator with our source, in the details. */
const indicator = () => details().locator('li.risk').filter({ hasText: SOURCE });

/** Shows Dell's chain (shared with the viewer) and selects Hipro in it. */
async function hiproInDellsChain(): Promise<void> {
  await ui.page.getByLabel('Root', { exact: true }).selectOption(DEMO_IDS.dell);
  const card = ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
  await card.click();
  await details().locator('#details-heading').filter({ hasText: HIPRO }).waitFor();
}

describeInBrowser('A monitor records a finding', () => {
  it('records one about a factory it sees, which everyone who sees the factory sees, and withdraws it', async () => {
    const asks = acceptDialogs(ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.electronicsWatch);
    await mine().locator('h2').filter({ hasText: 'My findings' }).waitFor();
    await hiproInDellsChain();

    // A bad evidence URL: the API's refusal, beside the form, names the field and the value.
    await details()
      .getByRole('button', { name: `Record a finding about ${HIPRO}…` })
      .click();
    const form = details().locator('form.record-finding-form');
    await form.getByLabel('Kind').selectOption('AUDIT_FINDING');
    await form.getByLabel('Severity').selectOption('HIGH');
    await form.getByLabel('Source (who published it, and when)').fill(SOURCE);
    await form.getByLabel('What was found (optional)').fill('Excessive overtime in the peak season');
    await form.getByLabel('Evidence URL (optional)').fill('ftp://example.org/report');
    await form.getByLabel('Observed on (optional; not after today)').fill('2026-11-02');
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    const refusal = form.locator('p.form-alert[role="alert"]');
    await expect.poll(() => refusal.textContent()).toMatch(/evidenceUrl.*ftp:\/\/example\.org\/report/);
    await form.scrollIntoViewIfNeeded();
    await screenshot(ui.page, '36-record-finding-refused', false);
    expect(asks).toEqual([
      `Record a public audit finding (HIGH) from “${SOURCE}” about ${HIPRO}? Every organization that ` +
        `sees ${HIPRO}, in any chain, will see it, recorded by ${MONITOR}. You can withdraw it later under ` +
        'My findings.',
    ]);

    // Without it: recorded, in the details as recorded by the monitor, and in My findings.
    await form.getByLabel('Evidence URL (optional)').fill('');
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    await expect.poll(status).toContain(`Recorded the audit finding (HIGH) from “${SOURCE}” about ${HIPRO}`);
    await expect
      .poll(() => indicator().locator('.risk-recorded-by').textContent())
      .toBe(`recorded by ${MONITOR}`);
    const own = mine().locator('li.own-finding').filter({ hasText: SOURCE });
    await own.waitFor();
    expect(await own.locator('.own-finding-head').textContent()).toBe(`${HIPRO} HIGH Audit finding public`);
    expect(await own.locator('.risk-source').textContent()).toBe(`Source: ${SOURCE} (observed 2026-11-02)`);
    expect(await own.locator('.own-finding-recorded').textContent()).toMatch(
      new RegExp(`^Recorded \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC by demo@${DEMO_IDS.electronicsWatch}$`),
    );
    await own.scrollIntoViewIfNeeded();
    await screenshot(ui.page, '37-my-findings', false);

    // Region Stockholm, whose chain holds Hipro, sees it there, naming the monitor.
    await ui.page.locator('#sign-out').click();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"]`).click();
    await expect
      .poll(() => indicator().locator('.risk-recorded-by').textContent())
      .toBe(`recorded by ${MONITOR}`);
    // An analyst of a buyer records nothing.
    expect(await details().locator('button.record-finding').count()).toBe(0);

    // Withdrawn, once asked: folded apart with its instant, and no longer on Hipro.
    await ui.page.locator('#sign-out').click();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.electronicsWatch);
    await mine()
      .getByRole('button', { name: `Withdraw the finding about ${HIPRO}: ${SOURCE}` })
      .click();
    await mine().locator('li.own-finding').filter({ hasText: SOURCE }).waitFor({ state: 'detached' });
    expect(asks.at(-1)).toMatch(
      new RegExp(
        `^Withdraw your audit finding \\(HIGH\\) about ${escaped(HIPRO)}, source “${escaped(SOURCE)}”\\?.*It cannot be undone\\.$`,
      ),
    );
    await mine().locator('details.withdrawn-findings > summary').click();
    expect(
      await mine()
        .locator('li.withdrawn-finding')
        .filter({ hasText: SOURCE })
        .locator('.withdrawn-finding-line')
        .textContent(),
    ).toMatch(/; withdrawn \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    await hiproInDellsChain();
    await details().locator('h3').filter({ hasText: 'Public risk indicators' }).waitFor();
    expect(await indicator().count()).toBe(0);
  });

  it('fits a phone (375×812) with the form open', async () => {
    await ui.page.setViewportSize({ width: 375, height: 812 });
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.electronicsWatch);
    await hiproInDellsChain();
    await details()
      .getByRole('button', { name: `Record a finding about ${HIPRO}…` })
      .click();
    await mine().locator('h2').filter({ hasText: 'My findings' }).waitFor();
    const wider = await ui.page.evaluate(() =>
      [...document.querySelectorAll('#details *, #my-findings *')]
        .filter(
          (e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5,
        )
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
    );
    expect(wider).toEqual([]);
    expect(
      await ui.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });
});
