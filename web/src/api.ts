// The dashboard's only way to the data: the public GraphQL API at /graphql with the bearer token from
// sessionStorage, plus /dev/token for the local demo picker.
import type { Exposure, Organization, Query, SupplyChain } from './model.ts';

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

export const readToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token.trim());
export const clearToken = (): void => sessionStorage.removeItem(TOKEN_KEY);

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without GraphQL`, null, response.status);
  }
  const error = body.errors?.[0];
  if (error !== undefined || body.data == null) {
    throw new ApiError(error?.message ?? 'No data', error?.extensions?.code ?? null, response.status);
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
}

export const ALL_CAPABILITIES: Capabilities = {
  exposure: true,
  risks: true,
  risksAsOf: true,
  asOf: true,
  product: true,
};

const CAPABILITIES = `{
  query: __type(name: "Query") { fields { name args { name } } }
  organization: __type(name: "Organization") { fields { name args { name } } }
}`;

interface TypeInfo {
  fields: { name: string; args?: { name: string }[] }[] | null;
}

/** Reads the schema's capabilities; where introspection is off (production), assumes contract v1.1. */
export async function capabilities(token: string): Promise<Capabilities> {
  try {
    const data = await graphql<{ query: TypeInfo | null; organization: TypeInfo | null }>(
      CAPABILITIES,
      {},
      token,
    );
    const fields = data.query?.fields ?? [];
    const chainArgs = new Set(fields.find((f) => f.name === 'supplyChain')?.args?.map((a) => a.name));
    const risks = data.organization?.fields?.find((f) => f.name === 'risks');
    return {
      exposure: fields.some((f) => f.name === 'exposure'),
      risks: risks !== undefined,
      risksAsOf: risks?.args?.some((a) => a.name === 'asOf') ?? false,
      asOf: chainArgs.has('asOf'),
      product: chainArgs.has('product'),
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

const RISK_FIELDS = 'id kind source severity description evidenceUrl observedAt';

/** An organization's fields; in an `asOf` view, only the risk indicators recorded by then. */
function orgFields(can: Capabilities, asOf: boolean): string {
  const fields = 'id name type country city provenance sources';
  if (!can.risks) return fields;
  const risks = asOf && can.risksAsOf ? 'risks(asOf: $asOf)' : 'risks';
  return `${fields} ${risks} { ${RISK_FIELDS} }`;
}

/** The variables and declarations for the arguments that are set and that the server supports. */
function argumentsOf(q: Query, can: Capabilities) {
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

export function exposureOperation(q: Query, can: Capabilities) {
  const { declarations, args, variables } = argumentsOf(q, can);
  const query = `query DashboardExposure(${declarations}) {
  exposure(${args}) {
    root { id name }
    closestTier
    findings {
      tier severity
      organization { id name type country provenance }
      path { id name type country }
      indicators { ${RISK_FIELDS} }
    }
    blindSpots { id name type country }
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

/** The demo organizations when the server is in local demo mode, else null (the route is absent). */
export async function demoOrganizations(): Promise<DemoOrganization[] | null> {
  // The server says with every page whether the route exists (src/app/server.ts).
  if (!document.cookie.split('; ').includes('tiersight-demo=1')) return null;
  try {
    const response = await fetch('/dev/token', { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    return ((await response.json()) as { organizations: DemoOrganization[] }).organizations;
  } catch {
    return null;
  }
}

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
