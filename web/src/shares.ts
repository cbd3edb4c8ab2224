// A share as the dashboard lists it, and what it shows its recipient, in the supplier's words.
import { plural } from './model.ts';

export interface Share {
  id: string;
  scope: 'SOURCING' | 'DISCLOSURES';
  recipient: { name: string };
  linkIds: string[] | null;
  disclosureIds: string[] | null;
}

/** A share its owner gave, with since when and until when it holds. */
export interface GivenShare extends Share {
  createdAt: string;
  expiresAt: string | null;
}

/** What a share shows its recipient: a scope, and all of it (now and later) or how many items. */
export function shareScope(share: Share): string {
  const sourcing = share.scope === 'SOURCING';
  const ids = sourcing ? share.linkIds : share.disclosureIds;
  const what = sourcing ? 'your sourcing' : 'your disclosures';
  return ids === null
    ? `${what} (all, now and later)`
    : `${what} (${plural(ids.length, sourcing ? 'link' : 'disclosure')})`;
}
