import { DomainError, notFound } from '../../domain/errors.ts';
import type { StoredDisclosure } from '../../domain/disclosures.ts';
import type { OrganizationType } from '../../domain/format.ts';
import {
  attachEnds,
  seenAt,
  type Organization,
  type RiskIndicator,
  type SupplyChain,
  type Tier,
  type TierSummary,
} from '../../domain/model.ts';
import type { ReadAlong, SupplyChainRepository } from './supply-chain-repository.ts';
import { checkChainArguments, type ChainArguments } from '../../domain/chain-arguments.ts';
import { keptId, prime, type OrganizationLoaders } from '../organizations/organization-loaders.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { FULL_CHAIN, type ChainDetail } from '../../domain/chain-detail.ts';
import { byWords } from '../../domain/text-order.ts';

/** Counts by key, most first (ties by key) — for dashboards. */
function countBy<K extends string>(items: readonly Organization[], key: (o: Organization) => K) {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byWords(a[0], b[0]));
}

export function summarize(tiers: readonly Tier[]): TierSummary[] {
  return tiers.map(({ tier, organizations }) => ({
    tier,
    organizations: organizations.length,
    byType: countBy<OrganizationType>(organizations, (o) => o.type).map(([type, count]) => ({ type, count })),
    byCountry: countBy(organizations, (o) => o.country).map(([country, count]) => ({ country, count })),
  }));
}

export class SupplyChainService {
  constructor(
    private readonly visibility: SupplyChainRepository,
    private readonly scope: ViewerScope,
    private readonly loaders: OrganizationLoaders,
  ) {}

  async supplyChain(args: ChainArguments): Promise<SupplyChain> {
    return (await this.read(args)).chain;
  }

  /**
   * The chain, read as `detail` says, with what `along` asks for about its tiers' organizations at the
   * chain's instant, read by the same statement, by organization id: the disclosures the viewer may see
   * (rule 8) of the kind it names (null: every kind), and their risk indicators.
   */
  supplyChainAsAsked(
    args: ChainArguments,
    along: ReadAlong,
    detail: ChainDetail,
  ): Promise<{
    chain: SupplyChain;
    disclosures: Map<string, StoredDisclosure[]>;
    risks: Map<string, RiskIndicator[]>;
  }> {
    return this.read(args, along, detail);
  }

  private async read(args: ChainArguments, along: ReadAlong = {}, detail: ChainDetail = FULL_CHAIN) {
    const { rootId, depth, product, scope } = checkChainArguments(this.scope, args);
    const kept = await keptId(this.loaders, rootId, scope);
    const result = await this.visibility.supplyChain(scope, kept, depth, product, along, detail);
    if (result === null) throw notFound('Organization', rootId);
    // An organization read as a card would answer a later lookup of it without its detail.
    if (detail.organizations === 'full') prime(this.loaders, [result.root, ...result.tiers.flat()]);
    const dated = scope.historical ? scope.instant : null;
    const [root = result.root] = seenAt([result.root], dated);
    const tiers: Tier[] = result.tiers.map((organizations, i) => ({
      tier: i + 1,
      organizations: seenAt(organizations, dated),
    }));
    // Filled in one pass: a big chain's tiers hold tens of thousands of organizations.
    const held = new Map([[root.id, root]]);
    for (const tier of tiers)
      for (const organization of tier.organizations) held.set(organization.id, organization);
    const links = attachEnds(result.links, held);
    // One statement read the tiers and the links (rule 4 reaches both ends of each): an end missing from
    // its own answer is a broken statement, logged as such, not something a client could have caused.
    if (!Array.isArray(links))
      throw new DomainError(
        'INTERNAL_SERVER_ERROR',
        `supply chain link ${links.unheld.id} joins an organization its statement did not return`,
      );
    const chain = { root, depth: tiers.length, tiers, links, summary: summarize(tiers) };
    return { chain, disclosures: result.disclosures, risks: result.risks };
  }
}
