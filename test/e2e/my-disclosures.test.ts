/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "My disclosures" in Chromium, as Dell's supplier_admin keeps its evidence without GraphiQL: it
// publishes a certificate of its factory Hipro (a refused value is shown beside the form, named as the
// API names it), Region Stockholm (shared all of Dell's disclosures) sees it at once; Dell revises it,
// shares it alone with Electronics Watch, which then sees it; Dell closes an action of its plan and
// reads the plan's History (who saved what); it shares its link to Hipro with its customer Atea
// Sverige from My suppliers (the API's refusal of itself as recipient shown beside the form), which
// then sees Hipro behind Dell; it withdraws the certificate, which Region Stockholm then no longer
// sees, and whose History starts with the withdrawal. Screenshots go to test-results/e2e/.
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

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.dell });

const nameOf = (id: string) => DEMO_SCENARIO.organizations.find((o) => o.id === id)!.name;
const REGION = nameOf(DEMO_IDS.regionStockholm);
const ATEA = nameOf(DEMO_IDS.atea);
const HIPRO = nameOf(DEMO_IDS.hiproDongguan);
const DELL_DISCLOSURES = DEMO_SCENARIO.disclosures.filter((d) => d.owner === DEMO_IDS.dell).length;
const TITLE = 'SA8000 certificate of Hipro, Dongguan';
const RENEWED = 'SA8000 certificate of Hipro, Dongguan (renewed)';

/** `text` as a regular expression that matches it literally. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const panel = () => ui.page.locator('#my-disclosures');
const own = (title: string) => panel().locator('li.own-disclosure').filter({ hasText: title });
const status = () => ui.page.locator('#status').textContent();
/** The titles of the disclosures shared with the signed-in organization (evidence panel). */
const receivedTitles = () => ui.page.locator('#evidence .received-title').allTextContents();

async function signInAs(org: string): Promise<void> {
  await ui.page.locator('#sign-out').click();
  await signInAsDemo(ui.page, ui.app, org);
  await ui.page.locator('#evidence h3').first().waitFor();
}

