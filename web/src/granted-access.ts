// What a granted access request gives now: its status stays GRANTED after the share it created is
// revoked or runs out, so the request says whether access still holds, and until when (the requester
// sees a share's end nowhere else).
import { day } from './dom.ts';
import type { RequestShare } from './model.ts';

const SCOPE_WORDS: Record<RequestShare['scope'], string> = {
  SOURCING: 'sourcing',
  DISCLOSURES: 'disclosures',
};

function standing(share: RequestShare): string {
  if (share.revokedAt !== null) return `ended: revoked ${day(share.revokedAt)}`;
  if (share.expiresAt === null) return 'with no end date';
  return `${share.active ? 'until' : 'ended'} ${day(share.expiresAt)}`;
}

/** "Access until 2027-06-30.", "Access ended: revoked 2026-12-05.", per scope when there are two; null for none. */
export function grantedAccess(shares: readonly RequestShare[]): string | null {
  if (shares.length === 0) return null;
  const parts = shares.map((share) =>
    shares.length === 1 ? standing(share) : `to ${SCOPE_WORDS[share.scope]} ${standing(share)}`,
  );
  return `Access ${parts.join('; ')}.`;
}
