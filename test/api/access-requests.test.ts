// Access requests (specification, section 8): asking, granting (with the shares it creates), declining,
// extending, withdrawing, and who sees what.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { withAskedId } from '../support/asked-id.ts';
import { useApi } from '../support/harness.ts';
import { reachedThrough } from '../support/reached.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import {
  accessRequestClient,
  extendedThenDeclined,
  countRequestWrites,
  requestIn,
  requestsIn,
} from '../support/access-requests.ts';

const t = useApi();
const client = () => accessRequestClient(t.api);
const DAY = 86_400_000;

const reached = (viewer: string) => reachedThrough(t.api, viewer);

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND', { city: 'Round Rock' })
      .org('factory', 'FACTORY')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .build(),
  );
});

describe('requestAccess', () => {
  it('asks a visible organization, due three weeks later, recorded with its SENT event', async () => {
    const before = Date.now();
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'SOURCING', {
        products: ['laptops'],
        message: 'Who makes them?',
      }),
      'requestAccess',
    );
    expect(request).toMatchObject({
      requester: { id: 'buyer' },
      target: { id: 'reseller' },
      scope: 'SOURCING',
      products: ['laptops'],
      message: 'Who makes them?',
      status: 'OPEN',
      overdue: false,
      closedAt: null,
      shares: [],
      events: [
        {
          action: 'SENT',
          actorUserId: 'user@buyer',
          actorOrganization: { id: 'buyer' },
          note: 'Who makes them?',
        },
      ],
    });
    const sentAt = Date.parse(request.sentAt);
    expect(sentAt).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(request.dueAt) - sentAt).toBe(21 * DAY);

    // The target sees who asked as an organization: the requester's user is the requester's business.
    const asTargetSees = {
      ...request,
      events: request.events.map((e) => ({ ...e, actorUserId: null })),
    };
    const received = requestsIn(await client().received('reseller'), 'accessRequestsReceived');
    expect(received).toEqual([asTargetSees]);
    expect(requestsIn(await client().sent('buyer'), 'accessRequestsSent')).toEqual([request]);
    expect(requestsIn(await client().sent('buyer', 'GRANTED'), 'accessRequestsSent')).toEqual([]);
    expect(requestIn(await client().one('reseller', request.id), 'accessRequest')).toEqual(asTargetSees);
    expect(requestIn(await client().one('other-buyer', request.id), 'accessRequest')).toBeNull();
    expect(requestIn(await client().one('brand', request.id), 'accessRequest')).toBeNull();
  });

  it('takes a due date of the requester, after sending and at most two months after it', async () => {
    const inAWeek = new Date(Date.now() + 7 * DAY).toISOString();
    const request = requestIn(
      await client().ask('buyer', 'reseller', 'SOURCING', { dueAt: inAWeek }),
      'requestAccess',
    );
    expect(request.dueAt).toBe(inAWeek);

    const before = await countRequestWrites(t.db);
    const past = await client().ask('buyer', 'brand', 'SOURCING', { dueAt: '2020-01-01T00:00:00Z' });
    expect(codes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors![0]!.message).toMatch(
      /^dueAt must be after the request is sent \(.+\), got 2020-01-01T00:00:00.000Z$/,
    );
    const tooLate = new Date(Date.now() + 70 * DAY).toISOString();
    const late = await client().ask('buyer', 'brand', 'SOURCING', { dueAt: tooLate });
    expect(late.errors![0]!.message).toMatch(
      new RegExp(`^dueAt may be at most 2 months after sending \\(.+\\), got ${tooLate}$`),
    );
    expect(await countRequestWrites(t.db)).toEqual(before);
  });

  it('one open request per requester, target and scope: another names the open one', async () => {
    const first = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const again = await client().ask('buyer', 'reseller', 'SOURCING', { message: 'again' });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toBe(
      `access request "${first.id}" to "reseller" for SOURCING is still open: withdraw it or wait for its answer before asking again`,
    );
    requestIn(await client().ask('buyer', 'reseller', 'DISCLOSURES'), 'requestAccess');
    requestIn(await client().ask('other-buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const withdrawn = requestIn(await client().withdraw('buyer', first.id), 'withdrawAccessRequest');
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', overdue: false });
    expect(withdrawn.events.map((e) => e.action)).toEqual(['SENT', 'WITHDRAWN']);
    requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
  });

  it('a hidden organization answers NOT_FOUND as a missing one, itself BAD_USER_INPUT, and nothing is written', async () => {
    const before = await countRequestWrites(t.db);
    const hidden = await client().ask('buyer', 'brand', 'SOURCING');
    const missing = await client().ask('buyer', 'ghost', 'SOURCING');
    const itself = await client().ask('buyer', 'buyer', 'SOURCING');
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(withAskedId(hidden, 'brand')).toEqual(withAskedId(missing, 'ghost'));
    // Its own id it knows: refused as bad input, as naming itself is in shareSourcing.
    expect(codes(itself)).toEqual(['BAD_USER_INPUT']);
    expect(itself.errors?.[0]?.message).toBe(
      'organizationId must be another organization than the requester, got "buyer"',
    );
    expect(await countRequestWrites(t.db)).toEqual(before);
  });

  it('a party the viewer may not look up shows as an identity card; a direct customer whole', async () => {
    await t.api.query('reseller', 'mutation { shareSourcing(recipientId: "buyer") { id } }', {}, [
      'supplier_admin',
    ]);
    const request = requestIn(await client().ask('buyer', 'brand', 'DISCLOSURES'), 'requestAccess');
    const PARTIES = `query($id: ID!) { accessRequest(id: $id) {
      requester { id name type country city risks { id } } target { id city } } }`;
    const seenByBrand = await t.api.query('brand', PARTIES, { id: request.id });
    expect(seenByBrand.data!['accessRequest']).toEqual({
      requester: { id: 'buyer', name: 'Org buyer', type: 'PURCHASER', country: 'SE', city: null, risks: [] },
      target: { id: 'brand', city: 'Round Rock' },
    });
    const seenByBuyer = await t.api.query('buyer', PARTIES, { id: request.id });
    expect(seenByBuyer.data!['accessRequest']).toMatchObject({ target: { id: 'brand', city: 'Round Rock' } });
  });
});

