/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A name shows in its own direction and cannot reorder what follows it (web/src/styles.css, .org-name):
// an import keeps a name as stored, bidirectional controls included, and an open right-to-left
// override in a ranking row's name would otherwise run on into the tier and country beside it. The
// dashboard's own stylesheet in Chromium's layout, on a row as web/src/risk.ts builds it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { describeInBrowser, launchChromium } from './browser.ts';

let browser: Browser;

/** The characters of `#meta`'s text in the order they show, left to right. */
async function shownOrder(name: string, css: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<style>${css}</style><ol><li class="risk-row"><details><summary>` +
        `<span class="risk-rank">1</span> <span class="org-name"></span>` +
        `<span class="muted" id="meta"> tier 2 · CN</span></summary></details></li></ol>`,
    );
    return await page.evaluate((n) => {
      document.querySelector('.org-name')!.textContent = n;
      const text = document.getElementById('meta')!.firstChild!;
      const range = document.createRange();
      const glyphs = [...(text.textContent ?? '')].map((c, i) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return { c, x: range.getBoundingClientRect().x };
      });
      return glyphs
        .filter((g) => g.c.trim() !== '')
        .sort((a, b) => a.x - b.x)
        .map((g) => g.c)
        .join('');
    }, name);
  } finally {
    await page.close();
  }
}

describeInBrowser('names in their own direction', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('an override left open in a name does not turn the tier and country around', async () => {
    const css = await readFile(join(REPO_ROOT, 'web', 'src', 'styles.css'), 'utf8');
    const name = 'Foxconn \u202eyrotcaF';
    expect(await shownOrder(name, css)).toBe('tier2·CN');
    // The check can see what it guards against: without the stylesheet the override runs on.
    expect(await shownOrder(name, '')).not.toBe('tier2·CN');
  });
});
