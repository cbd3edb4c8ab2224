/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Erasing a finding's texts in Chromium, against the real API: Electronics Watch's supplier_admin
// records a finding about Hipro whose source names a person, withdraws it, and under Withdrawn presses
// "Erase texts…" (asked first, saying what goes and for whom); the list, read again, stays unfolded and
// says when and by whom the texts were erased instead of quoting the source, the status line says what
// was done and the focus is on the finding's line; axe finds no WCAG 2.1 A/AA violation before and
// after. A reload reads it erased from the server. Skipped without Chromium.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { violationLines } from './axe.ts';
import { ARTIFACTS, acceptDialogs, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.electronicsWatch });

const nameOf = (id: string) => DEMO_SCENARIO.organizations.find((o) => o.id === id)!.name;
const HIPRO = nameOf(DEMO_IDS.hiproDongguan);
const SOURCE = 'Interview with Jane Doe, line supervisor (end-to-end test)';

/** `text` as a regular expression that matches it literally. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const details = () => ui.page.locator('#details');
const mine = () => ui.page.locator('#my-findings');
const withdrawn = () => mine().locator('details.withdrawn-findings');

describeInBrowser('My findings: erasing the texts of a withdrawn finding', () => {
  it('records, withdraws, erases a finding and sees it erased', async () => {
    const asks = acceptDialogs(ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.electronicsWatch);
    await mine().locator('h2').filter({ hasText: 'My findings' }).waitFor();

    await ui.page.getByLabel('Root', { exact: true }).selectOption(DEMO_IDS.dell);
    await ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"]`).click();
    await details().locator('#details-heading').filter({ hasText: HIPRO }).waitFor();
    await details()
      .getByRole('button', { name: `Record a finding about ${HIPRO}…` })
      .click();
    const form = details().locator('form.record-finding-form');
    await form.getByLabel('Source (who published it, and when)').fill(SOURCE);
    await form.getByLabel('What was found (optional)').fill('Jane Doe said overtime was forced');
    await form.getByLabel('Evidence URL (optional)').fill('https://example.org/jane-doe');
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    await mine().locator('li.own-finding').filter({ hasText: SOURCE }).waitFor();
    // A standing finding is withdrawn first: it offers no erasure.
    expect(await mine().locator('li.own-finding button.erase-finding').count()).toBe(0);

    await mine()
      .getByRole('button', { name: `Withdraw the finding about ${HIPRO}: ${SOURCE}` })
      .click();
    await mine().locator('li.own-finding').filter({ hasText: SOURCE }).waitFor({ state: 'detached' });
    await withdrawn().locator('summary').click();
    const line = withdrawn().locator('li.withdrawn-finding').filter({ hasText: SOURCE });
    const erase = line.getByRole('button', {
      name: `Erase texts of the withdrawn finding about ${HIPRO}: ${SOURCE}…`,
    });
    await erase.waitFor();
    const id = await line.getAttribute('data-finding-id');

    expect(await violationLines(ui.page)).toEqual([]);

    await erase.click();
    const erased = withdrawn().locator(`li.withdrawn-finding[data-finding-id="${id}"]`);
    await expect
      .poll(() => erased.locator('.withdrawn-finding-line').textContent())
      .toMatch(
        new RegExp(
          `^Report about ${escaped(HIPRO)} \\(HIGH\\), texts erased on \\d{4}-\\d{2}-\\d{2} ` +
            `\\(by demo@${DEMO_IDS.electronicsWatch}\\); withdrawn \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC$`,
        ),
      );
    expect(asks.at(-1)).toMatch(
      new RegExp(
        `^Erase the texts of your withdrawn report \\(HIGH\\) about ${escaped(HIPRO)}, source “${escaped(SOURCE)}”\\? ` +
          'Its source, description and evidence link are erased for everyone, also in views of an earlier day.*' +
          'Its kind, severity and dates stay.*It cannot be undone\\.$',
      ),
    );
    await expect
      .poll(() => ui.page.locator('#status').textContent())
      .toMatch(
        new RegExp(
          `^Erased the texts of the withdrawn report about ${escaped(HIPRO)} recorded .*: everyone now sees them erased, also as of an earlier day\\.`,
        ),
      );
    expect(await withdrawn().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await erased.locator('button').count()).toBe(0);
    expect(await ui.page.evaluate(() => document.activeElement?.getAttribute('data-finding-id'))).toBe(id);
    expect(await mine().innerText()).not.toContain('Jane Doe');
    await erased.scrollIntoViewIfNeeded();
    await mine().screenshot({ path: join(ARTIFACTS, 'erased-finding.png') });

    expect(await violationLines(ui.page)).toEqual([]);

    // Read again from the server after a reload: still erased, for good.
    await ui.page.reload();
    await mine().locator('details.withdrawn-findings > summary').click();
    await expect
      .poll(() => mine().locator(`li.withdrawn-finding[data-finding-id="${id}"]`).textContent())
      .toMatch(/texts erased on \d{4}-\d{2}-\d{2}/);
    expect(await mine().innerText()).not.toContain('Jane Doe');
  });
});
