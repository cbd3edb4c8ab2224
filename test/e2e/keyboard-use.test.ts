/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard with the keyboard alone, what axe cannot check: Tab reaches every control, each with a
// visible focus (3:1 against what is behind it); closing the details and folding a form with Escape give the focus back where it came
// from; a card reads its risk score as one, with its band. Skipped without Chromium.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });
const cardOf = (id: string) => ui.page.locator(`button.org[data-org-id="${id}"]`);

/** What has the focus: its id, else its tag, class and name, enough to tell it in a failure. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!(e instanceof HTMLElement) || e === document.body) return '(body)';
    return e.id !== ''
      ? `#${e.id}`
      : `${e.tagName.toLowerCase()}.${e.className} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim()}"`;
  });

/** WCAG's contrast ratio of two CSS colours as getComputedStyle gives them ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

async function loaded(page: Page): Promise<void> {
  await page.locator('#exposure .exposure-summary').waitFor();
  await page.locator('#risk ol.risk-ranking > li').first().waitFor();
  await page.locator('#my-suppliers li.own-link').first().waitFor();
}

/**
 * Tabs from the top of the page to past its last control: every control a pointer can use must be
 * reached, each stop must show a focus ring, and an outline must stand at 3:1 against what is behind it.
 */
async function tabsThroughEverything(page: Page): Promise<void> {
  // Every control a pointer can use now, marked so that the walk can tick it off.
  const controls = await page.evaluate(() => {
    const all = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(
      (e) =>
        // Not inside a folded <details>, whose content is laid out but not drawn.
        e.checkVisibility({ visibilityProperty: true }) &&
        !(e as HTMLButtonElement).disabled &&
        // The skip links stand off-screen until focused.
        (e.getBoundingClientRect().right > 0 || e.classList.contains('skip')),
    );
    all.forEach((e, i) => e.setAttribute('data-walk', String(i)));
    return all.length;
  });
  expect(controls).toBeGreaterThan(50);
  // From the first control (the first skip link): a blur would leave Chromium's starting point for
  // Tab where the focus was.
  await page.locator('[data-walk="0"]').focus();
  const reached = new Set<string>(['0']);
  const unseen: string[] = [];
  const faint: string[] = [];
  for (let step = 0; step < controls * 6; step++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      if (!(e instanceof HTMLElement) || e === document.body) return null;
      const style = getComputedStyle(e);
      const ring =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const box = e.getBoundingClientRect();
      // What an outline, drawn off the element, stands against: the first background behind it.
      let behind = 'rgb(255, 255, 255)';
      for (let p = e.parentElement; p !== null; p = p.parentElement) {
        const colour = getComputedStyle(p).backgroundColor;
        if (colour !== 'transparent' && !colour.startsWith('rgba(0, 0, 0, 0)')) {
          behind = colour;
          break;
        }
      }
      return {
        walk: e.getAttribute('data-walk'),
        what: e.id !== '' ? `#${e.id}` : `${e.tagName.toLowerCase()}.${e.className}`,
        shown: ring && box.width > 0 && box.height > 0,
        outline: style.outlineStyle !== 'none' && style.outlineOffset !== '0px' ? style.outlineColor : null,
        behind,
      };
    });
    if (stop === null) {
      if (reached.size > 0) break; // past the last control, back to the document
      continue;
    }
    if (!stop.shown) unseen.push(stop.what);
    const ratio = stop.outline === null ? null : contrast(stop.outline, stop.behind);
    if (ratio !== null && ratio < 3) faint.push(`${stop.what}: ${ratio.toFixed(2)}:1`);
    if (stop.walk !== null) reached.add(stop.walk);
  }
  const missed = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>('[data-walk]')]
        .filter((e) => !seen.includes(e.getAttribute('data-walk') ?? ''))
        // A radio group is one Tab stop, its choices reached with the arrow keys.
        .filter(
          (e) =>
            !(e instanceof HTMLInputElement && e.type === 'radio') ||
            ![
              ...document.querySelectorAll<HTMLElement>(`input[type="radio"][name="${CSS.escape(e.name)}"]`),
            ].some((other) => seen.includes(other.getAttribute('data-walk') ?? '')),
        )
        .map((e) => e.outerHTML.slice(0, 120)),
    [...reached],
  );
  expect(missed, 'controls that Tab never reached').toEqual([]);
  expect([...new Set(unseen)], 'focus stops with no visible focus').toEqual([]);
  expect([...new Set(faint)], 'focus rings under 3:1 against what is behind them').toEqual([]);
}

