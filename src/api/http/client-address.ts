// The address that requests without a valid token are budgeted by (RATE_LIMIT_PER_ADDRESS). By
// default it is the TCP peer's. Behind a proxy that is the proxy's for every client, so one client's
// flood of made-up tokens would spend everyone's budget, and other clients' expired tokens would get
// 429 where a 401 tells them to refresh. With HTTP_TRUSTED_PROXIES, a request that comes from a listed
// proxy is budgeted by the address in X-Forwarded-For that the proxies vouch for: each proxy appends
// the address it saw, so reading from the right, the first entry that is not itself a trusted proxy.
// Entries left of it were written by the client and are ignored. Only the proxy's header is believed,
// and only from a listed proxy; anything else could claim any address and so a fresh budget.
import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** What is needed of a request (an IncomingMessage). */
interface Arrival {
  readonly socket: { readonly remoteAddress?: string | undefined };
  readonly headers: IncomingHttpHeaders;
}

/** True for an IP address (`10.1.2.3`, `fd00::1`) or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** The client address of a request, given the trusted proxies' addresses and ranges (validated). */
export function clientAddressOf(trustedProxies: readonly string[]): (request: Arrival) => string {
  if (trustedProxies.length === 0) return (request) => request.socket.remoteAddress ?? 'unknown';
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, Number(prefix), type);
  }
  const isTrusted = (address: string) => trusted.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');

  return (request) => {
    let address = request.socket.remoteAddress ?? 'unknown';
    if (isIP(address) === 0 || !isTrusted(address)) return address;
    const forwarded = request.headers['x-forwarded-for'];
    const hops = typeof forwarded === 'string' ? forwarded.split(',').reverse() : [];
    for (const entry of hops) {
      const hop = entry.trim();
      // Not an address: the client wrote it, so the last address vouched for stands.
      if (isIP(hop) === 0) return address;
      address = hop;
      if (!isTrusted(hop)) return hop;
    }
    return address;
  };
}
