// The public directory (specification, section 9): what a listing is and what a page of it holds.
import type { Organization } from './model.ts';

export interface Listing {
  organizationId: string;
  listed: boolean;
  listedAt: string | null;
}

export interface DirectoryPage {
  edges: { cursor: string; node: Organization }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** What a directory search asks for, checked. */
export interface DirectoryQuery {
  /** Every term must start a word of the card's terms; empty for no text filter. */
  terms: string[];
  /** The search's words split apart (splitSearchTerms): a card matches either list. */
  splitTerms: string[];
  country: string | null;
  type: string | null;
  first: number;
  /** The sort key (name, id) of the last card of the previous page. */
  after: readonly [string, string] | null;
}
