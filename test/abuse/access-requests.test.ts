// Abuse of access requests: probing for hidden organizations, touching other organizations' requests,
// bad dates and scopes, oversize notes, answering twice and racing. Every refusal writes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import {
  accessRequestClient,
  countRequestWrites,
  oneCreatedOf,
  requestIn,
} from '../support/access-requests.ts';
import { expectSameWorkAsMissing } from '../support/profile.ts';
import { withAskedId } from '../support/asked-id.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';

const t = useApi();
const client = () => accessRequestClient(t.api);

beforeEach(async () => {
  // buyer <- reseller <- brand <- factory; other-buyer <- reseller; monitor is listed; stranger alone.
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('monitor', 'MONITOR', { listed: true })
      .org('stranger', 'PURCHASER')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .link('factory', 'stranger', { validTo: '2001-01-01' })
      .build(),
  );
});

const ask = (as: string, to: string, scope = 'SOURCING', extra: Record<string, unknown> = {}) =>
  client().ask(as, to, scope, extra);

describe('a hidden organization answers exactly as a missing one', () => {
  it('for every kind of hidden target and every scope, and nothing is written', async () => {
    const before = await countRequestWrites(t.db);
    const hidden: [string, string][] = [
      ['buyer', 'brand'], // a supplier's supplier, not shared
      ['buyer', 'factory'],
      ['buyer', 'other-buyer'], // another customer of its supplier
      ['brand', 'buyer'], // a customer's customer
      ['buyer', 'monitor'], // listed: may receive shares, but not looked up
      ['factory', 'stranger'], // a customer through a link that ended
      ['buyer', 'stranger'],
    ];
    for (const scope of ['SOURCING', 'DISCLOSURES', 'BOTH']) {
      const missing = await ask('buyer', 'no-such-organization', scope, { message: 'hello' });
      expect(codes(missing)).toEqual(['NOT_FOUND']);
      for (const [viewer, target] of hidden) {
        const response = await ask(viewer, target, scope, { message: 'hello' });
        expect(withAskedId(response, target), `${viewer} -> ${target} ${scope}`).toEqual(
          withAskedId(
            viewer === 'buyer'
              ? missing
              : await ask(viewer, 'no-such-organization', scope, { message: 'hello' }),
            'no-such-organization',
          ),
        );
      }
    }
    expect(await countRequestWrites(t.db)).toEqual(before);
  });

  it('a visible target is asked; the same target hidden again (share revoked) answers NOT_FOUND', async () => {
    const share = await t.api.query(
      'reseller',
      'mutation { shareSourcing(recipientId: "buyer") { id } }',
      {},
      ['supplier_admin'],
    );
    const shareId = (share.data!['shareSourcing'] as { id: string }).id;
    requestIn(await ask('buyer', 'brand'), 'requestAccess');
    await t.api.query('reseller', `mutation { revokeShare(id: "${shareId}") { id } }`, {}, [
      'supplier_admin',
    ]);
    const before = await countRequestWrites(t.db);
    expect(withAskedId(await ask('buyer', 'brand', 'DISCLOSURES'), 'brand')).toEqual(
      withAskedId(await ask('buyer', 'nobody', 'DISCLOSURES'), 'nobody'),
    );
    expect(await countRequestWrites(t.db)).toEqual(before);
  });
});

describe('a hidden target costs what a missing one costs (rule 6)', () => {
  it('in db hits of accessRequest.send, with the same row and nothing written', async () => {
    const params = (targetId: string) => ({
      viewer: 'buyer',
      t: toNeo4jDateTime(new Date()),
      historical: false,
      targetId,
      id: 'ar-never-written',
      scope: 'SOURCING',
      overlapping: ['SOURCING', 'BOTH'],
      products: [],
      message: null,
      dueAt: toNeo4jDateTime(new Date(Date.now() + 21 * 86_400_000)),
      actorUserId: 'user@buyer',
    });
    const before = await countRequestWrites(t.db);
    const hidden = ['brand', 'factory', 'other-buyer', 'monitor', 'stranger', 'buyer'];
    expect(
      await expectSameWorkAsMissing(t.db, 'accessRequest.send', 'no-such-organization', hidden, params),
    ).toEqual([{ targetNamed: false, open: [], request: null }]);
    expect(await countRequestWrites(t.db)).toEqual(before);
  });
});

