/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The tier view's columns share the width they are given: on a 1920×1080 screen Region Stockholm's
// tiers span 92 % of the chain view instead of 53 % (fixed 180 px columns), with the links drawn
// between the cards where they now stand; at 1280 px they keep a readable width and fit; on a phone
// they keep it too and the chain view, not the page, scrolls sideways. Skipped without Chromium.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, screenshot, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

/** A card's width below which a name wraps into a ragged column of short lines. */
const READABLE = 150;

interface Layout {
  /** The chain view's inner width, and how far its content reaches past it. */
  view: number;
  sideways: number;
  /** From the root column's left edge to the last tier's right edge. */
  used: number;
  columns: number[];
  cards: number[];
  /** How far the page itself reaches past the window. */
  page: number;
  /** How many links are drawn, and those whose ends are more than a pixel off their cards' edges. */
  links: number;
  misdrawn: string[];
}

const layout = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const view = document.querySelector<HTMLElement>('#chain-view')!;
    const tiers = view.querySelector<HTMLElement>('.tiers')!;
    const box = tiers.getBoundingClientRect();
    const columns = [...tiers.querySelectorAll('section.tier')].map((s) => s.getBoundingClientRect());
    const cards = [...tiers.querySelectorAll('button.org')].map((c) => c.getBoundingClientRect());
    const edges = (side: 'left' | 'right') =>
      cards.map((r) => ({ x: r[side] - box.left, y: r.top + r.height / 2 - box.top }));
    const [lefts, rights] = [edges('left'), edges('right')];
    const onAnEdge = (x: number, y: number, of: { x: number; y: number }[]) =>
      of.some((e) => Math.abs(e.x - x) <= 1 && Math.abs(e.y - y) <= 1);
    // A link's curve runs from its customer card's right edge to its supplier's left (tier-view.ts):
    // "M x y C c1x c1y, c2x c2y, x y".
    const links = [...tiers.querySelectorAll<SVGPathElement>('path.link')];
    const misdrawn = links
      .filter((path) => {
        const n = [...(path.getAttribute('d') ?? '').matchAll(/-?[\d.]+/g)].map(Number);
        return !(onAnEdge(n[0]!, n[1]!, rights) && onAnEdge(n[6]!, n[7]!, lefts));
      })
      .map((path) => path.dataset['linkId'] ?? '?');
    return {
      view: view.clientWidth,
      sideways: view.scrollWidth - view.clientWidth,
      used: columns.at(-1)!.right - columns[0]!.left,
      columns: columns.map((c) => c.width),
      cards: cards.map((c) => c.width),
      page: document.documentElement.scrollWidth - window.innerWidth,
      links: links.length,
      misdrawn,
    };
  });

async function showChain(width: number, height: number): Promise<Layout> {
  await ui.page.setViewportSize({ width, height });
  await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
  await ui.page.locator('section.tier[data-tier="3"] button.org').first().waitFor();
  return layout(ui.page);
}

describeInBrowser('tier view columns by screen width', () => {
  it('spread over a 1920 px screen, also when the window grows there, the links following the cards', async () => {
    const wide = await showChain(1920, 1080);
    await screenshot(ui.page, 'tier-width-1920', false);
    expect(wide.sideways, 'px the chain view scrolls sideways').toBeLessThanOrEqual(0);
    expect(wide.used / wide.view, 'share of the chain view the tiers span').toBeGreaterThan(0.85);
    expect(Math.min(...wide.columns), 'narrowest column, px').toBeGreaterThan(180);
    expect(wide.links).toBeGreaterThan(3);
    expect(wide.misdrawn, 'links not ending at their cards').toEqual([]);

    // From a laptop's width to the big screen, as when a window is maximised: the links are redrawn.
    await ui.page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(async () => (await layout(ui.page)).used).toBeLessThan(wide.used);
    await expect.poll(async () => (await layout(ui.page)).misdrawn).toEqual([]);
    await ui.page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await layout(ui.page)).used).toBe(wide.used);
    await expect.poll(async () => (await layout(ui.page)).misdrawn).toEqual([]);
  });

  it('stay readable and fit at 1280 px', async () => {
    const laptop = await showChain(1280, 900);
    expect(laptop.sideways).toBeLessThanOrEqual(0);
    expect(laptop.page).toBeLessThanOrEqual(0);
    expect(Math.min(...laptop.cards)).toBeGreaterThanOrEqual(READABLE);
    expect(laptop.misdrawn).toEqual([]);
  });

  it('keep their width on a phone, where the chain view scrolls sideways and the page does not', async () => {
    const phone = await showChain(375, 812);
    await screenshot(ui.page, 'tier-width-375', false);
    expect(phone.sideways, 'px the chain view scrolls sideways').toBeGreaterThan(0);
    expect(phone.page, 'px the page is wider than the window').toBeLessThanOrEqual(0);
    expect(Math.min(...phone.cards)).toBeGreaterThanOrEqual(READABLE);
    expect(phone.misdrawn).toEqual([]);
  });
});
