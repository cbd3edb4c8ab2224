// Match review (issue 14): `screen --apply` keeps matches below the certain level as candidates, and a
// screening_admin or platform_admin confirms (an indicator is recorded) or rejects them over GraphQL.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '../../src/modules/screening/screen.ts';
import { ScreeningRepository } from '../../src/modules/screening/screening-repository.ts';
import { codes } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { subjectsOf } from '../support/subject-labels.ts';
import { listEntry } from '../support/watch-list-entries.ts';

const t = useApi();

const LIST = [
  listEntry('Foo Ltd', { listEntryId: 'E-1', countries: ['CN'], listedAt: '2024-01-02' }),
  listEntry('Bar Trading Ltd', { listEntryId: 'E-2' }),
  listEntry('Certain Precision Co., Ltd.', { listEntryId: 'E-3' }),
];
const apply = (list = LIST) =>
  screen(new ScreeningRepository(t.db.executor), list, {
    threshold: 0.9,
    certain: 0.97,
    apply: true,
    severity: 'HIGH',
  });

const CANDIDATES = `query ($status: ScreeningCandidateStatus) {
  screeningCandidates(status: $status) {
    id organizationId organizationName organizationCountry source listEntryId entryName matchedName
    matchedEntryName score explanation status createdAt decidedAt decidedByUserId note delistedAt observedAt
  }
}`;
const CONFIRM = `mutation ($id: ID!, $note: String) { confirmMatch(id: $id, note: $note) { id status decidedByUserId note } }`;
const REJECT = `mutation ($id: ID!) { rejectMatch(id: $id) { id status } }`;

interface Candidate {
  id: string;
  organizationId: string;
  score: number;
  explanation: string[];
  status: string;
  delistedAt: string | null;
}
const candidatesAs = async (roles: ('screening_admin' | 'platform_admin')[], status = 'PENDING') => {
  const response = await t.api.query('admin-org', CANDIDATES, { status }, roles);
  expect(response.errors).toBeUndefined();
  return response.data!['screeningCandidates'] as Candidate[];
};

const watchlistOf = async (organization: string) => {
  const { records } = await t.db.driver.executeQuery(
    `MATCH (:Organization {id: $organization})-[:HAS_RISK]->(r:RiskIndicator {kind: 'WATCHLIST'})
     RETURN r.listEntryId AS listEntryId, r.description AS description`,
    { organization },
  );
  return records.map((r) => r.toObject() as { listEntryId: string; description: string });
};

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('admin-org', 'MONITOR')
      .org('cn-foo', 'FACTORY', { name: 'Foo Inc.', country: 'CN' })
      .org('de-bar', 'FACTORY', { name: 'Bar Trading Inc', country: 'DE' })
      .org('cn-certain', 'FACTORY', { name: 'Certain Precision Company Limited', country: 'CN' })
      .build(),
  );
});

describe('screening candidates', () => {
  it('are the matches below the certain level, with the explanation of every score', async () => {
    const outcome = await apply();
    expect(outcome.recorded).toMatchObject({ recorded: 1, created: 1, candidates: 2, newCandidates: 2 });
    expect((await watchlistOf('cn-certain')).map((r) => r.listEntryId)).toEqual(['E-3']);
    const candidates = await candidatesAs(['screening_admin']);
    expect(candidates.map((c) => [c.organizationId, c.score, c.status])).toEqual([
      ['cn-foo', 0.95, 'PENDING'],
      ['de-bar', 0.95, 'PENDING'],
    ]);
    expect(candidates[0]).toMatchObject({
      entryName: 'Foo Ltd',
      listEntryId: 'E-1',
      source: 'Test list',
      organizationCountry: 'CN',
      observedAt: '2024-01-02T00:00:00.000Z',
      explanation: [
        'names: "Foo Inc." ~ "Foo Ltd"',
        'name score 0.950: legal forms differ: inc / ltd (×0.95)',
        "country: CN is the list's (no change: a country alone identifies no one)",
        'score 0.950',
      ],
    });
    expect(await candidatesAs(['platform_admin'])).toEqual(candidates);
  });

  it('are for screening_admin and platform_admin only', async () => {
    await apply();
    for (const roles of [['analyst'], ['supplier_admin'], ['analyst', 'supplier_admin']] as const) {
      const response = await t.api.query('admin-org', CANDIDATES, {}, [...roles]);
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.data ?? null).toBeNull();
      const id = 'sc-anything';
      expect(codes(await t.api.query('admin-org', CONFIRM, { id }, [...roles]))).toEqual(['FORBIDDEN']);
      expect(codes(await t.api.query('admin-org', REJECT, { id }, [...roles]))).toEqual(['FORBIDDEN']);
    }
  });
});

