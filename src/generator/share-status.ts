// When a synthetic share was made and how it ended: shared by the sourcing and the disclosure shares.
import type { Random } from './random.ts';

export interface ShareStatus {
  createdAt: number;
  expiresAt: number;
  revokedAt: number;
}

/** When a share was made, and whether it was revoked, has expired or expires later (day numbers, 0 = none). */
export function shareStatus(
  rng: Random,
  today: number,
  revoked: number,
  expired: number,
  later: number,
): ShareStatus {
  const createdAt = today - rng.between(7, 5 * 365);
  const r = rng.float();
  let expiresAt = 0;
  let revokedAt = 0;
  if (r < revoked) revokedAt = createdAt + rng.between(1, today - 1 - createdAt);
  else if (r < revoked + expired) expiresAt = createdAt + rng.between(1, today - 1 - createdAt);
  else if (r < revoked + expired + later) expiresAt = today + rng.between(30, 2 * 365);
  return { createdAt, expiresAt, revokedAt };
}
