// A supplier revising its disclosures, where the supplier review found defects (December 2026): asOf
// before a withdrawal shows none; reopening an action clears its closing and verification; a bad
// product is named where it was sent; the role check says what publishing needs; an update to the same
// content adds no version.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const FIELDS = `id version title withdrawnAt products updatedAt
  actions { id status verification closedAt } history { version }`;
const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { ${FIELDS} } }`;
const UPDATE_ACTION = `mutation($d: ID!, $a: ID!, $input: CorrectiveActionUpdateInput!) {
  updateCorrectiveAction(disclosureId: $d, actionId: $a, input: $input) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawDisclosure(id: $id) { ${FIELDS} } }`;
const SHARE = `mutation($r: ID!) { shareDisclosures(recipientId: $r) { id } }`;
const ONE = `query($id: ID!, $asOf: DateTime) { disclosure(id: $id, asOf: $asOf) { ${FIELDS} } }`;
const RECEIVED = `query($asOf: DateTime) { disclosuresReceived(asOf: $asOf) { id withdrawnAt } }`;
const GIVEN = `query($asOf: DateTime, $all: Boolean) {
  disclosuresGiven(asOf: $asOf, includeWithdrawn: $all) { id version title withdrawnAt } }`;

interface Shown {
  id: string;
  version: number;
  withdrawnAt: string | null;
  updatedAt: string;
  products: string[];
  actions: { id: string; status: string; verification: string | null; closedAt: string | null }[];
  history: { version: number }[];
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

const PLAN = {
  title: 'Corrective action plan 2024',
  issuedAt: '2024-03-01',
  actions: [
    {
      id: 'cap-1',
      finding: 'Excessive overtime',
      severity: 'HIGH',
      action: 'Cap hours',
      dueAt: '2099-06-01',
    },
  ],
};

const publish = async (content: object = PLAN, kind = 'CORRECTIVE_ACTION_PLAN') =>
  ok<Shown>(
    await t.api.query('brand', PUBLISH, { input: { subjectId: 'brand', kind, content } }, [...ADMIN]),
    'publishDisclosure',
  );

/** A plan the brand shared with the buyer and later withdrew, and an instant between the two. */
async function sharedThenWithdrawn(): Promise<{ plan: Shown; before: string }> {
  const plan = await publish();
  ok(await t.api.query('brand', SHARE, { r: 'buyer' }, [...ADMIN]), 'shareDisclosures');
  await pause();
  const before = new Date().toISOString();
  await pause();
  ok(await t.api.query('brand', WITHDRAW, { id: plan.id }, [...ADMIN]), 'withdrawDisclosure');
  return { plan, before };
}

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('buyer', 'PURCHASER').org('brand', 'BRAND').link('brand', 'buyer').build(),
  );
});

describe('asOf shows a later withdrawal', () => {
  it('disclosure(id, asOf) before the withdrawal answers withdrawnAt null, as it stood then', async () => {
    const { plan, before } = await sharedThenWithdrawn();
    // The buyer asks what it could see before the withdrawal: the disclosure, visible then.
    const then = ok<Shown | null>(
      await t.api.query('buyer', ONE, { id: plan.id, asOf: before }),
      'disclosure',
    );
    expect(then).not.toBeNull();
    // "asOf answers what could be seen then, never what was learnt later" (README, specification
    // section 2 "Time"); the SDL: withdrawnAt is "null while it is not" withdrawn, and "only its owner
    // sees a withdrawn one". Before the fix the recipient is told the later withdrawal instant.
    expect(then!.withdrawnAt).toBeNull();
  });

  it('disclosuresReceived(asOf) before the withdrawal answers withdrawnAt null', async () => {
    const { plan, before } = await sharedThenWithdrawn();
    const then = ok<{ id: string; withdrawnAt: string | null }[]>(
      await t.api.query('buyer', RECEIVED, { asOf: before }),
      'disclosuresReceived',
    );
    expect(then).toEqual([{ id: plan.id, withdrawnAt: null }]);
  });
});

describe("the owner's own record as of an instant", () => {
  it('disclosuresGiven(asOf) lists what was published by then, each in the version of then', async () => {
    const beforeAll = new Date().toISOString();
    await pause();
    const { plan, before } = await sharedThenWithdrawn();
    const given = async (asOf: string | null, all = false) =>
      ok<{ id: string; version: number; title: string; withdrawnAt: string | null }[]>(
        await t.api.query('brand', GIVEN, { asOf, all }, [...ADMIN]),
        'disclosuresGiven',
      );
    // Before the withdrawal it was published and not withdrawn: listed without includeWithdrawn.
    expect(await given(before)).toEqual([{ id: plan.id, version: 1, title: PLAN.title, withdrawnAt: null }]);
    // Now it is withdrawn: listed only when asked for, with its withdrawal.
    expect(await given(null)).toEqual([]);
    expect((await given(null, true)).map((d) => [d.id, d.withdrawnAt !== null])).toEqual([[plan.id, true]]);
    // Before it was published it did not exist, withdrawn or not.
    expect(await given(beforeAll, true)).toEqual([]);

    // A later revision of another disclosure shows as of then in the version recorded by then.
    const report = await publish({ title: 'Audit 2024', issuedAt: '2024-05-01' }, 'AUDIT_REPORT');
    await pause();
    const firstVersion = new Date().toISOString();
    await pause();
    ok(
      await t.api.query(
        'brand',
        UPDATE,
        { id: report.id, input: { title: 'Audit 2024, corrected', issuedAt: '2024-05-01' } },
        [...ADMIN],
      ),
      'updateDisclosure',
    );
    expect((await given(firstVersion)).map((d) => [d.id, d.version, d.title])).toEqual([
      [report.id, 1, 'Audit 2024'],
    ]);
    expect((await given(null)).map((d) => [d.id, d.version, d.title])).toEqual([
      [report.id, 2, 'Audit 2024, corrected'],
    ]);
  });

  it('refuses an asOf that is not an instant, naming it', async () => {
    const response = await t.api.query('brand', GIVEN, { asOf: 'yesterday' }, [...ADMIN]);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain('yesterday');
  });
});