describeInBrowser('My disclosures: a supplier keeps its evidence', () => {
  it('publishes, shows a customer it shares with, revises, shares one, updates an action and withdraws', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dell);
    await panel().locator('li.own-disclosure').first().waitFor();
    expect(await panel().locator('li.own-disclosure').count()).toBe(DELL_DISCLOSURES);
    // Whom each is shared with: the region sees all of Dell's, Electronics Watch only the plan.
    expect(
      await panel().locator(`li[data-disclosure-id="${DEMO_IDS.dellPlan}"] .disclosure-shared`).textContent(),
    ).toBe(`Shared with ${REGION}, which sees all your disclosures; Electronics Watch.`);

    // Publish, with a hash that is not one: the API's refusal names the field and the value.
    await panel().getByRole('button', { name: 'Publish a disclosure…' }).click();
    const form = panel().locator('form.publish-form');
    await form.getByLabel('About (yourself, or a direct supplier)').selectOption(DEMO_IDS.hiproDongguan);
    await form.getByLabel('Kind').selectOption('CERTIFICATE');
    expect(await form.locator('fieldset.actions-editor').isHidden()).toBe(true);
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel('Issued by (e.g. the audit firm; optional)').fill('Certification body');
    await form.getByLabel('Standard (optional)').fill('SA8000:2014');
    await form.getByLabel('Issued on').fill('2025-06-01');
    await form.getByLabel('Valid until (optional)').fill('2028-06-01');
    await form.getByLabel('Document SHA-256 (optional)').fill('abc');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    const refusal = form.locator('p.form-alert[role="alert"]');
    await expect
      .poll(() => refusal.textContent())
      .toBe('Invalid disclosure: documentSha256 must be 64 hexadecimal digits, got "abc"');
    await screenshot(ui.page, '31-my-disclosures-refused');
    await form.getByLabel('Document SHA-256 (optional)').fill('');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    await own(TITLE).waitFor();
    await expect.poll(status).toContain(`Published “${TITLE}”.`);
    expect(await own(TITLE).locator('.own-disclosure-facts').textContent()).toMatch(
      /^About Hipro Electronics.* · version 1, published \d{4}-\d{2}-\d{2} · issued 2025-06-01, valid until 2028-06-01/,
    );
    // About a supplier: Dell's share of all its sourcing with the region covers its link from Hipro
    // (Disclosure.sharedWith's ownLinkShared), so the page adds no caveat.
    expect(await own(TITLE).locator('.disclosure-shared').textContent()).toBe(
      `Shared with ${REGION}, which sees all your disclosures.`,
    );
    const published = await own(TITLE).getAttribute('data-disclosure-id');

    // Revise: a new version with the new title.
    await own(TITLE)
      .getByRole('button', { name: `Revise “${TITLE}”…` })
      .click();
    await own(TITLE).locator('form.revise-form').getByLabel('Title').fill(RENEWED);
    await own(TITLE).getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(status).toContain(`Revised “${TITLE}”: version 2.`);
    expect(await own(RENEWED).locator('.own-disclosure-facts').textContent()).toContain('version 2');

    // Share that one alone with Electronics Watch, which Dell shared with before.
    const asks = acceptDialogs(ui.page);
    await panel().getByRole('button', { name: 'Share with a customer…' }).click();
    const share = panel().locator('form.share-disclosures-form');
    await share.getByLabel('Share with').selectOption(DEMO_IDS.electronicsWatch);
    // The id field is for an organization not in the list only.
    expect(await share.getByLabel('Its Tiersight id (shown in its details)').isHidden()).toBe(true);
    await share.getByLabel(`Certificate: ${RENEWED}`).check();
    await share.getByRole('button', { name: 'Share', exact: true }).click();
    await expect
      .poll(() => own(RENEWED).locator('.disclosure-shared').textContent())
      .toBe(
        // Dell's sourcing share with Electronics Watch names its link from Hipro: it sees the disclosure.
        `Shared with ${REGION}, which sees all your disclosures; Electronics Watch.`,
      );
    expect(asks).toEqual([
      expect.stringMatching(
        new RegExp(`^Electronics Watch will see only “${escaped(RENEWED)}”, with no end date`),
      ),
    ]);
    // The share is listed under My suppliers with the others, by the disclosure's title.
    await expect
      .poll(() => ui.page.locator('#my-suppliers li.share-given').allTextContents())
      .toContainEqual(
        expect.stringContaining(`Electronics Watch sees your disclosures (1 disclosure: ${RENEWED})`),
      );

    // Close an action of the plan: a new version, the action closed.
    const plan = panel().locator(`li[data-disclosure-id="${DEMO_IDS.dellPlan}"]`);
    await plan.locator('details.own-actions > summary').click();
    const action = plan.locator('li.action[data-action-id="cap-4"]');
    await action.getByRole('button', { name: /^Update action cap-4 of / }).click();
    await action.getByLabel('Status').selectOption('CLOSED');
    await action.getByLabel('Closed on (required to close)').fill('2026-01-15');
    await action.getByLabel('Closing verified').selectOption('DESKTOP');
    await action.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => plan.locator('li.action[data-action-id="cap-4"]').getAttribute('data-status'))
      .toBe('CLOSED');
    await screenshot(ui.page, '32-my-disclosures-dell');

    // The plan's History: the version just saved first, by whom, and what it changed.
    await plan.getByRole('button', { name: /^History of / }).click();
    const newest = plan.locator('.disclosure-history li.history-version').first();
    await expect
      .poll(() => newest.locator('.version-line').textContent())
      .toMatch(
        new RegExp(
          `^Version \\d+ · saved \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC \\(by demo@${DEMO_IDS.dell}\\)$`,
        ),
      );
    expect(await newest.locator('.version-changes li').allTextContents()).toEqual([
      expect.stringMatching(
        /^Action cap-4 \(.+\): status changed from .+ to closed; closing day set to 2026-01-15; verified by documents$/,
      ),
    ]);
    await screenshot(ui.page, '34-my-disclosures-history');

    // Share the link to Hipro, alone, with the customer Atea Sverige, from My suppliers. Itself, named
    // by its id, is refused by the API, beside the form.
    const suppliers = ui.page.locator('#my-suppliers');
    await suppliers.getByRole('button', { name: 'Share your sourcing with a customer…' }).click();
    const sourcing = suppliers.locator('form.share-sourcing-form');
    await sourcing.getByLabel('Share with').selectOption('');
    await sourcing.getByLabel('Its Tiersight id (shown in its details)').fill(DEMO_IDS.dell);
    await sourcing.getByRole('button', { name: 'Share your sourcing' }).click();
    await expect
      .poll(() => sourcing.locator('p.form-alert').textContent())
      .toMatch(
        new RegExp(`^recipientId must be another organization than the owner, got "${DEMO_IDS.dell}"`),
      );
    await sourcing.scrollIntoViewIfNeeded();
    await screenshot(ui.page, '35-my-suppliers-share-sourcing-refused', false);
    await sourcing.getByLabel('Share with').selectOption(DEMO_IDS.atea);
    await sourcing.getByLabel(new RegExp(`^${escaped(HIPRO)} for computer components$`)).check();
    await sourcing.getByLabel('Access ends on (optional; at 00:00 UTC that day)').fill('2099-06-30');
    await sourcing.getByRole('button', { name: 'Share your sourcing' }).click();
    await expect
      .poll(() => suppliers.locator('li.share-given').allTextContents())
      .toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^${ATEA} sees your sourcing \\(1 link: ${escaped(HIPRO)} for computer components\\) since .*, until 2099-06-30`,
          ),
        ),
      );
    expect(asks.at(-1)).toMatch(
      new RegExp(
        `^${ATEA} will see only your 1 link to ${escaped(HIPRO)} for computer components, until 2099-06-30`,
      ),
    );
    await expect.poll(status).toContain(`with ${ATEA}.`);

    // Atea Sverige now sees Hipro behind Dell. Region Stockholm sees the revised certificate; so does
    // Electronics Watch, which sees Hipro.
    await signInAs(DEMO_IDS.atea);
    await expect.poll(() => namesInTier(ui.page, 2)).toContain(HIPRO);
    await signInAs(DEMO_IDS.regionStockholm);
    await expect.poll(receivedTitles).toContain(RENEWED);
    await signInAs(DEMO_IDS.electronicsWatch);
    await expect.poll(receivedTitles).toContain(RENEWED);

    // Withdraw: asked first, naming it; then gone for Dell's list and for the region.
    await signInAs(DEMO_IDS.dell);
    await own(RENEWED)
      .getByRole('button', { name: `Withdraw “${RENEWED}”` })
      .click();
    await own(RENEWED).waitFor({ state: 'detached' });
    expect(asks.at(-1)).toMatch(
      new RegExp(
        `^Withdraw “${escaped(RENEWED)}” \\(certificate about Hipro.*, version 2\\)\\? From now on nobody sees it \\(shared with: ${escaped(REGION)}, Electronics Watch\\)`,
      ),
    );
    const withdrawn = panel().locator(`li.withdrawn-disclosure[data-disclosure-id="${published}"]`);
    expect(await withdrawn.count()).toBe(1);
    await panel().locator('details.withdrawn-disclosures > summary').click();
    await withdrawn.getByRole('button', { name: `History of “${RENEWED}”` }).click();
    await expect
      .poll(() => withdrawn.locator('ol.history-versions > li').allTextContents())
      .toEqual([
        expect.stringMatching(
          /^Withdrawn \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(by [^)]+\): nobody sees it since\.$/,
        ),
        expect.stringMatching(/^Version 2 · saved .*Title changed from “.*” to “.*\(renewed\)”/),
        expect.stringMatching(/^Version 1 · saved .*Published/),
      ]);
    await signInAs(DEMO_IDS.regionStockholm);
    expect(await receivedTitles()).not.toContain(RENEWED);
  });

  it('fits a phone (375×812) with the publish form, a history and the sourcing share form open', async () => {
    await ui.page.setViewportSize({ width: 375, height: 812 });
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dell);
    await panel().getByRole('button', { name: 'Publish a disclosure…' }).click();
    await panel().getByLabel('Kind').selectOption('CORRECTIVE_ACTION_PLAN');
    await panel().getByRole('button', { name: 'Add an action' }).click();
    const plan = panel().locator(`li[data-disclosure-id="${DEMO_IDS.dellPlan}"]`);
    await plan.getByRole('button', { name: /^History of / }).click();
    await plan.locator('li.history-version').first().waitFor();
    await plan.locator('details.version-content').first().locator('summary').click();
    await ui.page.getByRole('button', { name: 'Share your sourcing with a customer…' }).click();
    const wider = await ui.page.evaluate(() =>
      [...document.querySelectorAll('#my-disclosures *, #my-suppliers *')]
        .filter(
          (e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5,
        )
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
    );
    expect(wider).toEqual([]);
    expect(
      await ui.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await panel().locator('form.publish-form').scrollIntoViewIfNeeded();
    await screenshot(ui.page, '33-my-disclosures-phone', false);
  });
});
