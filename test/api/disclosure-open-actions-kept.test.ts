// A corrective action is closed, not deleted: a revision that leaves out an action not yet closed is
// refused, naming it, and writes nothing; a closed one may go, and an open one's texts may change.
// Before, an update without `actions` (it takes the whole content) removed an overdue CRITICAL action
// and the buyer's exposure stopped flagging it (found by the supplier's review, December 2026).
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const FIELDS = 'id version actions { id status finding }';
const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { ${FIELDS} } }`;
const EXPOSURE = '{ exposure { findings { organization { id } disclosedIndicators { kind severity } } } }';

interface Shown {
  id: string;
  version: number;
  actions: { id: string; status: string; finding: string }[];
}

const OVERDUE = {
  id: 'a1',
  finding: 'Locked fire exit',
  severity: 'CRITICAL',
  action: 'Unlock it',
  dueAt: '2026-06-01',
};
const CLOSED = {
  id: 'a2',
  finding: 'No drinking water',
  severity: 'HIGH',
  action: 'Install taps',
  dueAt: '2026-03-01',
  status: 'CLOSED',
  closedAt: '2026-02-20',
  verification: 'DESKTOP',
};
const AUDIT = { title: 'PCB supplier audit 2026', issuedAt: '2026-05-01', actions: [OVERDUE, CLOSED] };

let audit: Shown;
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .link('brand', 'buyer')
      .link('factory', 'brand')
      .share('brand', 'buyer')
      .build(),
  );
  audit = ok<Shown>(
    await t.api.query(
      'brand',
      PUBLISH,
      { input: { subjectId: 'factory', kind: 'AUDIT_REPORT', content: AUDIT } },
      [...ADMIN],
    ),
    'publishDisclosure',
  );
  ok(
    await t.api.query('brand', 'mutation { shareDisclosures(recipientId: "buyer") { id } }', {}, [...ADMIN]),
    'shareDisclosures',
  );
});

const update = (input: object) => t.api.query('brand', UPDATE, { id: audit.id, input }, [...ADMIN]);
const flagged = async () =>
  JSON.stringify(ok(await t.api.query('buyer', EXPOSURE), 'exposure')).includes('OVERDUE_ACTION');

describe('a revision of a disclosure with an action not yet closed', () => {
  it('is refused when it leaves the action out, naming it, and nothing is written', async () => {
    expect(await flagged()).toBe(true);
    const titleOnly = await update({ title: 'PCB supplier audit 2026 (rev.)', issuedAt: '2026-05-01' });
    expect(codes(titleOnly)).toEqual(['BAD_USER_INPUT']);
    expect(titleOnly.errors![0]!.message).toBe(
      'actions must keep every action not yet closed, which the disclosure\'s recipients see flagged until it is: "a1" (CRITICAL, OPEN, overdue since 2026-06-01) left out; send it again (updateDisclosure takes the whole content), close it (updateCorrectiveAction), or withdraw the disclosure',
    );
    const mine = ok<Shown>(
      await t.api.query('brand', `query($id: ID!) { disclosure(id: $id) { ${FIELDS} } }`, { id: audit.id }, [
        ...ADMIN,
      ]),
      'disclosure',
    );
    expect(mine.version).toBe(1);
    expect(await flagged()).toBe(true);
  });

  it('may leave out a closed action, and change an open one’s texts', async () => {
    const revised = ok<Shown>(
      await update({ ...AUDIT, actions: [{ ...OVERDUE, finding: 'Fire exit locked at night' }] }),
      'updateDisclosure',
    );
    expect(revised.version).toBe(2);
    expect(revised.actions).toEqual([{ id: 'a1', status: 'OPEN', finding: 'Fire exit locked at night' }]);
    expect(await flagged()).toBe(true);
  });
});
