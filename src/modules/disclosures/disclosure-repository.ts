// Disclosures (specification, section 2, rule 8) and their versions. Every read a viewer makes decides
// rule 8 in its statement (src/graph/visibility-cypher.ts: DISCLOSURE_VISIBLE, or shownDisclosures),
// so nothing hidden leaves Neo4j; only the owner's own list (`given`) and the history of a disclosure a
// visibility query already returned skip it. Every write is one statement, or one transaction that
// locks the disclosure first, so a refused mutation writes nothing and two updates never get the same
// version number.
import {
  REDACTED_ACTION_TEXTS,
  REDACTED_TEXTS,
  sameContent,
  type DisclosureAudience,
  type DisclosureContent,
  type StoredDisclosure,
  type StoredVersion,
} from '../../domain/disclosures.ts';
import { DISCLOSURE_KINDS, type DisclosureKind } from '../../domain/format.ts';
import type { IdempotencyClaim } from '../../domain/idempotency.ts';
import type { QueryContext, ViewerScope } from '../../domain/viewer-scope.ts';
import { ORGANIZATION, ORGANIZATION_IDENTITY, SHARE, type Column } from '../../graph/columns.ts';
import { cypher, join, statement, type Fragment, type Statement } from '../../graph/cypher.ts';
import {
  bool,
  column,
  fields,
  instant,
  integer,
  list,
  nullable,
  oneOf,
  single,
  text,
  viewerRow,
} from '../../graph/decode.ts';
import type { Executor, Transaction } from '../../graph/executor.ts';
import { contentParams, VERSION } from '../../graph/disclosure-columns.ts';
import { createOnce, FORGET_REQUEST_TEXTS } from '../../graph/idempotency-repository.ts';
import { lockedInstant } from '../../graph/locked-instant.ts';
import { LOCK_VIEWER } from '../../graph/write-locks.ts';
import {
  DISCLOSURE_GRANTS,
  DISCLOSURE_VERSION,
  DISCLOSURE_VISIBLE,
  HOLDS,
  LOOKABLE,
  DISCLOSURE_GRANTED,
  DISCLOSURE_LIVE,
  SHARE_ACTIVE,
  VIEWER_AND_DISCLOSURE_GRANTS,
  VIEWER_GRANTS,
  presentParams,
  scopeParams,
} from '../../graph/visibility-cypher.ts';

const head = fields({
  id: text,
  kind: oneOf(DISCLOSURE_KINDS),
  publishedAt: instant,
  withdrawnAt: nullable(instant),
  withdrawnBy: nullable(text),
  subjectVisible: bool,
  owner: ORGANIZATION.decode,
  version: VERSION.decode,
});

/**
 * Disclosure `d` of `publisher` about `x`, shown as version `dv`: a whole expression. The subject is an
 * identity card when `subjectVisible` is false (the owner's own disclosure about a supplier it may not
 * look up now: a former one, or one whose link starts later).
 */
const DISCLOSURE: Column<StoredDisclosure> = {
  projection: join(
    cypher`{id: d.id, kind: d.kind, publishedAt: d.publishedAt, withdrawnAt: d.withdrawnAt, withdrawnBy: d.withdrawnBy,
  subjectVisible: subjectVisible, owner: publisher `,
    ORGANIZATION.projection,
    cypher`,
  subject: CASE WHEN subjectVisible THEN x `,
    ORGANIZATION.projection,
    cypher` ELSE x `,
    ORGANIZATION_IDENTITY.projection,
    cypher` END,
  version: dv `,
    VERSION.projection,
    cypher`}`,
  ),
  decode: (value, at) => {
    const { subjectVisible, ...rest } = head(value, at);
    const subject = fields({ subject: subjectVisible ? ORGANIZATION.decode : ORGANIZATION_IDENTITY.decode })(
      value,
      at,
    ).subject;
    return { ...rest, subject };
  },
};

