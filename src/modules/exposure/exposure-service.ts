import { notFound, UnavailableError, unknownTokenOrganization } from '../../domain/errors.ts';
import {
  attachEnds,
  seenAt,
  seenOneAt,
  type Exposure,
  type Organization,
  type SupplyPath,
} from '../../domain/model.ts';
import { asksForSourcing, type AccessRequest } from '../../domain/access-requests.ts';
import { disclosedIndicators, type EvidencedIndicator } from '../../domain/disclosed-indicators.ts';
import { disclosureAt, type Disclosure } from '../../domain/disclosures.ts';
import { cached, groupBy } from '../../domain/grouping.ts';
import { byTierSeverityAndName, highestSeverity, mostSevereFirst } from '../../domain/severity.ts';
import type { ExposureRepository, PathRow } from './exposure-repository.ts';
import { checkChainArguments, type ChainArguments } from '../../domain/chain-arguments.ts';
import { keptId, prime, type OrganizationLoaders } from '../organizations/organization-loaders.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { wholeNumberArgument } from '../../domain/whole-number.ts';
import { deadlineAt } from '../../domain/instants.ts';
import { byNameAndId } from '../../domain/text-order.ts';
import { storedTopics, type RiskTopic } from '../../domain/format.ts';

const MAX_PATHS = 100;

/**
 * The topics an exposure keeps indicators of, or null for every indicator: an empty list asks for no
 * filter, as a cleared topic picker does. Answering nothing for it would read as "no evidence of any
 * topic", which is no finding.
 */
const topicFilter = (topics: readonly RiskTopic[] | null | undefined): RiskTopic[] | null =>
  topics === null || topics === undefined || topics.length === 0 ? null : storedTopics(topics);

const isPresent = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

// A blind spot shares none of its sourcing with the viewer, whatever disclosures it shares: only a
// sourcing share (scope SOURCING or BOTH) shows what is behind it.
const BLIND_SPOT_ADVICE =
  'Ask this supplier to share its sourcing with you (requestAccess, scope SOURCING): until it does, nothing behind it is visible.';

/** The advice while the viewer's request to the blind spot is open, at `at` (overdue then or not). */
const waitingAdvice = (request: AccessRequest, at: Date) =>
  `Your access request ${request.id} (${request.scope}) is open, ${deadlineAt(request.dueAt, at)}: follow it up; until it is granted, nothing behind this supplier is visible.`;

export class ExposureService {
  constructor(
    private readonly analysis: ExposureRepository,
    private readonly scope: ViewerScope,
    private readonly loaders: OrganizationLoaders,
  ) {}

  async exposure(
    args: ChainArguments & { topics?: readonly RiskTopic[] | null | undefined },
  ): Promise<Exposure> {
    const { rootId, depth, product, scope } = checkChainArguments(this.scope, args);
    const row = await this.analysis.exposure(
      scope,
      await keptId(this.loaders, rootId, scope),
      depth,
      product,
      topicFilter(args.topics),
    );
    if (row === null) throw notFound('Organization', rootId);
    prime(this.loaders, [
      row.root,
      ...row.findings.map((f) => f.organization),
      ...row.evidence.map((e) => e.organization),
      ...row.blindSpots.map((b) => b.organization),
    ]);
    const asOf = scope.historical ? scope.instant : null;
    // Asked as of an instant, its organizations answer their own risks and disclosures as of it too.
    const dated = <T extends { organization: Organization }>(x: T): T =>
      asOf === null ? x : { ...x, organization: seenOneAt(x.organization, asOf) };
    const seen = {
      ...row,
      root: seenOneAt(row.root, asOf),
      findings: row.findings.map(dated),
      evidence: row.evidence.map(dated),
      blindSpots: row.blindSpots.map(dated),
    };
    // An organization is a finding when public or disclosed indicators flag it.
    const flagged = new Map(
      seen.findings.map((f) => [f.organization.id, { ...f, indicators: mostSevereFirst(f.indicators) }]),
    );
    const disclosed = new Map<string, EvidencedIndicator[]>();
    for (const [organizationId, about] of groupBy(
      seen.evidence,
      (e) => e.organizationId,
      (e) => e,
    )) {
      // Each indicator's disclosure as the statement read it: a second read could find it revoked,
      // withdrawn or revised since, and contradict the indicator (or answer nothing for a non-null field).
      const stored = new Map(about.map((a) => [a.disclosureId, a.disclosure]));
      const shown = new Map<string, Disclosure>();
      const indicators = disclosedIndicators(about, scope.instant, asOf).flatMap((indicator) => {
        const found = stored.get(indicator.disclosureId);
        if (found === undefined) return [];
        const disclosure = cached(shown, found.id, () =>
          disclosureAt(found, scope.instant, scope.historical),
        );
        return [{ ...indicator, disclosure }];
      });
      const [first] = about;
      if (indicators.length === 0 || first === undefined) continue;
      disclosed.set(organizationId, indicators);
      if (!flagged.has(organizationId)) {
        flagged.set(organizationId, {
          organization: first.organization,
          tier: first.tier,
          pathIds: first.pathIds,
          indicators: [],
        });
      }
    }
    const findings = [...flagged.values()]
      .map((f) => {
        const fromDisclosures = disclosed.get(f.organization.id) ?? [];
        return {
          ...f,
          disclosedIndicators: fromDisclosures,
          severity: highestSeverity([...f.indicators, ...fromDisclosures]),
        };
      })
      .sort(byTierSeverityAndName);
    return {
      root: seen.root,
      findings,
      closestTier: findings[0]?.tier ?? null,
      blindSpots: seen.blindSpots.map((b) => {
        const found = seen.openRequests.find((r) => r.targetId === b.organization.id && asksForSourcing(r));
        // As it stood at asOf (the statement rebuilt it from its events), overdue then too.
        const open = found === undefined ? null : asOf === null ? found : { ...found, asOf };
        return {
          ...b,
          recommendation: open === null ? BLIND_SPOT_ADVICE : waitingAdvice(open, scope.instant),
          openAccessRequest: open,
        };
      }),
    };
  }

