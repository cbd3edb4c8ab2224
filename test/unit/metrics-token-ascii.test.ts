// METRICS_TOKEN outside visible ASCII was accepted at start-up, yet no scraper could present it: Node
// reads a header's bytes as Latin-1, and Prometheus (as curl) sends the token's UTF-8 bytes, so a
// token with "é" or "€" was compared with its mojibake and /metrics answered 401 for good (found by
// adv39's review). It is refused at start-up, naming where, never echoing the token.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { metricsReadable } from '../../src/observability/metrics-access.ts';

const load = (env: Record<string, string>) => loadConfig(env, { dataDir: '/tmp/data' });
const TOKEN = 'prometheus-scrape-token-€-0123456789';

/** The Authorization header as Node hands it over when a client sent `value` as UTF-8. */
const asNodeReadsIt = (value: string) => Buffer.from(value, 'utf8').toString('latin1');

describe('a METRICS_TOKEN outside visible ASCII', () => {
  it('is one no scraper sending UTF-8 can present', () => {
    expect(metricsReadable(asNodeReadsIt(`Bearer ${TOKEN}`), TOKEN)).toBe(false);
  });

  it('is refused at start-up, naming the position of the character, not the token', () => {
    expect(() => load({ METRICS_TOKEN: TOKEN })).toThrow(
      /METRICS_TOKEN must be visible ASCII characters \(a character outside it at position 25\)/,
    );
    expect(() => load({ METRICS_TOKEN: TOKEN })).not.toThrow(/€/);
    const ascii = 'prometheus-scrape-token-~!"#$%&()*+,./:;<=>?@[]^`{|}';
    expect(load({ METRICS_TOKEN: ascii }).metricsToken).toBe(ascii);
  });
});
