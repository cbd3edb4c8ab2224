// Local demo sign-in for the dashboard and GraphiQL: `GET /dev/token` lists the organizations of the
// demo scenario present in the database, `POST /dev/token {"org": "<id>"}` signs a demo token for one
// of them (src/runtime/demo.ts: the roles analyst + supplier_admin, 12 hours).
//
// The route exists only in local demo mode: NODE_ENV is not `production` AND tokens are signed with the
// public development secret (JWT_SECRET unset), so it hands out nothing that anybody could not already
// forge. Everywhere else `devTokenRoute` returns null and the server answers 404 as for any unknown path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import type { Executor } from '../graph/executor.ts';
import { ImportRepository } from '../import/import-repository.ts';
import { BodyTooLarge, isJsonContentType, readBody } from '../api/http/body.ts';
import { DEMO_ROLES, readDemoOrganizations, signDemoToken, type DemoOrganization } from '../runtime/demo.ts';
import { quote } from '../domain/quote.ts';

export const DEV_TOKEN_PATH = '/dev/token';
const MAX_BODY_BYTES = 4096;

/** Local demo mode: never in production, and only while the public development secret signs tokens. */
export function devTokensAllowed(config: Pick<Config, 'environment' | 'jwt'>): boolean {
  return config.environment !== 'production' && config.jwt.usingDevelopmentSecret;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

function send(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  });
  response.end(JSON.stringify(body));
}

/**
 * The handler for DEV_TOKEN_PATH, or null when the route must not exist (see devTokensAllowed).
 * `enabled` lets the caller switch it off even in demo mode (the default for embedded servers).
 */
export function devTokenRoute(
  config: Pick<Config, 'environment' | 'jwt'>,
  executor: Executor,
  enabled: boolean,
): Handler | null {
  if (!enabled || !devTokensAllowed(config)) return null;
  const imports = new ImportRepository(executor);
  let scenario: Promise<DemoOrganization[]> | null = null;
  const existing = async (): Promise<DemoOrganization[]> => {
    // Read once, on the first request: a server that never serves the route never reads the file.
    const demo = await (scenario ??= readDemoOrganizations());
    const found = await imports.organizationIds(demo.map((o) => o.id));
    return demo.filter((o) => found.has(o.id));
  };

  return async (request, response) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      return send(response, 200, { organizations: await existing(), roles: DEMO_ROLES });
    }
    if (request.method !== 'POST')
      return send(response, 405, { error: 'Use GET or POST' }, { allow: 'GET, POST' });
    // A JSON content type keeps plain HTML forms on other sites from posting here.
    if (!isJsonContentType(request.headers['content-type'])) {
      return send(response, 415, { error: 'Send {"org": "<organization id>"} as application/json' });
    }
    let org: unknown;
    try {
      org = (JSON.parse(await readBody(request, MAX_BODY_BYTES)) as { org?: unknown }).org;
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(response, 413, { error: error.message });
      org = undefined;
    }
    if (typeof org !== 'string' || org === '') {
      return send(response, 400, { error: 'Send {"org": "<organization id>"} as application/json' });
    }
    const organization = (await existing()).find((o) => o.id === org);
    if (organization === undefined) {
      return send(response, 404, { error: `No demo organization ${quote(org)} in the database` });
    }
    const { token, ttl } = await signDemoToken(config.jwt, organization.id);
    return send(response, 200, { token, organization, roles: DEMO_ROLES, expiresIn: ttl });
  };
}
