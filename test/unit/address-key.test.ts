// Whom per-address limits count together (src/api/http/address-key.ts).
import { describe, expect, it } from 'vitest';
import { addressKeyOf } from '../../src/api/http/address-key.ts';

describe('addressKeyOf', () => {
  it('counts an IPv6 address as its /64, however it is written', () => {
    expect(addressKeyOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKeyOf('2001:db8:1:2:ffff::1')).toBe('2001:db8:1:2::/64');
    expect(addressKeyOf('2001:0db8:0001:0002:0000:0000:0000:0009')).toBe('2001:db8:1:2::/64');
    expect(addressKeyOf('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressKeyOf('fe80::1%eth0')).toBe('fe80::/64');
  });

  it('counts an IPv4 address as itself, also when it comes over IPv6', () => {
    expect(addressKeyOf('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKeyOf('::ffff:10.1.2.3')).toBe('10.1.2.3');
  });

  it('leaves what is no address as it is', () => {
    expect(addressKeyOf('unknown')).toBe('unknown');
  });
});
