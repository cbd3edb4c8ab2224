// What `export-chain` and the dashboard's chain export write: the supply chain of a root as one viewer
// may query it (specification, section 2), with each organization's tier and public risk indicators. It
// is read through the same service as `supplyChain`, so visibility stays decided in its Cypher and an
// export holds exactly the organizations and links that query answers; nothing is filtered here.
import { instantArgument } from '../domain/chain-arguments.ts';
import type { Organization, RiskIndicator, SupplyLink } from '../domain/model.ts';
import { bySeverity } from '../domain/severity.ts';
import { MAX_DEPTH } from '../domain/viewer-scope.ts';
import type { OrganizationLoaders } from '../modules/organizations/organization-loaders.ts';
import type { SupplyChainService } from '../modules/supply-chain/supply-chain-service.ts';

export interface ChainNode {
  organization: Organization;
  /** 0 for the root. */
  tier: number;
  /** Most severe first. */
  risks: RiskIndicator[];
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
  const risks = await reads.loaders.risks.loadMany(
    organizations.map(({ organization }) => ({ organizationId: organization.id, asOf })),
  );
  const nodes = organizations.map(({ organization, tier }, i) => {
    const found = risks[i];
    if (found instanceof Error) throw found;
    return { organization, tier, risks: [...(found ?? [])].sort(bySeverity) };
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
