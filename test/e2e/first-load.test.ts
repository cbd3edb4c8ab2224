// The demo's warm-up sends what the dashboard asks when it opens (web/src/first-load.ts, replayed by
// `serve` on a fresh Neo4j: src/runtime/dashboard-warm-up.ts). This test opens the dashboard as the
// demo organization `serve` prints a token for, records every GraphQL request of its first load and
// checks that the list names exactly those, query text and variables, so that a panel added or changed
// in the dashboard is warmed up too.
import { expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { firstLoadOperations } from '../../web/src/first-load.ts';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

/** An operation as one comparable string: its query text and variables. */
const key = (query: string, variables: unknown) => JSON.stringify([query, variables ?? {}]);

/** The operation a request of the page sent, as `key` writes it. */
function sentOperation(request: Request): string {
  const body: unknown = request.postDataJSON();
  if (typeof body !== 'object' || body === null || !('query' in body) || typeof body.query !== 'string')
    throw new Error(`Not a GraphQL operation: ${request.postData()}`);
  return key(body.query, 'variables' in body ? body.variables : undefined);
}

describeInBrowser("the dashboard's first load", () => {
  it('is what the demo warm-up sends', async () => {
    const sent: string[] = [];
    const record = (request: Request) => {
      if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST')
        sent.push(sentOperation(request));
    };
    ui.page.on('request', record);
    try {
      await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
      await ui.page.locator('#exposure .exposure-summary').waitFor();
      await ui.page.locator('#risk ol.risk-ranking > li.risk-row').first().waitFor();
      await ui.page.waitForLoadState('networkidle');
    } finally {
      ui.page.off('request', record);
    }
    expect(sent.sort()).toEqual(
      firstLoadOperations()
        .map((o) => key(o.query, o.variables))
        .sort(),
    );
  });
});