describe('confirmMatch and rejectMatch', () => {
  it('confirming records the indicator; rejecting records none; each decides once', async () => {
    await apply();
    const [foo, bar] = await candidatesAs(['screening_admin']);
    const confirmed = await t.api.query(
      'admin-org',
      CONFIRM,
      { id: foo!.id, note: 'Same registration in the company register.' },
      ['screening_admin'],
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!['confirmMatch']).toEqual({
      id: foo!.id,
      status: 'CONFIRMED',
      decidedByUserId: 'user@admin-org',
      note: 'Same registration in the company register.',
    });
    expect(await watchlistOf('cn-foo')).toEqual([
      {
        listEntryId: 'E-1',
        description: expect.stringContaining('Confirmed on review.') as unknown,
      },
    ]);
    expect((await subjectsOf(t.db, 'RiskSubject')).labelled).toContain('cn-foo');
    const rejected = await t.api.query('admin-org', REJECT, { id: bar!.id }, ['platform_admin']);
    expect(rejected.data!['rejectMatch']).toEqual({ id: bar!.id, status: 'REJECTED' });
    expect(await watchlistOf('de-bar')).toEqual([]);

    const again = await t.api.query('admin-org', REJECT, { id: foo!.id }, ['screening_admin']);
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors?.[0]?.message).toBe(
      `Screening candidate ${foo!.id} is already CONFIRMED; only a PENDING one can be decided.`,
    );
    expect(codes(await t.api.query('admin-org', CONFIRM, { id: 'sc-missing' }, ['screening_admin']))).toEqual(
      ['NOT_FOUND'],
    );
    expect(await candidatesAs(['screening_admin'])).toEqual([]);
    expect((await candidatesAs(['screening_admin'], 'REJECTED')).map((c) => c.organizationId)).toEqual([
      'de-bar',
    ]);
  });

  it('a later run of the same list keeps every decision and changes nothing', async () => {
    await apply();
    const [foo, bar] = await candidatesAs(['screening_admin']);
    expect(
      (await t.api.query('admin-org', CONFIRM, { id: foo!.id }, ['screening_admin'])).errors,
    ).toBeUndefined();
    expect(
      (await t.api.query('admin-org', REJECT, { id: bar!.id }, ['screening_admin'])).errors,
    ).toBeUndefined();
    const before = await dumpGraph(t.db.driver);
    const outcome = await apply();
    expect(outcome.recorded).toMatchObject({ created: 0, newCandidates: 0, delisted: 0 });
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });
});

describe('a delisted entry', () => {
  it('shows its indicator as delisted to whoever sees the organization, and its candidates too', async () => {
    await apply();
    const started = Date.now();
    const outcome = await apply(LIST.filter((entry) => entry.listEntryId === 'E-2'));
    expect(outcome.recorded).toMatchObject({ delisted: 1 });
    const response = await t.api.query(
      'cn-certain',
      '{ organization(id: "cn-certain") { risks { kind delistedAt } } }',
    );
    const risks = (response.data!['organization'] as { risks: { kind: string; delistedAt: string | null }[] })
      .risks;
    expect(risks).toHaveLength(1);
    expect(Date.parse(risks[0]!.delistedAt ?? '')).toBeGreaterThanOrEqual(started - 1000);
    const pending = await candidatesAs(['screening_admin']);
    const delisted = (id: string) => pending.find((c) => c.organizationId === id)?.delistedAt;
    expect(delisted('cn-foo')).not.toBeNull();
    expect(delisted('de-bar')).toBeNull();
  });

  it('that comes back on its list leaves its candidates pending without the delisted mark', async () => {
    // A reviewer must not dismiss a match as delisted while its entry is listed again.
    const marks = async () =>
      (await candidatesAs(['screening_admin'])).map((c) => [c.organizationId, c.delistedAt !== null]).sort();
    await apply();
    await apply(LIST.filter((entry) => entry.listEntryId === 'E-2'));
    expect(await marks()).toEqual([
      ['cn-foo', true],
      ['de-bar', false],
    ]);
    await apply();
    expect(await marks()).toEqual([
      ['cn-foo', false],
      ['de-bar', false],
    ]);
  });
});
