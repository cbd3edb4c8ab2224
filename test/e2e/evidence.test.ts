/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The demo's evidence story in Chromium (issue 12, contract v1.2 sections 8 and 9), as a newcomer signed
// in as each party sees it: Region Stockholm reads Dell's corrective action plan and its overdue actions
// beside the public DanWatch findings; Oslo kommune sees its request to Atea AS overdue; Atea AS grants
// it and Oslo kommune then sees Dell behind Atea AS; Electronics Watch sees the plan Dell shared with it
// and nothing else. Screenshots go to test-results/e2e/.
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import {
  acceptDialogs,
  dashboardSession,
  describeInBrowser,
  namesInTier,
  screenshot,
  signInAsDemo,
  tierTitles,
} from './browser.ts';

const disclosure = (id: string) => DEMO_SCENARIO.disclosures.find((d) => d.id === id)!;
const DELL_DISCLOSURES = DEMO_SCENARIO.disclosures.filter((d) => d.owner === DEMO_IDS.dell).map((d) => d.id);

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

const cardOf = (id: string) => ui.page.locator(`button.org[data-org-id="${id}"]`);
const disclosureIn = (scope: string, id: string) =>
  ui.page.locator(`${scope} article.disclosure[data-disclosure-id="${id}"]`);
const disclosureIds = (selector: string) =>
  ui.page
    .locator(selector)
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['disclosureId']).sort());
const overdueActions = (card: ReturnType<typeof disclosureIn>) =>
  card
    .locator('li.action.is-overdue')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['actionId']));
const request = (box: 'inbox' | 'outbox') =>
  ui.page.locator(
    `#evidence ul.${box} li.access-request[data-request-id="${DEMO_IDS.requestOsloAteaNorway}"]`,
  );

