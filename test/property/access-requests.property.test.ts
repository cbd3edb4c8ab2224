// Property: on random graphs (shares partial, expired and revoked; links ended; disclosures published
// and withdrawn) and random sequences of requests, answers, withdrawals and passing time, the API keeps
// specification, section 8 exactly as the reference model does (test/support/access-request-model.ts):
// targets inside and outside the requester's reach (hidden = missing), one open request per scope
// (BOTH overlapping either), grants (all a request asks, or one of BOTH's two by grantScope) that
// widen what the requester may look up (by the links that carry the products asked, when a request
// names some), extension limits, overdue, who sees what, and each party's erasure of the texts it
// wrote (redactAccessRequest: closed requests only, once, others' ids as missing ones).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';
import {
  AccessRequestModel,
  type ModelDisclosure,
  type ModelRequest,
  type Outcome,
  type Scope,
  type Status,
} from '../support/access-request-model.ts';
import { ADMIN, accessRequestClient, type RequestAnswer } from '../support/access-requests.ts';
import { codes, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { useApi } from '../support/harness.ts';
import { propertyRuns, propertyTimeout } from '../support/property-runs.ts';

const t = useApi();
const DAY = 86_400_000;
const PAST = ['2001-01-01', '2020-03-01'];
const FUTURE = ['2999-01-01'];
const SCOPES: Scope[] = ['SOURCING', 'DISCLOSURES', 'BOTH'];
/** What links carry; a request may also ask for a product no link carries. */
const PRODUCTS = ['laptops', 'servers'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('ask' as const),
      viewer: fc.nat(),
      target: fc.nat(),
      scope: fc.constantFrom(...SCOPES),
      // Half ask for all products; a grant of the others shares only the links that carry them.
      products: fc.constantFrom<string[]>([], [], ['laptops'], ['servers', 'tablets'], ['tablets']),
      // Asking again what an earlier request asked: random pairs alone seldom repeat an open request.
      again: fc.constantFrom(false, false, true),
      message: fc.constantFrom<string | null>(null, 'call Anna'),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      request: fc.nat(),
      // Mostly the target, whose answers change something; the requester's are NOT_FOUND (EVERY_OUTCOME
      // below makes sure the coverage check meets each outcome; these weights make random cases meet
      // them often, in the states random steps reach).
      asTarget: fc.constantFrom(true, true, false),
      // Grants and extensions succeed only with fitting arguments on an open request: drawn twice as
      // often as declines.
      decision: fc.constantFrom('GRANT', 'GRANT', 'DECLINE', 'EXTEND', 'EXTEND'),
      // A decline without a reason is refused before the request is looked up, so one in four omits it.
      declineReason: fc.constantFrom(true, true, true, false),
      // Days after sending; 'cap' is exactly two calendar months, 'past-cap' a millisecond later.
      dueAt: fc.constantFrom<number | 'cap' | 'past-cap'>(10, 21, 22, 45, 'cap', 'past-cap'),
      links: fc.constantFrom('all', 'own', 'foreign'),
      disclosures: fc.constantFrom('all', 'own', 'withdrawn', 'foreign'),
      // Mostly the request's own scope; one of BOTH's two, or a scope another request does not ask for.
      grantScope: fc.constantFrom<Scope | null>(null, null, null, 'SOURCING', 'DISCLOSURES', 'BOTH'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('withdraw' as const),
      request: fc.nat(),
      asRequester: fc.boolean(),
      // Withdrawing twice answers the request unchanged, and withdrawing an answered request is refused:
      // random steps seldom line either up, so one in four withdraws twice in a row and one in four
      // comes, from the requester, right after the target declined.
      first: fc.constantFrom(null, null, 'withdraw' as const, 'decline' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('redact' as const),
      request: fc.nat(),
      // Mostly a party; 'other' is an organization that is neither (as the requester when there is none).
      by: fc.constantFrom('requester', 'target', 'other'),
      // Random steps seldom close a request right before its erasure, nor erase one twice: one in three
      // has the requester withdraw it first, one in three erases twice in a row.
      withdrawFirst: fc.constantFrom(false, false, true),
      twice: fc.constantFrom(false, false, true),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('age' as const),
      request: fc.nat(),
      days: fc.constantFrom(10, 22, 40),
    }),
  },
);