describe("another organization's request", () => {
  it('answers NOT_FOUND to anyone but its parties, exactly as a missing id, and stays as it was', async () => {
    const request = requestIn(await ask('buyer', 'reseller'), 'requestAccess');
    const before = await countRequestWrites(t.db);
    // Answers to the request's id, and to a missing one, with the id asked written alike.
    const hidden = (response: GraphQLResponse) => withAskedId(response, request.id);
    const missing = (response: GraphQLResponse) => withAskedId(response, 'ar-none');
    const missingAnswer = missing(await client().answer('brand', 'ar-none', 'GRANT'));
    const missingWithdraw = missing(await client().withdraw('brand', 'ar-none'));
    for (const org of ['brand', 'other-buyer', 'stranger', 'monitor']) {
      expect(hidden(await client().answer(org, request.id, 'GRANT'))).toEqual(missingAnswer);
      expect(hidden(await client().answer(org, request.id, 'DECLINE', { reason: 'x' }))).toEqual(
        missing(await client().answer(org, 'ar-none', 'DECLINE', { reason: 'x' })),
      );
      expect(hidden(await client().withdraw(org, request.id))).toEqual(missingWithdraw);
      expect(requestIn(await client().one(org, request.id), 'accessRequest')).toBeNull();
    }
    // The requester cannot answer its own request, nor the target withdraw it.
    expect(hidden(await client().answer('buyer', request.id, 'GRANT'))).toEqual(missingAnswer);
    expect(hidden(await client().withdraw('reseller', request.id))).toEqual(missingWithdraw);
    expect(await countRequestWrites(t.db)).toEqual(before);
    const lists = await t.api.query(
      'brand',
      '{ accessRequestsSent { id } accessRequestsReceived { id } shareEvents { action } }',
    );
    expect(lists.data).toEqual({ accessRequestsSent: [], accessRequestsReceived: [], shareEvents: [] });
  });
});

describe('bad input is refused naming the value, and writes nothing', () => {
  it('bad dates', async () => {
    const request = requestIn(await ask('buyer', 'reseller'), 'requestAccess');
    const before = await countRequestWrites(t.db);
    const cases: [string, Record<string, unknown>, string][] = [
      ['EXTEND', { dueAt: '2026-02-30', reason: 'r' }, '2026-02-30'],
      ['EXTEND', { dueAt: 'tomorrow', reason: 'r' }, 'tomorrow'],
      ['EXTEND', { dueAt: '2001-01-01', reason: 'r' }, 'after the current due date'],
      ['EXTEND', { dueAt: '2999-01-01', reason: 'r' }, '2 months'],
      ['EXTEND', { reason: 'r' }, 'dueAt is required'],
      ['GRANT', { expiresAt: '2001-01-01' }, '2001-01-01'],
      ['GRANT', { expiresAt: '31/12/2099' }, '31/12/2099'],
      ['GRANT', { dueAt: '2999-01-01' }, 'dueAt belongs to an EXTEND'],
      ['DECLINE', { reason: 'no', expiresAt: '2999-01-01' }, 'expiresAt belongs to a GRANT'],
    ];
    for (const [decision, variables, mention] of cases) {
      const response = await client().answer('reseller', request.id, decision, variables);
      expect(codes(response), `${decision} ${JSON.stringify(variables)}`).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(mention);
    }
    expect(await countRequestWrites(t.db)).toEqual(before);
    expect(requestIn(await client().one('buyer', request.id), 'accessRequest')).toMatchObject({
      status: 'OPEN',
      events: [{ action: 'SENT' }],
    });
  });

  it('bad scopes and narrowings', async () => {
    const before = await countRequestWrites(t.db);
    const unknownScope = await ask('buyer', 'reseller', 'EVERYTHING');
    expect(unknownScope.errors?.[0]?.message).toContain('EVERYTHING');
    expect(await countRequestWrites(t.db)).toEqual(before);

    const disclosures = requestIn(await ask('buyer', 'reseller', 'DISCLOSURES'), 'requestAccess');
    const sourcing = requestIn(await ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const after = await countRequestWrites(t.db);
    const cases: [string, Record<string, unknown>, string][] = [
      [disclosures.id, { linkIds: ['brand>reseller'] }, 'linkIds narrow a sourcing share'],
      [sourcing.id, { disclosureIds: ['d-1'] }, 'disclosureIds narrow a disclosure share'],
      [sourcing.id, { linkIds: [] }, 'linkIds is empty'],
      [sourcing.id, { linkIds: ['reseller>buyer'] }, '"reseller>buyer"'],
      [disclosures.id, { disclosureIds: [] }, 'disclosureIds is empty'],
      [disclosures.id, { disclosureIds: ['d-none'] }, '"d-none"'],
    ];
    for (const [id, variables, mention] of cases) {
      const response = await client().answer('reseller', id, 'GRANT', variables);
      expect(codes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(mention);
    }
    expect(await countRequestWrites(t.db)).toEqual(after);
  });

  it('oversize messages, reasons and product lists', async () => {
    const before = await countRequestWrites(t.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ message: 'x'.repeat(2001) }, 'message must be at most 2000 characters, got 2001'],
      [{ products: Array.from({ length: 201 }, (_, i) => `p${i}`) }, 'at most 200 products, got 201'],
      [{ products: ['laptops', 'y'.repeat(201)] }, 'at most 200 characters'],
      [{ products: ['  '] }, 'non-empty name'],
    ];
    for (const [variables, mention] of cases) {
      const response = await ask('buyer', 'reseller', 'SOURCING', variables);
      expect(codes(response), mention).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(mention);
      // Checked before the target: a hidden one says the same, so the check reveals nothing.
      expect(await ask('buyer', 'brand', 'SOURCING', variables)).toEqual(response);
    }
    expect(await countRequestWrites(t.db)).toEqual(before);
    const request = requestIn(
      await ask('buyer', 'reseller', 'SOURCING', { message: 'x'.repeat(2000) }),
      'requestAccess',
    );
    const longReason = await client().answer('reseller', request.id, 'DECLINE', { reason: 'r'.repeat(2001) });
    expect(codes(longReason)).toEqual(['BAD_USER_INPUT']);
    expect(longReason.errors![0]!.message).toContain('reason must be at most 2000 characters');
  });
});