/** The end of a statement that bound `key`, disclosure `d` (visible: rule 8), `publisher` and subject `x`. */
const AS_SHOWN = join(
  DISCLOSURE_VERSION,
  cypher`WITH *, true AS subjectVisible
RETURN key AS key, `,
  DISCLOSURE.projection,
  cypher` AS disclosure`,
);

/**
 * Rule 8 for the disclosures that `match` binds (`key`, disclosure `d`, `publisher`, subject `x`, once
 * v, `disclosers` and `sharedDisclosures` are bound), of kind $kind unless it is null, each as the version
 * in effect at $t. For the organizations an answer already holds (never an id a client names): the
 * disclosures that pass the cheap tests (live, v's own or shared with v) are collected first, and v's
 * rule-5 list (VIEWER_GRANTS, LOOKABLE: every link into every root) is gathered only when there is any,
 * for a chain's many organizations without a visible disclosure. Every test is of lists gathered from
 * v's side: asked of the subject's own links and shares, rule 5 cost v more for each other customer of
 * its supplier and each organization that supplier shares its sourcing with, which rule 5 hides from v
 * (rule 6; test/abuse/shown-subject-work.test.ts). What it still reads of others is the
 * disclosures about (or by) the organizations asked for (docs/specification.md, rule 8).
 */
const shownDisclosures = (name: string, match: Fragment): Statement =>
  statement(
    name,
    cypher`MATCH (v:Organization {id: $viewer})`,
    DISCLOSURE_GRANTS,
    cypher`CALL (v, disclosers, sharedDisclosures) {`,
    match,
    cypher`
  WHERE ($kind IS NULL OR d.kind = $kind) AND `,
    DISCLOSURE_LIVE,
    cypher` AND `,
    DISCLOSURE_GRANTED,
    cypher`
  RETURN collect([key, d, publisher, x]) AS candidates
}
CALL (v, candidates) {
  WITH v, candidates WHERE size(candidates) > 0`,
    VIEWER_GRANTS,
    LOOKABLE,
    cypher`  RETURN lookable
}
UNWIND candidates AS candidate
WITH v, candidate[0] AS key, candidate[1] AS d, candidate[2] AS publisher, candidate[3] AS x, lookable
WHERE x IN lookable
`,
    AS_SHOWN,
  );

/**
 * Only organizations labelled DisclosureSubject have a disclosure about them (docs/data-model.md): its
 * index answers for the nine in ten without one at the cost of a miss, instead of a walk over all
 * their relationships looking for ABOUT. Sought by id (the hint): left to the planner, it was once
 * planned as a scan of every subject per id asked, whose work grew with every disclosure subject in
 * the database (test/abuse/shown-subject-work.test.ts).
 */
const ABOUT = shownDisclosures(
  'disclosure.about',
  cypher`
  UNWIND $ids AS key
  MATCH (x:DisclosureSubject {id: key})<-[:ABOUT]-(d:Disclosure)<-[:PUBLISHED]-(publisher:Organization)
  USING INDEX SEEK x:DisclosureSubject(id)`,
);

/**
 * Sought by id (the hint), as ABOUT: planned on another store's statistics (a full test run's earlier
 * file), it was a scan of every organization's id per id asked, whose work grew with every organization
 * in the database (test/abuse/shown-subject-work.test.ts, December 2026).
 */
const PUBLISHED_BY = shownDisclosures(
  'disclosure.publishedBy',
  cypher`
  UNWIND $ids AS key
  MATCH (publisher:Organization {id: key})-[:PUBLISHED]->(d:Disclosure)-[:ABOUT]->(x:Organization)
  USING INDEX SEEK publisher:Organization(id)`,
);

/**
 * Binds `publisher` and subject `x` of the disclosure `d` bound before, read from d. Left to the planner
 * in a statement's main body, `disclosure.received` was once planned as a scan of every relationship of
 * one of the two types, joined with d: its work grew with every disclosure in the database, shared
 * with v or not (rule 6; test/abuse/shown-subject-work.test.ts).
 */
