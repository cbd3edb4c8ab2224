// Cypher that more than one module's statements share about shares and their parties: the one way a
// share is created (CREATE_SHARE), the test that the links and disclosures to share are the owner's own
// (NOT_OWNED), and how a party of something the viewer takes part in is shown (PARTY_CARD, partyOf).
// Used by the sharing, access-requests and sourcing repositories.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Organization } from '../domain/model.ts';
import { ORGANIZATION, ORGANIZATION_DIRECTORY, ORGANIZATION_IDENTITY } from './columns.ts';
import { cypher, join } from './cypher.ts';
import { bool, column } from './decode.ts';

/**
 * Creates `share` from `owner` to `recipient`, as the map `spec` describes it ({id, scope, linkIds?,
 * disclosureIds?, expiresAt?}), granted at $t by user $actorUserId, with its GRANTED event: the one way
 * a share is made, by shareSourcing or by granting an access request (src/modules/access-requests).
 */
export const CREATE_SHARE = cypher`CREATE (owner)-[:GRANTED]->(share:Share {id: spec.id, scope: spec.scope, linkIds: spec.linkIds,
                                          disclosureIds: spec.disclosureIds, expiresAt: spec.expiresAt,
                                          createdAt: $t})-[:TO]->(recipient)
  CREATE (:ShareEvent {action: 'GRANTED', at: $t, actorUserId: $actorUserId,
                       actorOrganizationId: owner.id})-[:OF]->(share)`;

/**
 * Binds `notOwned`, the ids among $linkIds that are not links into `owner` (another organization's,
 * or none), and `notDisclosed`, the ids among $disclosureIds that are not disclosures `owner` published
 * and has not withdrawn; each in the order asked. Both lists of the owner's are gathered in subqueries
 * that do not read the asked ids, so another organization's link or disclosure costs what a missing id
 * costs (rule 6); seeking each id and testing where it leads reads more for one that exists. The price
 * is reading the owner's links into it (when $linkIds names some) and its disclosures (when
 * $disclosureIds does).
 */
export const NOT_OWNED = cypher`
CALL (owner) {
  WITH owner WHERE $linkIds IS NOT NULL
  MATCH (owner)<-[l:SUPPLIES]-()
  RETURN collect(l.id) AS owned
}
CALL (owner) {
  WITH owner WHERE $disclosureIds IS NOT NULL
  MATCH (owner)-[:PUBLISHED]->(d:Disclosure)
  WHERE d.withdrawnAt IS NULL
  RETURN collect(d.id) AS published
}
WITH *, [linkId IN coalesce($linkIds, []) WHERE NOT linkId IN owned] AS notOwned,
     [disclosureId IN coalesce($disclosureIds, []) WHERE NOT disclosureId IN published] AS notDisclosed
`;

/**
 * Ends a statement that binds `lookable` (VIEWER_GRANTS, LOOKABLE) and `x`, a party of something the
 * viewer takes part in (a share, an access request): x whole when rule 5 lets the viewer look it up,
 * else its directory card when it is listed (what `organization(id)` answers anyone, contract section
 * 10), else its identity card (id, name, type, country). Read the row with `partyOf`.
 */
export const PARTY_CARD = join(
  cypher`WITH x, x IN lookable AS visible, coalesce(x.listed, false) AS listed
RETURN visible, listed, CASE WHEN visible THEN x `,
  ORGANIZATION.projection,
  cypher` WHEN listed THEN x `,
  ORGANIZATION_DIRECTORY.projection,
  cypher` ELSE x `,
  ORGANIZATION_IDENTITY.projection,
  cypher` END AS organization`,
);

/** A row of a PARTY_CARD statement. */
export const partyOf = (r: Neo4jRecord): Organization =>
  column(
    r,
    'organization',
    column(r, 'visible', bool)
      ? ORGANIZATION.decode
      : column(r, 'listed', bool)
        ? ORGANIZATION_DIRECTORY.decode
        : ORGANIZATION_IDENTITY.decode,
  );
