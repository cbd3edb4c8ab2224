// Review (operator): the access log line and the request counter of a GraphQL request refused before
// Apollo runs say less than the answer did.
//
// README, Logs: one line per GraphQL request with `org` (the viewer's organization) and `outcome` (`OK`
// or the error code). A request with a valid token refused by its rate limit, by its concurrency limit,
// for a body that is not JSON or for a body over 1 MB was logged without `org` (Apollo's
// willSendResponse, which sets it, never ran), so an operator could not tell which organization was
// being throttled; and the last two were logged and counted (tiersight_graphql_requests_total) with
// outcome `HTTP_400` / `HTTP_413` where the client got `BAD_REQUEST` / `PAYLOAD_TOO_LARGE`.
//
// Expected: such a line names the token's organization, and its outcome is the code of the answer.
import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { captureLogger } from '../support/logs.ts';
import { TEST_SECRET } from '../support/api.ts';
import { graph } from '../support/graph-builder.ts';
import { useProductionApp } from '../support/production-app.ts';

const capture = captureLogger();

const server = useProductionApp(graph().org('v', 'PURCHASER').build(), {
  logger: capture.logger,
  rateLimits: { perTokenPerSecond: 1, perAddressPerSecond: 100, windowSeconds: 3, concurrentPerToken: 16 },
});

const token = (sub: string) => signToken({ sub, org: 'v', roles: ['analyst'] }, TEST_SECRET, 600);

/** Sends `body` as is: its status, its error code and the request's log line. */
async function send(sub: string, body: string) {
  const response = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await token(sub)}`,
      'x-request-id': `op-${sub}-${Math.random().toString(36).slice(2)}`,
    },
    body,
  });
  const answer: unknown = await response.json();
  const reqId = response.headers.get('x-request-id');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const line = capture.lines.find((l) => l['msg'] === 'request' && l['reqId'] === reqId);
  const code = JSON.stringify(answer).match(/"code":"([A-Z_]+)"/)?.[1];
  return { status: response.status, code, line };
}

async function counted(outcome: string): Promise<number> {
  const text = await (await fetch(`${server.app.url}/metrics`)).text();
  const row = text
    .split('\n')
    .find((l) => l.startsWith('tiersight_graphql_requests_total{') && l.includes(`outcome="${outcome}"`));
  return row === undefined ? 0 : Number(row.split(' ').at(-1));
}

describe('a GraphQL request refused before it runs', () => {
  it('is logged with the organization of its token when its rate limit refuses it', async () => {
    const query = JSON.stringify({ query: '{ me { roles } }' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send('limited', query));
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.code).toBe('RATE_LIMITED');
    expect(refused?.line?.['outcome']).toBe('RATE_LIMITED');
    expect(refused?.line?.['org']).toBe('v');
  });

  it('is logged and counted with the code of its answer for a body that is not JSON', async () => {
    const before = await counted('BAD_REQUEST');
    const { status, code, line } = await send('json', '{not json');
    expect([status, code]).toEqual([400, 'BAD_REQUEST']);
    expect(line?.['outcome']).toBe('BAD_REQUEST');
    expect(line?.['org']).toBe('v');
    expect(await counted('BAD_REQUEST')).toBe(before + 1);
  });

  it('is logged and counted with the code of its answer for a body over 1 MB', async () => {
    const before = await counted('PAYLOAD_TOO_LARGE');
    const { status, code, line } = await send(
      'big',
      JSON.stringify({ query: `{ me { roles } }${' '.repeat(1_100_000)}` }),
    );
    expect([status, code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(line?.['outcome']).toBe('PAYLOAD_TOO_LARGE');
    expect(line?.['org']).toBe('v');
    expect(await counted('PAYLOAD_TOO_LARGE')).toBe(before + 1);
  });
});
