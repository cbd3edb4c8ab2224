// A screening candidate whose entry left its list is marked delisted; when the entry comes back, the
// next `--apply` clears that mark (upsertCandidates in src/modules/screening/screening-repository.ts):
// a reviewer must not dismiss a match as delisted while its entry is listed again.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '../../src/modules/screening/screen.ts';
import { ScreeningRepository } from '../../src/modules/screening/screening-repository.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { listEntry } from '../support/watch-list-entries.ts';

const t = useApi();

const LIST = [
  listEntry('Foo Ltd', { listEntryId: 'E-1', countries: ['CN'], listedAt: '2024-01-02' }),
  listEntry('Bar Trading Ltd', { listEntryId: 'E-2' }),
];
const apply = (list = LIST) =>
  screen(new ScreeningRepository(t.db.executor), list, {
    threshold: 0.9,
    certain: 0.97,
    apply: true,
    severity: 'HIGH',
  });

const CANDIDATES = `{ screeningCandidates(status: PENDING) { organizationId listEntryId status delistedAt } }`;
const candidates = async () => {
  const response = await t.api.query('admin-org', CANDIDATES, {}, ['screening_admin']);
  expect(response.errors).toBeUndefined();
  return (response.data!['screeningCandidates'] as { organizationId: string; delistedAt: string | null }[])
    .map((c) => ({ organizationId: c.organizationId, delisted: c.delistedAt !== null }))
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
};

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('admin-org', 'MONITOR')
      .org('cn-foo', 'FACTORY', { name: 'Foo Inc.', country: 'CN' })
      .org('de-bar', 'FACTORY', { name: 'Bar Trading Inc', country: 'DE' })
      .build(),
  );
});

describe('a candidate whose entry leaves its list and comes back', () => {
  it('is delisted while the entry is off the list, and pending without a delisting once it is back', async () => {
    await apply();
    expect(await candidates()).toEqual([
      { organizationId: 'cn-foo', delisted: false },
      { organizationId: 'de-bar', delisted: false },
    ]);
    await apply(LIST.filter((entry) => entry.listEntryId === 'E-2'));
    expect(await candidates()).toEqual([
      { organizationId: 'cn-foo', delisted: true },
      { organizationId: 'de-bar', delisted: false },
    ]);
    await apply();
    expect(await candidates()).toEqual([
      { organizationId: 'cn-foo', delisted: false },
      { organizationId: 'de-bar', delisted: false },
    ]);
  });
});
