// How much of each organization and link a supply chain's answer has to read. Most questions about a
// big chain (a dashboard's tiers, the bench's, an analyst's "who is upstream") ask for the cards
// only; an organization's location and citations and a link's provenance and citations are half the
// bytes Neo4j sends and the driver decodes (measured on a chain of 11,111 organizations and 17,000
// links: 4.0 MB as read in full, 2.2 MB as cards). GraphQL says up front which fields an answer shows,
// so the statement reads the rest only when some field of the query names them.
import type { Organization, SupplyLink } from './model.ts';

type Part = 'card' | 'detail';

/**
 * Every stored field of an organization, by the part it belongs to. `satisfies` makes a field added to
 * Organization a compile error here until it is given a part: nothing is left out of the detail by
 * oversight.
 */
export const ORGANIZATION_PARTS = {
  id: 'card',
  name: 'card',
  type: 'card',
  country: 'card',
  city: 'detail',
  region: 'detail',
  latitude: 'detail',
  longitude: 'detail',
  osId: 'detail',
  provenance: 'detail',
  sources: 'detail',
} as const satisfies Record<Exclude<keyof Organization, 'identityOnly' | 'directoryCard' | 'seenAt'>, Part>;

/** Every stored field of a link, by part (its ends, `supplier` and `customer`, are organizations). */
export const LINK_PARTS = {
  id: 'card',
  supplierId: 'card',
  customerId: 'card',
  products: 'card',
  validFrom: 'detail',
  validTo: 'detail',
  recordedAt: 'detail',
  provenance: 'detail',
  sources: 'detail',
} as const satisfies Record<Exclude<keyof SupplyLink, 'supplier' | 'customer'>, Part>;

const detailOf = (parts: Record<string, Part>): string[] =>
  Object.entries(parts)
    .filter(([, part]) => part === 'detail')
    .map(([field]) => field);

const ORGANIZATION_DETAIL = detailOf(ORGANIZATION_PARTS);
const LINK_DETAIL = detailOf(LINK_PARTS);

/**
 * What a chain's statement reads: organizations as cards (their detail fields hold null and [], which
 * no answer shows) or in full; links not at all, as cards (detail null and []) or in full.
 */
export interface ChainDetail {
  organizations: 'card' | 'full';
  links: 'none' | 'card' | 'full';
}

/**
 * The sources of a record whose detail was not read: one array for all of them (a big chain's cards
 * each made their own), frozen so that a change to it throws instead of showing in every other card.
 */
export const UNREAD_SOURCES: string[] = [];
Object.freeze(UNREAD_SOURCES);

/** An organization's detail fields as a card leaves them (and an identity card): empty. */
export const unreadOrganizationDetail = (): Pick<
  Organization,
  'city' | 'region' | 'latitude' | 'longitude' | 'osId' | 'provenance' | 'sources'
> => ({
  city: null,
  region: null,
  latitude: null,
  longitude: null,
  osId: null,
  provenance: null,
  sources: UNREAD_SOURCES,
});

/** Everything: for readers that hand the chain on whole (an export). */
export const FULL_CHAIN: ChainDetail = { organizations: 'full', links: 'full' };

/**
 * The detail an answer needs, given every field name its query mentions anywhere (`named`, of every
 * type: a name shared with another type only makes the read fuller) and whether it asks for the chain's
 * links. Any mention counts, not only those below the chain: the chain's organizations also answer
 * other parts of the request (the disclosures read with them name them as their subjects).
 */
export function chainDetailFor(named: ReadonlySet<string>, asksLinks: boolean): ChainDetail {
  const mentions = (fields: readonly string[]) => fields.some((field) => named.has(field));
  return {
    organizations: mentions(ORGANIZATION_DETAIL) ? 'full' : 'card',
    links: !asksLinks ? 'none' : mentions(LINK_DETAIL) ? 'full' : 'card',
  };
}
