// The analyst queries of contract section 7 (exposure, paths) and which roots' chains reach an
// organization. Same discipline
// as SupplyChainRepository: one statement per call, visibility decided inside the traversal.
import type { Organization, RiskIndicator, SupplyLink } from '../../domain/model.ts';
import { LINK_ROW, ORGANIZATION, ORGANIZATION_ROW, RISK_ROW } from '../../graph/columns.ts';
import { cypher, join, statement } from '../../graph/cypher.ts';
import {
  column,
  epochInstant,
  fields,
  integer,
  list,
  nullable,
  oneOf,
  positional,
  text,
  single,
  UnexpectedRecordError,
} from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import {
  ALLOWED_ROOT,
  DISCLOSURE_GRANTED,
  DISCLOSURE_GRANT_LISTS,
  DISCLOSURE_LIVE,
  DISCLOSURE_VERSION,
  IN_DISCLOSED_PRODUCT,
  byDepth,
  RISK_IN_EFFECT,
  RISK_OF_O,
  rootsWalk,
  tierWalk,
  VIEWER_AND_DISCLOSURE_GRANTS,
  VIEWER_GRANTS,
  scopeParams,
  SOURCERS,
} from '../../graph/visibility-cypher.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { byNameAndId, byText } from '../../domain/text-order.ts';
import { shortestSimplePaths } from '../../domain/shortest-paths.ts';
import { rootsReaching, type RootReach } from '../../domain/chains-reaching.ts';
import type { AccessRequest } from '../../domain/access-requests.ts';
import {
  ACCESS_REQUEST,
  OPEN_REQUESTS_OF_V,
  OPEN_REQUESTS_PARAMS,
} from '../../graph/access-request-cypher.ts';
import type { VisibleEvidence } from '../../domain/disclosed-indicators.ts';
import type { StoredDisclosure } from '../../domain/disclosures.ts';
import { DISCLOSURE_KINDS, type RiskTopic } from '../../domain/format.ts';
import { VERSION_ROW } from '../../graph/disclosure-columns.ts';

/** Rows of every organization `o` of the walk's `tiers` with its `tier` (1 for the first). */
const EVERY_REACHED = cypher`
  UNWIND range(1, size(tiers)) AS tier
  UNWIND tiers[tier - 1] AS o`;

/**
 * The chain is walked breadth first (tierWalk, as supplyChain walks it), each organization once at its
 * smallest tier, and the walk keeps of each link it crosses only its ends' ids (`crossed`), from which
 * the repository picks each finding's shortest path (pathsTo): the shortest-path search per
 * organization reached that it replaced cost more than the rest (the dashboard's exposure of a chain of
 * 11,578 organizations: 397 ms with it, 280 without). Findings: the reached organizations that carry
 * risk indicators in effect at $t (with $topics, only those about one of them).
 * Evidence (none with $topics: disclosed indicators have no topic): the disclosures about reached organizations that rule 8
 * lets the viewer see (of the kinds exposure reads, about $product: IN_DISCLOSED_PRODUCT), each as the version in effect at $t; their subjects are reached, so rule 5 holds for them
 * already and only the disclosure's own conditions are tested (DISCLOSURE_LIVE, and DISCLOSURE_GRANTED
 * against the lists VIEWER_AND_DISCLOSURE_GRANTS gathers once from the viewer's side).
 * Each comes whole (publisher, dates, version): a disclosed indicator answers its disclosure from this
 * read, which a revoke, withdrawal or revision landing after it cannot contradict.
 * Blind spots: reached organizations above the last tier that own no SOURCING share active for the
 * viewer (`sourcers`): one that shares only disclosures still hides what is behind it, and the work on
 * it starts there as for one that shares nothing;
 * `openRequests`, the viewer's open access requests (newest first), which the service pairs with the
 * blind spots they target. The repository puts findings, evidence and blind spots in order.
 */
