/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard and GraphiQL in Debian's Chromium against the API in local demo mode with the demo
// scenario: the newcomer's path of issue 5 (open /, pick Region Stockholm, see Atea, Dell and the
// factories tier by tier), the root switcher, filters, exports, GraphiQL offline. Every test also checks
// that the page logged no console error and made no request off 127.0.0.1. Screenshots go to
// test-results/e2e/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import {
  ARTIFACTS,
  dashboardSession,
  describeInBrowser,
  namesInTier,
  runGraphiQLExample,
  screenshot,
  signInAsDemo,
  startDemoApp,
  tierTitles,
} from './browser.ts';

/** The factories that supply Dell directly in the demo: tier 3 for Region Stockholm, tier 1 from root Dell. */
const FACTORIES = DEMO_SCENARIO.links
  .filter((l) => l.customer === DEMO_IDS.dell && l.validTo === undefined)
  .map((l) => l.supplier)
  .filter((id) => DEMO_SCENARIO.organizations.find((o) => o.id === id)?.type === 'FACTORY')
  .filter((id, i, all) => all.indexOf(id) === i);
const nameOf = (id: string) => DEMO_SCENARIO.organizations.find((o) => o.id === id)!.name;

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

const cardOf = (id: string) => ui.page.locator(`button.org[data-org-id="${id}"]`);

/**
 * What sticks out past the right edge of the window (tag, id and class), outside the chain view, which
 * scrolls its tiers itself: on a phone, nothing may need the page to scroll sideways.
 */
