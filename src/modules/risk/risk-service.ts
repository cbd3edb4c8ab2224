import { checkChainArguments, type ChainArguments } from '../../domain/chain-arguments.ts';
import { asksForSourcing } from '../../domain/access-requests.ts';
import type { ChainDetail } from '../../domain/chain-detail.ts';
import { notFound } from '../../domain/errors.ts';
import { groupBy } from '../../domain/grouping.ts';
import { seenOneAt, type Organization } from '../../domain/model.ts';
import { assessRisk, type RiskAssessmentResult } from '../../domain/risk-assessment.ts';
import type { RiskModel, RiskSubject } from '../../domain/risk-model.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { keptId, prime, type OrganizationLoaders } from '../organizations/organization-loaders.ts';
import type { RiskRepository, RiskRow } from './risk-repository.ts';
import { byWords } from '../../domain/text-order.ts';

export interface RiskAssessment extends RiskAssessmentResult<Organization> {
  root: Organization;
  at: string;
}

const NONE: readonly never[] = [];

/** The model's view of each organization the statement reached: a join of its lists by id. */
export function subjectsOf(row: RiskRow, depth: number): RiskSubject<Organization>[] {
  const risks = groupBy(
    row.risks,
    (r) => r.organizationId,
    (r) => r.risk,
  );
  const evidence = groupBy(
    row.evidence,
    (e) => e.organizationId,
    (e) => e,
  );
  const products = new Map<string, Set<string>>();
  for (const link of row.supplied) {
    const known = products.get(link.organizationId);
    if (known === undefined) products.set(link.organizationId, new Set(link.products));
    else for (const product of link.products) known.add(product);
  }
  // A walk crosses links into the tier it leaves, whatever the supplier's own tier: only the customers
  // one tier nearer the root are those through which the viewer reaches the supplier first.
  const placed = new Map<string, { tier: number; name: string }>([
    [row.root.id, { tier: 0, name: row.root.name }],
    ...row.organizations.map(
      (o) => [o.organization.id, { tier: o.tier, name: o.organization.name }] as const,
    ),
  ]);
  const customers = new Map<string, Map<string, string>>();
  for (const link of row.supplied) {
    const supplier = placed.get(link.organizationId);
    const customer = placed.get(link.customerId);
    if (supplier === undefined || customer === undefined || customer.tier !== supplier.tier - 1) continue;
    const known = customers.get(link.organizationId) ?? new Map<string, string>();
    known.set(link.customerId, customer.name);
    customers.set(link.organizationId, known);
  }
  const sourcers = new Set(row.sourcingOwnerIds);
  const whole = new Set(row.wholeSourcingOwnerIds);
  const partial = new Set(row.partialSourcingOwnerIds);
  // The newest open request to each target that asks for its sourcing (the statement lists them newest
  // first), as exposure pairs them with its blind spots.
  const requests = new Map<string, { id: string; dueAt: string }>();
  for (const r of row.openRequests)
    if (asksForSourcing(r) && !requests.has(r.targetId))
      requests.set(r.targetId, { id: r.id, dueAt: r.dueAt });
  return row.organizations.map((o) => {
    const id = o.organization.id;
    const isViewer = id === row.viewerId;
    return {
      organization: o.organization,
      tier: o.tier,
      products: [...(products.get(id) ?? NONE)].sort(),
      customers: [...(customers.get(id) ?? new Map<string, string>())]
        .map(([customerId, name]) => ({ id: customerId, name }))
        .sort((a, b) => byWords(a.name, b.name) || byWords(a.id, b.id)),
      indicators: risks.get(id) ?? [],
      evidence: evidence.get(id) ?? [],
      sourcingShare: whole.has(id) ? 'ALL' : partial.has(id) ? 'SOME' : null,
      isViewer,
      blindSpot: o.tier < depth && !isViewer && !sourcers.has(id),
      openRequest: requests.get(id) ?? null,
    };
  });
}

export class RiskService {
  constructor(
    private readonly repository: RiskRepository,
    private readonly scope: ViewerScope,
    private readonly loaders: OrganizationLoaders,
    private readonly model: RiskModel,
  ) {}

  /** `organizations`: how much of each organization of the chain the answer shows. */
  async assessment(
    args: ChainArguments,
    organizations: ChainDetail['organizations'] = 'full',
  ): Promise<RiskAssessment> {
    const { rootId, depth, product, scope } = checkChainArguments(this.scope, args);
    const root = await keptId(this.loaders, rootId, scope);
    const row = await this.repository.chain(scope, root, depth, product, organizations);
    if (row === null) throw notFound('Organization', rootId);
    prime(this.loaders, [row.root, ...row.organizations.map((o) => o.organization)]);
    const asOf = scope.historical ? scope.instant : null;
    // Asked as of an instant, its organizations answer their own risks and disclosures as of it too.
    const seen =
      asOf === null
        ? row
        : {
            ...row,
            organizations: row.organizations.map((o) => ({
              ...o,
              organization: seenOneAt(o.organization, asOf),
            })),
          };
    return {
      root: seenOneAt(row.root, asOf),
      at: scope.instant.toISOString(),
      ...assessRisk(this.model, subjectsOf(seen, depth), scope.instant, asOf, scope.viewerId),
    };
  }
}