describe('answerAccessRequest', () => {
  it('GRANT creates the share asked for, linked to the request, audited and in effect at once', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    expect(await reached('buyer')).toEqual(['reseller']);
    const granted = requestIn(
      await client().answer('reseller', request.id, 'GRANT', {
        linkIds: ['brand>reseller'],
        reason: 'Dell only',
      }),
      'answerAccessRequest',
    );
    expect(granted).toMatchObject({ status: 'GRANTED', overdue: false, reason: null });
    expect(granted.closedAt).not.toBeNull();
    expect(granted.shares).toEqual([
      {
        id: expect.any(String),
        owner: { id: 'reseller' },
        recipient: { id: 'buyer' },
        linkIds: ['brand>reseller'],
      },
    ]);
    expect(granted.events.map((e) => [e.action, e.actorUserId, e.note])).toEqual([
      ['SENT', null, null],
      ['GRANTED', 'user@reseller', 'Dell only'],
    ]);
    expect(await reached('buyer')).toEqual(['brand', 'reseller']);

    const shareId = granted.shares[0]!.id;
    const received = await t.api.query(
      'buyer',
      '{ sharesReceived { id } shareEvents { action actorUserId share { id } } }',
    );
    expect(received.data).toEqual({
      sharesReceived: [{ id: shareId }],
      shareEvents: [{ action: 'GRANTED', actorUserId: null, share: { id: shareId } }],
    });
    const { records } = await t.db.driver.executeQuery(
      `MATCH (:Organization {id: 'reseller'})-[:GRANTED]->(s:Share)-[:TO]->(:Organization {id: 'buyer'}),
             (:AccessRequest {id: $id})-[:RESULTED_IN]->(s)
       RETURN s.scope AS scope, s.linkIds AS linkIds, s.disclosureIds AS disclosureIds`,
      { id: request.id },
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { scope: 'SOURCING', linkIds: ['brand>reseller'], disclosureIds: null },
    ]);

    const twice = await client().answer('reseller', request.id, 'DECLINE', { reason: 'changed my mind' });
    expect(codes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(twice.errors![0]!.message).toContain('GRANTED');
  });

  it('GRANT of BOTH creates a sourcing and a disclosure share; disclosureIds must be the target own, published', async () => {
    await t.db.driver.executeQuery(
      `MATCH (reseller:Organization {id: 'reseller'}), (brand:Organization {id: 'brand'})
       CREATE (reseller)-[:PUBLISHED]->(:Disclosure {id: 'd-own', kind: 'SELF_ASSESSMENT', publishedAt: datetime(), version: 1})-[:ABOUT]->(reseller)
       CREATE (reseller)-[:PUBLISHED]->(:Disclosure {id: 'd-gone', kind: 'CERTIFICATE', publishedAt: datetime(), withdrawnAt: datetime(), version: 1})-[:ABOUT]->(reseller)
       CREATE (brand)-[:PUBLISHED]->(:Disclosure {id: 'd-brand', kind: 'AUDIT_REPORT', publishedAt: datetime(), version: 1})-[:ABOUT]->(brand)`,
    );
    const request = requestIn(await client().ask('buyer', 'reseller', 'BOTH'), 'requestAccess');
    const before = await countRequestWrites(t.db);
    const refused = await client().answer('reseller', request.id, 'GRANT', {
      disclosureIds: ['d-own', 'd-gone', 'd-brand', 'd-none'],
      linkIds: ['factory>brand'],
    });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    for (const id of ['"d-gone"', '"d-brand"', '"d-none"', '"factory>brand"']) {
      expect(refused.errors![0]!.message).toContain(id);
    }
    expect(refused.errors![0]!.message).not.toContain('"d-own"');
    expect(await countRequestWrites(t.db)).toEqual(before);
    expect(requestIn(await client().one('buyer', request.id), 'accessRequest').status).toBe('OPEN');

    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
    const granted = requestIn(
      await client().answer('reseller', request.id, 'GRANT', { disclosureIds: ['d-own'], expiresAt }),
      'answerAccessRequest',
    );
    expect(granted.shares).toHaveLength(2);
    const { records } = await t.db.driver.executeQuery(
      `MATCH (:AccessRequest {id: $id})-[:RESULTED_IN]->(s:Share)
       RETURN s.scope AS scope, s.linkIds AS linkIds, s.disclosureIds AS disclosureIds,
              s.expiresAt = datetime($expiresAt) AS expires, COUNT { (e:ShareEvent)-[:OF]->(s) } AS events
       ORDER BY scope`,
      { id: request.id, expiresAt },
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { scope: 'DISCLOSURES', linkIds: null, disclosureIds: ['d-own'], expires: true, events: 1 },
      { scope: 'SOURCING', linkIds: null, disclosureIds: null, expires: true, events: 1 },
    ]);
  });

  it('DECLINE needs a reason, shown to the requester', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'DISCLOSURES'), 'requestAccess');
    expect(codes(await client().answer('reseller', request.id, 'DECLINE'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await client().answer('reseller', request.id, 'DECLINE', { reason: '   ' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    requestIn(
      await client().answer('reseller', request.id, 'DECLINE', { reason: 'Not before the audit' }),
      'answerAccessRequest',
    );
    const seen = requestIn(await client().one('buyer', request.id), 'accessRequest');
    expect(seen).toMatchObject({ status: 'DECLINED', reason: 'Not before the audit', shares: [] });
    expect(seen.events.at(-1)).toMatchObject({ action: 'DECLINED', note: 'Not before the audit' });
    expect(requestsIn(await client().sent('buyer', 'DECLINED'), 'accessRequestsSent')).toHaveLength(1);
  });

  it('a request and an answer list every problem of their arguments in one refusal, changing nothing', async () => {
    const asked = await client().ask('buyer', 'buyer', 'SOURCING', {
      products: ['', 'lap\u202etops'],
      message: 'x'.repeat(2_001),
    });
    expect(asked.errors?.[0]?.message.split('; ').map((problem) => problem.split(' ')[0])).toEqual([
      'organizationId',
      'products[0]',
      'products[1]',
      'message',
    ]);
    const request = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const answered = await client().answer('reseller', request.id, 'DECLINE', {
      linkIds: [],
      dueAt: '2099-01-01T00:00:00Z',
    });
    expect(answered.errors?.[0]?.message).toBe(
      'linkIds belongs to a GRANT, not to DECLINE; dueAt belongs to an EXTEND, not to DECLINE; reason is required to decline',
    );
    expect(requestIn(await client().one('buyer', request.id), 'accessRequest').status).toBe('OPEN');
  });

  it('EXTEND once, with a reason, to after the current due date and at most two months after sending', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const sentAt = new Date(request.sentAt);
    const plus = (days: number) => new Date(sentAt.getTime() + days * DAY).toISOString();
    const latest = new Date(sentAt);
    latest.setUTCMonth(latest.getUTCMonth() + 2);
    const tooLate = new Date(latest.getTime() + 1).toISOString();
    for (const [dueAt, mention] of [
      [plus(21), 'after the current due date'],
      [plus(10), 'after the current due date'],
      [tooLate, '2 months'],
      ['next week', 'next week'],
    ] as const) {
      const response = await client().answer('reseller', request.id, 'EXTEND', { dueAt, reason: 'audit' });
      expect(codes(response), dueAt).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain(mention);
    }
    expect(codes(await client().answer('reseller', request.id, 'EXTEND', { dueAt: plus(30) }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const extended = requestIn(
      await client().answer('reseller', request.id, 'EXTEND', { dueAt: plus(30), reason: 'audit in May' }),
      'answerAccessRequest',
    );
    expect(extended).toMatchObject({ status: 'OPEN', dueAt: plus(30), reason: 'audit in May' });
    expect(extended.events.map((e) => [e.action, e.note])).toEqual([
      ['SENT', null],
      ['EXTENDED', 'audit in May'],
    ]);
    const again = await client().answer('reseller', request.id, 'EXTEND', {
      dueAt: latest.toISOString(),
      reason: 'more',
    });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.message).toContain('once');
  });

  it('only the target answers, as supplier_admin; others get NOT_FOUND as for a missing id', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const analyst = await client().answer('reseller', request.id, 'GRANT', {}, ['analyst']);
    expect(codes(analyst)).toEqual(['FORBIDDEN']);
    const missing = await client().answer('brand', 'ar-missing', 'GRANT');
    for (const org of ['buyer', 'brand', 'other-buyer']) {
      expect(withAskedId(await client().answer(org, request.id, 'GRANT'), request.id)).toEqual(
        withAskedId(missing, 'ar-missing'),
      );
    }
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(requestIn(await client().one('buyer', request.id), 'accessRequest').status).toBe('OPEN');
  });
});

describe('accessRequestsReceived', () => {
  it('lists open requests due soonest first, then the closed ones newest first', async () => {
    await t.api.query('reseller', 'mutation { shareSourcing(recipientId: "buyer") { id } }', {}, [
      'supplier_admin',
    ]);
    // BOTH overlaps the other two: declined before they are sent.
    const c = requestIn(await client().ask('buyer', 'brand', 'BOTH'), 'requestAccess');
    await client().answer('brand', c.id, 'DECLINE', { reason: 'no' });
    const a = requestIn(await client().ask('buyer', 'brand', 'SOURCING'), 'requestAccess');
    const b = requestIn(await client().ask('buyer', 'brand', 'DISCLOSURES'), 'requestAccess');
    await client().answer('brand', a.id, 'EXTEND', {
      dueAt: new Date(Date.parse(a.dueAt) + DAY).toISOString(),
      reason: 'later',
    });
    const received = requestsIn(await client().received('brand'), 'accessRequestsReceived');
    expect(received.map((r) => r.id)).toEqual([b.id, a.id, c.id]);
    const open = requestsIn(await client().received('brand', 'OPEN'), 'accessRequestsReceived');
    expect(open.map((r) => r.id)).toEqual([b.id, a.id]);
    const sent = requestsIn(await client().sent('buyer'), 'accessRequestsSent');
    expect(sent.map((r) => r.id)).toEqual([b.id, a.id, c.id]);
  });

  it('an open request past its due date is overdue', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    await t.db.driver.executeQuery(
      'MATCH (r:AccessRequest {id: $id}) SET r.sentAt = r.sentAt - duration({days: 30}), r.dueAt = r.dueAt - duration({days: 30})',
      { id: request.id },
    );
    expect(requestIn(await client().one('reseller', request.id), 'accessRequest').overdue).toBe(true);
    await client().answer('reseller', request.id, 'DECLINE', { reason: 'late anyway' });
    expect(requestIn(await client().one('reseller', request.id), 'accessRequest').overdue).toBe(false);
  });
});

