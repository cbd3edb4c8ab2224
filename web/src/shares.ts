// A share as the dashboard lists it, and what it shows its recipient, in the supplier's words.
import { day } from './dom.ts';
import { isolate } from './bidi.ts';
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

/** What the owner calls each of its links and disclosures, by id: what a share of some of them names. */
export interface OwnItems {
  links: ReadonlyMap<string, string>;
  disclosures: ReadonlyMap<string, string>;
}

interface DatedLink {
  supplier: { name: string };
  products: readonly string[];
  validFrom: string | null;
  validTo: string | null;
}

type Dates = Pick<DatedLink, 'validFrom' | 'validTo'>;

/** Ended at its start, however far ahead: it holds at no instant (the API lists it as ended). */
export const calledOff = ({ validFrom, validTo }: Dates): boolean =>
  validFrom !== null && validTo !== null && Date.parse(validFrom) === Date.parse(validTo);

/** The link no longer holds: it ended today or before, or was called off. */
export const linkEnded = (link: Dates): boolean =>
  link.validTo !== null && (new Date(link.validTo) <= new Date() || calledOff(link));

/** One of the owner's links as a share of it names it: its supplier, products and end, if it ended. */
export function linkWords(link: DatedLink): string {
  const products = link.products.length === 0 ? '' : ` for ${isolate(link.products.join(', '))}`;
  const ended = calledOff(link) ? ', called off' : linkEnded(link) ? `, ended ${day(link.validTo)}` : '';
  return `${isolate(link.supplier.name)}${products}${ended}`;
}

/** Items a share of some names at most: a share of 300 links must still read as one line. */
const NAMED = 5;

/**
 * What a share shows its recipient: a scope, and all of it (now and later) or how many items; with
 * `own`, also which ones (the first NAMED), so that the owner can tell two shares of "1 link" apart. An
 * item `own` does not name (one merged away since) is given by its id.
 */
export function shareScope(share: Share, own: OwnItems | null = null): string {
  const sourcing = share.scope === 'SOURCING';
  const ids = sourcing ? share.linkIds : share.disclosureIds;
  const what = sourcing ? 'your sourcing' : 'your disclosures';
  if (ids === null) return `${what} (all, now and later)`;
  const counted = plural(ids.length, sourcing ? 'link' : 'disclosure');
  if (own === null || ids.length === 0) return `${what} (${counted})`;
  const names = sourcing ? own.links : own.disclosures;
  const named = ids.slice(0, NAMED).map((id) => names.get(id) ?? id);
  const more = ids.length > NAMED ? `; and ${ids.length - NAMED} more` : '';
  return `${what} (${counted}: ${named.join('; ')}${more})`;
}