const PUBLISHER_AND_SUBJECT_OF_D = cypher`
CALL (d) {
  MATCH (publisher:Organization)-[:PUBLISHED]->(d)-[:ABOUT]->(x:Organization)
  RETURN publisher, x
}
`;

/**
 * Ids a client names are found among `shown`, every disclosure rule 8 lets v see at $t (its own and
 * those shared with it, live, about an organization it may look up), gathered in a subquery that does
 * not read the ids; then each of their ids is read once, whatever was asked. Seeking an id and testing
 * it afterwards costs more for a disclosure that exists but is hidden (not shared, withdrawn, about an
 * organization v may not look up) than for a missing one (rule 6), and so does finding it among the
 * shared ones and testing only what was found. The price is reading every disclosure of v's and
 * shared with v, as `disclosure.received` reads the shared ones.
 */
const BY_IDS = statement(
  'disclosure.byIds',
  VIEWER_AND_DISCLOSURE_GRANTS,
  LOOKABLE,
  cypher`
CALL (v, lookable, disclosers, sharedDisclosures) {
  CALL (v, disclosers, sharedDisclosures) {
    UNWIND [v] + disclosers AS publisher
    MATCH (publisher)-[:PUBLISHED]->(d:Disclosure)
    RETURN d
    UNION
    UNWIND sharedDisclosures AS d
    RETURN d
  }`,
  PUBLISHER_AND_SUBJECT_OF_D,
  cypher`  WITH * WHERE `,
  DISCLOSURE_LIVE,
  cypher` AND x IN lookable
  RETURN collect({d: d, publisher: publisher, x: x}) AS shown
}
UNWIND shown AS row
WITH row.d AS d, row.publisher AS publisher, row.x AS x
WHERE d.id IN $ids
WITH d.id AS key, d, publisher, x
`,
  DISCLOSURE_VERSION,
  cypher`WITH *, true AS subjectVisible
RETURN key, `,
  DISCLOSURE.projection,
  cypher` AS disclosure`,
);

/** Starts from the shares to v, never from every disclosure. */
const RECEIVED = statement(
  'disclosure.received',
  VIEWER_AND_DISCLOSURE_GRANTS,
  LOOKABLE,
  cypher`
CALL (disclosers, sharedDisclosures) {
  UNWIND disclosers AS discloser
  MATCH (discloser)-[:PUBLISHED]->(d:Disclosure)
  RETURN d
  UNION
  UNWIND sharedDisclosures AS d
  RETURN d
}`,
  PUBLISHER_AND_SUBJECT_OF_D,
  cypher`WITH * WHERE ($kind IS NULL OR d.kind = $kind) AND `,
  DISCLOSURE_VISIBLE,
  cypher`
WITH *, null AS key
`,
  AS_SHOWN,
);

/**
 * After a statement of the owner's ($viewer, bound as `v`, with VIEWER_GRANTS and LOOKABLE) has bound d,
 * x and dv.
 */
const OWN_DISCLOSURE = join(
  cypher`WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN `,
  DISCLOSURE.projection,
  cypher` AS disclosure`,
);

/** Versions 1..key.version of each key's disclosure, newest first (for a disclosure already shown). */
const HISTORY = statement(
  'disclosure.history',
  cypher`UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (:Disclosure {id: key.id})-[:VERSION]->(dv:DisclosureVersion)
WHERE dv.version <= key.version
WITH i, dv ORDER BY dv.version DESC
RETURN i, collect(dv `,
  VERSION.projection,
  cypher`) AS versions`,
);

/** Makes version d.version of `d` from $content, $actions (each with its position), $t and $actorUserId. */
const CREATE_VERSION = cypher`
CREATE (d)-[:VERSION]->(dv:DisclosureVersion)
SET dv += $content, dv.version = d.version, dv.recordedAt = $t, dv.actorUserId = $actorUserId
WITH *
CALL (dv) {
  UNWIND $actions AS action
  CREATE (dv)-[:HAS_ACTION]->(a:CorrectiveAction)
  SET a = action
}
`;