describe('exposure blind spots', () => {
  const BLIND = `{ exposure(maxDepth: 5) { blindSpotDetails { organization { id } recommendation openAccessRequest { id scope status } } } }`;
  type Blind = {
    organization: { id: string };
    recommendation: string;
    openAccessRequest: { id: string } | null;
  };
  const blindSpots = async (viewer: string) =>
    ((await t.api.query(viewer, BLIND)).data!['exposure'] as { blindSpotDetails: Blind[] }).blindSpotDetails;

  it('offer requestAccess, then show the open request, and are gone once it is granted', async () => {
    expect(await blindSpots('buyer')).toEqual([
      {
        organization: { id: 'reseller' },
        recommendation: expect.stringContaining('requestAccess'),
        openAccessRequest: null,
      },
    ]);
    const first = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const newest = requestIn(await client().ask('buyer', 'reseller', 'DISCLOSURES'), 'requestAccess');
    // The newer DISCLOSURES request, granted, would leave the reseller a blind spot: the blind spot
    // waits for the request that asks for its sourcing.
    const [spot] = await blindSpots('buyer');
    expect(spot!.openAccessRequest).toEqual({ id: first.id, scope: 'SOURCING', status: 'OPEN' });
    expect(spot!.recommendation).toContain(first.id);
    // Another organization's request is not the viewer's.
    const others = requestIn(await client().ask('other-buyer', 'reseller', 'BOTH'), 'requestAccess');
    expect((await blindSpots('other-buyer'))[0]!.openAccessRequest).toMatchObject({ id: others.id });
    expect((await blindSpots('buyer'))[0]!.openAccessRequest).toMatchObject({ id: first.id });
    await client().withdraw('buyer', first.id);
    expect((await blindSpots('buyer'))[0]).toMatchObject({
      recommendation: expect.stringContaining('scope SOURCING'),
      openAccessRequest: null,
    });
    const second = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    expect((await blindSpots('buyer'))[0]!.openAccessRequest).toMatchObject({ id: second.id });
    await client().withdraw('buyer', newest.id);
    await client().answer('reseller', second.id, 'GRANT');
    expect((await blindSpots('buyer')).map((b) => b.organization.id)).toEqual(['brand']);
  });

  it('show at asOf the request open then, as it stood then: due date before a later extension, overdue then', async () => {
    // Sent 10 January, due 31 January, extended on 20 January to 1 March, declined on 1 April.
    await loadGraph(t.db, {
      ...graph()
        .org('buyer', 'PURCHASER')
        .org('reseller', 'RESELLER')
        .link('reseller', 'buyer', { recordedAt: '2023-01-01' })
        .build(),
      accessRequests: [extendedThenDeclined('buyer', 'reseller')],
    });
    const at = async (asOf: string | null) => {
      const response = await t.api.query(
        'buyer',
        `query($asOf: DateTime) { exposure(maxDepth: 5, asOf: $asOf) { blindSpotDetails {
           organization { id } recommendation openAccessRequest { id status dueAt overdue reason closedAt } } } }`,
        { asOf },
      );
      expect(response.errors).toBeUndefined();
      const [spot] = (response.data!['exposure'] as { blindSpotDetails: Blind[] }).blindSpotDetails;
      expect(spot!.organization.id).toBe('reseller');
      return spot!.openAccessRequest;
    };
    const open = (dueAt: string, overdue: boolean, reason: string | null) => ({
      id: 'ar-dated',
      status: 'OPEN',
      dueAt,
      overdue,
      reason,
      closedAt: null,
    });
    expect(await at('2024-01-05T00:00:00Z')).toBeNull();
    expect(await at('2024-01-15T00:00:00Z')).toEqual(open('2024-01-31T00:00:00.000Z', false, null));
    expect(await at('2024-02-10T00:00:00Z')).toEqual(open('2024-03-01T00:00:00.000Z', false, 'audit first'));
    expect(await at('2024-03-15T00:00:00Z')).toEqual(open('2024-03-01T00:00:00.000Z', true, 'audit first'));
    expect(await at('2024-04-02T00:00:00Z')).toBeNull();
    expect(await at(null)).toBeNull();
  });

  it('as listed and looked up asOf: sent by then, each as it stood then, with its events by then', async () => {
    await loadGraph(t.db, {
      ...graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build(),
      accessRequests: [extendedThenDeclined('buyer', 'reseller')],
    });
    const FIELDS = 'id status dueAt overdue reason closedAt events { action } shares { id }';
    const at = async (viewer: string, asOf: string, status: string | null = null) => {
      const response = await t.api.query(
        viewer,
        `query($asOf: DateTime, $status: AccessRequestStatus) {
           sent: accessRequestsSent(asOf: $asOf, status: $status) { ${FIELDS} }
           received: accessRequestsReceived(asOf: $asOf, status: $status) { ${FIELDS} }
           one: accessRequest(id: "ar-dated", asOf: $asOf) { ${FIELDS} } }`,
        { asOf, status },
      );
      expect(response.errors).toBeUndefined();
      return response.data as Record<'sent' | 'received', unknown[]> & { one: unknown };
    };
    const stood = (then: object, events: string[]) => ({
      id: 'ar-dated',
      status: 'OPEN',
      overdue: false,
      reason: null,
      closedAt: null,
      shares: [],
      ...then,
      events: events.map((action) => ({ action })),
    });
    // Before it was sent: none, and the id answers as one never sent.
    expect(await at('buyer', '2024-01-05T00:00:00Z')).toEqual({ sent: [], received: [], one: null });
    const sentOnly = stood({ dueAt: '2024-01-31T00:00:00.000Z' }, ['SENT']);
    expect((await at('buyer', '2024-01-15T00:00:00Z')).sent).toEqual([sentOnly]);
    expect((await at('reseller', '2024-01-15T00:00:00Z')).received).toEqual([sentOnly]);
    const extended = { dueAt: '2024-03-01T00:00:00.000Z', reason: 'audit first' };
    expect((await at('buyer', '2024-02-10T00:00:00Z')).one).toEqual(stood(extended, ['SENT', 'EXTENDED']));
    expect((await at('buyer', '2024-03-15T00:00:00Z')).one).toEqual(
      stood({ ...extended, overdue: true }, ['SENT', 'EXTENDED']),
    );
    const declined = stood(
      { ...extended, status: 'DECLINED', reason: 'no', closedAt: '2024-04-01T00:00:00.000Z' },
      ['SENT', 'EXTENDED', 'DECLINED'],
    );
    expect((await at('buyer', '2024-05-01T00:00:00Z')).sent).toEqual([declined]);
    // The status asked for is the status then.
    expect((await at('buyer', '2024-02-10T00:00:00Z', 'DECLINED')).sent).toEqual([]);
    expect((await at('reseller', '2024-05-01T00:00:00Z', 'DECLINED')).received).toEqual([declined]);
    const bad = await t.api.query('buyer', 'query($a: DateTime) { accessRequestsSent(asOf: $a) { id } }', {
      a: 'soon',
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('keep on the EXTENDED event the due date before and after an extension through the API', async () => {
    const request = requestIn(await client().ask('buyer', 'reseller', 'SOURCING'), 'requestAccess');
    const dueAt = new Date(Date.parse(request.dueAt) + 7 * DAY).toISOString();
    await client().answer('reseller', request.id, 'EXTEND', { reason: 'audit first', dueAt });
    const { records } = await t.db.driver.executeQuery(
      `MATCH (e:AccessRequestEvent {action: 'EXTENDED'})-[:OF]->(:AccessRequest {id: $id})
       RETURN toString(e.previousDueAt) AS previousDueAt, toString(e.dueAt) AS dueAt`,
      { id: request.id },
    );
    expect(records.map((r) => [Date.parse(r.get('previousDueAt')), Date.parse(r.get('dueAt'))])).toEqual([
      [Date.parse(request.dueAt), Date.parse(dueAt)],
    ]);
  });
});
