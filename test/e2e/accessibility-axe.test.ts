/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard against WCAG 2.1 A and AA as axe-core checks it (EN 301 549, which the EU Web
// Accessibility Directive makes binding on the public bodies among its users), with WCAG 2.2 AA's
// target size and axe's best practices (test/e2e/axe.ts says why): each view opened the
// way a user gets there, on the demo scenario, as the organizations whose panels hold it. A view's
// failure lists every violation with its rule, impact, elements and help, since one run should show
// all that needs fixing. Skipped without Chromium, as every browser test.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { wcagViolations, type Exceptions } from './axe.ts';
import {
  acceptDialogs,
  dashboardSession,
  describeInBrowser,
  runGraphiQLExample,
  signInAsDemo,
} from './browser.ts';

/** Audits views one after another and reports them all at the end, each view by name. */
class Audit {
  private readonly found: string[] = [];
  constructor(private readonly page: () => Page) {}

  /** `exceptions`: what a third party's markup breaks, which only that party can fix (said where used). */
  async view(name: string, exceptions: Exceptions = {}): Promise<void> {
    for (const v of await wcagViolations(this.page(), exceptions))
      this.found.push(
        `${name}: ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${v.targets.map((t) => `    ${t}`).join('\n')}`,
      );
  }

  done(): void {
    expect(this.found.join('\n'), 'accessibility violations').toBe('');
  }
}

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });
const cardOf = (id: string) => ui.page.locator(`button.org[data-org-id="${id}"]`);