/**
 * The subject is bound only when it is the owner or the supplier of a link in which the owner is the
 * customer, whatever the link's dates (contract section 8, as a tiersight/v1 import accepts): a link
 * that starts later (a pre-sourcing audit), one that ended (the audit of a factory left after its
 * findings), one an amendment replaced or one called off are the owner's own records, which it knows;
 * who may see the disclosure is rule 8's to decide at each instant asked for, never the publication's.
 * A hidden, unknown or indirect one takes the same path, and nothing is created. $subjectId is found
 * among the owner and its suppliers, gathered in a subquery that does not read it: seeking it and then
 * testing its links costs more for an organization that exists than for a missing id (rule 6). The
 * answer shows the subject as the owner's own list does (OWN_DISCLOSURE): an identity card when the
 * owner may not look it up now (rule 5 for a link not yet or no longer holding), gathered whatever id
 * was asked, so a refusal costs the same for every id.
 */
const PUBLISH = statement(
  'disclosure.publish',
  LOCK_VIEWER,
  VIEWER_GRANTS,
  LOOKABLE,
  cypher`CALL (v) {
  OPTIONAL MATCH (v)<-[:SUPPLIES]-(s:Organization)
  RETURN collect(DISTINCT s) AS suppliers
}
WITH v, lookable, head([s IN [v] + suppliers WHERE s.id = $subjectId]) AS x
CALL (v, x) {
  WITH v, x WHERE x IS NOT NULL
  CREATE (v)-[:PUBLISHED]->(d:Disclosure {id: $id, kind: $kind, publishedAt: $t, version: 1})-[:ABOUT]->(x)
  SET x:DisclosureSubject
  WITH d`,
  CREATE_VERSION,
  cypher`}
WITH *
OPTIONAL MATCH (v)-[:PUBLISHED]->(d:Disclosure {id: $id})-[:ABOUT]->(x)
OPTIONAL MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
WITH *, v AS publisher, x IN lookable AS subjectVisible
RETURN x IS NOT NULL AS subjectAllowed, CASE WHEN d IS NULL THEN null ELSE `,
  DISCLOSURE.projection,
  cypher` END AS disclosure`,
);

/** Binds `own`, every disclosure `v` published, in a subquery that reads no id a client named. */
const OWN_DISCLOSURES = cypher`
CALL (v) {
  RETURN [(v)-[:PUBLISHED]->(own:Disclosure) | own] AS own
}`;

/**
 * Binds `d`, the disclosure $id when `v` published it; no row otherwise. It is found among v's own
 * (OWN_DISCLOSURES, so no plan can seek the id instead), and another organization's disclosure costs
 * what a missing id costs (rule 6); seeking the id and then testing its publisher reads more for one
 * that exists.
 */
const OWN_DISCLOSURE_BY_ID = join(
  OWN_DISCLOSURES,
  cypher`
UNWIND [d IN own WHERE d.id = $id] AS d`,
);

/**
 * An item of `sharedWith`: disclosure share `share` of `owner` to `recipient`, and `ownLinkShared`.
 */
const AUDIENCE: Column<DisclosureAudience> = {
  projection: join(cypher`{share: share `, SHARE.projection, cypher`, ownLinkShared: ownLinkShared}`),
  decode: fields({ share: SHARE.decode, ownLinkShared: nullable(bool) }),
};