describe('corrective actions', () => {
  it('firstDueAt keeps the due date an action was first given after the owner moves it', async () => {
    const plan = await publish();
    ok(await t.api.query('brand', SHARE, { r: 'buyer' }, [...ADMIN]), 'shareDisclosures');
    await pause();
    const beforeMove = new Date().toISOString();
    await pause();
    ok(
      await t.api.query('brand', UPDATE_ACTION, { d: plan.id, a: 'cap-1', input: { dueAt: '2099-12-01' } }, [
        ...ADMIN,
      ]),
      'updateCorrectiveAction',
    );
    const DUES = `query($id: ID!, $asOf: DateTime) { disclosure(id: $id, asOf: $asOf) {
      actions { dueAt firstDueAt } history { version actions { dueAt firstDueAt } } } }`;
    const dues = async (asOf: string | null) =>
      ok<{ actions: object[]; history: { version: number; actions: object[] }[] }>(
        await t.api.query('buyer', DUES, { id: plan.id, asOf }),
        'disclosure',
      );
    const moved = { dueAt: '2099-12-01T00:00:00.000Z', firstDueAt: '2099-06-01T00:00:00.000Z' };
    const asFirst = { dueAt: '2099-06-01T00:00:00.000Z', firstDueAt: '2099-06-01T00:00:00.000Z' };
    expect(await dues(null)).toEqual({
      actions: [moved],
      history: [
        { version: 2, actions: [moved] },
        { version: 1, actions: [asFirst] },
      ],
    });
    // As of before the move, nothing later is known.
    expect(await dues(beforeMove)).toEqual({
      actions: [asFirst],
      history: [{ version: 1, actions: [asFirst] }],
    });

    // Exposure's indicator of the open action says the same.
    const EXPOSURE = `{ exposure { findings { organization { id } disclosedIndicators { kind action { dueAt firstDueAt } } } } }`;
    const findings = ok<{ findings: { disclosedIndicators: { kind: string; action: object | null }[] }[] }>(
      await t.api.query('buyer', EXPOSURE),
      'exposure',
    ).findings;
    expect(findings.flatMap((f) => f.disclosedIndicators)).toEqual([{ kind: 'OPEN_ACTION', action: moved }]);
  });

  it('reopening a closed action clears how its closing was verified, as it clears closedAt', async () => {
    const plan = await publish();
    ok(
      await t.api.query(
        'brand',
        UPDATE_ACTION,
        {
          d: plan.id,
          a: 'cap-1',
          input: { status: 'CLOSED', closedAt: '2024-05-01', verification: 'FOLLOW_UP_AUDIT' },
        },
        [...ADMIN],
      ),
      'updateCorrectiveAction',
    );
    const reopened = ok<Shown>(
      await t.api.query(
        'brand',
        UPDATE_ACTION,
        { d: plan.id, a: 'cap-1', input: { status: 'IN_PROGRESS' } },
        [...ADMIN],
      ),
      'updateCorrectiveAction',
    );
    // SDL CorrectiveAction.verification: "How its closing was verified; null while not verified".
    // Before the fix the reopened action read status IN_PROGRESS, closedAt null, verification FOLLOW_UP_AUDIT,
    // and no input can clear it (null means "keep").
    expect(reopened.actions[0]).toEqual({
      id: 'cap-1',
      status: 'IN_PROGRESS',
      verification: null,
      closedAt: null,
    });
  });
});

describe('bad input names the value where it was sent', () => {
  it('a blank product names the index the client sent it at', async () => {
    const response = await t.api.query(
      'brand',
      PUBLISH,
      {
        input: {
          subjectId: 'brand',
          kind: 'SELF_ASSESSMENT',
          content: { title: 'SAQ', issuedAt: '2024-01-01', products: ['a', 'a', ' '] },
        },
      },
      [...ADMIN],
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    // The blank product is products[2] as sent; the message says products[1] (its index after
    // duplicates were dropped), pointing at the valid 'a'.
    expect(response.errors![0]!.message).toContain('products[2]');
  });
});

describe('messages of the role check', () => {
  it('an analyst publishing a disclosure is told what publishing needs, not what sharing needs', async () => {
    const response = await t.api.query('brand', PUBLISH, {
      input: {
        subjectId: 'brand',
        kind: 'SELF_ASSESSMENT',
        content: { title: 'SAQ', issuedAt: '2024-01-01' },
      },
    });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    // Before the fix: "Granting and revoking shares requires the supplier_admin role of the owning organization."
    expect(response.errors![0]!.message).not.toContain('shares');
  });
});

describe('a change that changes nothing', () => {
  it('updateDisclosure with the current content adds no version, as an import of the same content adds none', async () => {
    const plan = await publish();
    await pause();
    const same = ok<Shown>(
      await t.api.query('brand', UPDATE, { id: plan.id, input: PLAN }, [...ADMIN]),
      'updateDisclosure',
    );
    // Specification section 6: "importing it again with other content adds a version …, the same
    // content adds none". Through the API the same content is version 2, and buyers see a new
    // `updatedAt` and a history entry for a change that did not happen.
    expect(same.version).toBe(1);
  });
});
