// Me.customers (the viewer's direct customers through links that hold now, whom rule 5 lets it look
// up): these pin what an adversarial review probed. A link that ended, or that
// starts tomorrow, names no customer (rule 5 would not let the viewer look it up); a customer merged
// into another record answers the kept one, once; a MONITOR, which has no supply links, has none.
import { beforeEach, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const CUSTOMERS = `{ me { customers { id } } }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id } }`;
const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { keptId } }`;

const customers = async (viewer: string) =>
  ok<{ customers: { id: string }[] }>(await t.api.query(viewer, CUSTOMERS), 'me').customers.map((c) => c.id);

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('watch', 'MONITOR')
      .org('factory', 'FACTORY')
      .org('now', 'BRAND')
      .org('former', 'BRAND')
      .org('later', 'BRAND')
      .org('now-dup', 'BRAND')
      .link('factory', 'now')
      .link('factory', 'now-dup')
      .link('factory', 'former', { validTo: '2021-01-01T00:00:00Z' })
      .link('factory', 'later', { validFrom: tomorrow() })
      .share('factory', 'watch', { scope: 'DISCLOSURES' })
      .build(),
  );
});

it('lists only customers through links that hold now, as rule 5 lets the viewer look them up', async () => {
  expect(await customers('factory')).toEqual(['now', 'now-dup']);
  for (const id of ['former', 'later'])
    expect(ok(await t.api.query('factory', ORGANIZATION, { id }), 'organization'), id).toBeNull();
});

it('answers a customer merged into another record as the kept one, once', async () => {
  ok(
    await t.api.query('operator', MERGE, { keepId: 'now', mergeId: 'now-dup' }, ['platform_admin']),
    'mergeOrganizations',
  );
  expect(await customers('factory')).toEqual(['now']);
});

it('has none for a MONITOR, whatever is shared with it', async () => {
  expect(await customers('watch')).toEqual([]);
});