const EXPOSURE_BY_DEPTH = byDepth('analysis.exposure', (depth) => [
  VIEWER_AND_DISCLOSURE_GRANTS,
  ALLOWED_ROOT,
  tierWalk(depth, cypher`[s.id, c.id]`, join(DISCLOSURE_GRANT_LISTS, SOURCERS)),
  cypher`WITH disclosers, sharedDisclosures, sourcers, v, x, tiers, links AS crossed
CALL (tiers) {`,
  EVERY_REACHED,
  RISK_OF_O,
  cypher`
  WHERE `,
  RISK_IN_EFFECT,
  cypher` AND ($topics IS NULL OR any(topic IN coalesce(risk.topics, []) WHERE topic IN $topics))
  WITH o, tier, collect(`,
  RISK_ROW.projection,
  cypher`) AS risks
  RETURN collect({organization: o `,
  ORGANIZATION.projection,
  cypher`, tier: tier, risks: risks}) AS findings
}
`,
  cypher`CALL (v, tiers, disclosers, sharedDisclosures) {`,
  EVERY_REACHED,
  cypher`
  WITH v, o, tier
  WHERE $topics IS NULL AND o:DisclosureSubject
  MATCH (o)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE d.kind IN ['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT', 'CERTIFICATE'] AND `,
  DISCLOSURE_LIVE,
  cypher` AND `,
  DISCLOSURE_GRANTED,
  DISCLOSURE_VERSION,
  IN_DISCLOSED_PRODUCT,
  // The publisher as a positional row: a map's keys are decoded again for every row.
  cypher`CALL (publisher) {
    WITH publisher AS o
    RETURN `,
  ORGANIZATION_ROW.projection,
  cypher` AS owner
  }
  RETURN collect({organization: o `,
  ORGANIZATION.projection,
  cypher`, tier: tier, disclosureId: d.id, kind: d.kind, publishedAt: d.publishedAt.epochMillis,
    withdrawnAt: d.withdrawnAt.epochMillis, withdrawnBy: d.withdrawnBy, owner: owner, version: `,
  VERSION_ROW.projection,
  cypher`}) AS evidence
}
`,
  OPEN_REQUESTS_OF_V,
  cypher`
CALL (v, sourcers, tiers) {`,
  EVERY_REACHED,
  cypher`
  WITH v, sourcers, o, tier
  WHERE tier < $depth AND o <> v AND NOT o IN sourcers
  RETURN collect({organization: o `,
  ORGANIZATION.projection,
  cypher`, tier: tier}) AS blindSpots
}
RETURN x `,
  ORGANIZATION.projection,
  cypher` AS root, findings, evidence, openRequests, blindSpots, [tier IN tiers | [o IN tier | o.id]] AS tierIds,
  crossed`,
]);

/**
 * The links a path from root x to the target may take: every link the breadth-first walk crossed (the
 * disclosed links into organizations above its last tier), as [id, supplier id, customer id], when the
 * target is among the organizations reachable from x; none otherwise. The repository picks the paths
 * from them (shortestSimplePaths). The target is looked for only among what the walk reached, and the
 * walk never mentions $toId, so a hidden target and a nonexistent one cost the same work (rule 6); and
 * the walk reads only disclosed links, where a shortest-path search in Cypher would expand every link
 * of the organizations on its way.
 */
const PATH_LINKS_BY_DEPTH = byDepth('analysis.paths', (depth) => [
  VIEWER_GRANTS,
  ALLOWED_ROOT,
  tierWalk(depth, cypher`[l.id, s.id, c.id]`),
  cypher`
RETURN x.id AS rootId, CASE WHEN any(n IN reached[1..] WHERE n.id = $toId) THEN links ELSE [] END AS crossed`,
]);

/**
 * The viewer's roots (rule 2) and, when the target is among what they reach, the links their walk
 * crossed as [supplier id, customer id], from which the repository tells each root's tier of the target
 * (rootsReaching); no links otherwise. One walk from all the roots at once (rootsWalk). As for paths,
 * the walk never mentions $toId, so a hidden target and a nonexistent one cost the same work (rule 6).
 */
const CHAINS_REACHING_BY_DEPTH = byDepth('analysis.chainsReaching', (depth) => [
  VIEWER_GRANTS,
  rootsWalk(depth, cypher`[s.id, c.id]`),
  cypher`
RETURN [r IN [v] + owners | r.id] AS rootIds,
       CASE WHEN any(n IN reached WHERE n.id = $toId) THEN links ELSE [] END AS crossed`,
]);

