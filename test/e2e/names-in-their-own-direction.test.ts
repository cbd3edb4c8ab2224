/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A name shows in its own direction and cannot reorder what follows it: an import keeps a name as
// stored, bidirectional controls included, and an open right-to-left override in a name would otherwise
// run on into the words after it. In Chromium's layout: a ranking row as web/src/risk.ts builds it and
// an access request's counterpart in bold, with the dashboard's own stylesheet (.org-name, strong), and
// a sentence that names it through isolate() (web/src/bidi.ts), as status lines and confirmations do.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { isolate } from '../../web/src/bidi.ts';
import { describeInBrowser, launchChromium } from './browser.ts';

let browser: Browser;

/**
 * The characters from `from` on of the text of `#read` in the order they show, left to right, once
 * `slot` (if there is one) holds `name`.
 */
async function shownOrder(html: string, name: string, from = 0, slot = '.org-name'): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.evaluate(
      ([n, start, where]) => {
        const holder = document.querySelector(where);
        if (holder !== null) holder.textContent = n;
        const text = document.getElementById('read')!.firstChild!;
        const range = document.createRange();
        const glyphs = [...(text.textContent ?? '')].map((c, i) => {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          return { c, i, x: range.getBoundingClientRect().x };
        });
        return glyphs
          .filter((g) => g.i >= start && g.c.trim() !== '')
          .sort((a, b) => a.x - b.x)
          .map((g) => g.c)
          .join('');
      },
      [name, from, slot] as const,
    );
  } finally {
    await page.close();
  }
}

const row = (css: string) =>
  `<style>${css}</style><ol><li class="risk-row"><details><summary>` +
  `<span class="risk-rank">1</span> <span class="org-name"></span>` +
  `<span class="muted" id="read"> tier 2 · CN</span></summary></details></li></ol>`;

/** A status line naming `shown`, and where its last words start. */
const sentence = (shown: string) => {
  const text = `Withdrew the request to ${shown}. Sent again?`;
  return { html: `<p id="read">${text}</p>`, from: text.indexOf('. Sent') };
};

describeInBrowser('names in their own direction', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('an override left open in a name does not turn the tier and country around', async () => {
    const css = await readFile(join(REPO_ROOT, 'web', 'src', 'styles.css'), 'utf8');
    const name = 'Foxconn \u202eyrotcaF';
    expect(await shownOrder(row(css), name)).toBe('tier2·CN');
    // The check can see what it guards against: without the stylesheet the override runs on.
    expect(await shownOrder(row(''), name)).not.toBe('tier2·CN');
  });

  it('nor the words after it where an access request names its counterpart in bold', async () => {
    const css = await readFile(join(REPO_ROOT, 'web', 'src', 'styles.css'), 'utf8');
    // As web/src/evidence.ts builds it: "You asked <strong>name</strong> to share …".
    const html = (style: string) =>
      `<style>${style}</style><p>You asked <strong id="name"></strong><span id="read"> to share</span></p>`;
    const name = 'Foxconn \u202eyrotcaF';
    expect(await shownOrder(html(css), name, 0, '#name')).toBe('toshare');
    expect(await shownOrder(html(''), name, 0, '#name')).not.toBe('toshare');
  });

  it('nor the words after it in a sentence that names it', async () => {
    const name = 'Foxconn \u202eyrotcaF';
    const isolated = sentence(isolate(name));
    expect(await shownOrder(isolated.html, '', isolated.from)).toBe('.Sentagain?');
    const raw = sentence(name);
    expect(await shownOrder(raw.html, '', raw.from)).not.toBe('.Sentagain?');
  });
});