/**
 * Who is shown each of the owner's disclosures $ids at $t, from the owner's own records only: its
 * DISCLOSURES shares active then that cover the disclosure (all of the owner's, or a list naming it),
 * none while it does not exist then (not published yet, or withdrawn: nobody but the owner sees it,
 * whatever a share lists), all-disclosure shares first, then by recipient name; and for each, whether
 * the owner's own SOURCING share to that recipient, active then, covers a link of the owner's from
 * the subject that holds then (null for a disclosure about the owner, and for a recipient that is the
 * subject: both look themselves up). Never whether the recipient reaches the subject through anyone
 * else's share: that is others' sharing (rule 6). Everything is read from the owner's side: its
 * disclosures (OWN_DISCLOSURES, so another organization's id reads nothing of it), its shares and the
 * links into it, each gathered once, then tested row by row against those lists; a link sought from
 * the subject's side would be found among the subject's links to its other customers, which the owner
 * may not know of. One row per disclosure that has any.
 */
const SHARED_WITH = statement(
  'disclosure.sharedWith',
  cypher`MATCH (v:Organization {id: $viewer})`,
  OWN_DISCLOSURES,
  cypher`
CALL (v) {
  MATCH (v)-[:GRANTED]->(share:Share)-[:TO]->(recipient:Organization)
  WHERE `,
  SHARE_ACTIVE,
  cypher`
  RETURN collect({share: share, recipient: recipient}) AS active
}
CALL (v) {
  MATCH (v)<-[l:SUPPLIES]-(:Organization)
  WHERE `,
  HOLDS,
  cypher`
  RETURN collect(l) AS held
}
UNWIND [d IN own WHERE d.id IN $ids] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
WHERE `,
  DISCLOSURE_LIVE,
  cypher`
UNWIND [a IN active WHERE a.share.scope = 'DISCLOSURES'
          AND (a.share.disclosureIds IS NULL OR d.id IN a.share.disclosureIds)] AS covering
WITH d, v AS owner, covering.share AS share, covering.recipient AS recipient,
     CASE WHEN x = v OR x = covering.recipient THEN null
          ELSE any(l IN held WHERE startNode(l) = x
                   AND any(a IN active WHERE a.recipient = covering.recipient AND a.share.scope = 'SOURCING'
                           AND (a.share.linkIds IS NULL OR l.id IN a.share.linkIds))) END AS ownLinkShared
ORDER BY share.disclosureIds IS NULL DESC, recipient.name, recipient.id, share.createdAt, share.id
RETURN d.id AS key, collect(`,
  AUDIENCE.projection,
  cypher`) AS audience`,
);

/**
 * The owner's own disclosures at $t (published by then; for "now" the current versions, else the
 * versions recorded by $t), withdrawn ones too when asked, only the one with $id when given: its
 * record, not rule 8. $id is tested on the owner's own disclosures (OWN_DISCLOSURES), never sought in
 * the whole graph, so another organization's id costs what a missing one does (rule 6). As a filter of
 * a MATCH from v it could not be sought (an index hint on it fails), but a plan could still scan every
 * disclosure, test $id, and only then expand to v: 58 db hits for another organization's id against
 * 48 for a missing one, forced with USING SCAN.
 */
const GIVEN = statement(
  'disclosure.given',
  VIEWER_GRANTS,
  LOOKABLE,
  OWN_DISCLOSURES,
  cypher`
UNWIND [d IN own WHERE $id IS NULL OR d.id = $id] AS d
MATCH (d)-[:ABOUT]->(x:Organization)
WHERE ($kind IS NULL OR d.kind = $kind) AND (NOT $historical OR d.publishedAt <= $t)
  AND ($includeWithdrawn OR d.withdrawnAt IS NULL OR ($historical AND $t <= d.withdrawnAt))
`,
  DISCLOSURE_VERSION,
  OWN_DISCLOSURE,
);

/**
 * Locks one of the owner's disclosures for the rest of the transaction (a write to it; Neo4j's
 * documented way to avoid lost updates) and returns its kind, withdrawal and current version.
 */