const sidewaysOverflow = () =>
  ui.page.evaluate(() => {
    const describe = (e: Element) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`;
    const outside = [...document.querySelectorAll('body *')]
      .filter((e) => e.closest('.chain-view') === null && e.getClientRects().length > 0)
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map(describe);
    const page = document.documentElement.scrollWidth - window.innerWidth;
    return page > 0 ? [`the page, ${page} px wider than the window`, ...outside] : outside;
  });

describeInBrowser('dashboard on the current API', () => {
  it('lets a newcomer pick Region Stockholm and see Atea, Dell and the factories tier by tier', async () => {
    await ui.page.goto(`${ui.app.url}/`);
    await ui.page.getByRole('heading', { name: 'Local demo: sign in as' }).waitFor();
    await screenshot(ui.page, '01-sign-in');
    await ui.page.getByRole('button', { name: /^Region Stockholm/ }).click();
    await ui.page.locator('section.tier[data-tier="3"]').waitFor();

    expect(await tierTitles(ui.page)).toEqual(['Root', 'Tier 1', 'Tier 2', 'Tier 3']);
    expect(await namesInTier(ui.page, 0)).toEqual([nameOf(DEMO_IDS.regionStockholm)]);
    expect(await namesInTier(ui.page, 1)).toEqual(['Atea Sverige AB']);
    expect(await namesInTier(ui.page, 2)).toEqual(['Dell Technologies']);
    const tier3 = await ui.page
      .locator('section.tier[data-tier="3"] button.org')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['orgId']));
    for (const factory of FACTORIES) expect(tier3).toContain(factory);
    expect(await ui.page.getByTestId('tier-1-count').textContent()).toBe('1 organization');
    expect(await ui.page.getByTestId('tier-3-count').textContent()).toMatch(/^\d+ organizations$/);
    // Links are drawn between the tiers: root-Atea, Atea-Dell, Dell-each factory at least.
    expect(await ui.page.locator('svg.links path.link').count()).toBeGreaterThanOrEqual(2 + FACTORIES.length);
    expect(await ui.page.evaluate(() => sessionStorage.getItem('tiersight.token'))).toMatch(/^ey/);
    await screenshot(ui.page, '02-region-stockholm-tiers');
  });

  it('shows the details of an organization: type, country, path to the root, illustrative links', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.hiproDongguan).click();
    const details = ui.page.locator('#details');
    await details.locator('h2', { hasText: 'Hipro' }).waitFor();
    const text = await details.innerText();
    expect(text).toContain('Factory');
    expect(text).toMatch(/Dongguan, CN|CN/);
    expect(await details.locator('ol.path button').allTextContents()).toEqual([
      nameOf(DEMO_IDS.regionStockholm),
      'Atea Sverige AB',
      'Dell Technologies',
      nameOf(DEMO_IDS.hiproDongguan),
    ]);
    expect(text).toContain('illustrative, not a claim about the real company');
    // The path's links are highlighted in the drawing.
    expect(await ui.page.locator('svg.links path.highlighted').count()).toBe(3);
    await screenshot(ui.page, '03-details-hipro');
  });

  it('moves between organizations with the keyboard', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.atea).focus();
    await ui.page.keyboard.press('ArrowRight');
    expect(await ui.page.evaluate(() => (document.activeElement as HTMLElement).dataset['orgId'])).toBe(
      DEMO_IDS.dell,
    );
    await ui.page.keyboard.press('ArrowRight');
    expect(await ui.page.evaluate(() => (document.activeElement as HTMLElement).dataset['tier'])).toBe('3');
    await ui.page.keyboard.press('ArrowDown');
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('#details h2').waitFor();
    // Every form control has a label.
    const unlabelled = await ui.page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });

  it('filters by depth, type, country and name, with counts per tier', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('section.tier[data-tier="3"]').waitFor();
    const all = (await namesInTier(ui.page, 3)).length;

    await ui.page.getByLabel('Factory').check();
    const factories = await ui.page
      .locator('section.tier[data-tier="3"] button.org')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['orgId']));
    expect(factories.sort()).toEqual([...FACTORIES].sort());
    expect(await ui.page.getByTestId('tier-3-count').textContent()).toBe(
      `${FACTORIES.length} of ${all} organizations`,
    );
    expect(await namesInTier(ui.page, 1)).toEqual([]);
    await screenshot(ui.page, '04-filter-factories');
    await ui.page.getByLabel('Factory').uncheck();

    await ui.page.getByLabel('Country').selectOption('SE');
    expect(await namesInTier(ui.page, 1)).toEqual(['Atea Sverige AB']);
    expect(await namesInTier(ui.page, 3)).toEqual([]);
    await ui.page.getByLabel('Country').selectOption('');

    await ui.page.getByLabel('Search').fill('dongguan');
    expect(await namesInTier(ui.page, 3)).toEqual([
      nameOf(DEMO_IDS.hiproDongguan),
      nameOf(DEMO_IDS.taidaDongguan),
    ]);
    expect(await ui.page.getByTestId('tier-3-count').textContent()).toBe(`2 of ${all} organizations`);
    await ui.page.getByLabel('Search').fill('');

    await ui.page.getByLabel('Depth').selectOption('2');
    await ui.page.locator('section.tier[data-tier="3"]').waitFor({ state: 'detached' });
    expect(await tierTitles(ui.page)).toEqual(['Root', 'Tier 1', 'Tier 2']);
  });

  it('switches roots: a monitor sees Dell’s factories from root Dell', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.electronicsWatch);
    // Its own chain is empty: the page says where what was shared with it is.
    expect(await ui.page.locator('.nothing-shared').textContent()).toContain(
      `Shared with you: the chains of ${nameOf(DEMO_IDS.dell)}`,
    );
    const options = await ui.page
      .locator('#root-select option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining([DEMO_IDS.electronicsWatch, DEMO_IDS.dell]));
    await ui.page.getByLabel('Root', { exact: true }).selectOption(DEMO_IDS.dell);
    await ui.page.locator('section.tier-root button.org[data-org-id="us-dell"]').waitFor();
    const tier1 = await ui.page
      .locator('section.tier[data-tier="1"] button.org')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['orgId']));
    expect(tier1.length).toBeGreaterThan(0);
    for (const id of tier1) expect(FACTORIES).toContain(id);
    await screenshot(ui.page, '05-monitor-root-dell');
  });

  it('shows Oslo kommune only Atea AS: nothing further was shared', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    expect(await tierTitles(ui.page)).toEqual(['Root', 'Tier 1']);
    expect(await namesInTier(ui.page, 1)).toEqual(['Atea AS']);
  });

  it('exports the visible chain as CSV and the view as PNG', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('section.tier[data-tier="3"]').waitFor();
    const [csvDownload] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('#export-csv')]);
    expect(csvDownload.suggestedFilename()).toMatch(/^tiersight-se-region-stockholm-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = join(ARTIFACTS, 'region-stockholm.csv');
    await csvDownload.saveAs(csvPath);
    const csv = await readFile(csvPath, 'utf8');
    // A byte order mark first, for Excel (web/src/export.ts csvFile).
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'tier,id,name,type,country,provenance,highest_risk,risk_sources,disclosed_risk,disclosed_by,supplies_to',
    );
    expect(rows[1]).toMatch(/^0,se-region-stockholm,/);
    expect(rows.some((r) => r.startsWith('1,se-atea,Atea Sverige AB,RESELLER,SE'))).toBe(true);
    expect(rows.some((r) => r.startsWith('2,us-dell,Dell Technologies,BRAND,US'))).toBe(true);
    for (const factory of FACTORIES) expect(rows.some((r) => r.startsWith(`3,${factory},`))).toBe(true);

    const [pngDownload] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('#export-png')]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const pngPath = join(ARTIFACTS, 'region-stockholm-export.png');
    await pngDownload.saveAs(pngPath);
    const png = await readFile(pngPath);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(600); // width
  });

  it('draws into the PNG the badges, risk scores and band edges of the cards, as on the page', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    // Dell's ◆ comes with the exposure (what it disclosed to the region), the scores with the ranking.
    await cardOf(DEMO_IDS.dell).locator('.badge-disclosed').waitFor();
    await cardOf(DEMO_IDS.hiproDongguan).locator('.risk-score').waitFor();
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('#export-png')]);
    const path = join(ARTIFACTS, 'region-stockholm-badges.png');
    await download.saveAs(path);
    const probes = [
      { name: 'Dell ◆', card: DEMO_IDS.dell, chip: '.badge-disclosed' },
      { name: 'Hipro ⚠', card: DEMO_IDS.hiproDongguan, chip: '.badge.sev-HIGH' },
      { name: 'Hipro score', card: DEMO_IDS.hiproDongguan, chip: '.risk-score' },
      { name: 'Hipro band edge', card: DEMO_IDS.hiproDongguan, chip: null },
    ];
    const colours = await ui.page.evaluate(
      async ({ png, probes }) => {
        const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const tiers = document.querySelector<HTMLElement>('.tiers')!;
        const box = tiers.getBoundingClientRect();
        const header = image.height - tiers.scrollHeight;
        const rgb = (css: string) => {
          ctx.fillStyle = css; // the canvas turns any CSS colour into #rrggbb
          return ctx.fillStyle;
        };
        const hex = (x: number, y: number) =>
          `#${[...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
        return probes.map(({ name, card, chip }) => {
          const button = document.querySelector<HTMLElement>(`button.org[data-org-id="${card}"]`)!;
          const target = chip === null ? button : button.querySelector<HTMLElement>(chip)!;
          const r = target.getBoundingClientRect();
          // Inside a chip's left padding, clear of its text; for the edge, 3 px in from the border.
          const x = Math.round((chip === null ? r.right - 4 : r.left + 2) - box.left + tiers.scrollLeft);
          const y = Math.round(r.top + r.height / 2 - box.top + tiers.scrollTop + header);
          const style = getComputedStyle(target);
          const expected = chip === null ? style.getPropertyValue('--band-edge') : style.backgroundColor;
          return { name, drawn: hex(x, y), expected: rgb(expected) };
        });
      },
      { png: (await readFile(path)).toString('base64'), probes },
    );
    for (const { name, drawn, expected } of colours) expect(drawn, name).toBe(expected);
  });

  it('is usable at 1024 px wide', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('section.tier[data-tier="3"]').waitFor();
    const overflow = await ui.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(ui.page, '06-width-1024');
  });

  it('is usable on a phone (375×812): only the chain view scrolls sideways, and details come into view', async () => {
    await ui.page.setViewportSize({ width: 375, height: 812 });
    await ui.page.goto(`${ui.app.url}/`);
    await ui.page.getByRole('heading', { name: 'Local demo: sign in as' }).waitFor();
    expect(await sidewaysOverflow()).toEqual([]);
    await ui.page.getByRole('button', { name: /^Region Stockholm/ }).click();
    await cardOf(DEMO_IDS.hiproDongguan).waitFor();
    expect(await sidewaysOverflow()).toEqual([]);
    // The tiers are wider than the phone: the chain view scrolls them, the page does not.
    const view = ui.page.locator('#chain-view');
    expect(await view.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await screenshot(ui.page, '06-phone', false);

    await cardOf(DEMO_IDS.hiproDongguan).click();
    const heading = ui.page.locator('#details-heading');
    await heading.waitFor();
    // The details sit under the chain: the page scrolls them up to the top of the screen.
    await expect.poll(() => heading.evaluate((e) => e === document.activeElement)).toBe(true);
    const top = await ui.page.locator('#details').evaluate((e) => e.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(1);
    expect(await sidewaysOverflow()).toEqual([]);
    await screenshot(ui.page, '06-phone-details', false);
  });

  it('signs in with a pasted token and signs out', async () => {
    const response = await ui.page.request.post(`${ui.app.url}/dev/token`, {
      data: { org: DEMO_IDS.osloKommune },
    });
    const { token } = (await response.json()) as { token: string };
    await ui.page.goto(`${ui.app.url}/`);
    await ui.page.getByLabel(/Access token/).fill(`Bearer ${token}`);
    await ui.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await ui.page.locator('section.tier[data-tier="1"]').waitFor();
    expect(await ui.page.locator('#viewer-name').textContent()).toBe('Oslo kommune');
    await ui.page.getByRole('button', { name: 'Sign out' }).click();
    await ui.page.getByLabel(/Access token/).waitFor();
    expect(await ui.page.evaluate(() => sessionStorage.getItem('tiersight.token'))).toBeNull();
  });
});

