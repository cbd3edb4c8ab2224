/// <reference lib="dom" />
// axe-core's WCAG 2.1 A and AA rules (EN 301 549, which the EU Web Accessibility Directive makes binding
// on the public bodies among the dashboard's users) run in the page as it stands, with WCAG 2.2 AA's
// (target size: 2.2 is the W3C's current recommendation, which EN 301 549's next edition takes up) and
// axe's best practices (headings in order, one main landmark and nothing outside a landmark, a page
// heading…: what screen-reader users move through a page by). A violation of any impact fails, moderate
// and minor ones too: the pages are at none, and a threshold would let new ones in unnoticed.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  /** Each element that carries it, with what would fix it. */
  targets: string[];
}

/** What one audit leaves out: rules a third party's to fix (said where used). */
export interface Exceptions {
  skipped?: readonly string[];
}

/** The violations axe finds in `page` as it stands, each with the elements that carry it. */
export async function wcagViolations(page: Page, { skipped = [] }: Exceptions = {}): Promise<Violation[]> {
  // Evaluated rather than added as a <script>: the dashboard's Content-Security-Policy (script-src
  // 'self') refuses inline scripts, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ tags, skipped }) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const rules = Object.fromEntries(skipped.map((rule) => [rule, { enabled: false }]));
      const result = await run(document, { runOnly: { type: 'tag', values: tags }, rules });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map(
          (n) => `${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary}` : ''}`,
        ),
      }));
    },
    { tags: RULE_TAGS, skipped: [...skipped] },
  );
}

/** The violations in `page`, a line per rule naming its elements: [] when there are none. */
export const violationLines = async (page: Page): Promise<string[]> =>
  (await wcagViolations(page)).map((v) => `${v.id}: ${v.targets.join(', ')}`);
