// Protection from one client hogging the server: a request rate per bearer token, a cap on one
// token's requests in flight, and a rate per address for requests without a valid token (so a flood
// of made-up tokens cannot make the server verify signatures without end). rate-limiter-flexible is
// the well-kept standard for this; its in-memory limiter is per replica, so the effective limit
// behind a load balancer is N times the configured one (documented in the operations guide).
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../../config.ts';

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

  /** A short key for a bearer token: the token itself never sits in memory as a map key or in a log. */
  static tokenKey(authorization: string): string {
    return createHash('sha256').update(authorization).digest('base64url').slice(0, 22);
  }

  admitToken(key: string): Promise<Admission> {
    return consume(this.byToken, key);
  }

  /** Counts a request from `address` that had no valid token. */
  admitAnonymous(address: string): Promise<Admission> {
    return consume(this.byAddress, address);
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
