import { canListOrganization, type Viewer } from '../../auth/policy.ts';
import { countryCodeRule, isCountryCode } from '../../domain/countries.ts';
import type { DirectoryPage, Listing } from '../../domain/directory.ts';
import { badInput, forbidden } from '../../domain/errors.ts';
import type { OrganizationType } from '../../domain/format.ts';
import { decode, encode, keyOf } from '../../domain/pages.ts';
import { optionalTextArgument } from '../../domain/optional-text.ts';
import { checkOsId } from '../../domain/sourcing.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { wholeNumberArgument } from '../../domain/whole-number.ts';
import { directoryTerms, searchTerms, splitSearchTerms } from '../../domain/directory-terms.ts';
import type { DirectoryRepository } from './directory-repository.ts';
import { quote, quoteList } from '../../domain/quote.ts';

const MAX_PAGE = 100;
const MAX_SEARCH = 200;
const MAX_CITY = 200;

interface DirectoryArguments {
  search: string | null | undefined;
  country: string | null | undefined;
  type: OrganizationType | null | undefined;
  first: number;
  after: string | null | undefined;
}

/** Absent (undefined) keeps the stored value; null clears it. */
interface ListingInput {
  organizationId?: string | null | undefined;
  listed: boolean;
  city?: string | null | undefined;
  osId?: string | null | undefined;
}

export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly viewer: Viewer,
    private readonly scope: ViewerScope,
  ) {}

  async page(args: DirectoryArguments): Promise<DirectoryPage> {
    if (args.search && args.search.length > MAX_SEARCH)
      throw badInput(`search must be at most ${MAX_SEARCH} characters, got ${args.search.length}`);
    const country = args.country ?? null;
    if (country !== null && !isCountryCode(country))
      throw badInput(`country ${countryCodeRule(country)}, got ${quote(country)}`);
    const first = wholeNumberArgument('first', args.first, 1, MAX_PAGE);
    const after = args.after === null || args.after === undefined ? null : decode(args.after);
    const { total, cards } = await this.directory.page(
      {
        terms: searchTerms(args.search),
        splitTerms: splitSearchTerms(args.search),
        country,
        type: args.type ?? null,
        first,
        after,
      },
      this.scope.context,
    );
    const edges = cards.slice(0, first).map((node) => ({ cursor: encode(keyOf(node)), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: cards.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: total,
    };
  }

  listing(): Promise<Listing> {
    return this.directory.listing(this.viewer.organizationId, this.scope.context);
  }

  async setListing(input: ListingInput): Promise<Listing> {
    const own = this.viewer.organizationId;
    const decision = canListOrganization(this.viewer, input.organizationId);
    if (!decision.allowed) throw forbidden(decision.reason);
    const city = input.city === undefined ? undefined : checkCity(input.city);
    const osId = input.osId === undefined ? undefined : checkOsId('osId', input.osId);
    const outcome = await this.directory.setListing(
      own,
      this.scope.instant,
      (stored) => {
        const card = {
          ...stored,
          city: city === undefined ? stored.city : city,
          osId: osId === undefined ? stored.osId : osId,
        };
        return {
          listed: input.listed,
          city: card.city,
          osId: card.osId,
          terms: input.listed ? directoryTerms(card) : null,
        };
      },
      this.scope.context,
    );
    if ('osIdTakenBy' in outcome)
      throw badInput(
        `osId ${quote(outcome.osId)} is already on the card of listed organization ${quoteList(outcome.osIdTakenBy)}`,
      );
    return outcome;
  }
}

/** null (or blank) clears the city. */
const checkCity = (city: string | null): string | null =>
  optionalTextArgument('city', city, MAX_CITY, 'one-line');
