// Organizations one at a time: by id, by what a viewer may look up (rule 5), the viewer's roots
// (rule 2) and their risk indicators. `byIds` makes no visibility check: it is only for the viewer
// itself and ids that a visibility query has already returned to it (link ends, path members); a
// client-supplied id goes through `visibleOrganizations`, a share's parties through
// ShareRepository.parties, a trail's actors through `actors`.
import type { Organization, RiskIndicator } from '../../domain/model.ts';
import type { QueryContext, ViewerScope } from '../../domain/viewer-scope.ts';
import { ORGANIZATION, ORGANIZATION_DIRECTORY, ORGANIZATION_IDENTITY, RISK } from '../../graph/columns.ts';
import { cypher, statement } from '../../graph/cypher.ts';
import { bool, column, list, integer } from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import { toNeo4jDateTime } from '../../graph/mappers.ts';
import { HOLDS, LOOKABLE, scopeParams, VIEWER_GRANTS } from '../../graph/visibility-cypher.ts';

const BY_IDS = statement(
  'organization.byIds',
  cypher`UNWIND $ids AS id MATCH (x:Organization {id: id}) RETURN x `,
  ORGANIZATION.projection,
  cypher` AS organization`,
);

/**
 * Rule 5 for a batch of ids: which of them the viewer may look up, found among what it may look up
 * rather than by id, so that a hidden id and a missing one cost the same (see LOOKABLE). Beyond rule 5,
 * a listed organization asked for by the id in $cardIds answers its directory card (contract section
 * 10, docs/specification.md): found through the organization_listed_id index, which holds no unlisted
 * record, so an unlisted hidden id still costs what a missing one costs.
 */
const VISIBLE_ORGANIZATIONS = statement(
  'visibility.visibleOrganizations',
  VIEWER_GRANTS,
  LOOKABLE,
  cypher`
WITH [n IN lookable WHERE n.id IN $ids] AS found
CALL (found) {
  UNWIND $cardIds AS id
  MATCH (listed:Organization) USING INDEX listed:Organization(listed, id)
  WHERE listed.listed = true AND listed.id = id
  WITH listed WHERE NOT listed IN found
  RETURN collect(listed) AS cards
}
UNWIND [x IN found | [x, true]] + [x IN cards | [x, false]] AS row
WITH row[0] AS x, row[1] AS visible
RETURN visible, CASE WHEN visible THEN x `,
  ORGANIZATION.projection,
  cypher` ELSE x `,
  ORGANIZATION_DIRECTORY.projection,
  cypher` END AS organization`,
);

/**
 * The organizations that events of a trail the viewer sees name as their actors (ids resolved through
 * merges): whole when rule 5 lets the viewer look one up, else its identity card, decided here so that
 * the record of an organization the viewer may not look up is never read whole (a trail is not the
 * directory: a listed actor gets no directory card either).
 */
const ACTORS = statement(
  'organization.actors',
  VIEWER_GRANTS,
  LOOKABLE,
  cypher`
UNWIND $ids AS id
MATCH (x:Organization {id: id})
WITH x, x IN lookable AS visible
RETURN visible, CASE WHEN visible THEN x `,
  ORGANIZATION.projection,
  cypher` ELSE x `,
  ORGANIZATION_IDENTITY.projection,
  cypher` END AS organization`,
);

/** Rule 2: the viewer and the owners of its active shares; the viewer first, then by name and id. */
const ROOTS = statement(
  'visibility.roots',
  VIEWER_GRANTS,
  cypher`
UNWIND [v] + owners AS x
WITH DISTINCT x, x = v AS isViewer
ORDER BY isViewer DESC, x.name, x.id
RETURN x `,
  ORGANIZATION.projection,
  cypher` AS organization`,
);

/**
 * The viewer's direct customers: the customers of its links that hold at $t (rule 5 lets it look them
 * up), each once.
 */
const CUSTOMERS = statement(
  'visibility.customers',
  cypher`
MATCH (v:Organization {id: $viewer})-[l:SUPPLIES]->(x:Organization)
WHERE `,
  HOLDS,
  cypher`
WITH DISTINCT x ORDER BY x.name, x.id
RETURN x `,
  ORGANIZATION.projection,
  cypher` AS organization`,
);