describeInBrowser('dashboard accessibility (axe: WCAG 2.1 A and AA, 2.2 AA, best practices)', () => {
  it('GraphiQL at /graphql, with an operation run', async () => {
    const audit = new Audit(() => ui.page);
    await runGraphiQLExample(ui.page, ui.app);
    // GraphiQL's tabs are role="tab" items holding their own close buttons: a structure of the
    // library's, which web/graphiql.html cannot change. Its colours it can, and does.
    const tabs = { skipped: ['nested-interactive'] };
    await audit.view('GraphiQL', tabs);
    // Its dark theme, which it takes from the system's setting, the editors' text included: their
    // syntax colours are web/src/graphiql-theme.ts's (Monaco's vs-dark comments read 3.63:1).
    try {
      await ui.page.emulateMedia({ colorScheme: 'dark' });
      await ui.page.reload();
      await ui.page
        .locator('.graphiql-container .monaco-editor .line-numbers')
        .first()
        .waitFor({ timeout: 30_000 });
      await audit.view('GraphiQL, dark', tabs);
    } finally {
      await ui.page.emulateMedia({ colorScheme: null });
    }
    audit.done();
  });

  it('sign-in: the demo picker and the token form', async () => {
    const audit = new Audit(() => ui.page);
    await ui.page.goto(`${ui.app.url}/`);
    await ui.page.locator('.demo-picker button').first().waitFor();
    await audit.view('sign-in');
    audit.done();
  });

  it('Region Stockholm: tier view, details, Where to start with a row open, exposure with a request form', async () => {
    const audit = new Audit(() => ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('#exposure .exposure-summary').waitFor();
    await ui.page.locator('#risk ol.risk-ranking > li.risk-row').first().waitFor();
    await audit.view('tier view, ranking, exposure');

    const row = ui.page.locator(`#risk li.risk-row[data-org-id="${DEMO_IDS.dell}"]`);
    await row.locator('summary').click();
    await row.locator('li.risk-component').first().waitFor();
    await audit.view('Where to start, Dell opened');

    await cardOf(DEMO_IDS.hiproDongguan).click();
    await ui.page.locator('#details h2', { hasText: 'Hipro' }).waitFor();
    await ui.page.locator('#details article.disclosure').first().waitFor();
    await audit.view('details of Hipro with its disclosures');

    await cardOf(DEMO_IDS.dell).click();
    await ui.page.locator('#details h2', { hasText: 'Dell' }).waitFor();
    await ui.page.locator('#details article.disclosure').first().waitFor();
    await audit.view('details of Dell with its plan');

    const ask = ui.page.locator('#exposure button.request-access').first();
    await ask.click();
    await ui.page.locator('#exposure form.request-form').first().waitFor();
    await audit.view('exposure, request form open');

    // A bad As of day: the message beside the field.
    await ui.page.getByLabel('As of').fill('1800-01-01');
    await ui.page.getByLabel('As of').dispatchEvent('change');
    await ui.page.locator('#filter-as-of-error', { hasText: /./ }).waitFor();
    await audit.view('As of refused');

    // Filters that empty the chain.
    await ui.page.getByLabel('Search').fill('no such organization at all');
    await ui.page.locator('#status', { hasText: 'match the filters' }).waitFor();
    await audit.view('filters matching nothing');
    audit.done();
  });

  it('Region Stockholm: the session warning, before and after the token expires', async () => {
    const audit = new Audit(() => ui.page);
    await ui.page.clock.install();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('#exposure .exposure-summary').waitFor();
    await ui.page.clock.fastForward('11:56:00');
    await ui.page.locator('#session-warning').waitFor();
    await audit.view('session warning');
    await ui.page.clock.fastForward('00:05:00');
    await ui.page.locator('#session-warning-text', { hasText: /ended/ }).waitFor();
    await audit.view('session ended');
    audit.done();
  });

  it('Region Stockholm at 320 px (1280 px zoomed to 400 %): the panels under the chain, nothing sideways', async () => {
    const audit = new Audit(() => ui.page);
    await ui.page.setViewportSize({ width: 320, height: 800 });
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('#exposure .exposure-summary').waitFor();
    await cardOf(DEMO_IDS.dell).click();
    await ui.page.locator('#details h2', { hasText: 'Dell' }).waitFor();
    await audit.view('320 px');
    audit.done();
    // Reflow (WCAG 1.4.10): only the tier view, a diagram, may scroll sideways; the page may not.
    const wider = await ui.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wider, 'px the page is wider than the window').toBeLessThanOrEqual(0);
  });

  it('Oslo kommune: its outbox and blind spot; Atea AS: its inbox and the answer forms', async () => {
    const audit = new Audit(() => ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    await ui.page.locator('#evidence ul.outbox li.access-request').first().waitFor();
    await ui.page.locator('#exposure .exposure-summary').waitFor();
    await audit.view('Oslo kommune, outbox');

    await ui.page.locator('#sign-out').click();
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.ateaNorway);
    const received = ui.page.locator('#evidence ul.inbox li.access-request').first();
    await received.waitFor();
    await ui.page.locator('#my-suppliers h2').waitFor();
    await audit.view('Atea AS, inbox and my suppliers');
    for (const answer of [/^Grant with limits/, /^Decline/, /^Extend/]) {
      await received.getByRole('button', { name: answer }).click();
      await received.locator('form').first().waitFor();
      await audit.view(`Atea AS, ${answer.source} form open`);
    }
    audit.done();
  });

  it('Dell: my suppliers, my disclosures and their forms, shares and history', async () => {
    const audit = new Audit(() => ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dell);
    const disclosures = ui.page.locator('#my-disclosures');
    await disclosures.locator('li.own-disclosure').first().waitFor();
    await ui.page.locator('#my-suppliers li.own-link').first().waitFor();
    await audit.view('Dell, panels');

    const suppliers = ui.page.locator('#my-suppliers');
    await suppliers.getByRole('button', { name: 'Share your sourcing with a customer…' }).click();
    await suppliers.locator('form').filter({ hasText: 'Share your sourcing' }).first().waitFor();
    // A search that finds nothing says so in its live line, which a screen reader reads out.
    await ui.page.locator('#directory-search').fill('no such supplier anywhere');
    await suppliers.locator('form.directory-search button[type="submit"]').click();
    await expect
      .poll(() => suppliers.locator('p.directory-count[role="status"]').textContent())
      .toBe('No listed organization matches.');
    await suppliers.locator('li.own-link button.edit-link').first().click();
    await suppliers.locator('form.edit-products').first().waitFor();
    await audit.view('Dell, my suppliers forms');

    await disclosures.getByRole('button', { name: 'Publish a disclosure…' }).click();
    await disclosures.getByLabel('Kind').selectOption('CORRECTIVE_ACTION_PLAN');
    await disclosures.getByRole('button', { name: 'Add an action' }).click();
    await audit.view('Dell, publish form');

    const plan = disclosures.locator(`li[data-disclosure-id="${DEMO_IDS.dellPlan}"]`);
    await plan.getByRole('button', { name: /^History of / }).click();
    await plan.locator('li.history-version').first().waitFor();
    await plan.locator('details.version-content').first().locator('summary').click();
    await plan.locator('details.own-actions > summary').click();
    await plan
      .getByRole('button', { name: /^Update action / })
      .first()
      .click();
    await plan.getByRole('button', { name: /^Revise / }).click();
    await disclosures.getByRole('button', { name: 'Share with a customer…' }).click();
    await audit.view('Dell, history, update, revise and share forms');

    const history = suppliers.getByRole('button', { name: 'Show older' });
    if (await history.isVisible()) await history.click();
    await audit.view('Dell, share history');
    audit.done();
  });

  it('Electronics Watch: roots, a finding being recorded, my findings', async () => {
    const audit = new Audit(() => ui.page);
    acceptDialogs(ui.page);
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.electronicsWatch);
    await ui.page.locator('#my-findings h2').waitFor();
    await audit.view('Electronics Watch, own chain');
    await ui.page.locator('#root-select').selectOption(DEMO_IDS.dell);
    await cardOf(DEMO_IDS.hiproDongguan).click();
    await ui.page
      .locator('#details')
      .getByRole('button', { name: /^Record a finding about / })
      .click();
    const form = ui.page.locator('#details form.record-finding-form');
    await form.getByLabel('Evidence URL (optional)').fill('ftp://example.org/report');
    await form.getByLabel(/^Source/).fill('a source');
    await form.getByRole('button', { name: 'Record', exact: true }).click();
    await form.locator('p.form-alert[role="alert"]', { hasText: /./ }).waitFor();
    await audit.view('Electronics Watch, finding refused');
    audit.done();
  });
});
