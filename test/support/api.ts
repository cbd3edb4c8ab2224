// The API over HTTP against the test database: tokens, requests, and the statement counter.
import { expect } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { TokenSettings } from '../../src/auth/verify-token.ts';
import { silentLogger } from './logs.ts';
import { startApp, type App } from '../../src/app/server.ts';
import { DEFAULT_RATE_LIMITS } from '../../src/config.ts';
import type { TestDatabase } from './database.ts';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface GraphQLResponse {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string }; path?: unknown[]; locations?: unknown[] }[];
}

export interface TestApi {
  app: App;
  token(org: string, roles?: Role[], ttlSeconds?: number): Promise<string>;
  /** POSTs an operation as `org` (or with the raw Authorization header given). */
  query(
    as: string | { authorization?: string },
    query: string,
    variables?: Record<string, unknown>,
    roles?: Role[],
  ): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export async function startTestApi(
  db: TestDatabase,
  environment: 'development' | 'production' = 'development',
  tokens: Omit<TokenSettings, 'secret'> = {},
): Promise<TestApi> {
  const app = await startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      environment,
      // The limits tests send the standard introspection query; suggestions are tested without it.
      introspection: true,
      jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false, ...tokens },
      // Property tests ask as one user hundreds of times a second on a fast machine; the limits have
      // their own tests (test/api/operations.test.ts) with their own settings.
      rateLimits: { ...DEFAULT_RATE_LIMITS, perTokenPerSecond: 0 },
    },
    executor: db.executor,
    logger: silentLogger,
    // Imports in tests run in this process, which the import gate hears of at once; a long view age
    // keeps the gate's own reads out of the statement counts (test/api/batching.test.ts).
    importStateMaxAgeMs: 3_600_000,
  });
  const token = (org: string, roles: Role[] = ['analyst'], ttl = 600) =>
    signToken({ sub: `user@${org}`, org, roles }, TEST_SECRET, ttl);
  return {
    app,
    token,
    async query(as, query, variables = {}, roles) {
      const authorization = typeof as === 'string' ? `Bearer ${await token(as, roles)}` : as.authorization;
      return postGraphQL(app.url, authorization, query, variables);
    },
    close: () => app.close(),
  };
}

/** POSTs an operation to the API at `baseUrl` (such as http://127.0.0.1:4000). */
export async function postGraphQL(
  baseUrl: string,
  authorization: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** The answer's `field`, once the answer is known to carry no error (named in the failure if it does). */
export const ok = <T>(response: GraphQLResponse, field: string): T => {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data![field] as T;
};

export const codes = (response: GraphQLResponse): (string | undefined)[] =>
  (response.errors ?? []).map((e) => e.extensions?.code);