const scenario = fc
  .integer({ min: 2, max: 6 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `o${i}`);
    const org = fc.constantFrom(...ids);
    return fc.record({
      ids: fc.constant(ids),
      links: fc.array(
        fc
          .record({
            supplier: org,
            customer: org,
            products: fc.subarray(PRODUCTS),
            validTo: maybe(fc.constantFrom(...PAST, ...FUTURE)),
          })
          .filter((l) => l.supplier !== l.customer),
        { maxLength: 10 },
      ),
      shares: fc.array(
        fc.record({
          owner: org,
          recipient: org,
          whole: fc.boolean(),
          pick: fc.nat(),
          expiresAt: maybe(fc.constantFrom(...PAST, ...FUTURE)),
          revokedAt: fc.option(fc.constantFrom(...PAST), { nil: null, freq: 4 }),
        }),
        { maxLength: 6 },
      ),
      disclosures: fc.array(fc.record({ owner: org, withdrawn: fc.boolean() }), { maxLength: 5 }),
      ops: fc.array(op, { minLength: 3, maxLength: 10 }),
    });
  })
  .map(({ ids, links, shares, disclosures, ops }) => {
    const linkRecords: LinkRecord[] = links.map((l, i) => ({ id: `l${i}`, ...l }));
    const shareRecords: ShareRecord[] = shares
      .filter((s) => s.owner !== s.recipient)
      .map((s, i) => {
        const own = linkRecords.filter((l) => l.customer === s.owner);
        const picked = own[s.pick % Math.max(own.length, 1)];
        return {
          id: `s${i}`,
          owner: s.owner,
          recipient: s.recipient,
          linkIds: s.whole || picked === undefined ? null : [picked.id],
          expiresAt: s.expiresAt,
          revokedAt: s.revokedAt,
        };
      });
    const file: TiersightFile = {
      format: 'tiersight/v1',
      organizations: ids.map((id) => ({ id, name: id, type: 'MANUFACTURER', country: 'SE' })),
      links: linkRecords,
      shares: shareRecords,
      risks: [],
    };
    const published: ModelDisclosure[] = disclosures.map((d, i) => ({ id: `d${i}`, ...d }));
    return { ids, file, published, ops };
  });

/** Two calendar months after `sent`, computed the way a person reads a calendar. */
function calendarCap(sent: Date): Date {
  const cap = new Date(sent);
  const day = cap.getUTCDate();
  cap.setUTCDate(1);
  cap.setUTCMonth(cap.getUTCMonth() + 2);
  const lastDay = new Date(Date.UTC(cap.getUTCFullYear(), cap.getUTCMonth() + 1, 0)).getUTCDate();
  cap.setUTCDate(Math.min(day, lastDay));
  return cap;
}

const outcomeOf = (response: GraphQLResponse): Outcome | string => {
  if (!response.errors) return 'OK';
  const [code] = codes(response);
  return code ?? 'NO CODE';
};

/** The fields compared between the API and the model. */
const shapeOfApi = (r: RequestAnswer, indexOf: Map<string, number>) => ({
  index: indexOf.get(r.id),
  requester: r.requester.id,
  target: r.target.id,
  scope: r.scope,
  status: r.status,
  overdue: r.overdue,
  sentAt: r.sentAt,
  dueAt: r.dueAt,
  shares: r.shares.map((s) => `${s.owner.id}>${s.recipient.id}`).sort(),
  message: r.message,
  reason: r.reason,
  events: r.events.map((e) => [e.action, e.actorOrganization.id, e.note]),
});
const shapeOfModel = (r: ModelRequest, model: AccessRequestModel, now: Date) => ({
  index: r.index,
  requester: r.requester,
  target: r.target,
  scope: r.scope,
  status: r.status,
  overdue: model.overdue(r, now),
  sentAt: r.sentAt.toISOString(),
  dueAt: r.dueAt.toISOString(),
  shares: r.shares.map(() => `${r.target}>${r.requester}`).sort(),
  message: r.message,
  reason: r.reason,
  events: r.events.map((e) => [e.action, e.by, e.note]),
});

const LISTS = `query($status: AccessRequestStatus) {
  sent: accessRequestsSent(status: $status) { ...R } received: accessRequestsReceived(status: $status) { ...R } }
fragment R on AccessRequest { id requester { id } target { id } scope status overdue sentAt dueAt message reason
  shares { owner { id } recipient { id } } events { action actorOrganization { id } note } }`;