/** Links by id that a visibility statement has already returned to the viewer (a path's). */
const LINKS_BY_IDS = statement(
  'analysis.pathLinks',
  cypher`UNWIND $ids AS id
MATCH (s)-[l:SUPPLIES {id: id}]->(c)
RETURN `,
  LINK_ROW.projection,
  cypher` AS link`,
);

const findingsColumn = list(
  fields({
    organization: ORGANIZATION.decode,
    tier: integer,
    risks: list(RISK_ROW.decode),
  }),
);
const evidenceColumn = list(
  fields({
    organization: ORGANIZATION.decode,
    tier: integer,
    disclosureId: text,
    kind: oneOf(DISCLOSURE_KINDS),
    publishedAt: epochInstant,
    withdrawnAt: nullable(epochInstant),
    withdrawnBy: nullable(text),
    owner: ORGANIZATION_ROW.decode,
    version: VERSION_ROW.decode,
  }),
);
const blindSpotsColumn = list(fields({ organization: ORGANIZATION.decode, tier: integer }));
const pathLinksColumn = list(positional({ id: text, supplierId: text, customerId: text }));
const tierIdsColumn = list(list(text));
const crossedColumn = list(positional({ supplierId: text, customerId: text }));

/** Nearest tier first, then by name and id (a stable sort: an organization's evidence keeps its order). */
const byTierAndName = (a: { tier: number; organization: Organization }, b: typeof a) =>
  a.tier - b.tier || byNameAndId(a.organization, b.organization);

/**
 * A shortest path to each organization of the walk, root first, from the links it crossed: the walk
 * reached an organization of tier k + 1 through a link from it to one of tier k, so every organization
 * has such a link, and following them ends at the root. Of several, the one to the customer of the
 * smallest id is taken: `crossed` comes in the order the statement collected it, which differs between
 * runs, and a diamond's path would with it.
 */
export function pathsTo(
  rootId: string,
  tierIds: readonly string[][],
  crossed: readonly { supplierId: string; customerId: string }[],
): (id: string) => string[] {
  const tierOf = new Map<string, number>([[rootId, 0]]);
  tierIds.forEach((ids, i) => {
    for (const id of ids) tierOf.set(id, i + 1);
  });
  const parent = new Map<string, string>();
  for (const { supplierId, customerId } of crossed) {
    const tier = tierOf.get(supplierId);
    if (tier === undefined || tierOf.get(customerId) !== tier - 1) continue;
    const taken = parent.get(supplierId);
    if (taken === undefined || byText(customerId, taken) < 0) parent.set(supplierId, customerId);
  }
  return (id) => {
    const path = [id];
    for (let at = id; at !== rootId; path.push(at)) {
      const next = parent.get(at);
      if (next === undefined) throw new UnexpectedRecordError(`no link the walk crossed reaches ${at}`);
      at = next;
    }
    return path.reverse();
  };
}

interface ExposureRow {
  root: Organization;
  findings: { organization: Organization; tier: number; pathIds: string[]; indicators: RiskIndicator[] }[];
  /**
   * Visible disclosures about reached organizations, each whole (`disclosure`), with where their subject
   * stands in the chain.
   */
  evidence: (VisibleEvidence & {
    organization: Organization;
    tier: number;
    pathIds: string[];
    disclosure: StoredDisclosure;
  })[];
  blindSpots: { organization: Organization; tier: number }[];
  /** The viewer's open access requests, newest first. */
  openRequests: AccessRequest[];
}

/** A path as read: its organizations by id, root first, and its links. */
export interface PathRow {
  organizationIds: string[];
  links: SupplyLink[];
}

export class ExposureRepository {
  constructor(private readonly executor: Executor) {}

