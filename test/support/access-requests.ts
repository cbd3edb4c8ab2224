// Access requests in tests: the operations as the dashboard sends them, and counts of what they write.
import { expect } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import type { AccessRequestRecord } from '../../src/domain/access-requests.ts';
import { codes, type GraphQLResponse, type TestApi } from './api.ts';
import type { TestDatabase } from './database.ts';

export const REQUEST_FIELDS = `id requester { id } target { id } scope products message sentAt dueAt status overdue
  closedAt reason shares { id owner { id } recipient { id } linkIds } events { action at actorUserId actorOrganization { id } note }`;

export const REQUEST_ACCESS = `mutation Ask($to: ID!, $scope: AccessScope!, $products: [String!], $message: String,
  $dueAt: DateTime) {
  requestAccess(organizationId: $to, scope: $scope, products: $products, message: $message, dueAt: $dueAt) {
    ${REQUEST_FIELDS}
  }
}`;

export const ANSWER = `mutation Answer($id: ID!, $decision: AccessDecision!, $reason: String, $dueAt: DateTime,
  $linkIds: [ID!], $disclosureIds: [ID!], $expiresAt: DateTime, $grantScope: AccessScope) {
  answerAccessRequest(id: $id, decision: $decision, reason: $reason, dueAt: $dueAt, linkIds: $linkIds,
    disclosureIds: $disclosureIds, expiresAt: $expiresAt, grantScope: $grantScope) { ${REQUEST_FIELDS} }
}`;

export const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawAccessRequest(id: $id) { ${REQUEST_FIELDS} } }`;

export const REDACT = `mutation Redact($id: ID!) { redactAccessRequest(id: $id) { ${REQUEST_FIELDS} } }`;

export const SENT = `query Sent($status: AccessRequestStatus) { accessRequestsSent(status: $status) { ${REQUEST_FIELDS} } }`;
export const RECEIVED = `query Received($status: AccessRequestStatus) { accessRequestsReceived(status: $status) { ${REQUEST_FIELDS} } }`;
export const ONE = `query One($id: ID!) { accessRequest(id: $id) { ${REQUEST_FIELDS} } }`;

export interface RequestAnswer {
  id: string;
  requester: { id: string };
  target: { id: string };
  scope: string;
  products: string[];
  message: string | null;
  sentAt: string;
  dueAt: string;
  status: string;
  overdue: boolean;
  closedAt: string | null;
  reason: string | null;
  shares: { id: string; owner: { id: string }; recipient: { id: string }; linkIds: string[] | null }[];
  events: {
    action: string;
    at: string;
    actorUserId: string | null;
    actorOrganization: { id: string };
    note: string | null;
  }[];
}

export const ADMIN: Role[] = ['supplier_admin'];

/** The operations of one test file's API, each returning the raw response. */
export const accessRequestClient = (api: TestApi) => ({
  ask: (as: string, to: string, scope: string, extra: Record<string, unknown> = {}, roles?: Role[]) =>
    api.query(as, REQUEST_ACCESS, { to, scope, ...extra }, roles),
  answer: (as: string, id: string, decision: string, extra: Record<string, unknown> = {}, roles = ADMIN) =>
    api.query(as, ANSWER, { id, decision, ...extra }, roles),
  withdraw: (as: string, id: string, roles?: Role[]) => api.query(as, WITHDRAW, { id }, roles),
  redact: (as: string, id: string, roles = ADMIN) => api.query(as, REDACT, { id }, roles),
  sent: (as: string, status?: string) => api.query(as, SENT, status ? { status } : {}),
  received: (as: string, status?: string) => api.query(as, RECEIVED, status ? { status } : {}),
  one: (as: string, id: string) => api.query(as, ONE, { id }),
});

/** A request's events as [action, organization, note]: who wrote what, and what an erasure left. */
export const eventNotes = (request: RequestAnswer) =>
  request.events.map((e) => [e.action, e.actorOrganization.id, e.note]);

/** The request a mutation or query field answered with (the test fails on errors). */
export function requestIn(response: GraphQLResponse, field: string): RequestAnswer {
  if (response.errors) throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
  return response.data![field] as RequestAnswer;
}

/** The requests a list field answered with (the test fails on errors). */
export function requestsIn(response: GraphQLResponse, field: string): RequestAnswer[] {
  if (response.errors) throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
  return response.data![field] as RequestAnswer[];
}

/**
 * Requests sent at the same moment, any of which would stop the others: exactly one is created, and
 * each other one is refused as BAD_USER_INPUT naming it. Returns the one created.
 */
export async function oneCreatedOf(asks: Promise<GraphQLResponse>[]): Promise<RequestAnswer> {
  const answers = await Promise.all(asks);
  const created = answers.filter((a) => a.errors === undefined);
  expect(created).toHaveLength(1);
  const request = requestIn(created[0]!, 'requestAccess');
  for (const refused of answers.filter((a) => a.errors !== undefined)) {
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain(request.id);
  }
  return request;
}

/** Counts of the nodes and relationships an access request or a grant writes. */
export async function countRequestWrites(db: TestDatabase): Promise<Record<string, number>> {
  const { records } = await db.driver.executeQuery(
    `CALL () { MATCH (r:AccessRequest) RETURN count(r) AS requests }
     CALL () { MATCH (e:AccessRequestEvent) RETURN count(e) AS requestEvents }
     CALL () { MATCH (s:Share) RETURN count(s) AS shares }
     CALL () { MATCH (e:ShareEvent) RETURN count(e) AS shareEvents }
     CALL () { MATCH ()-[x:RESULTED_IN]->() RETURN count(x) AS resulted }
     CALL () { MATCH (o:Organization) WHERE o._lock IS NOT NULL RETURN count(o) AS locks }
     RETURN requests, requestEvents, shares, shareEvents, resulted, locks`,
  );
  const row = records[0]!.toObject() as Record<string, unknown>;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/**
 * A request `requester` sent `target` on 10 January 2024, due 31 January, extended by the target on 20
 * January to 1 March and declined on 1 April, as an import states it with its trail: for views asOf an
 * instant before each step.
 */
export const extendedThenDeclined = (requester: string, target: string): AccessRequestRecord => ({
  id: 'ar-dated',
  requester,
  target,
  scope: 'SOURCING',
  products: [],
  sentAt: '2024-01-10T00:00:00Z',
  dueAt: '2024-03-01T00:00:00Z',
  extended: true,
  status: 'DECLINED',
  closedAt: '2024-04-01T00:00:00Z',
  reason: 'no',
  events: [
    { action: 'SENT', at: '2024-01-10T00:00:00Z', actorUserId: 'u1', actorOrganizationId: requester },
    {
      action: 'EXTENDED',
      at: '2024-01-20T00:00:00Z',
      actorUserId: 'u2',
      actorOrganizationId: target,
      note: 'audit first',
      previousDueAt: '2024-01-31T00:00:00Z',
      dueAt: '2024-03-01T00:00:00Z',
    },
    {
      action: 'DECLINED',
      at: '2024-04-01T00:00:00Z',
      actorUserId: 'u2',
      actorOrganizationId: target,
      note: 'no',
    },
  ],
});