const REDACT = `mutation($id: ID!) { redactAccessRequest(id: $id) { id } }`;

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
type Op = Scenario['ops'][number];
const ask = (viewer: number, target: number, scope: Scope, again = false): Op => ({
  kind: 'ask',
  viewer,
  target,
  scope,
  products: [],
  again,
  message: null,
});
const answer = (
  request: number,
  asTarget: boolean,
  decision: 'GRANT' | 'DECLINE' | 'EXTEND',
  more = {},
): Op => ({
  kind: 'answer',
  request,
  asTarget,
  decision,
  declineReason: true,
  dueAt: 45,
  links: 'all',
  disclosures: 'all',
  grantScope: null,
  ...more,
});
const withdraw = (request: number, asRequester: boolean): Op => ({
  kind: 'withdraw',
  request,
  asRequester,
  first: null,
});
const redact = (request: number, by: 'requester' | 'other'): Op => ({
  kind: 'redact',
  request,
  by,
  withdrawFirst: false,
  twice: false,
});

/**
 * One case, run first each time, that ends every step every way the coverage check asks for: drawn at
 * random, some pairs (a grant by the requester, NOT_FOUND) came a couple of times in 200 cases, and a CI
 * run once drew none. o1 supplies o0, o2 supplies o1; nothing is shared, so o0 cannot look up o2.
 */
const EVERY_OUTCOME: Scenario = {
  ids: ['o0', 'o1', 'o2'],
  file: {
    format: 'tiersight/v1',
    organizations: ['o0', 'o1', 'o2'].map((id) => ({ id, name: id, type: 'MANUFACTURER', country: 'SE' })),
    links: [
      { id: 'l0', supplier: 'o1', customer: 'o0', products: ['laptops'], validTo: null },
      { id: 'l1', supplier: 'o2', customer: 'o1', products: ['servers'], validTo: null },
    ],
    shares: [],
    risks: [],
  },
  published: [{ id: 'd0', owner: 'o1', withdrawn: false }],
  ops: [
    ask(0, 1, 'SOURCING'), // request 0
    ask(0, 2, 'SOURCING'), // o2 is beyond o0's reach: NOT_FOUND
    ask(0, 0, 'SOURCING', true), // request 0 again while open: BAD_USER_INPUT
    answer(0, false, 'DECLINE'), // each answer by the requester: NOT_FOUND
    answer(0, false, 'GRANT'),
    answer(0, false, 'EXTEND'),
    answer(0, true, 'EXTEND', { dueAt: 'past-cap' }), // beyond two months: BAD_USER_INPUT
    answer(0, true, 'EXTEND'),
    answer(0, true, 'DECLINE', { declineReason: false }), // no reason: BAD_USER_INPUT
    answer(0, true, 'GRANT', { links: 'foreign' }), // a link not its own: BAD_USER_INPUT
    answer(0, true, 'GRANT'),
    ask(0, 1, 'DISCLOSURES'), // request 1
    answer(1, true, 'DECLINE'),
    withdraw(1, true), // declined: BAD_USER_INPUT
    withdraw(1, false), // by the target: NOT_FOUND
    ask(1, 2, 'SOURCING'), // request 2
    redact(2, 'requester'), // still open: BAD_USER_INPUT
    withdraw(2, true),
    redact(2, 'requester'),
    redact(2, 'other'), // NOT_FOUND
  ],
};

const CASES = propertyRuns(200);