const LOCK = statement(
  'disclosure.lock',
  cypher`MATCH (v:Organization {id: $viewer})`,
  OWN_DISCLOSURE_BY_ID,
  cypher`
SET d._lock = true
REMOVE d._lock
WITH d
MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
RETURN d.kind AS kind, d.withdrawnAt AS withdrawnAt, dv `,
  VERSION.projection,
  cypher` AS current`,
);

const NEW_VERSION = statement(
  'disclosure.newVersion',
  VIEWER_GRANTS,
  LOOKABLE,
  OWN_DISCLOSURE_BY_ID,
  cypher`
MATCH (d)-[:ABOUT]->(x:Organization)
SET d.version = d.version + 1
WITH *`,
  CREATE_VERSION,
  OWN_DISCLOSURE,
);

/** The owner's disclosure `id` with its current version, after `change` (a SET, or nothing). */
const ownCurrent = (name: string, change: Fragment) =>
  statement(
    name,
    VIEWER_GRANTS,
    LOOKABLE,
    OWN_DISCLOSURE_BY_ID,
    cypher`
MATCH (d)-[:ABOUT]->(x:Organization)
`,
    change,
    cypher`MATCH (d)-[:VERSION]->(dv:DisclosureVersion {version: d.version})
`,
    OWN_DISCLOSURE,
  );

/** Stamps the withdrawal, and who made it, once: a second withdrawal changes neither. */
const WITHDRAW = ownCurrent(
  'disclosure.withdraw',
  cypher`CALL (d) {
  WITH d WHERE d.withdrawnAt IS NULL
  SET d.withdrawnAt = $t, d.withdrawnBy = $actorUserId
}
WITH *
`,
);

/**
 * Erases the texts of version $version ($texts, and $actionTexts of its actions) and stamps who did it
 * and when, once: a second redaction changes nothing (its first instant and user stay).
 */
const REDACT = ownCurrent(
  'disclosure.redact',
  cypher`CALL (d) {
  MATCH (d)-[:VERSION]->(rv:DisclosureVersion {version: toInteger($version)})
  WHERE rv.redactedAt IS NULL
  SET rv += $texts, rv.redactedAt = $t, rv.redactedBy = $actorUserId
  WITH rv
  MATCH (rv)-[:HAS_ACTION]->(a:CorrectiveAction)
  SET a += $actionTexts
}
WITH *
`,
);

/**
 * The owner's disclosure as it stands, writing nothing: a revision that says what the current version
 * says, and the retry of a publication under its idempotency key.
 */
const UNCHANGED = ownCurrent('disclosure.unchanged', cypher``);

/** What the owner's statements take: the owner as the viewer, now. */
const ownerParams = presentParams;

const disclosureOf = (record: { get(key: string): unknown }): StoredDisclosure =>
  DISCLOSURE.decode(record.get('disclosure'), 'disclosure');

interface NewDisclosure {
  id: string;
  ownerId: string;
  subjectId: string;
  kind: DisclosureKind;
  content: DisclosureContent;
  now: Date;
  actorUserId: string;
}

/** Which of the owner's own disclosures `given` lists. */
export interface GivenFilter {
  kind: DisclosureKind | null;
  includeWithdrawn: boolean;
  /** Only the one with this id: none when the owner did not publish it. */
  id: string | null;
}

/** One of the owner's disclosures, locked, as it now stands. */
export interface LockedDisclosure {
  kind: DisclosureKind;
  withdrawnAt: string | null;
  current: StoredVersion;
}

/** Locks the owner's disclosure `id` (LOCK): null when the owner has none with that id. */
async function lock(
  tx: Transaction,
  target: { id: string; ownerId: string },
): Promise<LockedDisclosure | null> {
  const [record] = await tx.run(LOCK, { viewer: target.ownerId, id: target.id });
  if (record === undefined) return null;
  return {
    kind: column(record, 'kind', oneOf(DISCLOSURE_KINDS)),
    withdrawnAt: column(record, 'withdrawnAt', nullable(instant)),
    current: column(record, 'current', VERSION.decode),
  };
}

