// Cypher that more than one module's statements share about shares and their parties: the one way a
// share is created (CREATE_SHARE), the test that the links and disclosures to share are the owner's own
// (NOT_OWNED), the active share a new one would repeat (sameShareActive), and how a party of something
// the viewer takes part in is shown (PARTY_CARD, partyOf).
// Used by the sharing, access-requests and sourcing repositories.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Organization } from '../domain/model.ts';
import { ORGANIZATION, ORGANIZATION_DIRECTORY, ORGANIZATION_IDENTITY } from './columns.ts';
import { cypher, join, type Fragment } from './cypher.ts';
import { bool, column, fields, instant, nullable, text, type Decoder } from './decode.ts';
import { CALLED_OFF, sameInstant } from './instant-cypher.ts';
import type { EndedLink } from '../domain/ended-links.ts';

/**
 * Creates `share` from `owner` to `recipient`, as the map `spec` describes it ({id, scope, linkIds?,
 * disclosureIds?, expiresAt?}), granted at $t by user $actorUserId, with its GRANTED event: the one way
 * a share is made, by shareSourcing or by granting an access request (src/modules/access-requests).
 */
export const CREATE_SHARE = cypher`CREATE (owner)-[:GRANTED]->(share:Share {id: spec.id, scope: spec.scope, linkIds: spec.linkIds,
                                          disclosureIds: spec.disclosureIds, expiresAt: spec.expiresAt,
                                          createdAt: $t})-[:TO]->(recipient)
  CREATE (:ShareEvent {key: randomUUID(), action: 'GRANTED', at: $t, actorUserId: $actorUserId,
                       actorOrganizationId: owner.id})-[:OF]->(share)`;

/**
 * Binds `notOwned`, the ids among $linkIds that are not links into `owner` (another organization's,
 * or none), `ended`, those of the owner's links among them that hold neither at $t nor later (ENDED_LINK
 * maps: a share counts from $t, so it would show them at no instant, as it would a withdrawn
 * disclosure), and `notDisclosed`, the ids among $disclosureIds that are not disclosures `owner`
 * published and has not withdrawn; each in the order asked. The lists of the owner's are gathered in
 * subqueries that do not read the asked ids, so another organization's link or disclosure costs what a
 * missing id costs (rule 6); seeking each id and testing where it leads reads more for one that exists.
 * The price is reading the owner's links into it (when $linkIds names some) and its disclosures (when
 * $disclosureIds does).
 */
export const NOT_OWNED = join(
  cypher`
CALL (owner) {
  WITH owner WHERE $linkIds IS NOT NULL
  MATCH (owner)<-[l:SUPPLIES]-()
  WITH l, `,
  CALLED_OFF,
  cypher` AS calledOff
  RETURN collect(l.id) AS owned,
         collect(CASE WHEN l.validTo <= $t OR calledOff
                      THEN {id: l.id, validTo: l.validTo, calledOff: calledOff, successor: l.supersededBy} END) AS endedOwned
}
CALL (owner) {
  WITH owner WHERE $disclosureIds IS NOT NULL
  MATCH (owner)-[:PUBLISHED]->(d:Disclosure)
  WHERE d.withdrawnAt IS NULL
  RETURN collect(d.id) AS published
}
WITH *, [linkId IN coalesce($linkIds, []) WHERE NOT linkId IN owned] AS notOwned,
     [linkId IN coalesce($linkIds, []) | head([e IN endedOwned WHERE e.id = linkId])] AS endedAsked,
     [disclosureId IN coalesce($disclosureIds, []) WHERE NOT disclosureId IN published] AS notDisclosed
WITH *, [e IN endedAsked WHERE e IS NOT NULL] AS ended
`,
);

/** Lists `a` and `b` (or null for "all, now and later") name the same items, in any order. */
const sameItems = (a: Fragment, b: Fragment): Fragment =>
  join(
    cypher`coalesce(all(item IN `,
    a,
    cypher` WHERE item IN `,
    b,
    cypher`) AND all(item IN `,
    b,
    cypher` WHERE item IN `,
    a,
    cypher`), `,
    a,
    cypher` IS NULL AND `,
    b,
    cypher` IS NULL)`,
  );

/** The share asked for, as expressions of the statement (parameters, or the fields of a map). */
export interface AskedShare {
  scope: Fragment;
  linkIds: Fragment;
  disclosureIds: Fragment;
  expiresAt: Fragment;
}

/**
 * After NOT_OWNED, binds `duplicate`, an active share of `owner`'s to `recipient` that the asked one
 * would repeat (same scope and end, and from now on the same links or disclosures), else null, and
 * `duplicates`, every such share in id order: an import, or a store from before shareSourcing refused
 * a repeat, may hold two, and a grant that linked one alone left the other's access unseen. A
 * second share would add nothing, and revoking one of the two would leave the recipient seeing all it
 * saw, which the owner who revoked "its access" would not expect. An active share is judged on what
 * it shows from now on: an amendment appended the successor to its links, so one of [a] became
 * [a, a'], and a's end or a disclosure's withdrawal leaves it nothing to show of them (NOT_OWNED's
 * `endedOwned` and `published`; the asked ids are all live, or the grant is refused before). Ends
 * compare as instants: an imported share keeps its file's offset, and Neo4j's `=` on DateTimes of
 * one instant in two offsets is false, which let a copy of an imported share through. The
 * owner must be locked first (LOCK_VIEWER), so two grants at once cannot both find none.
 */
export const sameShareActive = (asked: AskedShare): Fragment =>
  join(
    cypher`CALL (*) {
  WITH *, [e IN endedOwned | e.id] AS endedIds
  OPTIONAL MATCH (owner)-[:GRANTED]->(same:Share)-[:TO]->(recipient)
  WHERE same.scope = `,
    asked.scope,
    cypher` AND same.revokedAt IS NULL AND (same.expiresAt IS NULL OR $t < same.expiresAt)
    AND coalesce(`,
    sameInstant(cypher`same.expiresAt`, asked.expiresAt),
    cypher`, same.expiresAt IS NULL AND `,
    asked.expiresAt,
    cypher` IS NULL)
    AND `,
    sameItems(cypher`[id IN same.linkIds WHERE NOT id IN endedIds]`, asked.linkIds),
    cypher`
    AND `,
    sameItems(cypher`[id IN same.disclosureIds WHERE id IN published]`, asked.disclosureIds),
    cypher`
  WITH same ORDER BY same.id
  RETURN head(collect(same)) AS duplicate, collect(same) AS duplicates
}
`,
  );

/** An item of NOT_OWNED's `ended`. */
export const ENDED_LINK: Decoder<EndedLink> = fields({
  id: text,
  validTo: instant,
  calledOff: bool,
  successor: nullable(text),
});

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