describe('answering twice', () => {
  it('one after the other: the second is refused and creates nothing', async () => {
    const request = requestIn(await ask('buyer', 'reseller', 'BOTH'), 'requestAccess');
    requestIn(await client().answer('reseller', request.id, 'GRANT'), 'answerAccessRequest');
    const before = await countRequestWrites(t.db);
    for (const [decision, extra] of [
      ['GRANT', {}],
      ['DECLINE', { reason: 'no' }],
      ['EXTEND', { reason: 'later', dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }],
    ] as const) {
      const response = await client().answer('reseller', request.id, decision, extra);
      expect(codes(response), decision).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await client().withdraw('buyer', request.id))).toEqual(['BAD_USER_INPUT']);
    expect(await countRequestWrites(t.db)).toEqual(before);
  });

  it('at the same time: exactly one answer wins, and the graph shows only its writes', async () => {
    const request = requestIn(await ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const answers = await Promise.all([
      client().answer('reseller', request.id, 'GRANT'),
      client().answer('reseller', request.id, 'DECLINE', { reason: 'no' }),
      client().answer('reseller', request.id, 'GRANT'),
      client().withdraw('buyer', request.id),
    ]);
    expect(answers.filter((a) => a.errors === undefined)).toHaveLength(1);
    const final = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(final.events).toHaveLength(2);
    expect(final.shares).toHaveLength(final.status === 'GRANTED' ? 1 : 0);
    expect((await countRequestWrites(t.db)).locks).toBe(0);
  });

  it('asking at the same time: one request is created, the others name it', async () => {
    await oneCreatedOf(Array.from({ length: 6 }, () => ask('buyer', 'reseller', 'BOTH')));
    expect(await countRequestWrites(t.db)).toMatchObject({ requests: 1, requestEvents: 1, locks: 0 });
  });

  it('asking overlapping scopes at the same time: one request is created, the others name it', async () => {
    // BOTH overlaps SOURCING and DISCLOSURES (which do not overlap each other): each raced against BOTH.
    const race = (requester: string, single: string) =>
      oneCreatedOf(
        [single, 'BOTH', single, 'BOTH', single, 'BOTH'].map((scope) => ask(requester, 'reseller', scope)),
      );
    const created = await Promise.all([race('buyer', 'SOURCING'), race('other-buyer', 'DISCLOSURES')]);
    expect(['SOURCING', 'BOTH']).toContain(created[0].scope);
    expect(['DISCLOSURES', 'BOTH']).toContain(created[1].scope);
    expect(await countRequestWrites(t.db)).toMatchObject({ requests: 2, requestEvents: 2, locks: 0 });
  });
});
