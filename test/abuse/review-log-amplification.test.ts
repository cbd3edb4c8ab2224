// Review (hostile client with any token): the access log writes the client's operation name whole.
//
// The request's record takes Apollo's operation name (src/api/apollo.ts, willSendResponse) and the
// access log writes it as `operation` (src/app/server.ts). Metrics bound the label (64 characters, 200
// names); the log line does not. An operation name is one parser token however long, so a body of
// 1 MB carries a name of ~1 MB: `query AAAA…A { me { roles } }` answers 200 and writes a log line of
// ~1 MB. At the per-token rate (50 requests/s by default) that is 50 MB/s of logs from one token, which
// fills disks, costs log-pipeline money and pushes the lines that matter out of retention.
//
// Expected: the log line of a request is small whatever the client sends: the operation name is cut
// (or replaced, as the metrics do) past a sane length.
//
// Fixed: every client-chosen field of a log line (operation name, path, error message) goes through
// one bound (src/observability/client-text.ts); the operation name is cut at the 64 characters past
// which metrics call it `other`.
import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { captureLogger } from '../support/logs.ts';
import { TEST_SECRET } from '../support/api.ts';
import { graph } from '../support/graph-builder.ts';
import { useProductionApp } from '../support/production-app.ts';

const capture = captureLogger();

const server = useProductionApp(graph().org('v', 'PURCHASER').build(), { logger: capture.logger });

/** Sends `body` with a token signed for `org`: its status and the log lines written meanwhile. */
async function send(body: unknown, org = 'v') {
  const authorization = `Bearer ${await signToken({ sub: 'u', org, roles: ['analyst'] }, TEST_SECRET, 600)}`;
  const before = capture.lines.length;
  const response = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  await response.text();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { status: response.status, lines: capture.lines.slice(before) };
}

describe('the access log', () => {
  it('writes a small line for a request with a 990 kB operation name', async () => {
    const name = 'A'.repeat(990_000);
    const { status, lines } = await send({ query: `query ${name} { me { roles } }` });
    expect(status).toBe(200);
    const written = lines.map((line) => JSON.stringify(line).length);
    expect(written.length).toBeGreaterThan(0);
    // Before the fix: one line of ~990 kB.
    expect(Math.max(...written)).toBeLessThan(4_096);
    const request = lines.find((line) => line['msg'] === 'request');
    expect(request?.['operation']).toBe(`${'A'.repeat(64)}… (990000 characters)`);
  });

  it('writes small lines for a 990 kB operationName that names no operation, whatever the answer', async () => {
    const name = 'B'.repeat(990_000);
    const { lines } = await send({ query: 'query A { me { roles } }', operationName: name });
    const written = lines.map((line) => JSON.stringify(line).length);
    expect(written.length).toBeGreaterThan(0);
    expect(Math.max(...written)).toBeLessThan(4_096);
  });

  it("cuts a token's organization claim of 4,000 characters (tokens are at most 8 KiB)", async () => {
    const { lines } = await send({ query: '{ me { roles } }' }, 'o'.repeat(4_000));
    const request = lines.find((line) => line['msg'] === 'request');
    expect(request?.['org']).toBe(`${'o'.repeat(200)}… (4000 characters)`);
  });

  it('keeps a name within the bound whole', async () => {
    const name = `Q${'z'.repeat(63)}`;
    const { lines } = await send({ query: `query ${name} { me { roles } }` });
    expect(lines.find((line) => line['msg'] === 'request')?.['operation']).toBe(name);
  });
});
