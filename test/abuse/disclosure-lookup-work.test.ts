// Rule 6 (docs/specification.md, section 2) for the ids of disclosures and the subject of a new one: a
// disclosure (or an organization) the viewer may not see must cost what an id that exists nowhere
// costs, in Neo4j's own count of the work (PROFILE db hits, test/support/profile.ts), and answer the
// same. Before the fix each statement sought the id and tested it afterwards (hidden / missing db
// hits): disclosure.byIds 44 / 37, disclosure.publish 25 / 19, disclosure.lock 6 / 1,
// disclosure.withdraw 46 / 36. Nothing is written for any id asked here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, REDACTED_ACTION_TEXTS, REDACTED_TEXTS } from '../../src/domain/disclosures.ts';
import { contentParams } from '../../src/graph/disclosure-columns.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/disclosures/disclosure-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { viewerChain } from '../support/graph-builder.ts';
import { expectSameWorkAsMissing, profiled } from '../support/profile.ts';

let db: TestDatabase;
const MISSING = 'nope';

/** Disclosures v may not see, each for another reason. */
const HIDDEN_DISCLOSURES = [
  'dh', // of an organization v has no way to
  'da', // of a supplier that shared its sourcing, not its disclosures (rule 7)
  'dp-out', // shared with v, withdrawn
  'dp-sub', // shared with v, about an organization v may not look up
  'dq-other', // of an owner whose share to v names other disclosures
  'dv-out', // v's own, withdrawn
];

/** Disclosures that are not v's own, some of which v may see. */
const OTHERS = ['dh', 'da', 'dp-ok', 'dp-out', 'dq-named'];

beforeAll(async () => {
  db = await openTestDatabase();
  // v buys from a, which shared its sourcing (so b is visible); p shares all its disclosures with v, q
  // only dq-named; h and its suppliers exist but v has no way to them, and h has many links so that a
  // search that started from h would do visibly more work.
  const built = viewerChain()
    .org('p', 'BRAND')
    .org('s', 'FACTORY')
    .org('q', 'BRAND')
    .org('h', 'BRAND')
    .link('s', 'p')
    .share('a', 'v')
    .share('p', 'v', { scope: 'DISCLOSURES' })
    .share('q', 'v', { scope: 'DISCLOSURES', disclosureIds: ['dq-named'] })
    .disclosure('v', 'v', { id: 'dv' })
    .disclosure('v', 'a', { id: 'dv-out', withdrawnAt: '2024-01-01T00:00:00Z' })
    .disclosure('a', 'a', { id: 'da' })
    .disclosure('p', 'p', { id: 'dp-ok' })
    .disclosure('p', 'p', { id: 'dp-out', withdrawnAt: '2024-01-01T00:00:00Z' })
    .disclosure('p', 's', { id: 'dp-sub' })
    .disclosure('q', 'q', { id: 'dq-named' })
    .disclosure('q', 'q', { id: 'dq-other' })
    .disclosure('h', 'h', { id: 'dh' })
    .busySuppliers('h', 8, 'b');
  await loadGraph(db, built.build());
});

afterAll(async () => {
  await db?.close();
});

/** The parameters of the visibility fragments for viewer v, now. */
const scope = () => ({ viewer: 'v', t: toNeo4jDateTime(new Date()), historical: false, product: null });

const content = () => {
  const checked = checkContent(
    'SELF_ASSESSMENT',
    { title: 'Never written', issuedAt: '2024-01-01' },
    new Date(),
    'sent',
  );
  if (checked.content === null) throw new Error(checked.problems.join('; '));
  return contentParams(checked.content);
};

describe('a hidden disclosure costs what a missing one costs', () => {
  it('looked up by id (disclosure(id), rule 8)', async () => {
    const params = (id: string) => ({ ...scope(), ids: [id] });
    expect(
      await expectSameWorkAsMissing(db, 'disclosure.byIds', MISSING, HIDDEN_DISCLOSURES, params),
    ).toEqual([]);
    for (const visible of ['dv', 'dp-ok', 'dq-named']) {
      const { records } = await profiled(db, 'disclosure.byIds', params(visible));
      expect(
        records.map((r) => r.get('key')),
        visible,
      ).toEqual([visible]);
    }
  });

  it("named to update: another organization's is locked no more than a missing one", async () => {
    const params = (id: string) => ({ viewer: 'v', id });
    expect(await expectSameWorkAsMissing(db, 'disclosure.lock', MISSING, OTHERS, params)).toEqual([]);
    expect((await profiled(db, 'disclosure.lock', params('dv'))).records).toHaveLength(1);
  });

  it('named to update, after the lock', async () => {
    const params = (id: string) => ({ ...scope(), id, actorUserId: 'user-v', ...content() });
    expect(await expectSameWorkAsMissing(db, 'disclosure.newVersion', MISSING, OTHERS, params)).toEqual([]);
  });

  it("named to read its history (disclosuresGiven(id): only the owner's own, withdrawn too)", async () => {
    const params = (id: string) => ({ ...scope(), kind: null, includeWithdrawn: true, id });
    expect(await expectSameWorkAsMissing(db, 'disclosure.given', MISSING, OTHERS, params)).toEqual([]);
    for (const own of ['dv', 'dv-out']) {
      const { records } = await profiled(db, 'disclosure.given', params(own));
      expect(records.map((r) => (r.get('disclosure') as { id: string }).id)).toEqual([own]);
    }
  });

  it('named to withdraw', async () => {
    const params = (id: string) => ({ ...scope(), id, actorUserId: 'user-v' });
    expect(await expectSameWorkAsMissing(db, 'disclosure.withdraw', MISSING, OTHERS, params)).toEqual([]);
  });

  it('named to redact a version, after the lock', async () => {
    const params = (id: string) => ({
      ...scope(),
      id,
      version: 1,
      actorUserId: 'user-v',
      texts: REDACTED_TEXTS,
      actionTexts: REDACTED_ACTION_TEXTS,
    });
    expect(await expectSameWorkAsMissing(db, 'disclosure.redact', MISSING, OTHERS, params)).toEqual([]);
  });
});

describe('an organization v may not name as a subject costs what a missing one costs', () => {
  it('publishDisclosure(subjectId)', async () => {
    const params = (subjectId: string) => ({
      ...scope(),
      id: 'disclosure-never-written',
      subjectId,
      kind: 'SELF_ASSESSMENT',
      actorUserId: 'user-v',
      ...content(),
    });
    // Hidden (h, h0, s), or visible but not a direct supplier (b, p).
    const [refused] = await expectSameWorkAsMissing(
      db,
      'disclosure.publish',
      MISSING,
      ['h', 'h0', 's', 'b', 'p'],
      params,
    );
    expect(refused).toEqual({ subjectAllowed: false, disclosure: null });
  });
});