describeInBrowser('in production', () => {
  it('offers only the token form, and never asks for the absent demo route', async () => {
    const production = await startDemoApp(ui.db, 'production');
    const asked: string[] = [];
    const record = (request: Request) => asked.push(new URL(request.url()).pathname);
    ui.page.on('request', record);
    try {
      await ui.page.goto(`${production.url}/`);
      await ui.page.getByLabel(/Access token/).waitFor();
      expect(await ui.page.getByRole('heading', { name: 'Local demo: sign in as' }).count()).toBe(0);
      expect(asked).not.toContain('/dev/token');
    } finally {
      ui.page.off('request', record);
      // A page still on the server keeps its connections busy, and close() waits for them (a full run
      // once timed out here).
      await ui.page.goto('about:blank');
      await production.close();
    }
  });
});

describeInBrowser('GraphiQL at /graphql, offline', () => {
  it('loads from the server alone, with the demo token prefilled, and runs an operation', async () => {
    // The Authorization header is prefilled in demo mode, and the first example answers.
    await runGraphiQLExample(ui.page, ui.app);
    await screenshot(ui.page, '07-graphiql');
    // Every request went to this server: the editor, its workers and styles are bundled.
    expect(ui.watch.requests.every((url) => url.startsWith(ui.app.url) || /^(data|blob):/.test(url))).toBe(
      true,
    );
  });
});

