// Every read that depends on who is asking. Each method is one Cypher round trip with visibility
// decided inside the traversal (see src/graph/visibility-cypher.ts), evaluated at one instant.
import type { StoredDisclosure } from '../../domain/disclosures.ts';
import type { DisclosureKind } from '../../domain/format.ts';
import type { Organization, RiskIndicator, SupplyLink } from '../../domain/model.ts';
import { LINK_ROW_AS_ASKED, ORGANIZATION_RISK_ROWS, ORGANIZATION_ROW_AS_ASKED } from '../../graph/columns.ts';
import { FULL_CHAIN, type ChainDetail } from '../../domain/chain-detail.ts';
import { cypher, join } from '../../graph/cypher.ts';
import { byNameAndId, byText } from '../../domain/text-order.ts';
import { groupBy } from '../../domain/grouping.ts';
import { column, list, single, UnexpectedRecordError } from '../../graph/decode.ts';
import { DISCLOSURE_ROW, type SubjectDisclosure } from '../../graph/disclosure-columns.ts';
import type { Executor } from '../../graph/executor.ts';
import {
  ALLOWED_ROOT,
  byDepth,
  chainWalk,
  DISCLOSURE_GRANTED,
  DISCLOSURE_GRANT_LISTS,
  DISCLOSURE_LIVE,
  DISCLOSURE_VERSION,
  RISKS_OF_O,
  VIEWER_AND_DISCLOSURE_GRANTS,
  VIEWER_GRANTS,
  scopeParams,
  type ChainExtraColumn,
} from '../../graph/visibility-cypher.ts';
import { MAX_DEPTH, type ViewerScope } from '../../domain/viewer-scope.ts';

/**
 * The chain of root x (rules 3 and 4) with `extras`, as one row of lists: see `chainWalk`. With
 * `disclosureGrants`, the lists of what is shared with v that rule 8 tests come with v's other grants.
 */
const chainStatements = (name: string, extras: readonly ChainExtraColumn[], disclosureGrants = false) =>
  byDepth(name, (depth) =>
    disclosureGrants
      ? [VIEWER_AND_DISCLOSURE_GRANTS, ALLOWED_ROOT, chainWalk(depth, extras, DISCLOSURE_GRANT_LISTS)]
      : [VIEWER_GRANTS, ALLOWED_ROOT, chainWalk(depth, extras)],
  );

/** The chain of root x (rules 3 and 4) as one row of lists: see `chainWalk`. */
const SUPPLY_CHAIN_BY_DEPTH = chainStatements('visibility.supplyChain', []);

/**
 * Rule 8 for the disclosures about the organizations of the chain's tiers (of kind $kind unless it is
 * null), each as the version in effect at $t, as `disclosures`. Rule 5 for their subjects needs no test:
 * the walk reached each of them from an allowed root through links disclosed at $t, which is what
 * makes an organization one the viewer may look up. Only organizations labelled DisclosureSubject have
 * a disclosure about them (docs/data-model.md), so the nine in ten without one cost a label test.
 */
const TIER_DISCLOSURES = join(
  cypher`CALL (v, tiers, disclosers, sharedDisclosures) {
  UNWIND tiers AS members
  UNWIND members AS subject
  WITH v, subject WHERE subject:DisclosureSubject
  MATCH (subject)<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  WHERE ($kind IS NULL OR d.kind = $kind) AND `,
  DISCLOSURE_LIVE,
  cypher` AND `,
  DISCLOSURE_GRANTED,
  DISCLOSURE_VERSION,
  cypher`  WITH subject, d, dv, publisher AS o
  RETURN collect(`,
  DISCLOSURE_ROW.projection,
  cypher`) AS disclosures
}
`,
);

/**
 * The public risk indicators of the chain's tiers' organizations, as recorded by $t for an instant in
 * the past (what `Organization.risks(asOf)` answers at the chain's own instant), as `risks`: rows of
 * [organization id, RISK_ROW]. Read from the organizations the walk holds, which costs a dashboard's
 * chain of 10,000 far less than looking each one up by id again in a statement of its own.
 */
const TIER_RISKS = join(
  cypher`CALL (tiers) {
  UNWIND tiers AS members
  UNWIND members AS o`,
  RISKS_OF_O,
);

const DISCLOSURES: ChainExtraColumn = { column: cypher`disclosures`, subquery: TIER_DISCLOSURES };
const RISKS: ChainExtraColumn = { column: cypher`risks`, subquery: TIER_RISKS };

