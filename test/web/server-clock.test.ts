// @vitest-environment happy-dom
// How far the server's clock runs ahead, from its answers' Date header: an answer that came back fast
// sets it; one whose round trip was long (a laptop asleep mid-request, the page's clock set forward
// meanwhile) leaves it as it was, since its stamp could lie anywhere within those hours.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphql, serverClockAhead } from '../../web/src/api.ts';

const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);
const MINUTE = 60_000;

/** /graphql answering at the server's `serverNow`, after the page's clock moved on by `takes` ms. */
function answering(serverNow: () => number, takes = 0) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      const stamp = new Date(serverNow()).toUTCString();
      vi.setSystemTime(Date.now() + takes);
      return new Response(JSON.stringify({ data: { ok: true } }), {
        headers: { 'content-type': 'application/json', date: stamp },
      });
    }),
  );
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the server's clock", () => {
  it('is read from a quick answer, and kept when an answer took hours on this clock', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    answering(() => Date.now() + 10 * MINUTE);
    await graphql('{ ok }', {}, 'token');
    expect(serverClockAhead()).toBe(10 * MINUTE);

    // Sent at NOW, answered with the server's stamp of then, received 11 h 56 min later on this clock.
    answering(() => Date.now() + 10 * MINUTE, (11 * 60 + 56) * MINUTE);
    await graphql('{ ok }', {}, 'token');
    expect(serverClockAhead()).toBe(10 * MINUTE);
  });
});