export class DisclosureRepository {
  constructor(private readonly executor: Executor) {}

  /** Rule 8: the disclosures about each of `ids`, keyed by subject id. */
  about(scope: ViewerScope, kind: DisclosureKind | null, ids: readonly string[]) {
    return this.keyed(ABOUT, scope, kind, ids);
  }

  /** Rule 8: the disclosures that each of `ids` published, keyed by owner id. */
  publishedBy(scope: ViewerScope, kind: DisclosureKind | null, ids: readonly string[]) {
    return this.keyed(PUBLISHED_BY, scope, kind, ids);
  }

  /** Rule 8: the disclosures among `ids`, keyed by their id. */
  byIds(scope: ViewerScope, ids: readonly string[]) {
    return this.keyed(BY_IDS, scope, null, ids);
  }

  /** Rule 8: the disclosures other organizations share with the viewer. */
  async received(scope: ViewerScope, kind: DisclosureKind | null): Promise<StoredDisclosure[]> {
    const records = await this.executor.read(RECEIVED, { ...scopeParams(scope), kind }, scope.context);
    return records.map(disclosureOf);
  }

  /** The viewer's own disclosures at the scope's instant (withdrawn ones too when asked). */
  async given(scope: ViewerScope, filter: GivenFilter): Promise<StoredDisclosure[]> {
    const records = await this.executor.read(GIVEN, { ...scopeParams(scope), ...filter }, scope.context);
    return records.map(disclosureOf);
  }

  /**
   * Who is shown each of the viewer's own disclosures `ids` at the scope's instant, by its own
   * records (SHARED_WITH), keyed by disclosure id: none for one that no active share covers then, that
   * does not exist then, or that is not the viewer's.
   */
  async sharedWith(scope: ViewerScope, ids: readonly string[]): Promise<Map<string, DisclosureAudience[]>> {
    const records = await this.executor.read(SHARED_WITH, { ...scopeParams(scope), ids }, scope.context);
    return new Map(
      records.map((r) => [column(r, 'key', text), column(r, 'audience', list(AUDIENCE.decode))]),
    );
  }

  /** Versions 1..version of each key's disclosure, newest first, in key order. */
  async history(
    keys: readonly { id: string; version: number }[],
    context: QueryContext,
  ): Promise<StoredVersion[][]> {
    const params = { keys: keys.map(({ id, version }) => ({ id, version })) };
    const records = await this.executor.read(HISTORY, params, context);
    const found = new Map(
      records.map((r) => [column(r, 'i', integer), column(r, 'versions', list(VERSION.decode))]),
    );
    return keys.map((_, i) => found.get(i) ?? []);
  }

  /**
   * Creates the disclosure and its first version; null when the subject is not allowed (nothing
   * written). With `claim`, once per idempotency key (createOnce).
   */
  async publish(
    disclosure: NewDisclosure,
    context: QueryContext,
    claim: IdempotencyClaim | null = null,
  ): Promise<StoredDisclosure | null> {
    const owner = ownerParams(disclosure.ownerId, disclosure.now);
    const params = {
      ...owner,
      id: disclosure.id,
      subjectId: disclosure.subjectId,
      kind: disclosure.kind,
      actorUserId: disclosure.actorUserId,
      ...contentParams(disclosure.content),
    };
    return createOnce<StoredDisclosure, null>(this.executor, PUBLISH.name, context, claim, {
      create: async (tx) => {
        const record = viewerRow(await tx.run(PUBLISH, params), PUBLISH);
        return column(record, 'subjectAllowed', bool) ? disclosureOf(record) : null;
      },
      created: (outcome) => (outcome === null ? null : [outcome.id]),
      replay: async (tx, [id]) => {
        const [found] = await tx.run(UNCHANGED, { ...owner, id });
        return found ? disclosureOf(found) : null;
      },
    });
  }

