/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Erasing what each party wrote on a closed access request, in Chromium, against the real API: Atea AS's
// supplier_admin declines Oslo kommune's request with a reason naming a person, then presses "Erase our
// texts…" (asked first, saying what goes, for both parties and at every date, and that it is for good);
// the card, drawn again, says "(reasons erased by you on <day>)", the status line says what was done and
// the focus is on the card. Oslo kommune then reads "(reasons erased by Atea AS on <day>)" in its outbox
// and erases its own message the same way; after a reload both texts are gone and say so. axe finds no
// WCAG 2.1 A/AA violation with the button shown and after. Skipped without Chromium.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { violationLines } from './axe.ts';
import { ARTIFACTS, acceptDialogs, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.ateaNorway });

const REASON = 'Kari Nordmann, our sales lead, is on leave until March (end-to-end test).';
const MESSAGE = DEMO_SCENARIO.accessRequests.find((r) => r.id === DEMO_IDS.requestOsloAteaNorway)!.message!;
const DAY = /\d{4}-\d{2}-\d{2}/.source;

const card = (box: 'inbox' | 'outbox') =>
  ui.page.locator(
    `#evidence ul.${box} li.access-request[data-request-id="${DEMO_IDS.requestOsloAteaNorway}"]`,
  );
/** The request whose card has the focus, or what has it instead. */
const focusedRequest = () =>
  ui.page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    return focused?.dataset['requestId'] ?? `${focused?.tagName} ${focused?.id} ${focused?.className}`;
  });

describeInBrowser('access requests: erasing the texts a party wrote', () => {
  it('the target declines, erases its reasons; the requester sees that, and erases its message', async () => {
    const asks = acceptDialogs(ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    await card('inbox').waitFor();
    // Open: answered or withdrawn first, never erased.
    expect(await card('inbox').locator('button.erase-request').count()).toBe(0);

    await card('inbox').getByRole('button', { name: "Decline Oslo kommune's request…" }).click();
    await card('inbox').locator('form.decline-form textarea').fill(REASON);
    await card('inbox').getByRole('button', { name: 'Decline request' }).click();
    await card('inbox').locator('.request-reason').filter({ hasText: REASON }).waitFor();
    const erase = card('inbox').getByRole('button', {
      name: /^Erase our texts on Oslo kommune's request, sent \d{4}-\d{2}-\d{2}, declined \d{4}-\d{2}-\d{2}…$/,
    });
    await erase.waitFor();

    expect(await violationLines(ui.page)).toEqual([]);

    await erase.click();
    await expect
      .poll(() => card('inbox').locator('.request-erased').textContent())
      .toMatch(new RegExp(`^\\(reasons erased by you on ${DAY}\\)$`));
    expect(asks.at(-1)).toMatch(
      /^Erase your organization's reasons on Oslo kommune's request \(sent \d{4}-\d{2}-\d{2}, declined \d{4}-\d{2}-\d{2}\)\? .*erased for both your organization and Oslo kommune, at every date.*It cannot be undone\.$/,
    );
    await expect
      .poll(() => ui.page.locator('#status').textContent())
      .toMatch(
        /^Erased your reasons on the request of Oslo kommune sent \d{4}-\d{2}-\d{2}: your organization and Oslo kommune now see them erased, at every date\./,
      );
    await expect.poll(focusedRequest).toBe(DEMO_IDS.requestOsloAteaNorway);
    expect(await card('inbox').locator('button.erase-request').count()).toBe(0);
    expect(await ui.page.locator('#evidence').innerText()).not.toContain('Kari Nordmann');
    // The requester's message is not the target's to erase: it stays.
    expect(await card('inbox').locator('blockquote.request-message').textContent()).toBe(MESSAGE);
    await card('inbox').screenshot({ path: join(ARTIFACTS, 'erased-request-reasons.png') });

    expect(await violationLines(ui.page)).toEqual([]);

    // The requester, the next person at the screen: the reasons say who erased them, its message stays.
    await ui.freshContext();
    const asked = acceptDialogs(ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    await card('outbox').waitFor();
    expect(await card('outbox').locator('.request-erased').textContent()).toMatch(
      new RegExp(`^\\(reasons erased by Atea AS on ${DAY}\\)$`),
    );
    expect(await card('outbox').locator('blockquote.request-message').textContent()).toBe(MESSAGE);
    const own = card('outbox').getByRole('button', {
      name: /^Erase our texts on the request to Atea AS, sent \d{4}-\d{2}-\d{2}, declined \d{4}-\d{2}-\d{2}…$/,
    });
    await own.click();
    await expect
      .poll(() => card('outbox').locator('.request-erased').allTextContents())
      .toEqual([
        expect.stringMatching(new RegExp(`^\\(message erased by you on ${DAY}\\)$`)),
        expect.stringMatching(new RegExp(`^\\(reasons erased by Atea AS on ${DAY}\\)$`)),
      ]);
    expect(asked.at(-1)).toMatch(/^Erase your organization's message on the request to Atea AS \(sent /);
    await expect.poll(focusedRequest).toBe(DEMO_IDS.requestOsloAteaNorway);
    expect(await card('outbox').locator('blockquote').count()).toBe(0);

    expect(await violationLines(ui.page)).toEqual([]);

    // Read again from the server after a reload: erased for good, at every date.
    await ui.page.reload();
    await card('outbox').waitFor();
    expect(await card('outbox').locator('.request-erased').count()).toBe(2);
    expect(await card('outbox').locator('button.erase-request').count()).toBe(0);
    expect(await ui.page.locator('#evidence').innerText()).not.toContain('Transparency Act');
  });
});
