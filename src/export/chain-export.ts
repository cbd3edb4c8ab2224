// What `export-chain` and the dashboard's chain export write: the supply chain of a root as one viewer
// may query it (specification, section 2), with each organization's tier, public risk indicators and
// what the disclosures it may see say (rule 8, as exposure's disclosed indicators). It is read through
// the same service as `supplyChain` and the same rule-8 read as `Organization.disclosures`, so
// visibility stays decided in their Cypher and an export holds exactly the organizations and links that
// query answers; nothing is filtered here.
import { instantArgument } from '../domain/chain-arguments.ts';
import { disclosedIndicators, type DisclosedIndicator } from '../domain/disclosed-indicators.ts';
import type { StoredDisclosure } from '../domain/disclosures.ts';
import type { Organization, RiskIndicator, SupplyLink } from '../domain/model.ts';
import { mostSevereFirst } from '../domain/severity.ts';
import { MAX_DEPTH } from '../domain/viewer-scope.ts';
import type { DisclosureLoaders } from '../modules/disclosures/disclosure-loaders.ts';
import type { OrganizationLoaders } from '../modules/organizations/organization-loaders.ts';
import type { SupplyChainService } from '../modules/supply-chain/supply-chain-service.ts';

/** A disclosed indicator with the organization whose disclosure says it. */
export interface ExportedDisclosedIndicator {
  indicator: DisclosedIndicator;
  disclosedBy: { id: string; name: string };
}

export interface ChainNode {
  organization: Organization;
  /** 0 for the root. */
  tier: number;
  /** Most severe first. */
  risks: RiskIndicator[];
  /** What the disclosures the viewer may see about it flag, as exposure reports them; most severe first. */
  disclosed: ExportedDisclosedIndicator[];
}

export interface ChainExport {
  viewerId: string;
  rootId: string;
  maxDepth: number;
  /** The instant asked for (ISO 8601), or null for "when exported". */
  asOf: string | null;
  /** Only links with this product were walked; null: every link. */
  product: string | null;
  exportedAt: string;
  /** The root first, then by tier, name and id (the order of `supplyChain`). */
  nodes: ChainNode[];
  /** By id. */
  links: SupplyLink[];
}

interface ChainExportArguments {
  rootId?: string | null | undefined;
  maxDepth?: number | null | undefined;
  asOf?: string | null | undefined;
  product?: string | null | undefined;
}

/** The request-scoped reads an export needs (the API's context and the command build the same). */
export interface ChainReads {
  viewerId: string;
  supplyChains: SupplyChainService;
  loaders: OrganizationLoaders;
  disclosureLoaders: DisclosureLoaders;
}

/** The disclosed indicators of one organization from the disclosures about it that rule 8 let through. */
function disclosedAbout(
  found: readonly StoredDisclosure[],
  at: Date,
  asOf: Date | null,
): ExportedDisclosedIndicator[] {
  const owners = new Map(found.map((d) => [d.id, { id: d.owner.id, name: d.owner.name }]));
  const evidence = found.map((d) => ({
    organizationId: d.subject.id,
    disclosureId: d.id,
    kind: d.kind,
    version: d.version,
  }));
  return disclosedIndicators(evidence, at, asOf).flatMap((indicator) => {
    const disclosedBy = owners.get(indicator.disclosureId);
    return disclosedBy === undefined ? [] : [{ indicator, disclosedBy }];
  });
}

/**
 * The viewer's chain of `rootId` (default: the viewer) to `maxDepth` tiers (default: all 20). A root
 * the viewer may not use answers NOT_FOUND, bad arguments BAD_USER_INPUT, as `supplyChain` does.
 */
export async function readChainExport(
  reads: ChainReads,
  args: ChainExportArguments,
  now: Date = new Date(),
): Promise<ChainExport> {
  const maxDepth = args.maxDepth ?? MAX_DEPTH;
  const chain = await reads.supplyChains.supplyChain({ ...args, maxDepth });
  const asOf = instantArgument('asOf', args.asOf);
  const organizations = [
    { organization: chain.root, tier: 0 },
    ...chain.tiers.flatMap(({ tier, organizations }) =>
      organizations.map((o) => ({ organization: o, tier })),
    ),
  ];
  const ids = organizations.map(({ organization }) => organization.id);
  const [risks, disclosures] = await Promise.all([
    reads.loaders.risks.loadMany(ids.map((organizationId) => ({ organizationId, asOf }))),
    reads.disclosureLoaders.prefetchAbout(ids, null, asOf),
  ]);
  const at = asOf ?? now;
  const nodes = organizations.map(({ organization, tier }, i) => {
    const found = risks[i];
    if (found instanceof Error) throw found;
    return {
      organization,
      tier,
      risks: mostSevereFirst(found ?? []),
      disclosed: disclosedAbout(disclosures.get(organization.id) ?? [], at, asOf),
    };
  });
  return {
    viewerId: reads.viewerId,
    rootId: chain.root.id,
    maxDepth,
    asOf: asOf?.toISOString() ?? null,
    product: args.product ?? null,
    exportedAt: now.toISOString(),
    nodes,
    links: chain.links,
  };
}
