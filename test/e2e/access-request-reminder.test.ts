/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Following up an overdue access request, in Chromium, against the real API: Oslo kommune's request to
// Atea AS is past its due date, so its outbox card offers "Send a reminder…"; a colleague in another
// tab sends one with a note, after which the first tab's reminder is refused by the server (one a
// day) and the refusal shows in the form; the card, drawn again, says when it was reminded and from
// when the next is possible, and offers no second reminder. Atea AS then sees in its inbox that Oslo
// kommune reminded it, with the note, the card marked "reminded". axe finds no WCAG 2.1 A/AA violation
// with the form open and after. Skipped without Chromium.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { violationLines } from './axe.ts';
import { ARTIFACTS, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.osloKommune });

const NOTE = 'Our due-diligence report is due this month: please answer (end-to-end test).';
const MOMENT = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/.source;
const REMIND = 'Send a reminder to Atea AS of the request sent 2026-10-19…';

const card = (page: typeof ui.page, box: 'inbox' | 'outbox') =>
  page.locator(`#evidence ul.${box} li.access-request[data-request-id="${DEMO_IDS.requestOsloAteaNorway}"]`);

describeInBrowser('access requests: reminding the supplier of an overdue request', () => {
  it('the requester reminds once a day, a second reminder is refused in the form, the supplier sees it', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    const mine = card(ui.page, 'outbox');
    await mine.waitFor();
    expect(await mine.getAttribute('class')).toContain('is-overdue');
    await mine.getByRole('button', { name: REMIND, exact: true }).click();
    const form = mine.locator('form.remind-form');
    await form.waitFor();
    expect(
      await form.getByLabel('Message to Atea AS (optional)').evaluate((e) => e === document.activeElement),
    ).toBe(true);
    expect(await violationLines(ui.page)).toEqual([]);

    // A colleague in another tab sends a reminder first.
    const other = await ui.context.newPage();
    await signInAsDemo(other, ui.app, DEMO_IDS.osloKommune);
    const theirs = card(other, 'outbox');
    await theirs.getByRole('button', { name: REMIND, exact: true }).click();
    await theirs.locator('form.remind-form textarea').fill(NOTE);
    await theirs.getByRole('button', { name: 'Send reminder', exact: true }).click();
    await expect
      .poll(() => other.locator('#status').textContent())
      .toMatch(
        new RegExp(
          `^Reminded Atea AS of your request sent 2026-10-19\\. The next reminder can be sent from ${MOMENT}\\.`,
        ),
      );
    await expect
      .poll(() => theirs.locator('.request-reminders').textContent())
      .toMatch(new RegExp(`^You reminded Atea AS once, last on ${MOMENT}\\.$`));
    expect(await theirs.locator('.request-reminder-note').textContent()).toBe(NOTE);
    expect(await theirs.locator('.request-next-reminder').textContent()).toMatch(
      new RegExp(`^One reminder a day: the next can be sent from ${MOMENT}\\.$`),
    );
    expect(await theirs.getByRole('button', { name: REMIND }).count()).toBe(0);
    await other.close();

    // This tab's reminder, sent now, is refused: the form says why and from when.
    await form.getByRole('button', { name: 'Send reminder', exact: true }).click();
    await expect
      .poll(() => form.locator('[role="alert"]').textContent())
      .toMatch(
        new RegExp(
          `^access request "${DEMO_IDS.requestOsloAteaNorway}" was reminded at \\S+: one reminder a day, the next may be sent from \\S+$`,
        ),
      );
    expect(await violationLines(ui.page)).toEqual([]);
    await mine.screenshot({ path: join(ARTIFACTS, 'access-request-reminder-refused.png') });

    // The supplier sees that the buyer is waiting.
    await ui.freshContext();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    const received = card(ui.page, 'inbox');
    await received.waitFor();
    expect(await received.getAttribute('class')).toContain('is-reminded');
    expect(await received.locator('.request-head .badge-reminded').textContent()).toBe('reminded');
    expect(await received.locator('.request-reminders').textContent()).toMatch(
      new RegExp(`^Oslo kommune reminded you once, last on ${MOMENT}\\.$`),
    );
    expect(await received.locator('.request-reminder-note').textContent()).toBe(NOTE);
    expect(await received.getByRole('button', { name: /reminder/i }).count()).toBe(0);
    expect(await violationLines(ui.page)).toEqual([]);
    await received.screenshot({ path: join(ARTIFACTS, 'access-request-reminder-inbox.png') });
  });
});
