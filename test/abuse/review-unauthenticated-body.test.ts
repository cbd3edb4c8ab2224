// Review (hostile client, no credentials): what a request without a valid token costs.
//
// The route (src/app/graphql-route.ts) checks rates first, "before any parsing or signature check: they
// are the cheapest refusals", but only by the Authorization header's hash: a made-up token gets a fresh
// per-token budget, so it is admitted; then the whole body is read (up to 1 MB) and JSON.parse'd, and
// only then does Apollo build the context, verify the token and count the failure against the client's
// address (refusalOf). A request with no token at all is admitted by the address budget and then read
// and parsed the same way before it is refused 401. JSON.parse of 1 MB of nested arrays
// (`[[[[…]]]]`, legal JSON, ignored as an unused variable) takes 100-200 ms of the event loop; on the
// review's probe server 60 such requests with made-up tokens kept a legitimate client waiting up to
// 1.9 s, and 300 requests of 480 kB with made-up tokens cost the server 2.4 s of CPU, the 184 of them
// refused 429 as much as the 116 refused 401 (requests without any token: 0.8 s). So one address with
// no credentials, within its RATE_LIMIT_PER_ADDRESS, keeps the process busy; with made-up tokens, at any
// rate it likes.
//
// Expected: a request whose token is missing or does not verify (a check of the header alone) is
// refused before its body is read, 401, or 429 once its address is over its budget.
//
// Fixed: the route verifies the token (cached) before the body and refuses on the headers alone; the
// body is let through unparsed (src/api/http/body.ts, discardBody), so a kept-alive connection goes on
// serving. On the review's nested 980 kB body: 137 ms of event loop at most and ~100 ms of CPU per
// refused request before, 13 ms and ~10 ms (the test's own client included) after.
import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HTTP } from '../../src/config.ts';
import { startApp, type App } from '../../src/app/server.ts';
import { silentLogger } from '../support/logs.ts';
import { signToken } from '../../src/auth/tokens.ts';
import { TEST_SECRET } from '../support/api.ts';
import { graph } from '../support/graph-builder.ts';
import { postWithoutBody } from '../support/post-without-body.ts';
import { useProductionApp } from '../support/production-app.ts';

// The address budget: 10 requests without a valid token, refilled at 1 a second.
const server = useProductionApp(graph().org('v', 'PURCHASER').build(), {
  rateLimits: { perTokenPerSecond: 50, perAddressPerSecond: 1, windowSeconds: 10, concurrentPerToken: 16 },
});

const madeUp = () => `Bearer m${Math.random().toString(36).slice(2)}.e30.c2ln`;

/**
 * Sends the headers of a POST that announces a 500 kB body, and no body: the status if the server
 * answers within `ms`, else null (it is waiting for the body).
 */
function statusWithoutBody(authorization: string | null, ms = 3_000): Promise<number | null> {
  return new Promise((resolve) => {
    const request = postWithoutBody(server.app.url, 500_000, authorization);
    const timer = setTimeout(() => {
      request.destroy();
      resolve(null);
    }, ms);
    request.on('response', (response) => {
      clearTimeout(timer);
      response.resume();
      request.destroy();
      resolve(response.statusCode ?? 0);
    });
  });
}

describe('a request without a valid token is refused before its body is read', () => {
  it('without an Authorization header: 401 at once', async () => {
    expect(await statusWithoutBody(null)).toBe(401);
  });

  it('with a made-up token: 401 at once', async () => {
    expect(await statusWithoutBody(madeUp())).toBe(401);
  });

  it('with a made-up token once its address is over budget: 429 at once', async () => {
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${server.app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: madeUp() },
        body: '{"query":"{ me { roles } }"}',
      });
      await response.text();
    }
    expect(await statusWithoutBody(madeUp())).toBe(429);
  });

  // What a refused body cost the event loop was JSON.parse (100-350 ms for the nested body above). The
  // proof that it is gone is that the body is never parsed, not a CPU figure: a timed assertion here
  // failed CI once when other test files shared the process's CPU.
  it('so a body sent with a made-up token is never parsed: not JSON at all, it is refused for the token', async () => {
    const depth = 490_000;
    const nestedAndCut = `{"query":"{ me { roles } }","variables":{"a":${'['.repeat(depth)}${']'.repeat(depth - 1)}}}`;
    expect(nestedAndCut.length).toBeLessThan(1_000_000);
    const post = async (authorization: string) => {
      const response = await fetch(`${server.app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: nestedAndCut,
      });
      const text = await response.text();
      return { status: response.status, text };
    };
    const refused = await post(madeUp());
    expect([401, 429]).toContain(refused.status);
    expect(refused.text).not.toMatch(/JSON|parse|body/i);
    // The same body with a valid token is read, and refused for what it is.
    const valid = `Bearer ${await signToken({ sub: 'u', org: 'v', roles: ['analyst'] }, TEST_SECRET, 600)}`;
    expect((await post(valid)).status).toBe(400);
  });

  it('a refused body is let through, so the kept-alive connection serves the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const valid = `Bearer ${await signToken({ sub: 'u', org: 'v', roles: ['analyst'] }, TEST_SECRET, 600)}`;
    const post = (authorization: string, body: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request: ClientRequest = httpRequest(
          `${server.app.url}/graphql`,
          { agent, method: 'POST', headers: { 'content-type': 'application/json', authorization } },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }),
            );
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    try {
      const padded = JSON.stringify({ query: '{ me { roles } }', variables: { pad: 'x'.repeat(200_000) } });
      // 429 once the earlier tests have spent the address's budget: refused on the headers either way.
      expect([401, 429]).toContain((await post(madeUp(), padded)).status);
      expect(await post(valid, JSON.stringify({ query: '{ me { roles } }' }))).toEqual({
        status: 200,
        reused: true,
      });
    } finally {
      agent.destroy();
    }
  });
});

describe('behind a trusted proxy', () => {
  let proxied: App;
  beforeAll(async () => {
    proxied = await startApp({
      config: {
        port: 0,
        host: '127.0.0.1',
        environment: 'production',
        jwt: { secret: TEST_SECRET, usingDevelopmentSecret: false },
        rateLimits: {
          perTokenPerSecond: 50,
          perAddressPerSecond: 1,
          windowSeconds: 5,
          concurrentPerToken: 16,
        },
        // This test is the proxy, at 127.0.0.1.
        http: { ...DEFAULT_HTTP, trustedProxies: ['127.0.0.0/8'] },
      },
      executor: server.db.executor,
      logger: silentLogger,
    });
  });
  afterAll(() => proxied?.close());

  const status = async (forwardedFor: string) => {
    const response = await fetch(`${proxied.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: madeUp(),
        'x-forwarded-for': forwardedFor,
      },
      body: '{"query":"{ me { roles } }"}',
    });
    await response.text();
    return response.status;
  };

  it('one client’s flood of made-up tokens spends its own budget, not everyone’s', async () => {
    const flood = [];
    for (let i = 0; i < 7; i++) flood.push(await status('203.0.113.1'));
    expect(flood.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(flood.slice(5)).toEqual([429, 429]);
    // Another client behind the same proxy still hears that its token is bad, and so refreshes it.
    expect(await status('203.0.113.2')).toBe(401);
    // What the client writes left of the proxy's entry changes nothing.
    expect(await status('198.51.100.1, 203.0.113.1')).toBe(429);
  });
});
