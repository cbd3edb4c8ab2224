// In the risk assessment's visibility inputs, a sourcing share of only some links
// (Atea Sverige's of its Dell links with Region Stockholm) reads "partly", where a share of all
// (Dell's) reads "yes": the analyst must not take a partial view for the whole of a supplier's sourcing.
import { beforeAll, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

beforeAll(async () => {
  await loadGraph(t.db, DEMO_SCENARIO);
});

const QUERY = `{ riskAssessment { organizations { organization { id }
  components { name value inputs { label value } } } } }`;

interface Scored {
  organization: { id: string };
  components: { name: string; value: number; inputs: { label: string; value: string }[] }[];
}

it('a share of some links is "partly" shared, a share of all "yes", none "no"', async () => {
  const response = await t.api.query('se-region-stockholm', QUERY);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const ranked = (response.data!['riskAssessment'] as { organizations: Scored[] }).organizations;
  const sourcing = (id: string) =>
    ranked
      .find((o) => o.organization.id === id)!
      .components.find((c) => c.name === 'VISIBILITY')!
      .inputs.find((i) => i.label === 'Its sourcing shared with you')!.value;
  expect(sourcing('se-atea')).toBe(
    'partly: only the links it chose to share with you are visible, not any others it may have, +0.25',
  );
  expect(sourcing('us-dell')).toBe('yes');
  expect(sourcing('cn-hipro-dongguan')).toMatch(/^no \(a blind spot/);
});