/**
 * The indicators of each key's organization; with `asOf`, only those recorded by then; a finding its
 * monitor withdrew, only before then (it is withdrawn at a past instant, so never now). Only
 * organizations labelled RiskSubject have any: the others cost an index miss, not a walk of their
 * relationships.
 */
const RISKS_BY_ORGANIZATION = statement(
  'analysis.risksByOrganization',
  cypher`UNWIND range(0, size($keys) - 1) AS i
   WITH i, $keys[i] AS key, $keys[i].asOf AS riskAt
   MATCH (:RiskSubject {id: key.id})-[:HAS_RISK]->(risk:RiskIndicator)
   WHERE (key.asOf IS NULL OR risk.recordedAt <= key.asOf)
     AND (risk.withdrawnAt IS NULL OR key.asOf < risk.withdrawnAt)
   RETURN i, collect(risk `,
  RISK.projection,
  cypher`) AS risks`,
);

/** Whose risk indicators, as recorded by when (null: everything recorded now). */
export interface RiskKey {
  organizationId: string;
  asOf: Date | null;
}

export class OrganizationRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[], context: QueryContext): Promise<Organization[]> {
    const records = await this.executor.read(BY_IDS, { ids }, context);
    return records.map((r) => column(r, 'organization', ORGANIZATION.decode));
  }

  /**
   * `found`: the organizations among `ids` that the viewer may look up (rule 5); `cards`: the directory
   * cards of the listed ones among the rest of `cardIds`, each answering only the id it is listed under
   * (those of `ids` that may answer one). Both in no particular order.
   */
  async visibleOrganizations(
    scope: ViewerScope,
    ids: readonly string[],
    cardIds: readonly string[],
  ): Promise<{ found: Organization[]; cards: Organization[] }> {
    const records = await this.executor.read(
      VISIBLE_ORGANIZATIONS,
      { ...scopeParams(scope), ids, cardIds },
      scope.context,
    );
    const found: Organization[] = [];
    const cards: Organization[] = [];
    for (const r of records) {
      if (column(r, 'visible', bool)) found.push(column(r, 'organization', ORGANIZATION.decode));
      else cards.push(column(r, 'organization', ORGANIZATION_DIRECTORY.decode));
    }
    return { found, cards };
  }

  /** Trail actors among `ids` as the viewer may see them (ACTORS), in no particular order. */
  async actors(scope: ViewerScope, ids: readonly string[]): Promise<Organization[]> {
    const records = await this.executor.read(ACTORS, { ...scopeParams(scope), ids }, scope.context);
    return records.map((r) =>
      column(
        r,
        'organization',
        column(r, 'visible', bool) ? ORGANIZATION.decode : ORGANIZATION_IDENTITY.decode,
      ),
    );
  }

  async customers(scope: ViewerScope): Promise<Organization[]> {
    const records = await this.executor.read(CUSTOMERS, scopeParams(scope), scope.context);
    return records.map((r) => column(r, 'organization', ORGANIZATION.decode));
  }

  async roots(scope: ViewerScope): Promise<Organization[]> {
    const records = await this.executor.read(ROOTS, scopeParams(scope), scope.context);
    return records.map((r) => column(r, 'organization', ORGANIZATION.decode));
  }

  /** Risk indicators per key, in key order (empty where there are none), for a DataLoader. */
  async risksByOrganization(keys: readonly RiskKey[], context: QueryContext): Promise<RiskIndicator[][]> {
    const records = await this.executor.read(
      RISKS_BY_ORGANIZATION,
      {
        keys: keys.map((k) => ({ id: k.organizationId, asOf: k.asOf && toNeo4jDateTime(k.asOf) })),
      },
      context,
    );
    const found = new Map(
      records.map((r) => [column(r, 'i', integer), column(r, 'risks', list(RISK.decode))]),
    );
    return keys.map((_, i) => found.get(i) ?? []);
  }
}
