// OrganizationLoaders.lookableAt (facilityRecord(asOf)): the ids of a batch resolve through merges once,
// however many instants the batch asks for.
import { expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

it('resolves the ids of one batch through merges once, however many instants it asks for', async () => {
  const g = graph().org('buyer', 'PURCHASER');
  for (let i = 0; i < 6; i++)
    g.org(`f${i}`, 'FACTORY').link(`f${i}`, 'buyer', { validFrom: '2020-01-01', recordedAt: '2019-01-01' });
  await loadGraph(t.db, g.build());
  const query = `{ ${Array.from(
    { length: 6 },
    (_, i) => `r${i}: facilityRecord(organizationId: "f${i}", asOf: "2021-01-0${i + 1}") { filename }`,
  ).join('\n')} }`;
  const units: string[] = [];
  const stop = t.db.executor.observe((unit) => units.push(unit));
  try {
    const response = await t.api.query('buyer', query);
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!).every((r) => r !== null)).toBe(true);
  } finally {
    stop();
  }
  const count = (unit: string) => units.filter((u) => u === unit).length;
  // Rule 5 once per instant, as documented; the merge records of the six ids once, not six times.
  expect(count('visibility.visibleOrganizations')).toBe(6);
  expect(count('organization.resolveMerged')).toBe(1);
});
