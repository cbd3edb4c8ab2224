// A watch-list entry that comes back on its list after a delisting is a new indicator, recorded by the
// run that finds it again (src/modules/screening/screening-repository.ts): the delisted one keeps
// saying when the entry was off its list, so exposure asOf that time (when Tiersight knew it) still
// finds nothing, while "now" finds the entry again.
import { expect, it } from 'vitest';
import { watchlistIndicatorId } from '../../src/modules/screening/indicator-naming.ts';
import type { ScreeningMatch } from '../../src/modules/screening/match.ts';
import { ScreeningRepository } from '../../src/modules/screening/screening-repository.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { listEntry } from '../support/watch-list-entries.ts';

const t = useApi();

const EARLY = '2024-01-01T00:00:00Z';
/** After the delisting of E-2 (2024-06-01), before it came back on its list (today). */
const DELISTED_THEN = '2025-01-01T00:00:00.000Z';
const FIRST_ID = watchlistIndicatorId('g', 'E-2', 'Test list');

const findings = async (asOf?: string) => {
  const response = await t.api.query(
    'v',
    `query($asOf: DateTime) { exposure(asOf: $asOf) { findings { organization { id } indicators { id } } } }`,
    { asOf },
  );
  expect(response.errors).toBeUndefined();
  const { findings } = response.data!['exposure'] as {
    findings: { organization: { id: string }; indicators: { id: string }[] }[];
  };
  return findings.map((f) => ({ id: f.organization.id, indicators: f.indicators.map((i) => i.id) }));
};

const match: ScreeningMatch = {
  organizationId: 'g',
  organizationName: 'Gamma Works',
  entry: 'Gamma Works',
  score: 1,
  nameScore: 1,
  matchedName: 'Gamma Works',
  matchedEntryName: 'Gamma Works',
  explanation: ['same name'],
  listEntry: listEntry('Gamma Works', { listEntryId: 'E-2', source: 'Test list' }),
};
const apply = (entries: ScreeningMatch[]) =>
  new ScreeningRepository(t.db.executor).applyWatchList(entries, [], [match.listEntry], {
    severity: 'HIGH',
  });

it('an entry back on its list does not become a finding asOf an instant when it was delisted (and known to be)', async () => {
  await loadGraph(
    t.db,
    graph()
      .org('v', 'PURCHASER')
      .org('g', 'FACTORY', { name: 'Gamma Works' })
      .link('g', 'v', { recordedAt: EARLY })
      .risk('g', {
        id: FIRST_ID,
        kind: 'WATCHLIST',
        source: 'Test list',
        recordedAt: EARLY,
        listEntryId: 'E-2',
        delistedAt: '2024-06-01T00:00:00Z',
      })
      .build(),
  );
  expect(await findings(DELISTED_THEN)).toEqual([]);
  const run = await apply([match]);
  expect(run).toMatchObject({ recorded: 1, created: 1 });
  // What Tiersight knew on 2025-01-01 has not changed; now the entry is a finding again, as a new
  // indicator, and the first listing (2024-01 to 2024-06) is still found asOf then.
  expect(await findings(DELISTED_THEN)).toEqual([]);
  const [now] = await findings();
  expect(now).toEqual({
    id: 'g',
    indicators: [expect.stringMatching(new RegExp(`^${FIRST_ID}~\\d{8}T\\d+Z$`))],
  });
  expect(await findings('2024-03-01T00:00:00Z')).toEqual([{ id: 'g', indicators: [FIRST_ID] }]);
  // Applying the list again finds the new indicator on its list: nothing new.
  expect(await apply([match])).toMatchObject({ recorded: 1, created: 0 });
  expect(await findings()).toEqual([now]);
});
