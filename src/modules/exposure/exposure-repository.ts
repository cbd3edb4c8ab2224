// The analyst queries of contract section 7 (exposure, paths). Same discipline
// as SupplyChainRepository: one statement per call, visibility decided inside the traversal.
import neo4j from 'neo4j-driver';
import type { Organization, RiskIndicator, SupplyLink } from '../../domain/model.ts';
import { LINK, ORGANIZATION, RISK_ROW } from '../../graph/columns.ts';
import { cypher } from '../../graph/cypher.ts';
import { column, fields, list, oneOf, text, integer } from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import {
  ALLOWED_ROOT,
  DISCLOSURE_GRANTED,
  DISCLOSURE_LIVE,
  DISCLOSURE_VERSION,
  byDepth,
  chainHops,
  reached,
  RISK_IN_EFFECT,
  VIEWER_GRANTS,
  scopeParams,
} from '../../graph/visibility-cypher.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { ANSWER_DAYS, type AccessRequest } from '../../domain/access-requests.ts';
import { ACCESS_REQUEST } from '../access-requests/access-request-repository.ts';
import type { VisibleEvidence } from '../../domain/disclosed-indicators.ts';
import { DISCLOSURE_KINDS } from '../../domain/format.ts';
import { VERSION_ROW } from '../../graph/disclosure-columns.ts';

/**
 * Request `r` was open at $t: for "now", its status says so; for an instant in the past (asOf), it had
 * been sent by then and was not yet granted, declined or withdrawn (closedAt).
 */
const OPEN_AT = cypher`CASE WHEN $historical THEN r.sentAt <= $t AND (r.closedAt IS NULL OR $t < r.closedAt)
  ELSE r.status = 'OPEN' END`;

/**
 * Rebinds `r` (open at $t) to the request as it stood at $t, a map: open, and extended only when its
 * EXTENDED event came by then; before it, the due date it had (the event's `previousDueAt`; an
 * extension recorded before events kept it had the default, three weeks after sending) and no reason.
 */
const REQUEST_AT = cypher`CALL (r) {
    OPTIONAL MATCH (e:AccessRequestEvent {action: 'EXTENDED'})-[:OF]->(r)
    RETURN e ORDER BY e.at LIMIT 1
  }
  WITH requester, target, r, e, $historical AND e IS NOT NULL AND $t < e.at AS extendedLater
  WITH requester, target, r {.id, .scope, .products, .message, .sentAt,
    status: 'OPEN', closedAt: null,
    extended: r.extended AND NOT extendedLater,
    dueAt: CASE WHEN extendedLater THEN coalesce(e.previousDueAt, r.sentAt + duration({days: $answerDays})) ELSE r.dueAt END,
    reason: CASE WHEN e IS NULL THEN CASE WHEN r.status = 'OPEN' THEN r.reason END
                 WHEN extendedLater THEN null ELSE e.note END} AS r`;

/**
 * Findings: the reached organizations that carry risk indicators (recorded by $t when it is in the
 * past), with the shortest path `reached` found to them. Evidence: the disclosures about reached
 * organizations that rule 8 lets the viewer see (of the kinds exposure reads), each as the version in
 * effect at $t; their subjects are reached, so rule 5 holds for them already and only the disclosure's
 * own conditions are tested (DISCLOSURE_LIVE, DISCLOSURE_GRANTED). Blind spots: reached organizations above the
 * last tier that own no share active for the viewer; `openRequests`, the viewer's open access requests
 * (newest first), which the service pairs with the blind spots they target.
 */
const EXPOSURE_BY_DEPTH = byDepth('analysis.exposure', (depth) => [
  VIEWER_GRANTS,
  ALLOWED_ROOT,
  reached(depth),
  cypher`
CALL (reached) {
  UNWIND reached AS e
  WITH e, e.node AS o
  MATCH (o)-[:HAS_RISK]->(risk:RiskIndicator)
  WHERE `,
  RISK_IN_EFFECT,
  cypher`
  WITH e, collect(`,
  RISK_ROW.projection,
  cypher`) AS risks
  RETURN collect({organization: e.organization, tier: e.tier, path: e.path, risks: risks}) AS findings
}
CALL (v, reached) {
  UNWIND reached AS e
  WITH v, e, e.node AS x
  WHERE x:DisclosureSubject
  MATCH (x)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE d.kind IN ['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT', 'CERTIFICATE'] AND `,
  DISCLOSURE_LIVE,
  cypher` AND `,
  DISCLOSURE_GRANTED,
  DISCLOSURE_VERSION,
  cypher`RETURN collect({organization: e.organization, tier: e.tier, path: e.path, disclosureId: d.id, kind: d.kind,
                  version: `,
  VERSION_ROW.projection,
  cypher`}) AS evidence
}
CALL (v) {
  MATCH (requester:Organization)-[:REQUESTED]->(r:AccessRequest)-[:OF]->(target:Organization)
  WHERE requester = v AND `,
  OPEN_AT,
  cypher`
  `,
  REQUEST_AT,
  cypher`
  ORDER BY r.sentAt DESC, r.id
  RETURN collect(r `,
  ACCESS_REQUEST.projection,
  cypher`) AS openRequests
}
RETURN x `,
  ORGANIZATION.projection,
  cypher` AS root, findings, evidence, openRequests,
  [e IN reached WHERE e.tier < $depth AND e.node <> v AND NOT e.node IN owners
     | {organization: e.organization, tier: e.tier}] AS blindSpots`,
]);