  /**
   * Locks one of the owner's disclosures, lets `change` decide the next version's content from the
   * current one (or throw, which writes nothing), and records it unless it says what the current one
   * says (sameContent). Null when the owner has no disclosure with that id.
   */
  revise(
    target: { id: string; ownerId: string; now: Date; actorUserId: string },
    change: (locked: LockedDisclosure) => DisclosureContent,
    context: QueryContext,
  ): Promise<StoredDisclosure | null> {
    return this.executor.writeTransaction('disclosure.revise', context, async (tx: Transaction) => {
      const locked = await lock(tx, target);
      if (locked === null) return null;
      const { current } = locked;
      const content = change(locked);
      // Stamped once the lock is held: a revision that locked second never records its version
      // before the one it follows.
      const owner = {
        ...ownerParams(target.ownerId, lockedInstant(target.now, current.recordedAt)),
        id: target.id,
      };
      if (sameContent(content, current))
        return disclosureOf(single(await tx.run(UNCHANGED, owner), UNCHANGED));
      const records = await tx.run(NEW_VERSION, {
        ...owner,
        actorUserId: target.actorUserId,
        ...contentParams(content),
      });
      return disclosureOf(single(records, NEW_VERSION));
    });
  }

  /**
   * Sets withdrawnAt, and withdrawnBy to the acting user, unless it is set; null when the owner has no
   * disclosure with that id. Stamped once the lock is held, as a revision is: a withdrawal that waited
   * for a revision in flight is recorded after the version that revision wrote, never before it.
   */
  withdraw(
    target: { id: string; ownerId: string; now: Date; actorUserId: string },
    context: QueryContext,
  ): Promise<StoredDisclosure | null> {
    return this.executor.writeTransaction(WITHDRAW.name, context, async (tx: Transaction) => {
      const locked = await lock(tx, target);
      if (locked === null) return null;
      const params = {
        ...ownerParams(target.ownerId, lockedInstant(target.now, locked.current.recordedAt)),
        id: target.id,
        actorUserId: target.actorUserId,
      };
      return disclosureOf(single(await tx.run(WITHDRAW, params), WITHDRAW));
    });
  }

  /**
   * Erases the texts of one version (REDACT) once `check` (which may throw, writing nothing) has seen
   * the disclosure locked; null when the owner has no disclosure with that id.
   */
  redact(
    target: { id: string; ownerId: string; now: Date; actorUserId: string; version: number },
    check: (locked: LockedDisclosure) => void,
    context: QueryContext,
  ): Promise<StoredDisclosure | null> {
    return this.executor.writeTransaction(REDACT.name, context, async (tx: Transaction) => {
      const locked = await lock(tx, target);
      if (locked === null) return null;
      check(locked);
      const params = {
        ...ownerParams(target.ownerId, lockedInstant(target.now, locked.current.recordedAt)),
        id: target.id,
        version: target.version,
        actorUserId: target.actorUserId,
        texts: REDACTED_TEXTS,
        actionTexts: REDACTED_ACTION_TEXTS,
      };
      const redacted = disclosureOf(single(await tx.run(REDACT, params), REDACT));
      // Version 1 is what publishDisclosure sent: its idempotency key hashes those texts.
      if (target.version === 1)
        await tx.run(FORGET_REQUEST_TEXTS, { mutation: 'publishDisclosure', ids: [target.id] });
      return redacted;
    });
  }

  private async keyed(
    query: Statement,
    scope: ViewerScope,
    kind: DisclosureKind | null,
    ids: readonly string[],
  ): Promise<Map<string, StoredDisclosure[]>> {
    const records = await this.executor.read(query, { ...scopeParams(scope), kind, ids }, scope.context);
    const byKey = new Map<string, StoredDisclosure[]>();
    for (const record of records) {
      const key = column(record, 'key', text);
      byKey.set(key, [...(byKey.get(key) ?? []), disclosureOf(record)]);
    }
    return byKey;
  }
}
