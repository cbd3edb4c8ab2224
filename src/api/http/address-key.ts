// Whom per-address limits count together (RATE_LIMIT_PER_ADDRESS, HTTP_MAX_CONNECTIONS_PER_ADDRESS).
// An IPv6 subscriber usually gets a whole /64 and can send from any of its 2^64 addresses, so keyed by
// the exact address every request could bring a fresh budget and every connection a fresh cap: an IPv6
// address counts as its /64. An IPv4 address sent over IPv6 (::ffff:10.1.2.3) counts as the IPv4
// address, which is what it is. ipaddr.js (the parser Express and proxy-addr use) reads the many ways
// one IPv6 address can be written, which a split on ':' does not.
import ipaddr from 'ipaddr.js';

export function addressKeyOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString().split('%')[0]}/64`).toString()}/64`;
}
