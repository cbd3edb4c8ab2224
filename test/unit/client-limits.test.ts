import { describe, expect, it } from 'vitest';
import { ClientLimits } from '../../src/api/http/rate-limit.ts';

const limits = (concurrentPerToken: number) =>
  new ClientLimits({ perTokenPerSecond: 0, perAddressPerSecond: 0, windowSeconds: 1, concurrentPerToken });

describe('requests in flight per token', () => {
  it('admits up to the cap, and again once one finishes', () => {
    const l = limits(2);
    expect([l.enter('a'), l.enter('a'), l.enter('a'), l.enter('b')]).toEqual([true, true, false, true]);
    l.leave('a');
    expect(l.enter('a')).toBe(true);
  });

  it('a cap of 0 turns the limit off; rates of 0 admit everything', async () => {
    const l = limits(0);
    for (let i = 0; i < 100; i++) expect(l.enter('a')).toBe(true);
    expect(await l.admitToken('a')).toBeNull();
    expect(await l.admitAnonymous('127.0.0.1')).toBeNull();
  });

  it('keys a principal by a hash, never by its user id', () => {
    const key = ClientLimits.principalKey(JSON.stringify(['local', 'secret-user', 'org']));
    expect(key).not.toContain('secret');
    expect(key).toHaveLength(22);
    expect(ClientLimits.principalKey(JSON.stringify(['local', 'secret-user', 'org']))).toBe(key);
    expect(ClientLimits.principalKey(JSON.stringify(['local', 'secret-user', 'other']))).not.toBe(key);
  });
});

describe('requests without a valid token per address', () => {
  it("share one budget across an IPv6 client's /64", async () => {
    const l = new ClientLimits({
      perTokenPerSecond: 0,
      perAddressPerSecond: 1,
      windowSeconds: 2,
      concurrentPerToken: 0,
    });
    expect(await l.admitAnonymous('2001:db8:1:2::1')).toBeNull();
    expect(await l.admitAnonymous('2001:db8:1:2::2')).toBeNull();
    expect(await l.admitAnonymous('2001:db8:1:2:ffff::3')).not.toBeNull();
    expect(await l.admitAnonymous('2001:db8:1:3::1')).toBeNull();
  });
});

describe('the wait a rate-limited client is told', () => {
  it('is the time until the window frees, in whole seconds', async () => {
    const limits = new ClientLimits({
      perTokenPerSecond: 1,
      perAddressPerSecond: 1,
      windowSeconds: 30,
      concurrentPerToken: 0,
    });
    for (let i = 0; i < 30; i++) expect(await limits.admitToken('k')).toBeNull();
    const wait = await limits.admitToken('k');
    expect(wait).toBeGreaterThanOrEqual(29);
    expect(wait).toBeLessThanOrEqual(30);
    for (let i = 0; i < 30; i++) expect(await limits.admitAnonymous('192.0.2.1')).toBeNull();
    expect(await limits.admitAnonymous('192.0.2.1')).toBeGreaterThanOrEqual(29);
  });
});
