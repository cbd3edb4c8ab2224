// CorrectiveAction.firstDueAt asked on every version of `history` reads the history once, not once per
// version: a plan may keep 1,000 earlier versions of up to 500 actions (src/domain/disclosures.ts), and
// any viewer it is shared with may ask.
import { afterEach, expect, it, vi } from 'vitest';
import { DisclosureRepository } from '../../src/modules/disclosures/disclosure-repository.ts';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { correctiveAction, disclosureVersion, graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

afterEach(() => vi.restoreAllMocks());

const action = (id: string, dueAt: string) => correctiveAction(dueAt, { id });

const VERSIONS = 40;

it('reads each version of a history about once for history { actions { firstDueAt } }, not once per version', async () => {
  // A plan whose due date was moved 39 times: versions 1..40, version k due in 2050 + k.
  const versionAt = (k: number) =>
    disclosureVersion({
      title: 'Plan',
      recordedAt: new Date(Date.UTC(2021, 0, k)).toISOString(),
      actions: [action('cap-1', `${2050 + k}-01-01`), action('cap-2', '2099-01-01')],
    });
  await loadGraph(
    t.db,
    graph()
      .org('owner')
      .disclosure('owner', 'owner', {
        id: 'plan',
        kind: 'CORRECTIVE_ACTION_PLAN',
        publishedAt: '2021-01-01T00:00:00Z',
        ...versionAt(VERSIONS),
        history: Array.from({ length: VERSIONS - 1 }, (_, i) => versionAt(i + 1)),
      })
      .build(),
  );
  let versionsRead = 0;
  const original = DisclosureRepository.prototype.history;
  vi.spyOn(DisclosureRepository.prototype, 'history').mockImplementation(async function (
    this: DisclosureRepository,
    ...args: Parameters<typeof original>
  ) {
    const found = await original.apply(this, args);
    versionsRead += found.reduce((sum, versions) => sum + versions.length, 0);
    return found;
  });
  const data = ok<{ history: { version: number; actions: { id: string; firstDueAt: string }[] }[] }>(
    await t.api.query(
      'owner',
      `{ disclosure(id: "plan") { history { version actions { id firstDueAt } } } }`,
    ),
    'disclosure',
  );
  expect(data.history).toHaveLength(VERSIONS);
  expect(data.history.every((v) => v.actions[0]!.firstDueAt === '2051-01-01T00:00:00.000Z')).toBe(true);
  // The history itself (40 versions), and what firstDueAt needs of it: the same 40 versions. Read per
  // version shown, it is 40 + 40 * 41 / 2 = 860 versions (each with every action), quadratic in a
  // history that may be 1,001 versions long: about 500,000 versions in one statement.
  expect(versionsRead).toBeLessThanOrEqual(2 * VERSIONS);
});