/** The chain's statements by what they read along with it. */
const STATEMENTS = {
  plain: SUPPLY_CHAIN_BY_DEPTH,
  disclosures: chainStatements('visibility.supplyChain.withDisclosures', [DISCLOSURES], true),
  risks: chainStatements('visibility.supplyChain.withRisks', [RISKS]),
  both: chainStatements('visibility.supplyChain.withDisclosuresAndRisks', [DISCLOSURES, RISKS], true),
};

/** What a chain's statement reads besides the chain, when a query asks for it at the chain's instant. */
export interface ReadAlong {
  /** The disclosures about its tiers' organizations, of this kind (null: every kind). */
  disclosures?: { kind: DisclosureKind | null } | undefined;
  /** Its tiers' organizations' public risk indicators. */
  risks?: boolean;
}

interface SupplyChainResult {
  root: Organization;
  /** Tier k's organizations at index k - 1, each tier by name and id; no tier is empty. */
  tiers: Organization[][];
  /** By id. */
  links: SupplyLink[];
  /**
   * When asked for: the disclosures about each organization of the tiers that has any (rule 8), by its
   * id, in no particular order.
   */
  disclosures: Map<string, StoredDisclosure[]>;
  /** When asked for: the risk indicators of each organization of the tiers that has any, by its id. */
  risks: Map<string, RiskIndicator[]>;
}

/** The disclosures of `rows`, each with its subject from `tiers`, by subject id. */
function bySubject(rows: readonly SubjectDisclosure[], tiers: readonly Organization[][]) {
  const found = new Map<string, StoredDisclosure[]>();
  if (rows.length === 0) return found;
  const organizations = new Map<string, Organization>();
  for (const tier of tiers) for (const organization of tier) organizations.set(organization.id, organization);
  for (const { subjectId, disclosure } of rows) {
    const subject = organizations.get(subjectId);
    if (subject === undefined)
      throw new UnexpectedRecordError(`a disclosure about ${subjectId}, which the chain does not hold`);
    const shown = { ...disclosure, subject };
    const listed = found.get(subjectId);
    if (listed === undefined) found.set(subjectId, [shown]);
    else listed.push(shown);
  }
  return found;
}

// Made once: a big chain's lists hold tens of thousands of items.
const tiersColumn = list(list(ORGANIZATION_ROW_AS_ASKED.decode));
const linksColumn = list(LINK_ROW_AS_ASKED.decode);
const disclosuresColumn = list(DISCLOSURE_ROW.decode);

export class SupplyChainRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * The chain of `rootId` to `depth` tiers, or null when the viewer may not use that root; with what
   * `along` asks for about its tiers' organizations; its organizations and links read as `detail` says
   * (in full unless told otherwise).
   */
  async supplyChain(
    scope: ViewerScope,
    rootId: string,
    depth: number,
    product: string | null = null,
    along: ReadAlong = {},
    detail: ChainDetail = FULL_CHAIN,
  ): Promise<SupplyChainResult | null> {
    const { disclosures, risks = false } = along;
    const statements =
      STATEMENTS[disclosures === undefined ? (risks ? 'risks' : 'plain') : risks ? 'both' : 'disclosures'];
    const query = statements[depth - 1];
    if (query === undefined) throw new RangeError(`depth must be 1..${MAX_DEPTH}, got ${depth}`);
    const records = await this.executor.read(
      query,
      {
        ...scopeParams(scope, product),
        root: rootId,
        ...disclosures,
        organizationDetail: detail.organizations === 'full',
        linkDetail: detail.links,
      },
      scope.context,
    );
    if (records.length === 0) return null;
    const record = single(records, query);
    const root = column(record, 'root', ORGANIZATION_ROW_AS_ASKED.decode);
    // The walk's last tiers are empty when the chain ends before `depth`; a tier k+1 needs a tier k.
    const tiers = column(record, 'tiers', tiersColumn).filter((tier) => tier.length > 0);
    for (const tier of tiers) tier.sort(byNameAndId);
    const links = column(record, 'links', linksColumn);
    const disclosed = disclosures === undefined ? [] : column(record, 'disclosures', disclosuresColumn);
    links.sort((a, b) => byText(a.id, b.id));
    return {
      root,
      tiers,
      links,
      disclosures: bySubject(disclosed, tiers),
      risks: groupBy(
        risks ? column(record, 'risks', ORGANIZATION_RISK_ROWS) : [],
        (row) => row.organizationId,
        (row) => row.risk,
      ),
    };
  }
}
