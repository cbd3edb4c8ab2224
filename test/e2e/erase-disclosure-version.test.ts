/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Erasing a version's texts in Chromium, against the real API: Dell's supplier_admin publishes a
// certificate whose issuer names a person, corrects it (version 2), opens its History, erases version
// 1 (asked first), and the history, read again, says who erased it and when, shows none of its texts,
// and no longer claims that version 2 changed the title "from “”"; the focus is on the line that says
// what was done; axe finds no WCAG 2.1 A/AA violation in that view. Skipped without Chromium.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { violationLines } from './axe.ts';
import { ARTIFACTS, acceptDialogs, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.dell });

const TITLE = 'Certificate signed by Jane Doe';
const CORRECTED = 'Certificate of Dell';
const ISSUER = 'Jane Doe, lead auditor';

const panel = () => ui.page.locator('#my-disclosures');
const own = (title: string) => panel().locator('li.own-disclosure').filter({ hasText: title });

describeInBrowser('My disclosures: erasing the texts of a version', () => {
  it('publishes, corrects, erases version 1 from History and sees it erased', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dell);
    await panel().locator('li.own-disclosure').first().waitFor();

    await panel().getByRole('button', { name: 'Publish a disclosure…' }).click();
    const form = panel().locator('form.publish-form');
    await form.getByLabel('Kind').selectOption('CERTIFICATE');
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel('Issued by (e.g. the audit firm; optional)').fill(ISSUER);
    await form.getByLabel('Issued on').fill('2025-06-01');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    await own(TITLE).waitFor();

    await own(TITLE)
      .getByRole('button', { name: `Revise “${TITLE}”…` })
      .click();
    const revise = own(TITLE).locator('form.revise-form');
    await revise.getByLabel('Title').fill(CORRECTED);
    await revise.getByLabel('Issued by (e.g. the audit firm; optional)').fill('Certification body');
    await own(TITLE).getByRole('button', { name: 'Save as a new version' }).click();
    await own(CORRECTED).waitFor();

    const item = own(CORRECTED);
    await item.getByRole('button', { name: `History of “${CORRECTED}”` }).click();
    const history = item.locator('.disclosure-history');
    await history.locator('li.history-version').nth(1).waitFor();
    const version = (n: number) => history.locator(`li.history-version[data-version="${n}"]`);
    // The current version of a live disclosure is corrected, not erased: only version 1 offers it.
    expect(await history.locator('button.erase-version').allTextContents()).toEqual([
      'Erase texts of version 1…',
    ]);
    expect(await version(2).locator('.version-changes li').allTextContents()).toEqual([
      `Title changed from “${TITLE}” to “${CORRECTED}”`,
      `Issuer changed from “${ISSUER}” to “Certification body”`,
    ]);

    expect(await violationLines(ui.page)).toEqual([]);

    const asks = acceptDialogs(ui.page);
    await version(1)
      .getByRole('button', { name: `Erase texts of version 1 of “${CORRECTED}”…` })
      .click();
    await expect
      .poll(() => version(1).locator('.version-erased').textContent())
      .toMatch(new RegExp(`^Texts erased on \\d{4}-\\d{2}-\\d{2} \\(by demo@${DEMO_IDS.dell}\\)\\.$`));
    expect(asks).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Erase the texts of version 1 of “${CORRECTED}”\\?.*everyone who may see this disclosure.*It cannot be undone\\.$`,
        ),
      ),
    ]);
    expect(await history.locator('.history-news').textContent()).toBe(
      'Erased the texts of version 1: everyone who may see this disclosure now sees them erased.',
    );
    expect(await ui.page.evaluate(() => document.activeElement?.className)).toBe('history-news');
    // Nothing of version 1's texts is left, and version 2's changes claim nothing about them.
    await version(1).locator('details.version-content > summary').click();
    const first = (await version(1).innerText()).replace(/\s+/g, ' ');
    expect(first).not.toContain(TITLE);
    expect(first).not.toContain('Jane Doe');
    expect(first).toContain('What is left of version 1');
    expect(await version(2).locator('.version-changes li').allTextContents()).toEqual([
      'Only texts changed, and those of version 1 are erased',
    ]);
    expect(await history.locator('button.erase-version').count()).toBe(0);
    // The disclosure alone: the whole page of Dell's panels runs to thousands of pixels.
    await item.scrollIntoViewIfNeeded();
    await item.screenshot({ path: join(ARTIFACTS, 'erased-disclosure-version.png') });

    // The view as a screen reader meets it, against WCAG 2.1 A and AA.
    expect(await violationLines(ui.page)).toEqual([]);

    // Read again from the server after a reload: still erased, for good.
    await ui.page.reload();
    await own(CORRECTED).waitFor();
    await own(CORRECTED)
      .getByRole('button', { name: `History of “${CORRECTED}”` })
      .click();
    await expect
      .poll(() => own(CORRECTED).locator('li.history-version[data-version="1"] .version-erased').count())
      .toBe(1);
  });
});
