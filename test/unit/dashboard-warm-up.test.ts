// The demo's warm-up (src/runtime/dashboard-warm-up.ts) against a stand-in endpoint: it sends each
// operation once, in order, the next only after the last one answered, with the token; it counts
// answers with errors without stopping; a stop (abort) ends it at once; and `serve`'s wrapper never
// throws, whatever happens to the server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { warmUp, warmUpDashboard } from '../../src/runtime/dashboard-warm-up.ts';

interface Seen {
  body: string;
  authorization: string | undefined;
  /** Requests being answered when this one arrived. */
  inFlight: number;
}

let server: Server | null = null;
/** Answers not yet sent: a test that ends first leaves none behind. */
const answering = new Set<NodeJS.Timeout>();
afterEach(async () => {
  for (const timer of answering) clearTimeout(timer);
  answering.clear();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

/** A stand-in GraphQL endpoint that answers `answer(body)` after `delayMs`; returns its URL and log. */
async function standIn(answer: (body: string) => { status: number; json: unknown }, delayMs = 5) {
  const seen: Seen[] = [];
  let inFlight = 0;
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ body, authorization: request.headers.authorization, inFlight });
      inFlight += 1;
      const timer = setTimeout(() => {
        answering.delete(timer);
        inFlight -= 1;
        const { status, json } = answer(body);
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      }, delayMs);
      answering.add(timer);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

const operations = ['{ a }', '{ b }', '{ c }'].map((query) => ({ query, variables: {} }));

describe('warmUp', () => {
  it('sends each operation once, in order, one at a time, with the token', async () => {
    const { url, seen } = await standIn(() => ({ status: 200, json: { data: {} } }));
    const outcome = await warmUp(`${url}/graphql`, 'tok', operations, new AbortController().signal);
    expect(seen.map((s) => JSON.parse(s.body) as unknown)).toEqual(operations);
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer tok', 'Bearer tok', 'Bearer tok']);
    expect(seen.map((s) => s.inFlight)).toEqual([0, 0, 0]);
    expect(outcome).toMatchObject({ failed: 0, firstFailure: null });
  });

  it('counts answers with errors or a failed status and goes on', async () => {
    const { url, seen } = await standIn((body) =>
      body.includes('{ a }')
        ? { status: 200, json: { errors: [{ message: 'no', extensions: { code: 'TIMEOUT' } }] } }
        : body.includes('{ b }')
          ? { status: 503, json: { errors: [{ message: 'busy' }] } }
          : { status: 200, json: { data: {} } },
    );
    const outcome = await warmUp(`${url}/graphql`, 't', operations, new AbortController().signal);
    expect(seen).toHaveLength(3);
    expect(outcome.failed).toBe(2);
    expect(outcome.firstFailure).toMatch(/^200 .*TIMEOUT/);
  });

  it('stops at once when the server stops (abort), sending nothing more', async () => {
    const stop = new AbortController();
    const { url, seen } = await standIn(() => {
      stop.abort(new Error('stopping'));
      return { status: 200, json: { data: {} } };
    });
    await expect(warmUp(`${url}/graphql`, 't', operations, stop.signal)).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });

  it('does not wait for an answer in flight when stopped: a slow first run would hold up the stop', async () => {
    const stop = new AbortController();
    const { url, seen } = await standIn(() => ({ status: 200, json: { data: {} } }), 10_000);
    const warming = warmUp(`${url}/graphql`, 't', operations, stop.signal);
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const stoppedAt = performance.now();
    stop.abort(new Error('stopping'));
    await expect(warming).rejects.toThrow('stopping');
    expect(performance.now() - stoppedAt).toBeLessThan(2_000);
    expect(seen).toHaveLength(1);
  });
});

describe("serve's warm-up", () => {
  it('says why when the server cannot be reached, and does not throw', async () => {
    const { url } = await standIn(() => ({ status: 200, json: { data: {} } }));
    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = null;
    const said: string[] = [];
    await warmUpDashboard(url, 't', new AbortController().signal, (line) => said.push(line));
    expect(said).toHaveLength(2);
    expect(said[1]).toMatch(/^Warm-up stopped: fetch failed/);
  });

  it('says nothing more once the server is stopping', async () => {
    const stop = new AbortController();
    const { url } = await standIn(() => {
      stop.abort();
      return { status: 200, json: { data: {} } };
    });
    const said: string[] = [];
    await warmUpDashboard(url, 't', stop.signal, (line) => said.push(line));
    expect(said).toHaveLength(1);
  });

  it('reports the failures of a server that refuses the operations', async () => {
    const { url, seen } = await standIn(() => ({ status: 401, json: { errors: [{ message: 'refused' }] } }));
    const said: string[] = [];
    await warmUpDashboard(url, 't', new AbortController().signal, (line) => said.push(line));
    expect(said[1]).toMatch(
      new RegExp(
        `^Warm-up done in \\d+\\.\\d s; ${seen.length} of ${seen.length} operations failed, the first with 401 `,
      ),
    );
  });
});
