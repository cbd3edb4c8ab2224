// The dashboard's only way to the data: the public GraphQL API at /graphql with the bearer token from
// sessionStorage, plus /dev/token for the local demo picker.
import type {
  AccessDecision,
  AccessRequest,
  AccessScope,
  Disclosure,
  Exposure,
  Organization,
  Query,
  SupplyChain,
} from './model.ts';

export const TOKEN_KEY = 'tiersight.token';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a request that never reached the server says. */
export const UNREACHABLE = 'Could not reach the Tiersight server; check your connection and try again';

export const readToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token.trim());
export const clearToken = (): void => {
  sessionStorage.removeItem(TOKEN_KEY);
  renewed.clear();
};

/**
 * The tokens an extended session replaced, each with the one that replaced it: the panels keep the
 * token they were built with, and every request made with an old one carries the newest instead, so
 * that extending a session (web/src/session-expiry.ts) needs no panel drawn again.
 */
const renewed = new Map<string, string>();

/** The token a request made with `token` carries: the newest of its session. */
const current = (token: string): string => renewed.get(token) ?? token;

/**
 * Replaces the session's token `old` with `fresh` (checked first to be for the same organization):
 * stored for a reload, sent by every request from now on, and watched by `onSessionExpired`.
 */
export function renewToken(old: string, fresh: string): void {
  const replaced = current(old);
  for (const [from, to] of renewed) if (to === replaced) renewed.set(from, fresh);
  renewed.set(old, fresh);
  renewed.set(replaced, fresh);
  renewed.delete(fresh);
  if (sessionExpired !== null && current(sessionExpired.token) === fresh)
    sessionExpired = { ...sessionExpired, token: fresh };
  storeToken(fresh);
}

/** Whether the server runs in local demo mode (it says so with every page: src/app/server.ts). */
export const demoMode = (): boolean => document.cookie.split('; ').includes('tiersight-demo=1');

/** Who is told when the server refuses a token, and for which token (see onSessionExpired). */
let sessionExpired: { token: string; handler: () => void } | null = null;

/**
 * Runs `handler` once, on the first answer UNAUTHENTICATED to a request made with `token`: one place
 * ends the session, instead of each panel showing its own error. Null forgets the handler (sign-out).
 */
