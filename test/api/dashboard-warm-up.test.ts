// The demo's warm-up (src/runtime/dashboard-warm-up.ts) against the API over the demo scenario: every
// operation of the dashboard's first load (web/src/first-load.ts) answers without errors for the demo
// organization `serve` prints a token for, as the demo token's roles, and the log says so.
import { expect, it } from 'vitest';
import { DEMO_ROLES, readDemoOrganizations } from '../../src/runtime/demo.ts';
import { warmUpDashboard } from '../../src/runtime/dashboard-warm-up.ts';
import { loadGraph } from '../support/database.ts';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

it("answers every operation of the dashboard's first load for the demo's first organization", async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
  const [viewer] = await readDemoOrganizations();
  const token = await t.api.token(viewer!.id, [...DEMO_ROLES]);
  const said: string[] = [];
  await warmUpDashboard(t.api.app.url, token, new AbortController().signal, (line) => said.push(line));
  expect(said).toHaveLength(2);
  expect(said[0]).toMatch(/^Warming up: the dashboard's first load \(9 operations\)/);
  expect(said[1]).toMatch(/^Warmed up in \d+\.\d s: the dashboard's queries are planned$/);
});
