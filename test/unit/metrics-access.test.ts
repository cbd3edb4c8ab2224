import { describe, expect, it } from 'vitest';
import { metricsReadable } from '../../src/observability/metrics-access.ts';

const TOKEN = 'scraper-token-of-at-least-32-characters';

describe('who may read /metrics', () => {
  it('anyone who reaches it when no token is set', () => {
    expect(metricsReadable(undefined, null)).toBe(true);
    expect(metricsReadable('Bearer anything', null)).toBe(true);
  });

  it('with a token set, only a request bearing it', () => {
    expect(metricsReadable(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsReadable(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty one', ''],
    ['another token', 'Bearer scraper-token-of-at-least-32-characterS'],
    ['a prefix of it', `Bearer ${TOKEN.slice(0, -1)}`],
    ['it with more', `Bearer ${TOKEN}x`],
    ['it without the scheme', TOKEN],
    ['it as Basic credentials', `Basic ${TOKEN}`],
    ['it followed by a second token', `Bearer ${TOKEN} ${TOKEN}`],
  ])('refuses %s', (_, header) => {
    expect(metricsReadable(header, TOKEN)).toBe(false);
  });
});
