import { checkChainArguments, type ChainArguments } from '../../domain/chain-arguments.ts';
import { notFound } from '../../domain/errors.ts';
import type { Organization } from '../../domain/model.ts';
import { assessRisk, type RiskAssessmentResult } from '../../domain/risk-assessment.ts';
import type { RiskModel, RiskSubject } from '../../domain/risk-model.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { prime, type OrganizationLoaders } from '../organizations/organization-loaders.ts';
import type { RiskRepository, RiskRow } from './risk-repository.ts';

export interface RiskAssessment extends RiskAssessmentResult<Organization> {
  root: Organization;
  at: string;
}

/** Groups rows by organization id (each list keeps its order). */
function byOrganization<T extends { organizationId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(row.organizationId, [...(grouped.get(row.organizationId) ?? []), row]);
  return grouped;
}

/** The model's view of each organization the statement reached: a join of its lists by id. */
export function subjectsOf(row: RiskRow, depth: number): RiskSubject<Organization>[] {
  const risks = byOrganization(row.risks);
  const evidence = byOrganization(row.evidence);
  const supplied = byOrganization(row.supplied);
  const owners = new Set(row.ownerIds);
  const sourcing = new Set(row.sourcingOwnerIds);
  return row.organizations.map((o) => {
    const id = o.organization.id;
    const isViewer = id === row.viewerId;
    // The newest open request to it (the statement lists them newest first), whatever its scope.
    const request = row.openRequests.find((r) => r.targetId === id) ?? null;
    return {
      organization: o.organization,
      tier: o.tier,
      products: [...new Set((supplied.get(id) ?? []).map((s) => s.product))].sort(),
      indicators: (risks.get(id) ?? []).map((r) => r.risk),
      evidence: evidence.get(id) ?? [],
      sharesSourcing: sourcing.has(id),
      isViewer,
      blindSpot: o.tier < depth && !isViewer && !owners.has(id),
      openRequest: request === null ? null : { id: request.id, dueAt: request.dueAt },
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

  async assessment(args: ChainArguments): Promise<RiskAssessment> {
    const { rootId, depth, product, scope } = checkChainArguments(this.scope, args);
    const row = await this.repository.chain(scope, rootId, depth, product);
    if (row === null) throw notFound('Organization');
    prime(this.loaders, [row.root, ...row.organizations.map((o) => o.organization)]);
    const asOf = scope.historical ? scope.instant : null;
    return {
      root: row.root,
      at: scope.instant.toISOString(),
      ...assessRisk(this.model, subjectsOf(row, depth), scope.instant, asOf),
    };
  }
}