/** A GraphQL request as `org` (a demo token from /dev/token): its data, or the test fails. */
async function api(org: string, query: string): Promise<Record<string, unknown>> {
  const signed = await fetch(`${ui.app.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ org }),
  });
  const { token } = (await signed.json()) as { token: string };
  const response = await fetch(`${ui.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

describeInBrowser('the evidence story of the demo (contract v1.2)', () => {
  it("shows Region Stockholm Dell's corrective action plan with its overdue actions and document hash", async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.dell).click();
    const plan = disclosureIn('#details', DEMO_IDS.dellPlan);
    await plan.waitFor();
    expect(await plan.locator('.kind-label').textContent()).toBe('Corrective action plan');
    expect(await plan.locator('.tag-disclosed').first().textContent()).toBe('disclosed by Dell Technologies');
    expect(await overdueActions(plan)).toEqual(['cap-3', 'cap-4']);
    expect(await plan.locator('.disclosure-kind .badge-overdue').textContent()).toBe('2 actions overdue');
    expect(await plan.locator('li.action[data-action-id="cap-1"]').innerText()).toMatch(/closed/);
    expect(await plan.locator('code.sha256').textContent()).toBe(
      disclosure(DEMO_IDS.dellPlan).documentSha256,
    );
    // Everything Dell disclosed about itself is shared with the region; its factories' evidence is
    // listed under the factories.
    expect(await disclosureIds('#details article.disclosure')).toEqual(
      DEMO_SCENARIO.disclosures
        .filter((d) => d.owner === DEMO_IDS.dell && d.subject === DEMO_IDS.dell)
        .map((d) => d.id)
        .sort(),
    );
    await screenshot(ui.page, '11-region-stockholm-dell-plan');
  });

  it('keeps the public DanWatch finding apart from the audit Dell disclosed about Hipro', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.hiproDongguan).click();
    const audit = disclosureIn('#details', DEMO_IDS.dellAuditHipro);
    await audit.waitFor();
    expect(await ui.page.locator('#details ul.risks').innerText()).toMatch(/DanWatch/);
    expect(await ui.page.locator('#details ul.risks .tag-public').count()).toBeGreaterThan(0);
    expect(await audit.locator('.tag-disclosed').textContent()).toBe('disclosed by Dell Technologies');
    expect(await overdueActions(audit)).toEqual(['f-1']);
    expect(await audit.innerText()).toContain('RBA VAP 7.0');
    await cardOf(DEMO_IDS.msiShenzhen).click();
    const certificate = disclosureIn('#details', DEMO_IDS.dellCertificateMsiShenzhen);
    await certificate.waitFor();
    expect(await certificate.locator('.badge-expired').textContent()).toBe('expired');
    // The evidence panel lists what was shared with the region: all of Dell's and Atea's self-assessment.
    expect(await disclosureIds('#evidence li.received-disclosure')).toEqual(
      [...DELL_DISCLOSURES, DEMO_IDS.ateaSelfAssessment].sort(),
    );
    await screenshot(ui.page, '12-region-stockholm-hipro-public-and-disclosed');
  });

  it('reports in exposure what the disclosures say, marked as disclosed, beside the public findings', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const dell = ui.page.locator(`#exposure li.finding[data-org-id="${DEMO_IDS.dell}"]`);
    await dell.waitFor();
    const dellIndicators = dell.locator('li.disclosed-indicator');
    expect(await dellIndicators.count()).toBe(2);
    expect(await dellIndicators.first().innerText()).toMatch(/overdue action[\s\S]*disclosed by Dell/);
    expect(await dell.locator('.finding-sources').count()).toBe(0);
    const hipro = ui.page.locator(`#exposure li.finding[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
    expect(await hipro.locator('.finding-sources').innerText()).toMatch(/DanWatch/);
    expect(await hipro.locator('li.disclosed-indicator').innerText()).toMatch(/overdue action/);
    const msi = ui.page.locator(`#exposure li.finding[data-org-id="${DEMO_IDS.msiShenzhen}"]`);
    expect(await msi.locator('li.disclosed-indicator').innerText()).toMatch(/expired evidence/);
    expect(await cardOf(DEMO_IDS.dell).locator('.badge-disclosed').count()).toBe(1);
    await screenshot(ui.page, '13-region-stockholm-exposure-disclosed');
  });

  it('shows Electronics Watch the plan Dell shared with it, and nothing else', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.electronicsWatch);
    await ui.page.locator('#evidence li.received-disclosure').first().waitFor();
    expect(await disclosureIds('#evidence li.received-disclosure')).toEqual([DEMO_IDS.dellPlan]);
    // Dell is not in Electronics Watch's own (empty) chain: its name says so and where Dell's chain is.
    await ui.page
      .locator('#evidence li.received-disclosure')
      .getByRole('button', { name: 'Dell Technologies' })
      .click();
    const status = ui.page.locator('#status');
    expect(await status.innerText()).toMatch(
      /^Dell Technologies is not in the supply chain of Electronics Watch shown here\. It shared its own chain with you: choose Dell Technologies under Root\.$/,
    );
    expect(await status.evaluate((e) => e === document.activeElement)).toBe(true);
    await ui.page.getByLabel('Root', { exact: true }).selectOption(DEMO_IDS.dell);
    await cardOf(DEMO_IDS.hiproDongguan).waitFor();
    await cardOf(DEMO_IDS.dell).click();
    await disclosureIn('#details', DEMO_IDS.dellPlan).waitFor();
    expect(await disclosureIds('#details article.disclosure')).toEqual([DEMO_IDS.dellPlan]);
    expect(await overdueActions(disclosureIn('#details', DEMO_IDS.dellPlan))).toEqual(['cap-3', 'cap-4']);
    await cardOf(DEMO_IDS.hiproDongguan).click();
    await ui.page.locator('#details .no-disclosures').waitFor();
    expect(await ui.page.locator('#details article.disclosure').count()).toBe(0);
    await screenshot(ui.page, '14-electronics-watch-plan-only');
  });

  it('goes back to 2016 with As of: what was shared then, requests and actions as they stood then', async () => {
    const asOf = '2016-06-01';
    const { disclosuresReceived: sharedThen } = await api(
      DEMO_IDS.regionStockholm,
      `{ disclosuresReceived(asOf: "${asOf}") { id } }`,
    );
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page
      .locator(`#evidence li.received-disclosure[data-disclosure-id="${DEMO_IDS.dellAuditHipro}"]`)
      .waitFor();
    await ui.page.getByLabel('As of').fill(asOf);
    await ui.page.locator('#evidence h3', { hasText: `Shared with you, as of ${asOf}` }).waitFor();
    // The 2025 audit of Hipro is gone: the panel lists what the API says was shared by then.
    const shown = await disclosureIds('#evidence li.received-disclosure');
    expect(shown).not.toContain(DEMO_IDS.dellAuditHipro);
    expect(sharedThen).toHaveLength(shown.length);
    expect(sharedThen).toEqual(expect.arrayContaining(shown.map((id) => ({ id }))));
    expect(await ui.page.locator('#evidence .requests-as-of').innerText()).toContain(
      `as they stood on ${asOf}`,
    );
    expect(await ui.page.locator('#evidence li.access-request button').count()).toBe(0);
    await cardOf(DEMO_IDS.dell).click();
    const plan = disclosureIn('#details', DEMO_IDS.dellPlan);
    await plan.waitFor();
    // The plan's version recorded by then already names closings in September and November: on
    // 2016-06-01 those actions were still in progress, and show so, with no closing.
    const inProgress = await plan
      .locator('li.action[data-status="IN_PROGRESS"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id')));
    expect(inProgress.sort()).toEqual(['cap-1', 'cap-2', 'cap-3', 'cap-5']);
    expect(await plan.locator('li.action:has(.badge-after-as-of)').count()).toBe(0);
    await screenshot(ui.page, '19-as-of-2016-dell-plan');
  });

  it('shows Oslo kommune its request to Atea AS overdue, on the blind spot too', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    const sent = request('outbox');
    await sent.waitFor();
    expect(await sent.getAttribute('data-status')).toBe('OPEN');
    expect(await sent.locator('.badge-overdue').textContent()).toBe('overdue');
    expect(await sent.locator('.request-due').textContent()).toBe(
      `due ${DEMO_SCENARIO.accessRequests[0]!.dueAt}`,
    );
    expect(await sent.locator('.request-head').innerText()).toContain(
      'You asked Atea AS to share its sourcing',
    );
    const spot = ui.page.locator(`#exposure li.blind-spot[data-org-id="${DEMO_IDS.ateaNorway}"]`);
    await spot.locator('.request-open').waitFor();
    expect(await spot.locator('.request-open .badge-overdue').count()).toBe(1);
    expect(await spot.locator('button.request-access').count()).toBe(0);
    await screenshot(ui.page, '15-oslo-request-overdue');
  });

  // Changes the data: Electronics Watch gets a share of one more disclosure (the tests above are done
  // with what it sees).
  /** Electronics Watch asks Dell for `scope`; Dell opens Grant with limits… on it. */
  const dellGrantForm = async (scope: 'DISCLOSURES' | 'BOTH') => {
    const asked = await api(
      DEMO_IDS.electronicsWatch,
      `mutation { requestAccess(organizationId: "${DEMO_IDS.dell}", scope: ${scope}) { id } }`,
    );
    const id = (asked['requestAccess'] as { id: string }).id;
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dell);
    const received = ui.page.locator(`#evidence ul.inbox li.access-request[data-request-id="${id}"]`);
    await received.waitFor();
    await received.getByRole('button', { name: "Grant with limits: Electronics Watch's request…" }).click();
    return { id, form: received.locator('form.grant-form') };
  };

  it('lets Dell grant Electronics Watch only the audit it picks, until a day it picks', async () => {
    const { id, form } = await dellGrantForm('DISCLOSURES');
    expect(await form.locator('.grant-choices li').count()).toBe(DELL_DISCLOSURES.length);
    await form.getByLabel('Only these:').check();
    await form.locator(`input[data-disclosure-id="${DEMO_IDS.dellAuditHipro}"]`).check();
    await form.getByLabel(/Access ends on/).fill('2099-01-31');
    await screenshot(ui.page, '18-dell-grant-with-limits');
    const asks = acceptDialogs(ui.page);
    await form.getByRole('button', { name: 'Grant', exact: true }).click();
    await ui.page
      .locator(`#evidence ul.inbox li.access-request[data-request-id="${id}"][data-status="GRANTED"]`)
      .waitFor();
    expect(asks).toEqual([expect.stringMatching(/will see only “.+”, until 2099-01-31 \(00:00 UTC\)/)]);
    const answered = await api(
      DEMO_IDS.dell,
      `{ accessRequest(id: "${id}") { status shares { scope disclosureIds expiresAt recipient { id } } } }`,
    );
    expect(answered['accessRequest']).toEqual({
      status: 'GRANTED',
      shares: [
        {
          scope: 'DISCLOSURES',
          disclosureIds: [DEMO_IDS.dellAuditHipro],
          expiresAt: '2099-01-31T00:00:00.000Z',
          recipient: { id: DEMO_IDS.electronicsWatch },
        },
      ],
    });
  });

  // Changes the data as the test above does: Electronics Watch's share of the Hipro audit, without an end.
  it('lets Dell grant a request for its sourcing and disclosures only the disclosures', async () => {
    const { id, form } = await dellGrantForm('BOTH');
    await form.getByLabel('Disclosures only').check();
    expect(await form.locator('fieldset.grant-links').isHidden()).toBe(true);
    await form.locator('fieldset.grant-disclosures').getByLabel('Only these:').check();
    await form.locator(`input[data-disclosure-id="${DEMO_IDS.dellAuditHipro}"]`).check();
    const asks = acceptDialogs(ui.page);
    await form.getByRole('button', { name: 'Grant', exact: true }).click();
    await ui.page
      .locator(`#evidence ul.inbox li.access-request[data-request-id="${id}"][data-status="GRANTED"]`)
      .waitFor();
    expect(asks).toEqual([expect.stringMatching(/will see only “.+”, with no end date/)]);
    const answered = await api(
      DEMO_IDS.dell,
      `{ accessRequest(id: "${id}") { status shares { scope linkIds disclosureIds } } }`,
    );
    expect(answered['accessRequest']).toEqual({
      status: 'GRANTED',
      shares: [{ scope: 'DISCLOSURES', linkIds: null, disclosureIds: [DEMO_IDS.dellAuditHipro] }],
    });
  });

  /** What the grant shares, as My suppliers names it: Atea AS's one link carrying what was asked. */
  const DELL_LINK = 'your sourcing (1 link: Dell Technologies for desktop computers, laptop computers)';
  const escaped = (text: string) => text.replace(/[()]/g, '\\$&');

  // Last: it changes the data (the request is granted).
  it('lets Atea AS grant the request in one click, after which Oslo kommune sees Dell behind Atea AS', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    const received = request('inbox');
    await received.waitFor();
    expect(await received.locator('.badge-overdue').count()).toBe(1);
    expect(await received.locator('.request-head').innerText()).toContain(
      'Oslo kommune asks you to share your sourcing',
    );
    await screenshot(ui.page, '16-atea-inbox');
    const asks = acceptDialogs(ui.page);
    await received.getByRole('button', { name: "Grant Oslo kommune's request…", exact: true }).click();
    await ui.page.locator(`#evidence ul.inbox li.access-request[data-status="GRANTED"]`).waitFor();
    // Oslo kommune asked for desktop and laptop computers: the one link that carries them is shared.
    expect(asks).toEqual([
      expect.stringContaining(
        'Oslo kommune will see the sourcing link carrying desktop computers, laptop computers, as asked ' +
          '(your link with Dell Technologies (desktop computers, laptop computers); not links you declare ' +
          'later), with no end date.',
      ),
    ]);
    await expect
      .poll(() => ui.page.locator('#status').innerText())
      .toContain('Granted the request of Oslo kommune.');
    // My suppliers shows the new share without a reload, with a way back.
    const share = ui.page.locator('#my-suppliers li.share-given', { hasText: 'Oslo kommune' });
    await share.waitFor();
    expect(await share.innerText()).toContain(`Oslo kommune sees ${DELL_LINK}`);

    expect(ui.watch.consoleErrors, 'console errors as Atea AS').toEqual([]);
    await ui.freshContext();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    await ui.page.locator('section.tier[data-tier="2"]').waitFor();
    expect(await tierTitles(ui.page)).toEqual(['Root', 'Tier 1', 'Tier 2']);
    expect(await namesInTier(ui.page, 1)).toEqual(['Atea AS']);
    expect(await namesInTier(ui.page, 2)).toEqual(['Dell Technologies']);
    const granted = ui.page.locator(`#evidence ul.outbox li.access-request[data-status="GRANTED"]`);
    await granted.waitFor();
    expect(await granted.locator('.badge-overdue').count()).toBe(0);
    expect(await granted.locator('.request-access').innerText()).toBe('Access with no end date.');
    expect(
      await ui.page.locator(`#exposure li.blind-spot[data-org-id="${DEMO_IDS.ateaNorway}"]`).count(),
    ).toBe(0);
    await screenshot(ui.page, '17-oslo-after-grant');

    await ui.freshContext();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    const revoked = acceptDialogs(ui.page);
    const shared = ui.page.locator('#my-suppliers li.share-given', { hasText: 'Oslo kommune' });
    await shared
      .getByRole('button', {
        name: 'Revoke the share of your sourcing (1 link) with Oslo kommune',
      })
      .click();
    await shared.waitFor({ state: 'detached' });
    expect(revoked).toEqual([expect.stringMatching(/^Revoke the share with Oslo kommune\?/)]);
    // The share history says so, newest first, beside the grant it ends.
    const history = ui.page.locator('#my-suppliers li.share-event');
    await history.filter({ hasText: 'stopped sharing' }).first().waitFor();
    expect(await history.first().innerText()).toMatch(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2} · You stopped sharing ${escaped(DELL_LINK)} with Oslo kommune`),
    );
    expect(await history.nth(1).innerText()).toContain(`You shared ${DELL_LINK} with Oslo kommune`);
    // The request stays granted, and says that the access it gave has ended.
    await expect
      .poll(() => request('inbox').locator('.request-access').innerText())
      .toMatch(/^Access ended: revoked \d{4}-\d{2}-\d{2}\.$/);
  });

  it("shows Region Stockholm that Dell moved an overdue action's due date, and from when", async () => {
    await api(
      DEMO_IDS.dell,
      `mutation { updateCorrectiveAction(disclosureId: "${DEMO_IDS.dellPlan}", actionId: "cap-4",
        input: { dueAt: "2099-01-31" }) { id } }`,
    );
    await ui.freshContext();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.dell).click();
    const plan = disclosureIn('#details', DEMO_IDS.dellPlan);
    await plan.waitFor();
    const moved = plan.locator('li.action[data-action-id="cap-4"]');
    const first = disclosure(DEMO_IDS.dellPlan)
      .actions!.find((a) => a.id === 'cap-4')!
      .dueAt.slice(0, 10);
    expect(await moved.locator('.action-dates').innerText()).toBe(`Due 2099-01-31 (moved from ${first})`);
    expect(await overdueActions(plan)).toEqual(['cap-3']);
    expect(await plan.locator('li.action[data-action-id="cap-3"] .action-moved').count()).toBe(0);
  });
});