describeInBrowser('dashboard with the keyboard alone', () => {
  it('reaches every control with Tab, each with a visible focus ring', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await loaded(ui.page);
    await tabsThroughEverything(ui.page);
  });

  it('reaches every control of Dell’s own records with Tab, their forms open', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.dell);
    const disclosures = ui.page.locator('#my-disclosures');
    await disclosures.locator('li.own-disclosure').first().waitFor();
    await disclosures.getByRole('button', { name: 'Publish a disclosure…' }).click();
    await disclosures.getByLabel('Kind').selectOption('CORRECTIVE_ACTION_PLAN');
    await disclosures.getByRole('button', { name: 'Add an action' }).click();
    await ui.page
      .locator('#my-suppliers')
      .getByRole('button', { name: 'Share your sourcing with a customer…' })
      .click();
    await cardOf(DEMO_IDS.hiproDongguan).click();
    await ui.page.locator('#details h2', { hasText: 'Hipro' }).waitFor();
    await tabsThroughEverything(ui.page);
  });

  it('gives the focus back to the card when the details are closed', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await cardOf(DEMO_IDS.hiproDongguan).focus();
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('#details h2', { hasText: 'Hipro' }).waitFor();
    expect(await focused(ui.page)).toBe('#details-heading');
    await ui.page.keyboard.press('Tab');
    expect(await focused(ui.page)).toMatch(/"Close details"$/);
    // The disclosures arrive and the panel is drawn again: the focus stays on its close button.
    await ui.page.locator('#details article.disclosure').first().waitFor();
    expect(await focused(ui.page)).toMatch(/"Close details"$/);
    await ui.page.keyboard.press('Enter');
    await ui.page.locator('#details').waitFor({ state: 'hidden' });
    expect(await ui.page.evaluate(() => (document.activeElement as HTMLElement).dataset['orgId'])).toBe(
      DEMO_IDS.hiproDongguan,
    );
  });

  it('folds an open form with Escape and gives the focus back to its opener', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await loaded(ui.page);
    const opener = ui.page.locator('#exposure button.request-access').first();
    const form = ui.page.locator('#exposure form.request-form').first();
    await opener.focus();
    await ui.page.keyboard.press('Enter');
    await form.waitFor({ state: 'visible' });
    expect(await ui.page.evaluate(() => document.activeElement?.closest('form.request-form') !== null)).toBe(
      true,
    );
    await ui.page.keyboard.press('Tab');
    await ui.page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');

    // Edit products… of My suppliers, drawn apart from the other forms: the same.
    const edit = ui.page.locator('#my-suppliers li.own-link button.edit-link').first();
    await edit.focus();
    await ui.page.keyboard.press('Enter');
    const products = ui.page.locator('#my-suppliers form.edit-products:visible input');
    await products.waitFor();
    expect(await products.evaluate((e) => e === document.activeElement)).toBe(true);
    await ui.page.keyboard.press('Escape');
    expect(await edit.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await edit.getAttribute('aria-expanded')).toBe('false');
  });

  it('reads a card’s risk score as one, with its band, and says the bands in words', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await loaded(ui.page);
    await ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"][data-risk-score]`).waitFor();
    const card = ui.page.getByRole('button', {
      name: /^Hipro Electronics, Dongguan Factory .* risk score \d+(\.\d+)? of 100, (high|medium|low)$/,
    });
    expect(await card.count()).toBe(1);
    expect(await ui.page.locator('#risk').innerText()).toContain('high from 40');
  });
});
