// What the risk assessment reads of a chain (issue 15), in one statement per request, built from the
// visibility fragments of src/graph/visibility-cypher.ts so that visibility is decided inside the
// traversal exactly as for supplyChain and exposure: the organizations reached from an allowed root,
// their public risk indicators (as recorded by $t), the disclosures about them that rule 8 lets the
// viewer see (every kind, each as the version in effect at $t, about $product when one is asked:
// IN_DISCLOSED_PRODUCT), the products and customers of the disclosed links
// through which they supply the chain (rule 4's links, $product respected), whether they share their
// sourcing with the viewer (the ids of the owners of its sourcing shares, which it may see anyway:
// joined to the organizations by id in the service rather than by a list scan per organization here), and the
// viewer's access requests open at $t, as exposure reads them (OPEN_REQUESTS_OF_V). Its organizations are read as cards unless the query shows more, as
// for supplyChain (src/domain/chain-detail.ts).
import type { AccessRequest } from '../../domain/access-requests.ts';
import type { ChainDetail } from '../../domain/chain-detail.ts';
import { DISCLOSURE_KINDS } from '../../domain/format.ts';
import type { Organization, RiskIndicator } from '../../domain/model.ts';
import type { RiskEvidence } from '../../domain/risk-model.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { ORGANIZATION, ORGANIZATION_ROW_AS_ASKED, ORGANIZATION_RISK_ROWS } from '../../graph/columns.ts';
import { cypher, join } from '../../graph/cypher.ts';
import { column, instant, integer, list, oneOf, positional, text, texts } from '../../graph/decode.ts';
import { VERSION_ROW } from '../../graph/disclosure-columns.ts';
import type { Executor } from '../../graph/executor.ts';
import {
  ALLOWED_ROOT,
  DISCLOSURE_GRANTED,
  DISCLOSURE_GRANT_LISTS,
  DISCLOSURE_LIVE,
  DISCLOSURE_VERSION,
  IN_DISCLOSED_PRODUCT,
  RISKS_OF_O,
  VIEWER_AND_DISCLOSURE_GRANTS,
  byDepth,
  scopeParams,
  SOURCERS,
  tierWalk,
} from '../../graph/visibility-cypher.ts';
import {
  ACCESS_REQUEST,
  OPEN_REQUESTS_OF_V,
  OPEN_REQUESTS_PARAMS,
} from '../../graph/access-request-cypher.ts';

/**
 * The chain is walked breadth first (tierWalk, as supplyChain walks it): the links it crosses are
 * exactly those of rule 4 (into the root and into every organization above the last tier), so the
 * products and customers through which each organization supplies the chain come with the walk rather than from a
 * second read of those links; and the walk keeps no paths, which the assessment does not show.
 * The subjects of disclosures are reached from an allowed root, so rule 5 holds for them and only the
 * disclosure's own conditions of rule 8 are tested (DISCLOSURE_LIVE, DISCLOSURE_GRANTED against the
 * lists VIEWER_AND_DISCLOSURE_GRANTS gathers once from the viewer's side), as in
 * exposure; as there, only organizations labelled DisclosureSubject have any to read. Organizations
 * and links are positional rows: no map keys to send and decode for each of a thousand.
 */