  /** Null when the viewer may not use the root. `topics`: null for every indicator. */
  async exposure(
    scope: ViewerScope,
    rootId: string,
    depth: number,
    product: string | null,
    topics: readonly RiskTopic[] | null,
  ): Promise<ExposureRow | null> {
    const [record] = await this.executor.read(
      EXPOSURE_BY_DEPTH[depth - 1]!,
      { ...scopeParams(scope, product), root: rootId, depth, topics, ...OPEN_REQUESTS_PARAMS },
      scope.context,
    );
    if (record === undefined) return null;
    const root = column(record, 'root', ORGANIZATION.decode);
    // Decoded only for a chain with findings: a big chain crossed tens of thousands of links.
    let paths: ((id: string) => string[]) | undefined;
    const pathTo = (id: string) =>
      (paths ??= pathsTo(
        root.id,
        column(record, 'tierIds', tierIdsColumn),
        column(record, 'crossed', crossedColumn),
      ))(id);
    return {
      root,
      findings: column(record, 'findings', findingsColumn)
        .sort(byTierAndName)
        .map((f) => ({
          organization: f.organization,
          tier: f.tier,
          pathIds: pathTo(f.organization.id),
          indicators: f.risks,
        })),
      evidence: column(record, 'evidence', evidenceColumn)
        .sort(byTierAndName)
        .map((e) => ({
          organization: e.organization,
          organizationId: e.organization.id,
          tier: e.tier,
          pathIds: pathTo(e.organization.id),
          disclosureId: e.disclosureId,
          kind: e.kind,
          version: e.version,
          disclosure: {
            id: e.disclosureId,
            kind: e.kind,
            owner: e.owner,
            subject: e.organization,
            publishedAt: e.publishedAt,
            withdrawnAt: e.withdrawnAt,
            withdrawnBy: e.withdrawnBy,
            version: e.version,
          },
        })),
      blindSpots: column(record, 'blindSpots', blindSpotsColumn).sort(byTierAndName),
      openRequests: column(record, 'openRequests', list(ACCESS_REQUEST.decode)),
    };
  }

  /**
   * Null when the viewer may not use the root; empty when the target is not reachable. The links of the
   * paths found are read in the walk's transaction, which is no snapshot (Neo4j reads what has been
   * committed): a merge that lands between the two statements shows in the second, links read with
   * their new ends, which the service tells from the walk's (ExposureService.paths).
   */
  async paths(
    scope: ViewerScope,
    rootId: string,
    toId: string,
    { depth, limit, product }: { depth: number; limit: number; product: string | null },
  ): Promise<PathRow[] | null> {
    return this.executor.readTransaction('analysis.paths', scope.context, async (tx) => {
      const [record] = await tx.run(PATH_LINKS_BY_DEPTH[depth - 1]!, {
        ...scopeParams(scope, product),
        root: rootId,
        toId,
      });
      if (record === undefined) return null;
      const root = column(record, 'rootId', text);
      const found = shortestSimplePaths(root, toId, column(record, 'crossed', pathLinksColumn), depth, limit);
      if (found.length === 0) return [];
      const ids = [...new Set(found.flat().map((l) => l.id))];
      const read = await tx.run(LINKS_BY_IDS, { ids });
      const links = new Map(read.map((r) => column(r, 'link', LINK_ROW.decode)).map((l) => [l.id, l]));
      const linkOf = (id: string) => {
        const link = links.get(id);
        if (link === undefined) throw new UnexpectedRecordError(`link ${id} of a path was not read`);
        return link;
      };
      return found.map((path) => ({
        organizationIds: [root, ...path.map((l) => l.supplierId)],
        links: path.map((l) => linkOf(l.id)),
      }));
    });
  }

  /** The roots of the viewer whose chain holds `toId` within `depth` tiers, nearest first. */
  async chainsReaching(
    scope: ViewerScope,
    toId: string,
    { depth, product }: { depth: number; product: string | null },
  ): Promise<RootReach[]> {
    const query = CHAINS_REACHING_BY_DEPTH[depth - 1]!;
    const record = single(
      await this.executor.read(query, { ...scopeParams(scope, product), toId }, scope.context),
      query,
    );
    return rootsReaching(
      toId,
      column(record, 'rootIds', list(text)),
      column(record, 'crossed', crossedColumn),
      depth,
    );
  }
}
