import { describe, expect, it } from 'vitest';
import { clientAddressOf, isAddressOrRange } from '../../src/api/http/client-address.ts';

const arrival = (remoteAddress: string, forwardedFor?: string) => ({
  socket: { remoteAddress },
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('the client address of a request', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf([])(arrival('10.0.0.5', '203.0.113.9'))).toBe('10.0.0.5');
  });

  it('is what a trusted proxy saw: the rightmost entry that is not a trusted proxy', () => {
    const address = clientAddressOf(['10.0.0.0/8', '192.168.1.7']);
    expect(address(arrival('10.0.0.5', '203.0.113.9'))).toBe('203.0.113.9');
    // The client wrote the first entry itself; two trusted proxies appended theirs.
    expect(address(arrival('10.0.0.5', '198.51.100.1, 203.0.113.9, 192.168.1.7'))).toBe('203.0.113.9');
    // A peer that is no trusted proxy is the client, whatever it claims.
    expect(address(arrival('203.0.113.50', '198.51.100.1'))).toBe('203.0.113.50');
  });

  it('stays with the last address vouched for when an entry is no address, or none is given', () => {
    const address = clientAddressOf(['10.0.0.0/8']);
    expect(address(arrival('10.0.0.5', 'unknown, 10.1.1.1'))).toBe('10.1.1.1');
    expect(address(arrival('10.0.0.5'))).toBe('10.0.0.5');
  });

  it('matches IPv6 ranges, and IPv4 proxies seen as IPv4-mapped IPv6 peers', () => {
    expect(clientAddressOf(['fd00::/8'])(arrival('fd00::1', '2001:db8::7'))).toBe('2001:db8::7');
    expect(clientAddressOf(['10.0.0.0/8'])(arrival('::ffff:10.0.0.5', '203.0.113.9'))).toBe('203.0.113.9');
  });

  it('reads trusted proxies as addresses or CIDR ranges', () => {
    for (const good of ['10.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1'])
      expect(isAddressOrRange(good)).toBe(true);
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'nginx', '10.0.0.0/8/1', '10.0.0.0/x', ''])
      expect(isAddressOrRange(bad)).toBe(false);
  });
});