// Contract v1.1 (exposure, asOf, product, Organization.risks), implemented alongside the dashboard.
describeInBrowser('exposure, asOf, product and risk badges (contract v1.1)', () => {
  it('badges flagged organizations and lists their risk indicators with sources', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('section.tier[data-tier="3"]').waitFor();
    await cardOf(DEMO_IDS.hiproDongguan).locator('.badge.sev-HIGH').waitFor();
    expect(await cardOf(DEMO_IDS.atea).locator('.badge').count()).toBe(0);
    await cardOf(DEMO_IDS.hiproDongguan).click();
    const risks = ui.page.locator('#details ul.risks');
    await risks.waitFor();
    expect(await risks.innerText()).toMatch(/DanWatch/i);
  });

  it('shows the exposure: findings nearest first with paths and sources, and blind spots', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    const findings = ui.page.locator('#exposure li.finding');
    await findings.first().waitFor();
    const tiers = await findings.evaluateAll((els) =>
      els.map((e) => Number((e as HTMLElement).dataset['tier'])),
    );
    expect(tiers.length).toBeGreaterThan(0);
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
    // Tier 2: Dell, through the overdue actions of the plan it disclosed to the region (the nearest
    // public finding is at tier 3).
    expect(await ui.page.locator('#exposure .exposure-summary').innerText()).toMatch(
      /Closest flagged tier: 2/,
    );
    const hipro = ui.page.locator(`#exposure li.finding[data-org-id="${DEMO_IDS.hiproDongguan}"]`);
    expect(await hipro.locator('ol.path button').allTextContents()).toEqual([
      nameOf(DEMO_IDS.regionStockholm),
      'Atea Sverige AB',
      'Dell Technologies',
      nameOf(DEMO_IDS.hiproDongguan),
    ]);
    expect(await hipro.locator('.finding-sources').innerText()).toMatch(/DanWatch/i);
    await screenshot(ui.page, '08-exposure-region-stockholm');
  });

  it('shows Oslo kommune its blind spot Atea AS, which it has already asked to share (the demo request)', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.osloKommune);
    const spot = ui.page.locator(`#exposure li.blind-spot[data-org-id="${DEMO_IDS.ateaNorway}"]`);
    await spot.waitFor();
    await spot.locator('.request-open').waitFor();
    expect(await spot.locator('.request-open').innerText()).toContain('due 2026-11-09');
    expect(await spot.locator('button.request-access').count()).toBe(0);
    await screenshot(ui.page, '09-blind-spot-oslo');
  });

  it('offers "Request access" on every blind spot not asked yet, and sends one', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dfo);
    const spot = ui.page.locator(`#exposure li.blind-spot[data-org-id="${DEMO_IDS.ateaNorway}"]`);
    await spot.locator('button.request-access').click();
    await spot.getByLabel('Ask it to share').selectOption('BOTH');
    await spot.getByLabel('Message (optional)').fill('Please share your sourcing and evidence.');
    await spot.getByRole('button', { name: 'Send request' }).click();
    await ui.page
      .locator(`#exposure li.blind-spot[data-org-id="${DEMO_IDS.ateaNorway}"] .request-open`)
      .waitFor();
    const sent = ui.page.locator('#evidence ul.outbox li.access-request[data-status="OPEN"]');
    expect(await sent.locator('.request-head').innerText()).toContain(
      'You asked Atea AS to share its sourcing and its disclosures',
    );
    expect(await sent.locator('.badge-overdue').count()).toBe(0);
    // The form is gone with the redraw: the focus is on the status line, which confirms the request.
    const status = ui.page.locator('#status');
    await expect.poll(() => status.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await status.innerText()).toMatch(/^Access request sent to Atea AS, due \d{4}-\d{2}-\d{2}\./);
  });

  it('goes back in time with asOf: in 2013 Region Stockholm bought from Dell directly', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator('section.tier[data-tier="3"]').waitFor();
    await ui.page.getByLabel('As of').fill('2013-06-01');
    await ui.page.locator('section.tier[data-tier="3"]').waitFor({ state: 'detached' });
    expect(await tierTitles(ui.page)).toEqual(['Root', 'Tier 1']);
    expect(await namesInTier(ui.page, 1)).toEqual(['Dell Technologies']);
    expect(await ui.page.locator('#status').innerText()).toContain('as of 2013-06-01');
    await screenshot(ui.page, '10-as-of-2013');
  });

  it('follows one product only', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.hiproDongguan).waitFor();
    await ui.page.getByLabel('Product', { exact: true }).fill('laptop computers');
    await ui.page.getByLabel('Product', { exact: true }).press('Tab');
    await cardOf(DEMO_IDS.hiproDongguan).waitFor({ state: 'detached' });
    expect(await namesInTier(ui.page, 1)).toEqual(['Atea Sverige AB']);
    expect(await namesInTier(ui.page, 2)).toEqual(['Dell Technologies']);
  });

  it('refuses an As of day out of range beside the field, without asking the server', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.hiproDongguan).waitFor();
    // The panels beside the chain (exposure, ranking, evidence) may still be asking: counted from here,
    // their requests would read as the refused day's.
    await ui.page.waitForLoadState('networkidle');
    const before = ui.watch.requests.length;
    await ui.page.getByLabel('As of').fill('0001-01-01');
    await ui.page
      .locator('#filter-as-of-error', { hasText: 'Choose a date between 1900-01-01 and 2100-12-31.' })
      .waitFor();
    // A request sent a moment after the message (a debounce, a retry) would be one too.
    await ui.page.waitForTimeout(500);
    expect(ui.watch.requests.slice(before).filter((url) => url.endsWith('/graphql'))).toEqual([]);
    expect(await cardOf(DEMO_IDS.hiproDongguan).count()).toBe(1);
    expect(await ui.page.locator('#chain-view .error').count()).toBe(0);
  });
});