/**
 * Up to 100 shortest visible walks from root x to the target, of which the simple ones (no
 * organization twice) are kept, shortest first. Cypher's k-shortest search may return walks that
 * revisit an organization through another link, hence the filter.
 *
 * The target is looked for only among the organizations reachable from x (found by a search that
 * never mentions $toId), so a hidden target and a nonexistent one cost the same work: rule 6 allows
 * no timing channel, and a search aimed at a hidden node would take longer than none at all.
 */
const PATHS_BY_DEPTH = byDepth('analysis.paths', (depth) => [
  VIEWER_GRANTS,
  ALLOWED_ROOT,
  cypher`
CALL (v, whole, shared, x) {
  MATCH ANY SHORTEST (x)`,
  chainHops(depth),
  cypher`(found)
  WHERE found <> x
  RETURN collect(found) AS reachable
}
CALL (v, whole, shared, x, reachable) {
  UNWIND [n IN reachable WHERE n.id = $toId] AS target
  MATCH p = SHORTEST 100 (x)`,
  chainHops(depth),
  cypher`(target)
  WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  WITH p ORDER BY length(p)
  LIMIT $limit
  RETURN collect({
    organizations: [n IN nodes(p) | n.id],
    links: [l IN relationships(p) | l `,
  LINK.projection,
  cypher`]
  }) AS paths
}
RETURN paths`,
]);

const findingsColumn = list(
  fields({
    organization: ORGANIZATION.decode,
    tier: integer,
    path: list(text),
    risks: list(RISK_ROW.decode),
  }),
);
const evidenceColumn = list(
  fields({
    organization: ORGANIZATION.decode,
    tier: integer,
    path: list(text),
    disclosureId: text,
    kind: oneOf(DISCLOSURE_KINDS),
    version: VERSION_ROW.decode,
  }),
);
const blindSpotsColumn = list(fields({ organization: ORGANIZATION.decode, tier: integer }));
const pathsColumn = list(fields({ organizations: list(text), links: list(LINK.decode) }));

export interface ExposureRow {
  root: Organization;
  findings: { organization: Organization; tier: number; pathIds: string[]; indicators: RiskIndicator[] }[];
  /** Visible disclosures about reached organizations, with where their subject stands in the chain. */
  evidence: (VisibleEvidence & { organization: Organization; tier: number; pathIds: string[] })[];
  blindSpots: { organization: Organization; tier: number }[];
  /** The viewer's open access requests, newest first. */
  openRequests: AccessRequest[];
}

export interface PathRow {
  organizationIds: string[];
  links: SupplyLink[];
}

export class ExposureRepository {
  constructor(private readonly executor: Executor) {}

  /** Null when the viewer may not use the root. */
  async exposure(
    scope: ViewerScope,
    rootId: string,
    depth: number,
    product: string | null,
  ): Promise<ExposureRow | null> {
    const [record] = await this.executor.read(
      EXPOSURE_BY_DEPTH[depth - 1]!,
      { ...scopeParams(scope, product), root: rootId, depth, answerDays: ANSWER_DAYS },
      scope.context,
    );
    if (record === undefined) return null;
    return {
      root: column(record, 'root', ORGANIZATION.decode),
      findings: column(record, 'findings', findingsColumn).map((f) => ({
        organization: f.organization,
        tier: f.tier,
        pathIds: f.path,
        indicators: f.risks,
      })),
      evidence: column(record, 'evidence', evidenceColumn).map((e) => ({
        organization: e.organization,
        organizationId: e.organization.id,
        tier: e.tier,
        pathIds: e.path,
        disclosureId: e.disclosureId,
        kind: e.kind,
        version: e.version,
      })),
      blindSpots: column(record, 'blindSpots', blindSpotsColumn),
      openRequests: column(record, 'openRequests', list(ACCESS_REQUEST.decode)),
    };
  }

  /** Null when the viewer may not use the root; empty when the target is not reachable. */
  async paths(
    scope: ViewerScope,
    rootId: string,
    toId: string,
    depth: number,
    limit: number,
  ): Promise<PathRow[] | null> {
    const [record] = await this.executor.read(
      PATHS_BY_DEPTH[depth - 1]!,
      { ...scopeParams(scope), root: rootId, toId, depth, limit: neo4j.int(limit) },
      scope.context,
    );
    if (record === undefined) return null;
    return column(record, 'paths', pathsColumn).map((p) => ({
      organizationIds: p.organizations,
      links: p.links,
    }));
  }
}