  async paths(args: ChainArguments & { toId: string; limit: number }): Promise<SupplyPath[]> {
    const { rootId: askedRoot, depth, product, scope } = checkChainArguments(this.scope, args);
    const limit = wholeNumberArgument('limit', args.limit, 1, MAX_PATHS);
    const read = async () => {
      const [rootId, toId] = await Promise.all([
        keptId(this.loaders, askedRoot, scope),
        keptId(this.loaders, args.toId, scope),
      ]);
      const rows = await this.analysis.paths(scope, rootId, toId, { depth, limit, product });
      // Only a root the viewer may not use is refused; a target it cannot reach gives no paths.
      if (rows === null) throw notFound('Organization', askedRoot);
      return this.held(rows, scope.historical ? scope.instant : null);
    };
    const first = await read();
    if (!('stale' in first)) return first;
    // An organization of a path was merged away after the walk found it, before its record was read:
    // the paths are read once more, old ids resolving to the kept organization as in the next request.
    // A viewer merged away sees nothing any more; its token names nothing (specification, section 10).
    const viewerId = this.scope.viewerId;
    for (const id of [viewerId, ...first.stale]) this.loaders.byId.clear(id);
    for (const id of [askedRoot, args.toId]) this.loaders.kept.clear(id);
    if ((await this.loaders.byId.load(viewerId)) === null) throw unknownTokenOrganization();
    const again = await read();
    if (!('stale' in again)) return again;
    throw new UnavailableError(
      'Organizations on these paths were merged while the paths were read twice: ask again.',
      1,
    );
  }

  /**
   * The viewer's roots whose chain holds `organizationId`, nearest first, then by name. A root merged
   * away after the walk found it (its record gone before it was read) is left out: the organization it
   * was merged into is a root of the viewer too, and the next request finds it.
   */
  async chainsReaching(
    args: Omit<ChainArguments, 'rootId'> & { organizationId: string },
  ): Promise<{ root: Organization; tier: number }[]> {
    const { depth, product, scope } = checkChainArguments(this.scope, args);
    const targetId = await keptId(this.loaders, args.organizationId, scope);
    const reaching = await this.analysis.chainsReaching(scope, targetId, { depth, product });
    const roots = await Promise.all(reaching.map((r) => this.loaders.byId.load(r.rootId)));
    const at = scope.historical ? scope.instant : null;
    return reaching
      .flatMap(({ tier }, i) => {
        const root = roots[i];
        return root === null || root === undefined ? [] : [{ root: seenOneAt(root, at), tier }];
      })
      .sort((a, b) => a.tier - b.tier || byNameAndId(a.root, b.root));
  }

  /**
   * The paths holding their organizations and their links' ends as the query answers them (a dated
   * one: their own risks and disclosures as of `at`); `stale`, the ids of organizations found gone when
   * read after the paths' statement, or of the ends of a link read after a merge moved it (a merge
   * moves an organization's links to the kept one and removes it).
   */
  private async held(
    paths: readonly PathRow[],
    at: Date | null,
  ): Promise<SupplyPath[] | { stale: string[] }> {
    const ids = [...new Set(paths.flatMap((p) => p.organizationIds))];
    const loaded = await Promise.all(ids.map((id) => this.loaders.byId.load(id)));
    const byId = new Map(seenAt(loaded.filter(isPresent), at).map((o) => [o.id, o]));
    const held: SupplyPath[] = [];
    for (const p of paths) {
      const organizations = p.organizationIds.map((id) => byId.get(id));
      if (!organizations.every(isPresent)) return { stale: ids.filter((id) => !byId.has(id)) };
      const links = attachEnds(p.links, byId);
      // Read after the walk, a link that a merge moved in between joins the kept organization.
      if (!Array.isArray(links)) return { stale: [links.unheld.supplierId, links.unheld.customerId] };
      held.push({ organizations, links });
    }
    return held;
  }
}
