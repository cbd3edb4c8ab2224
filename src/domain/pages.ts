// A page of a long ordered list of organizations (a tier of 10,000): `first` of them after a cursor.
// The cursor is the sort key of the last organization a page held (name, then id, the order every
// tier comes in), so the next page starts right after it even if that organization has since gone
// out of view; it names nothing the viewer was not shown, and a cursor a client made up only picks a
// place in the list.
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Organization } from './model.ts';
import { wholeNumberArgument } from './whole-number.ts';

export const MAX_PAGE_SIZE = 1_000;

export interface OrganizationPage {
  nodes: Organization[];
  totalCount: number;
  /** Pass as `after` for the next page; null when this page is empty. */
  endCursor: string | null;
  hasNextPage: boolean;
}

type SortKey = readonly [name: string, id: string];

export const keyOf = (organization: Organization): SortKey => [organization.name, organization.id];
/** A cursor naming a place in a list sorted by name, then id (the directory's order too). */
export const encode = (key: SortKey) => encodeCursor(key);

export const decode = (cursor: string): SortKey =>
  decodeCursor(
    cursor,
    ([name, id, ...rest]): SortKey | null =>
      typeof name === 'string' && typeof id === 'string' && rest.length === 0 ? [name, id] : null,
    'the endCursor of an earlier page',
  );

const after = (a: SortKey, b: SortKey) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/** `first` organizations of `ordered` (sorted by name, then id) after `cursor`. */
export function pageOf(
  ordered: readonly Organization[],
  first: number,
  cursor: string | null,
): OrganizationPage {
  const size = wholeNumberArgument('first', first, 1, MAX_PAGE_SIZE);
  let start = 0;
  if (cursor !== null) {
    const key = decode(cursor);
    const exact = ordered.findIndex((o) => o.id === key[1]);
    start = exact >= 0 ? exact + 1 : ordered.findIndex((o) => after(keyOf(o), key));
    if (start < 0) start = ordered.length;
  }
  const nodes = ordered.slice(start, start + size);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount: ordered.length,
    endCursor: last === undefined ? null : encode(keyOf(last)),
    hasNextPage: start + nodes.length < ordered.length,
  };
}