it(
  'access requests match the reference model of section 9',
  { timeout: propertyTimeout(900_000) },
  async () => {
    const client = accessRequestClient(t.api);
    let runs = 0;
    // How often each step ended how: the generator must reach every branch of the rules.
    const tally = new Map<string, number>();
    const seen = (step: string, outcome: Outcome) =>
      tally.set(`${step} ${outcome}`, (tally.get(`${step} ${outcome}`) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.constantFrom<Status | null>(null, 'OPEN', 'GRANTED'),
        async (s, status) => {
          runs++;
          const { ids, file, published, ops } = s;
          await loadGraph(t.db, file);
          await t.db.driver.executeQuery(
            `UNWIND $rows AS row
         MATCH (o:Organization {id: row.owner})
         CREATE (o)-[:PUBLISHED]->(:Disclosure {id: row.id, kind: 'SELF_ASSESSMENT', version: 1,
                 publishedAt: datetime(), withdrawnAt: CASE WHEN row.withdrawn THEN datetime() END})-[:ABOUT]->(o)`,
            { rows: published },
          );
          const model = new AccessRequestModel(structuredClone(file), published);
          const apiIds: string[] = [];

          const decline = async (viewer: string, index: number, withReason: boolean) => {
            const response = await client.answer(
              viewer,
              apiIds[index]!,
              'DECLINE',
              withReason ? { reason: 'declined' } : {},
            );
            const expected = model.decline(viewer, index, withReason);
            seen('decline', expected);
            expect(outcomeOf(response), `decline by ${viewer}`).toBe(expected);
          };

          for (const step of ops) {
            const request =
              model.requests[step.kind === 'ask' ? 0 : step.request % Math.max(model.requests.length, 1)];
            if (step.kind === 'ask') {
              const earlier = step.again
                ? model.requests[step.viewer % Math.max(model.requests.length, 1)]
                : undefined;
              const viewer = earlier?.requester ?? ids[step.viewer % ids.length]!;
              const target = earlier?.target ?? ids[step.target % ids.length]!;
              const scope = earlier?.scope ?? step.scope;
              const response = await client.ask(viewer, target, scope, {
                products: step.products,
                message: step.message,
              });
              const sentAt = response.errors
                ? new Date()
                : new Date((response.data!['requestAccess'] as RequestAnswer).sentAt);
              const expected = model.request(viewer, target, scope, sentAt, step.products, step.message);
              seen('ask', expected);
              expect(outcomeOf(response), `ask ${viewer} -> ${target} ${scope} ${step.products}`).toBe(
                expected,
              );
              if (expected === 'OK') apiIds.push((response.data!['requestAccess'] as RequestAnswer).id);
              continue;
            }
            if (request === undefined) continue;
            const id = apiIds[request.index]!;
            if (step.kind === 'age') {
              await t.db.driver.executeQuery(
                `MATCH (r:AccessRequest {id: $id})
             SET r.sentAt = r.sentAt - duration({days: $days}), r.dueAt = r.dueAt - duration({days: $days})`,
                { id, days: step.days },
              );
              model.age(request.index, step.days);
              continue;
            }
            if (step.kind === 'redact') {
              if (step.withdrawFirst) {
                const response = await client.withdraw(request.requester, id);
                expect(outcomeOf(response), 'withdraw before erasing').toBe(
                  model.withdraw(request.requester, request.index),
                );
              }
              const other = ids.find((o) => o !== request.requester && o !== request.target);
              const viewer =
                step.by === 'target'
                  ? request.target
                  : step.by === 'other' && other
                    ? other
                    : request.requester;
              for (let attempt = step.twice ? 2 : 1; attempt > 0; attempt--) {
                const response = await t.api.query(viewer, REDACT, { id }, ADMIN);
                const expected = model.redact(viewer, request.index);
                seen('redact', expected);
                expect(outcomeOf(response), `redact by ${viewer}`).toBe(expected);
              }
              continue;
            }
            if (step.kind === 'withdraw') {
              if (step.first === 'decline') await decline(request.target, request.index, true);
              // After a decline only the requester's withdrawal tells something new (refused: answered);
              // the target's is NOT_FOUND as any other, and drawn often enough elsewhere (a CI run of 150
              // cases once drew no refused withdrawal at all).
              const viewer =
                step.asRequester || step.first === 'decline' ? request.requester : request.target;
              for (let attempt = step.first === 'withdraw' ? 2 : 1; attempt > 0; attempt--) {
                const response = await client.withdraw(viewer, id);
                const expected = model.withdraw(viewer, request.index);
                seen('withdraw', expected);
                expect(outcomeOf(response), `withdraw by ${viewer}`).toBe(expected);
              }
              continue;
            }
            const viewer = step.asTarget ? request.target : request.requester;
            if (step.decision === 'DECLINE') {
              await decline(viewer, request.index, step.declineReason);
            } else if (step.decision === 'EXTEND') {
              const cap = calendarCap(request.sentAt);
              const dueAt =
                step.dueAt === 'cap'
                  ? cap
                  : step.dueAt === 'past-cap'
                    ? new Date(cap.getTime() + 1)
                    : new Date(request.sentAt.getTime() + step.dueAt * DAY);
              const response = await client.answer(viewer, id, 'EXTEND', {
                dueAt: dueAt.toISOString(),
                reason: 'extended',
              });
              const expected = model.extend(viewer, request.index, dueAt);
              seen('extend', expected);
              expect(outcomeOf(response), `extend by ${viewer} to ${dueAt.toISOString()}`).toBe(expected);
            } else {
              const ownLinks = file.links.filter((l) => l.customer === viewer).map((l) => l.id);
              const ownDisclosures = published.filter((d) => d.owner === viewer);
              const args = {
                ...(step.links === 'own' && ownLinks.length > 0 ? { linkIds: ownLinks.slice(0, 2) } : {}),
                ...(step.links === 'foreign' ? { linkIds: [...ownLinks.slice(0, 1), 'no-such-link'] } : {}),
                ...(step.disclosures === 'own' && ownDisclosures.some((d) => !d.withdrawn)
                  ? { disclosureIds: ownDisclosures.filter((d) => !d.withdrawn).map((d) => d.id) }
                  : {}),
                ...(step.disclosures === 'withdrawn' && ownDisclosures.some((d) => d.withdrawn)
                  ? { disclosureIds: ownDisclosures.map((d) => d.id) }
                  : {}),
                ...(step.disclosures === 'foreign' && published.some((d) => d.owner !== viewer)
                  ? { disclosureIds: published.filter((d) => d.owner !== viewer).map((d) => d.id) }
                  : {}),
                ...(step.grantScope === null ? {} : { grantScope: step.grantScope }),
              };
              const response = await client.answer(viewer, id, 'GRANT', args);
              const expected = model.grant(viewer, request.index, args, new Date());
              seen('grant', expected);
              expect(outcomeOf(response), `grant by ${viewer} ${JSON.stringify(args)}`).toBe(expected);
            }
          }

          const indexOf = new Map(apiIds.map((id, i) => [id, i]));
          const lookups = apiIds.map((id, i) => `r${i}: accessRequest(id: "${id}") { id }`).join(' ');
          for (const viewer of ids) {
            const response = await t.api.query(viewer, LISTS, { status });
            expect(response.errors).toBeUndefined();
            const now = new Date();
            const sent = response.data!['sent'] as RequestAnswer[];
            const received = response.data!['received'] as RequestAnswer[];
            expect(sent.map((r) => shapeOfApi(r, indexOf))).toEqual(
              model.sent(viewer, status).map((r) => shapeOfModel(r, model, now)),
            );
            expect(received.map((r) => shapeOfApi(r, indexOf))).toEqual(
              model.received(viewer, status).map((r) => shapeOfModel(r, model, now)),
            );
            // Grants are in effect at once: what the viewer may look up follows the shares they created
            // (a disclosure share makes its owner a root and discloses no link).
            const orgLookups = ids.map((id, i) => `o${i}: organization(id: "${id}") { id }`).join(' ');
            const lookedUp = await t.api.query(viewer, `{ ${orgLookups} }`);
            expect(
              ids.filter((_, i) => lookedUp.data![`o${i}`] !== null),
              `${viewer} may look up`,
            ).toEqual(ids.filter((id) => model.mayLookUp(viewer, id, new Date())));
            if (apiIds.length > 0) {
              const one = await t.api.query(viewer, `{ ${lookups} }`);
              expect(apiIds.map((_, i) => one.data![`r${i}`] !== null)).toEqual(
                apiIds.map((_, i) => model.sees(viewer, i)),
              );
            }
          }
        },
      ),
      { numRuns: CASES, examples: [[EVERY_OUTCOME, null]] },
    );
    expect(runs).toBeGreaterThanOrEqual(CASES);
    for (const step of ['ask', 'grant', 'extend', 'decline', 'withdraw', 'redact']) {
      for (const outcome of ['OK', 'NOT_FOUND', 'BAD_USER_INPUT'] as const) {
        expect(tally.get(`${step} ${outcome}`) ?? 0, `${step} ${outcome}`).toBeGreaterThan(0);
      }
    }
  },
);