export function onSessionExpired(token: string, handler: (() => void) | null): void {
  sessionExpired = handler === null ? null : { token, handler };
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * How far the server's clock runs ahead of this browser's, in milliseconds (negative: behind), from
 * the Date header of its latest answer; 0 before the first and within the header's whole seconds. A
 * token's `exp` is the server's time: read on a browser whose clock is minutes off, the warning before
 * it would come too late, or say that a live session had ended.
 */
let serverAhead = 0;
export const serverClockAhead = (): number => serverAhead;

/**
 * The longest round trip whose Date header is read: the stamp lies anywhere within it, so one that took
 * longer (a laptop asleep mid-request, a stalled network, this clock set forward meanwhile) could put
 * the estimate off by hours, and the session warning with it.
 */
const MAX_CLOCK_SAMPLE_MS = 5_000;

function noteServerClock(response: Response, sentAt: number): void {
  const stamped = Date.parse(response.headers.get('date') ?? '');
  const roundTrip = Date.now() - sentAt;
  if (Number.isNaN(stamped) || roundTrip < 0 || roundTrip > MAX_CLOCK_SAMPLE_MS) return;
  // Stamped (in whole seconds) somewhere between sending and now: against the middle of that.
  const ahead = stamped - (sentAt + Date.now()) / 2;
  serverAhead = Math.abs(ahead) < 2_000 ? 0 : Math.round(ahead);
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const sent = current(token);
  let response: Response;
  const sentAt = Date.now();
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sent}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    // The browser's own words ("Failed to fetch", "NetworkError when attempting…") say nothing to a user.
    throw new ApiError(UNREACHABLE, 'NETWORK', 0);
  }
  noteServerClock(response, sentAt);
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without GraphQL`, null, response.status);
  }
  const error = body.errors?.[0];
  if (error !== undefined || body.data == null) {
    const code = error?.extensions?.code ?? null;
    // A request sent before the session was extended, with the old token, does not end the new one.
    if (code === 'UNAUTHENTICATED' && sessionExpired?.token === sent) {
      const { handler } = sessionExpired;
      sessionExpired = null;
      handler();
    }
    throw new ApiError(error?.message ?? 'No data', code, response.status);
  }
  return body.data;
}

/** What the server offers beyond contract v1 (the dashboard asks only for what exists). */
export interface Capabilities {
  exposure: boolean;
  risks: boolean;
  /** `Organization.risks(asOf)`: the indicators recorded by an instant, for an `asOf` view. */
  risksAsOf: boolean;
  asOf: boolean;
  product: boolean;
  /** `Organization.disclosures` and `disclosuresReceived` (contract v1.2, section 8). */
  disclosures: boolean;
  /** `ExposureFinding.disclosedIndicators`: what visible disclosures say, apart from public risk. */
  disclosedIndicators: boolean;
  /** `accessRequestsSent` / `accessRequestsReceived` and their mutations (contract v1.2, section 9). */
  accessRequests: boolean;
  /** `BlindSpot.openAccessRequest`: whether the viewer already asked a blind spot. */
  blindSpotRequests: boolean;
  /** `riskAssessment` (issue 15): the ranked "Where to start" list. */
  riskAssessment: boolean;
  /** `RiskIndicator.delistedAt`: an entry its list removed, kept for the record, which flags nothing. */
  delistedRisks: boolean;
  /** `accessRequestsSent(asOf)` / `accessRequestsReceived(asOf)`: requests as they stood on a day. */
  requestsAsOf: boolean;
  /** `CorrectiveAction.firstDueAt`: the due date an action was first given, before any move. */
  firstDueAt: boolean;
  /** `disclosuresGiven(id)`: one of the organization's own disclosures, withdrawn too, with its history. */
  ownHistory: boolean;
  /** `chainsReaching`: which of the viewer's roots hold an organization ("In your chains"). */
  chainsReaching: boolean;
  /** `recordFinding` and `RiskIndicator.recordedBy`: a monitor records public findings (src/modules/findings). */
  findings: boolean;
  /** `redactDisclosureVersion` and `DisclosureVersion.redactedAt`: the owner erases one version's texts. */
  redactVersions: boolean;
  /** `redactFinding` and `Finding.redactedAt`: a monitor erases the texts of one of its withdrawn findings. */
  redactFindings: boolean;
  /** `RiskIndicator.redactedAt`: when a monitor erased the texts of the finding an indicator is. */
  redactedRisks: boolean;
  /** `redactAccessRequest`: a party erases the texts it wrote on a closed access request. */
  redactAccessRequests: boolean;
  /** `remindAccessRequest` and `AccessRequest.reminderCount`: the requester reminds the target of an overdue request. */
  remindAccessRequests: boolean;
  /**
   * `AccessRequestAction.REDACTED`: a request's events say who erased its texts, and when (the
   * events are asked for only then: an older server's requests are read as before).
   */
  requestRedactions: boolean;
  /**
   * `Disclosure.sharedWith`: whom each of the organization's own disclosures is shown to by its own
   * records, and whether its own sourcing share lets each recipient look the subject up.
   */
  sharedWith: boolean;
  /** `RiskIndicator.topics` and `exposure(topics:)`: what an indicator is about, and the filter by it. */
  topics: boolean;
  /** `chainExport(csv:)`: a CSV file in the dialect of the user's spreadsheet (semicolons, decimal commas). */
  csvDialect: boolean;
}

export const ALL_CAPABILITIES: Capabilities = {
  exposure: true,
  risks: true,
  risksAsOf: true,
  asOf: true,
  product: true,
  disclosures: true,
  disclosedIndicators: true,
  accessRequests: true,
  blindSpotRequests: true,
  riskAssessment: true,
  delistedRisks: true,
  requestsAsOf: true,
  firstDueAt: true,
  ownHistory: true,
  chainsReaching: true,
  findings: true,
  redactVersions: true,
  redactFindings: true,
  redactedRisks: true,
  redactAccessRequests: true,
  remindAccessRequests: true,
  requestRedactions: true,
  sharedWith: true,
  topics: true,
  csvDialect: true,
};

export const CAPABILITIES = `{
  query: __type(name: "Query") { fields { name args { name } } }
  organization: __type(name: "Organization") { fields { name args { name } } }
  finding: __type(name: "ExposureFinding") { fields { name } }
  blindSpot: __type(name: "BlindSpot") { fields { name } }
  indicator: __type(name: "RiskIndicator") { fields { name } }
  action: __type(name: "CorrectiveAction") { fields { name } }
  disclosure: __type(name: "Disclosure") { fields { name } }
  mutation: __type(name: "Mutation") { fields { name } }
  requestAction: __type(name: "AccessRequestAction") { enumValues { name } }
}`;

interface TypeInfo {
  fields: { name: string; args?: { name: string }[] }[] | null;
}

interface EnumInfo {
  enumValues: { name: string }[] | null;
}

/** Reads the schema's capabilities; where introspection is off (production), assumes contract v1.1. */
export async function capabilities(token: string): Promise<Capabilities> {
  try {
    const data = await graphql<
      Record<
        | 'query'
        | 'organization'
        | 'finding'
        | 'blindSpot'
        | 'indicator'
        | 'action'
        | 'disclosure'
        | 'mutation',
        TypeInfo | null
      > & { requestAction?: EnumInfo | null }
    >(CAPABILITIES, {}, token);
    const has = (type: TypeInfo | null, name: string) => (type?.fields ?? []).some((f) => f.name === name);
    const fields = data.query?.fields ?? [];
    const chainArgs = new Set(fields.find((f) => f.name === 'supplyChain')?.args?.map((a) => a.name));
    const risks = data.organization?.fields?.find((f) => f.name === 'risks');
    return {
      exposure: has(data.query, 'exposure'),
      risks: risks !== undefined,
      risksAsOf: risks?.args?.some((a) => a.name === 'asOf') ?? false,
      asOf: chainArgs.has('asOf'),
      product: chainArgs.has('product'),
      disclosures: has(data.organization, 'disclosures') && has(data.query, 'disclosuresReceived'),
      disclosedIndicators: has(data.finding, 'disclosedIndicators'),
      accessRequests: has(data.query, 'accessRequestsReceived'),
      blindSpotRequests: has(data.blindSpot, 'openAccessRequest'),
      riskAssessment: has(data.query, 'riskAssessment'),
      delistedRisks: has(data.indicator, 'delistedAt'),
      requestsAsOf:
        fields.find((f) => f.name === 'accessRequestsSent')?.args?.some((a) => a.name === 'asOf') ?? false,
      firstDueAt: has(data.action, 'firstDueAt'),
      ownHistory:
        fields.find((f) => f.name === 'disclosuresGiven')?.args?.some((a) => a.name === 'id') ?? false,
      chainsReaching: has(data.query, 'chainsReaching'),
      topics: has(data.indicator, 'topics'),
      findings: has(data.mutation, 'recordFinding'),
      redactVersions: has(data.mutation, 'redactDisclosureVersion'),
      redactFindings: has(data.mutation, 'redactFinding'),
      redactedRisks: has(data.indicator, 'redactedAt'),
      redactAccessRequests: has(data.mutation, 'redactAccessRequest'),
      remindAccessRequests: has(data.mutation, 'remindAccessRequest'),
      requestRedactions: (data.requestAction?.enumValues ?? []).some((v) => v.name === 'REDACTED'),
      sharedWith: has(data.disclosure, 'sharedWith'),
      csvDialect: fields.find((f) => f.name === 'chainExport')?.args?.some((a) => a.name === 'csv') ?? false,
    };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') throw error;
    return ALL_CAPABILITIES;
  }
}

export interface Me {
  organization: Organization;
  roles: string[];
  roots: Organization[];
}

export const ME = `{ me { organization { id name type country } roles roots { id name type country } } }`;

export const me = async (token: string): Promise<Me> => (await graphql<{ me: Me }>(ME, {}, token)).me;

/**
 * An indicator's fields; the monitor that recorded it where the server has findings, and when it erased
 * the finding's texts where the server erases them.
 */
const riskFields = (can: Capabilities) =>
  `id kind source severity description evidenceUrl observedAt${can.findings ? ' recordedBy { id name }' : ''}${can.redactedRisks ? ' redactedAt' : ''}${can.topics ? ' topics' : ''}`;

/** An organization's fields; in an `asOf` view, only the risk indicators recorded by then. */
function orgFields(can: Capabilities, asOf: boolean): string {
  const fields = 'id name type country city provenance sources';
  if (!can.risks) return fields;
  const risks = asOf && can.risksAsOf ? 'risks(asOf: $asOf)' : 'risks';
  return `${fields} ${risks} { ${riskFields(can)}${can.delistedRisks ? ' delistedAt' : ''} }`;
}

/** The variables and declarations for the arguments that are set and that the server supports. */
export function argumentsOf(q: Query, can: Capabilities) {
  const declarations = ['$maxDepth: Int'];
  const args = ['maxDepth: $maxDepth'];
  const variables: Record<string, unknown> = { maxDepth: q.maxDepth };
  if (q.rootId !== null) {
    declarations.push('$rootId: ID');
    args.push('rootId: $rootId');
    variables['rootId'] = q.rootId;
  }
  if (q.asOf !== '' && can.asOf) {
    declarations.push('$asOf: DateTime');
    args.push('asOf: $asOf');
    variables['asOf'] = q.asOf;
  }
  if (q.product.trim() !== '' && can.product) {
    declarations.push('$product: String');
    args.push('product: $product');
    variables['product'] = q.product.trim();
  }
  return {
    declarations: declarations.join(', '),
    args: args.join(', '),
    variables,
    asOf: 'asOf' in variables,
  };
}

export function supplyChainOperation(q: Query, can: Capabilities) {
  const { declarations, args, variables, asOf } = argumentsOf(q, can);
  const org = orgFields(can, asOf);
  const query = `query DashboardChain(${declarations}) {
  supplyChain(${args}) {
    root { ${org} }
    depth
    tiers { tier organizations { ${org} } }
    links { id products validFrom validTo provenance sources supplier { id } customer { id } }
  }
}`;
  return { query, variables };
}

const PARTY = 'id name';

/** A corrective action's due dates: the first one too where the server has it. */
export const dueFields = (can: Capabilities) => (can.firstDueAt ? 'dueAt firstDueAt' : 'dueAt');

const disclosedIndicatorFields = (can: Capabilities) => `kind severity description
      disclosure { id kind title owner { ${PARTY} } }
      action { id status ${dueFields(can)} overdue }`;

export function exposureOperation(q: Query, can: Capabilities) {
  const asked = argumentsOf(q, can);
  let { declarations, args } = asked;
  const variables = { ...asked.variables };
  if (q.topic !== undefined && q.topic !== '' && can.topics) {
    declarations += ', $topics: [RiskTopic!]';
    args += ', topics: $topics';
    variables['topics'] = [q.topic];
  }
  const disclosed = can.disclosedIndicators
    ? `\n      disclosedIndicators { ${disclosedIndicatorFields(can)} }`
    : '';
  const details = can.blindSpotRequests
    ? `\n    blindSpotDetails {
      tier
      organization { id name type country }
      openAccessRequest { id scope sentAt dueAt overdue }
    }`
    : '';
  const query = `query DashboardExposure(${declarations}) {
  exposure(${args}) {
    root { id name }
    closestTier
    findings {
      tier severity
      organization { id name type country provenance }
      path { id name type country }
      indicators { ${riskFields(can)} }${disclosed}
    }
    blindSpots { id name type country }${details}
  }
}`;
  return { query, variables };
}

export async function supplyChain(q: Query, can: Capabilities, token: string): Promise<SupplyChain> {
  const { query, variables } = supplyChainOperation(q, can);
  return (await graphql<{ supplyChain: SupplyChain }>(query, variables, token)).supplyChain;
}

export async function exposure(q: Query, can: Capabilities, token: string): Promise<Exposure> {
  const { query, variables } = exposureOperation(q, can);
  return (await graphql<{ exposure: Exposure }>(query, variables, token)).exposure;
}

export interface DemoOrganization {
  id: string;
  name: string;
  type: string;
  country: string;
}

/**
 * The demo organizations when the server is in local demo mode, else null (the route is absent). A
 * list that does not arrive throws, saying why: the sign-in page, told the server is in demo mode,
 * shows that rather than a picker that never comes.
 */
export async function demoOrganizations(): Promise<DemoOrganization[] | null> {
  if (!demoMode()) return null;
  let response: Response;
  try {
    response = await fetch('/dev/token', { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(UNREACHABLE, 'NETWORK', 0);
  }
  // The route is gone (the server restarted out of demo mode since the page came).
  if (response.status === 404) return null;
  const body: unknown = await response.json().catch(() => null);
  const organizations =
    typeof body === 'object' && body !== null && 'organizations' in body ? body.organizations : undefined;
  if (!response.ok || !Array.isArray(organizations) || !organizations.every(isDemoOrganization))
    throw new ApiError(
      `The server answered ${response.status} without the demo organizations`,
      null,
      response.status,
    );
  return organizations;
}

const isDemoOrganization = (o: unknown): o is DemoOrganization =>
  typeof o === 'object' &&
  o !== null &&
  'id' in o &&
  typeof o.id === 'string' &&
  'name' in o &&
  typeof o.name === 'string' &&
  'type' in o &&
  typeof o.type === 'string' &&
  'country' in o &&
  typeof o.country === 'string';

export async function demoToken(org: string): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ org }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || body.token === undefined)
    throw new ApiError(body.error ?? 'No token', null, response.status);
  return body.token;
}

// --- Evidence: disclosures and access requests (contract v1.2, sections 8 and 9) ---------------------

const disclosureFields = (can: Capabilities) => `id kind title summary issuer standard products issuedAt
  validUntil expired documentUrl documentSha256 version publishedAt updatedAt ${can.redactVersions ? 'redactedAt' : ''}
  owner { ${PARTY} } subject { ${PARTY} }
  actions { id finding severity action ${dueFields(can)} status overdue verification closedAt }`;

/** The operation of `disclosuresAbout`. */
export function disclosuresOperation(id: string, asOf: string, can: Capabilities) {
  const dated = asOf !== '';
  const query = `query DashboardDisclosures($id: ID!${dated ? ', $asOf: DateTime' : ''}) {
  organization(id: $id) { disclosures${dated ? '(asOf: $asOf)' : ''} { ${disclosureFields(can)} } }
}`;
  return { query, variables: dated ? { id, asOf } : { id } };
}

/** The disclosures about one organization that the viewer may see, at `asOf` (a day) or now. */
export async function disclosuresAbout(
  id: string,
  asOf: string,
  can: Capabilities,
  token: string,
): Promise<Disclosure[]> {
  const { query, variables } = disclosuresOperation(id, asOf, can);
  const data = await graphql<{ organization: { disclosures: Disclosure[] } | null }>(query, variables, token);
  return data.organization?.disclosures ?? [];
}

const REQUEST_FIELDS = `id scope products message sentAt dueAt extended status overdue closedAt reason
  requester { ${PARTY} } target { ${PARTY} } shares { scope expiresAt revokedAt active }`;

/**
 * A request's fields as the lists show them: with the events that say who erased its texts, and when,
 * only from a server that records erasures (an older one has none to tell, and is asked as before),
 * and the reminders from one that takes them.
 */
export const requestFields = (
  can: Pick<Capabilities, 'requestRedactions' | 'remindAccessRequests'>,
): string =>
  [
    REQUEST_FIELDS,
    // A server that takes reminders counts them; the last one's note is among the events.
    can.remindAccessRequests && 'reminderCount lastRemindedAt nextReminderAt',
    (can.requestRedactions || can.remindAccessRequests) &&
      'events { action at actorOrganization { id } note }',
  ]
    .filter((part): part is string => typeof part === 'string')
    .join(' ');

/** One of the viewer's own disclosures, as the grant form lists them. */
/**
 * `subject`: whom it is about, which a grant's question needs (a disclosure about a supplier shows only
 * while the requester may look that supplier up); absent where a caller left it out.
 */
export type OwnDisclosure = Pick<Disclosure, 'id' | 'kind' | 'title'> & { subject?: { id: string } };

/** One link of the viewer's own sourcing, as the grant form lists them. */
export interface OwnLink {
  id: string;
  supplier: { id: string; name: string };
  products: string[];
}

export interface Evidence {
  /** Disclosures other organizations shared with the viewer. */
  received: Disclosure[];
  /** The viewer's own disclosures that are not withdrawn: what a grant of disclosures may name. */
  given: OwnDisclosure[];
  /** The viewer's own current links: what a grant of sourcing may narrow to. */
  links: OwnLink[];
  /** Access requests sent to the viewer's organization (the inbox). */
  inbox: AccessRequest[];
  /** Access requests the viewer's organization sent (the outbox). */
  outbox: AccessRequest[];
}

/** The operation of `evidence`; null when the server offers none of it. */
export function evidenceOperation(can: Capabilities, asOf: string) {
  const dated = asOf !== '' && can.disclosures;
  const datedRequests = requestsDated(can, asOf);
  const at = datedRequests ? '(asOf: $asOf)' : '';
  const parts = [
    can.disclosures &&
      `received: disclosuresReceived${dated ? '(asOf: $asOf)' : ''} { ${disclosureFields(can)} }`,
    can.disclosures && can.accessRequests && 'given: disclosuresGiven { id kind title subject { id } }',
    can.accessRequests && 'links: ownSupplyLinks { id supplier { id name } products }',
    can.accessRequests && `inbox: accessRequestsReceived${at} { ${requestFields(can)} }`,
    can.accessRequests && `outbox: accessRequestsSent${at} { ${requestFields(can)} }`,
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return null;
  const declared = dated || datedRequests;
  return {
    query: `query DashboardEvidence${declared ? '($asOf: DateTime)' : ''} {\n  ${parts.join('\n  ')}\n}`,
    variables: declared ? { asOf } : {},
  };
}

/** Whether the access requests are asked for as they stood on `asOf` (the server reads them so). */
export const requestsDated = (can: Capabilities, asOf: string): boolean =>
  asOf !== '' && can.accessRequests && can.requestsAsOf;

/**
 * What was shared with the viewer and its access requests, as far as the server offers them; both as
 * of `asOf` (a day) when one is given (the requests only where the server dates them).
 */
export async function evidence(can: Capabilities, token: string, asOf = ''): Promise<Evidence> {
  const operation = evidenceOperation(can, asOf);
  if (operation === null) return { received: [], given: [], links: [], inbox: [], outbox: [] };
  const data = await graphql<Partial<Evidence>>(operation.query, operation.variables, token);
  return {
    received: data.received ?? [],
    given: data.given ?? [],
    links: data.links ?? [],
    inbox: data.inbox ?? [],
    outbox: data.outbox ?? [],
  };
}

export const REQUEST_ACCESS = `mutation DashboardRequestAccess($organizationId: ID!, $scope: AccessScope!, $products: [String!],
  $message: String, $idempotencyKey: String) {
  requestAccess(organizationId: $organizationId, scope: $scope, products: $products, message: $message,
    idempotencyKey: $idempotencyKey) {
    ${REQUEST_FIELDS}
  }
}`;

export async function requestAccess(
  organizationId: string,
  scope: AccessScope,
  /** Only these products; empty for all. */
  products: readonly string[],
  message: string,
  token: string,
  /** The same for every attempt of one request (web/src/action-key.ts). */
  idempotencyKey: string,
): Promise<AccessRequest> {
  const variables = {
    organizationId,
    scope,
    products: products.length === 0 ? null : products,
    message: message.trim() === '' ? null : message.trim(),
    idempotencyKey,
  };
  return (await graphql<{ requestAccess: AccessRequest }>(REQUEST_ACCESS, variables, token)).requestAccess;
}

export interface Answer {
  decision: AccessDecision;
  /** Required to decline or extend. */
  reason?: string;
  /** EXTEND: the new due day, `YYYY-MM-DD`. */
  dueAt?: string;
  /** GRANT of sourcing: only these of the viewer's own links; absent or null for all, now and later. */
  linkIds?: string[] | null;
  /** GRANT of disclosures: only these of the viewer's own; absent or null for all, now and later. */
  disclosureIds?: string[] | null;
  /** GRANT: the day (`YYYY-MM-DD`, 00:00 UTC) the created share(s) stop; absent or null for never. */
  expiresAt?: string | null;
  /** GRANT of a BOTH request: SOURCING or DISCLOSURES alone; absent or null for what was asked. */
  grantScope?: AccessScope | null;
}

export const ANSWER_ACCESS_REQUEST = `mutation DashboardAnswer($id: ID!, $decision: AccessDecision!, $reason: String, $dueAt: DateTime,
  $linkIds: [ID!], $disclosureIds: [ID!], $expiresAt: DateTime, $grantScope: AccessScope, $idempotencyKey: String) {
  answerAccessRequest(id: $id, decision: $decision, reason: $reason, dueAt: $dueAt, linkIds: $linkIds,
    disclosureIds: $disclosureIds, expiresAt: $expiresAt, grantScope: $grantScope, idempotencyKey: $idempotencyKey) {
    ${REQUEST_FIELDS}
  }
}`;

export async function answerAccessRequest(
  id: string,
  answer: Answer,
  token: string,
  /** The same for every attempt of one answer (web/src/action-key.ts). */
  idempotencyKey: string,
): Promise<AccessRequest> {
  const variables = {
    idempotencyKey,
    id,
    decision: answer.decision,
    reason: answer.reason ?? null,
    dueAt: answer.dueAt ?? null,
    linkIds: answer.linkIds ?? null,
    disclosureIds: answer.disclosureIds ?? null,
    expiresAt: answer.expiresAt ?? null,
    grantScope: answer.grantScope ?? null,
  };
  return (await graphql<{ answerAccessRequest: AccessRequest }>(ANSWER_ACCESS_REQUEST, variables, token))
    .answerAccessRequest;
}

export const REMIND_ACCESS_REQUEST = `mutation DashboardRemind($id: ID!, $message: String, $idempotencyKey: String) {
  remindAccessRequest(id: $id, message: $message, idempotencyKey: $idempotencyKey) { id target { id name } nextReminderAt }
}`;

/** Reminds the target of overdue request `id` (once a day at most), with an optional note. */
export async function remindAccessRequest(
  id: string,
  message: string,
  token: string,
  /** The same for every attempt of one reminder (web/src/action-key.ts). */
  idempotencyKey: string,
): Promise<Pick<AccessRequest, 'id' | 'target' | 'nextReminderAt'>> {
  const variables = { id, message: message.trim() === '' ? null : message.trim(), idempotencyKey };
  return (
    await graphql<{ remindAccessRequest: Pick<AccessRequest, 'id' | 'target' | 'nextReminderAt'> }>(
      REMIND_ACCESS_REQUEST,
      variables,
      token,
    )
  ).remindAccessRequest;
}

export const WITHDRAW_ACCESS_REQUEST = `mutation DashboardWithdraw($id: ID!) { withdrawAccessRequest(id: $id) { ${REQUEST_FIELDS} } }`;

export async function withdrawAccessRequest(id: string, token: string): Promise<AccessRequest> {
  return (await graphql<{ withdrawAccessRequest: AccessRequest }>(WITHDRAW_ACCESS_REQUEST, { id }, token))
    .withdrawAccessRequest;
}

export const REDACT_ACCESS_REQUEST = `mutation DashboardRedactAccessRequest($id: ID!) { redactAccessRequest(id: $id) { id } }`;

/** Erases the texts the viewer's organization wrote on closed request `id`, for both parties and at every instant. */
export async function redactAccessRequest(id: string, token: string): Promise<void> {
  await graphql<{ redactAccessRequest: { id: string } }>(REDACT_ACCESS_REQUEST, { id }, token);
}
