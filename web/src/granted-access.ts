// What a granted access request gives now: its status stays GRANTED after the share it gave is
// revoked or runs out, so the request says whether access still holds, and until when (the requester
// sees a share's end nowhere else).
import { day } from './dom.ts';
import type { AccessScope, RequestShare } from './model.ts';

const SCOPE_WORDS: Record<RequestShare['scope'], string> = {
  SOURCING: 'sourcing',
  DISCLOSURES: 'disclosures',
};
const ORDER: readonly RequestShare['scope'][] = ['SOURCING', 'DISCLOSURES'];

/** Whether it holds, and until when; ended on the earlier of its end and its revocation. */
function standing(share: RequestShare): string {
  const { revokedAt, expiresAt } = share;
  if (revokedAt !== null && (expiresAt === null || revokedAt < expiresAt))
    return `ended: revoked ${day(revokedAt)}`;
  if (expiresAt === null) return 'with no end date';
  return `${share.active ? 'until' : 'ended'} ${day(expiresAt)}`;
}

/**
 * "Access until 2027-06-30.", "Access ended: revoked 2026-12-05."; per scope ("Access to sourcing
 * until …"; scopes that stand alike together: "to sourcing and disclosures until …") unless the request
 * asked for exactly the one scope its one share gives (an imported grant may give less, or other); null
 * for no share.
 */
export function grantedAccess(asked: AccessScope, shares: readonly RequestShare[]): string | null {
  if (shares.length === 0) return null;
  // A grant may link two identical shares (an import held both): each scope is named once per standing.
  const scopesBy = new Map<string, string[]>();
  // Sourcing first, as the request names them ("its sourcing and its disclosures"), whatever order the server lists them in.
  for (const share of [...shares].sort((a, b) => ORDER.indexOf(a.scope) - ORDER.indexOf(b.scope))) {
    const stands = standing(share);
    const scopes = scopesBy.get(stands) ?? [];
    if (!scopes.includes(SCOPE_WORDS[share.scope])) scopes.push(SCOPE_WORDS[share.scope]);
    scopesBy.set(stands, scopes);
  }
  const [only] = scopesBy.keys();
  if (only !== undefined && scopesBy.size === 1 && shares.every((share) => share.scope === asked))
    return `Access ${only}.`;
  // A request of both granted for one alone (a narrower grant) stays GRANTED: say what it did not give.
  const withheld = asked === 'BOTH' ? ORDER.filter((scope) => !shares.some((s) => s.scope === scope)) : [];
  return (
    `Access ${[...scopesBy].map(([stands, scopes]) => `to ${scopes.join(' and ')} ${stands}`).join('; ')}` +
    withheld.map((scope) => `; none to ${SCOPE_WORDS[scope]}`).join('') +
    '.'
  );
}