const RISK_BY_DEPTH = byDepth('analysis.risk', (depth) => [
  VIEWER_AND_DISCLOSURE_GRANTS,
  ALLOWED_ROOT,
  tierWalk(depth, cypher`[s.id, l.products, c.id]`, join(DISCLOSURE_GRANT_LISTS, SOURCERS)),
  cypher`WITH disclosers, sharedDisclosures, sourcers, v, whole, shared, x, tiers, links AS supplied, reached[1..] AS reached
CALL (reached) {
  UNWIND reached AS o`,
  RISKS_OF_O,
  cypher`CALL (v, reached, disclosers, sharedDisclosures) {
  UNWIND reached AS x
  WITH v, x
  WHERE x:DisclosureSubject
  MATCH (x)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE `,
  DISCLOSURE_LIVE,
  cypher` AND `,
  DISCLOSURE_GRANTED,
  DISCLOSURE_VERSION,
  IN_DISCLOSED_PRODUCT,
  cypher`RETURN collect([x.id, d.id, d.kind, publisher.id, publisher.name, `,
  VERSION_ROW.projection,
  // The due dates earlier versions gave its actions: a due date moved later shows from when.
  cypher`, [(d)-[:VERSION]->(old:DisclosureVersion)-[:HAS_ACTION]->(oa:CorrectiveAction)
    WHERE old.version < dv.version | [old.version, oa.id, oa.dueAt]]]) AS evidence
}
`,
  OPEN_REQUESTS_OF_V,
  cypher`
RETURN x `,
  ORGANIZATION.projection,
  cypher` AS root, risks, evidence, supplied, openRequests, v.id AS viewerId,
  [o IN sourcers | o.id] AS sourcingOwnerIds, [o IN whole | o.id] AS wholeSourcingOwnerIds,
  [l IN shared | endNode(l).id] AS partialSourcingOwnerIds,
  [tier IN tiers | [o IN tier | `,
  ORGANIZATION_ROW_AS_ASKED.projection,
  cypher`]] AS tiers`,
]);

const tiersColumn = list(list(ORGANIZATION_ROW_AS_ASKED.decode));
const evidenceColumn = list(
  positional({
    organizationId: text,
    disclosureId: text,
    kind: oneOf(DISCLOSURE_KINDS),
    ownerId: text,
    ownerName: text,
    version: VERSION_ROW.decode,
    earlierDueDates: list(positional({ version: integer, actionId: text, dueAt: instant })),
  }),
);
const suppliedColumn = list(positional({ organizationId: text, products: texts, customerId: text }));

export interface RiskRow {
  root: Organization;
  organizations: { organization: Organization; tier: number }[];
  viewerId: string;
  /**
   * The owners of a SOURCING share active for the viewer, of all their links or of some (whose links
   * may be gone): the organizations that are no blind spot, whatever disclosures the others share.
   */
  sourcingOwnerIds: string[];
  /** The owners among them with an active sourcing share of all their links (now and later). */
  wholeSourcingOwnerIds: string[];
  /** The owners among them with an active sourcing share of some links (one id per link it names). */
  partialSourcingOwnerIds: string[];
  risks: { organizationId: string; risk: RiskIndicator }[];
  evidence: RiskEvidence[];
  /** The products and the customer of each link through which an organization supplies the chain. */
  supplied: { organizationId: string; products: string[]; customerId: string }[];
  /** The viewer's access requests open at the instant, each as it stood then, newest first. */
  openRequests: AccessRequest[];
}

export class RiskRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Null when the viewer may not use the root. The chain's organizations are read as `organizations`
   * says (the root in full): a ranking that shows only cards leaves the rest of each unread.
   */
  async chain(
    scope: ViewerScope,
    rootId: string,
    depth: number,
    product: string | null,
    organizations: ChainDetail['organizations'],
  ): Promise<RiskRow | null> {
    const [record] = await this.executor.read(
      RISK_BY_DEPTH[depth - 1]!,
      {
        ...scopeParams(scope, product),
        ...OPEN_REQUESTS_PARAMS,
        root: rootId,
        organizationDetail: organizations === 'full',
      },
      scope.context,
    );
    if (record === undefined) return null;
    return {
      root: column(record, 'root', ORGANIZATION.decode),
      organizations: column(record, 'tiers', tiersColumn).flatMap((tier, i) =>
        tier.map((organization) => ({ organization, tier: i + 1 })),
      ),
      viewerId: column(record, 'viewerId', text),
      sourcingOwnerIds: column(record, 'sourcingOwnerIds', list(text)),
      wholeSourcingOwnerIds: column(record, 'wholeSourcingOwnerIds', list(text)),
      partialSourcingOwnerIds: column(record, 'partialSourcingOwnerIds', list(text)),
      risks: column(record, 'risks', ORGANIZATION_RISK_ROWS),
      evidence: column(record, 'evidence', evidenceColumn),
      supplied: column(record, 'supplied', suppliedColumn),
      openRequests: column(record, 'openRequests', list(ACCESS_REQUEST.decode)),
    };
  }
}
