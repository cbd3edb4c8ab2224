// Protection from one client hogging the server: a request rate per bearer token, a cap on one
// token's requests in flight, and a rate per address for requests without a valid token (so that a
// flood of made-up tokens is soon answered 429; each costs one signature check, and never a body read
// or parsed: src/app/graphql-route.ts checks the token first). rate-limiter-flexible is
// the well-kept standard for this; its in-memory limiter is per replica, so the effective limit
// behind a load balancer is N times the configured one (documented in the operations guide).
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../../config.ts';
import { addressKeyOf } from './address-key.ts';

/** Seconds to wait, or null when admitted. */
export type Admission = number | null;

function limiter(perSecond: number, windowSeconds: number): RateLimiterMemory | null {
  return perSecond > 0
    ? new RateLimiterMemory({ points: perSecond * windowSeconds, duration: windowSeconds })
    : null;
}

async function consume(limiter: RateLimiterMemory | null, key: string): Promise<Admission> {
  if (limiter === null) return null;
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

export class ClientLimits {
  private readonly byToken: RateLimiterMemory | null;
  private readonly byAddress: RateLimiterMemory | null;
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly config: RateLimitConfig) {
    this.byToken = limiter(config.perTokenPerSecond, config.windowSeconds);
    this.byAddress = limiter(config.perAddressPerSecond, config.windowSeconds);
  }

  /**
   * The key of a verified token's principal (VerifiedToken.principal): every token of one user, and
   * every spelling of one token's signature, shares one budget and one cap. A hash, so that no user id
   * sits in memory as a map key.
   */
  static principalKey(principal: string): string {
    return createHash('sha256').update(principal).digest('base64url').slice(0, 22);
  }

  admitToken(key: string): Promise<Admission> {
    return consume(this.byToken, key);
  }

  /** Counts a request from `address` that had no valid token (an IPv6 address by its /64: address-key.ts). */
  admitAnonymous(address: string): Promise<Admission> {
    return consume(this.byAddress, addressKeyOf(address));
  }

  /** Takes a slot for one of the token's requests; false when it already has its cap in flight. */
  enter(key: string): boolean {
    const cap = this.config.concurrentPerToken;
    const current = this.inFlight.get(key) ?? 0;
    if (cap > 0 && current >= cap) return false;
    this.inFlight.set(key, current + 1);
    return true;
  }

  leave(key: string): void {
    const current = (this.inFlight.get(key) ?? 1) - 1;
    if (current <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, current);
  }
}
