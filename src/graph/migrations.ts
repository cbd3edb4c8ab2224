// Schema set-up, run at every start-up. Each migration is a list of statements that are safe to run
// again (IF NOT EXISTS); applied ids are recorded in the graph so a later migration that moves data
// runs once. Schema and data cannot share a transaction in Neo4j, hence one transaction per statement.
import { Neo4jError, type Record as Neo4jRecord } from 'neo4j-driver';
import { directoryTerms } from '../domain/directory-terms.ts';
import { storedProducts } from '../domain/products.ts';
import { DECLARED_SUPPLIER_SOURCE } from '../domain/sourcing.ts';
import { cypher, statement, type Fragment, type Statement } from './cypher.ts';
import { bool, column, integer, list, nullable, single, text } from './decode.ts';
import type { Executor } from './executor.ts';
import { toNeo4jDateTime } from './mappers.ts';

interface Migration {
  id: string;
  /** Schema statements, safe to run again (IF NOT EXISTS): run at every start. */
  statements: Statement[];
  /**
   * Data changes, run until the migration is recorded. Each walks its records in id order, a batch per
   * transaction so that millions of records never make one huge transaction: it gets $after (the last
   * id done, '' at first) and $now (one instant for the whole migration) and returns `last`, the last
   * id of its batch (null once there is none).
   */
  backfills?: Backfill[];
}

/**
 * A backfill whose values are computed in TypeScript: `read` locks and returns one batch of records
 * after $after, in id order, with an `id` column (the batch's last one is where the next starts;
 * `compute` may leave some out); `compute` makes the $rows that `write` stores. Both
 * run in one transaction, so a change committed meanwhile (a listing, an import) is never overwritten
 * by what was computed from the record before it.
 */
interface ComputedBackfill {
  read: Statement;
  compute: (records: readonly Neo4jRecord[]) => Record<string, unknown>[];
  write: Statement;
}

type Backfill = Statement | ComputedBackfill;

/**
 * A backfill that gives `label` to every organization `x` that `holds` (a pattern) describes, ten
 * thousand organizations a transaction (runBackfill pages through them by id).
 */
const labelSubjects = (name: string, holds: Fragment, label: Fragment): Statement =>
  statement(
    name,
    cypher`MATCH (x:Organization) WHERE x.id > $after
         WITH x ORDER BY x.id LIMIT 10000
         CALL (x) {
           WITH x WHERE EXISTS { `,
    holds,
    cypher` }
           SET x:`,
    label,
    cypher`
         }
         RETURN max(x.id) AS last`,
  );

/**
 * A backfill that gives a random `key` to each event without one of the records `owner` matches (as
 * `o`, by id), through `events` (a pattern from `o` to `e`): a thousand owners a transaction, paged by
 * their indexed ids, so that each event is read once (migration 021).
 */
const ownedEventKeys = (name: string, owner: Fragment, events: Fragment): Statement =>
  statement(
    name,
    cypher`MATCH (o:`,
    owner,
    cypher`) WHERE o.id > $after
         WITH o ORDER BY o.id LIMIT 1000
         CALL (o) {
           MATCH `,
    events,
    cypher` WHERE e.key IS NULL
           SET e.key = randomUUID()
         }
         RETURN max(o.id) AS last`,
  );

/**
 * A backfill that gives each event labelled `label` without a `key` a random one, ten thousand a
 * transaction, for events that no owner holds (migration 021, after `ownedEventKeys`). Each batch
 * scans the label (no index finds a property missing): once in all when the owners' pass left none.
 */
const eventKeys = (name: string, label: Fragment): Statement =>
  statement(
    name,
    cypher`MATCH (e:`,
    label,
    cypher`) WHERE e.key IS NULL
         WITH e LIMIT 10000
         SET e.key = randomUUID()
         RETURN CASE WHEN count(e) > 0 THEN 'more' END AS last`,
  );

/**
 * A backfill that stores the product lists `read` returns (`id`, `version` for a disclosure's, and
 * `products`, in id order) as the API stores them now (src/domain/products.ts), migration 022. Only
 * lists that change are written, and only if still what was read: one an import or an older replica
 * wrote meanwhile is left as it is, so no batch takes a lock on records it leaves alone.
 */
const productLists = (name: string, read: Fragment, write: Fragment): ComputedBackfill => ({
  read: statement(`migration.${name}ProductsRead`, read),
  compute: (records) =>
    records.flatMap((record) => {
      const before = column(record, 'products', nullable(list(text)));
      if (before === null) return [];
      const products = storedProducts(before);
      const same = products.length === before.length && products.every((p, i) => p === before[i]);
      if (same) return [];
      const version = record.has('version') ? column(record, 'version', integer) : null;
      return [{ id: column(record, 'id', text), version, before, products }];
    }),
  write: statement(
    `migration.${name}ProductsWrite`,
    cypher`UNWIND $rows AS row
         `,
    write,
    cypher` WHERE x.products = row.before
         SET x.products = row.products`,
  ),
});

export const MIGRATIONS: Migration[] = [
  {
    id: '001-identity-constraints',
    statements: [
      statement(
        'constraint.organizationId',
        cypher`CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE`,
      ),
      // Relationship uniqueness needs Neo4j 5.7+; it also gives the index that upsert-by-id relies on.
      statement(
        'constraint.linkId',
        cypher`CREATE CONSTRAINT supplies_id IF NOT EXISTS FOR ()-[l:SUPPLIES]-() REQUIRE l.id IS UNIQUE`,
      ),
      statement(
        'constraint.shareId',
        cypher`CREATE CONSTRAINT share_id IF NOT EXISTS FOR (s:Share) REQUIRE s.id IS UNIQUE`,
      ),
      statement(
        'constraint.riskId',
        cypher`CREATE CONSTRAINT risk_indicator_id IF NOT EXISTS FOR (r:RiskIndicator) REQUIRE r.id IS UNIQUE`,
      ),
      statement(
        'constraint.migrationId',
        cypher`CREATE CONSTRAINT tiersight_migration_id IF NOT EXISTS FOR (m:TiersightMigration) REQUIRE m.id IS UNIQUE`,
      ),
    ],
  },
  {
    id: '002-lookup-indexes',
    statements: [
      statement(
        'index.organizationType',
        cypher`CREATE INDEX organization_type IF NOT EXISTS FOR (o:Organization) ON (o.type)`,
      ),
      statement(
        'index.organizationCountry',
        cypher`CREATE INDEX organization_country IF NOT EXISTS FOR (o:Organization) ON (o.country)`,
      ),
      statement(
        'index.organizationName',
        cypher`CREATE TEXT INDEX organization_name IF NOT EXISTS FOR (o:Organization) ON (o.name)`,
      ),
    ],
  },
  {
    // Transaction time (recordedAt) on links and risk indicators. Records stored before it existed were
    // recorded at some unknown time before now: the migration's instant is the one bound that is true.
    id: '003-recorded-at',
    statements: [],
    backfills: [
      statement(
        'migration.linkRecordedAt',
        cypher`MATCH ()-[l:SUPPLIES]->() WHERE l.id > $after
         WITH l ORDER BY l.id LIMIT 10000
         SET l.recordedAt = coalesce(l.recordedAt, $now)
         RETURN max(l.id) AS last`,
      ),
      statement(
        'migration.riskRecordedAt',
        cypher`MATCH (r:RiskIndicator) WHERE r.id > $after
         WITH r ORDER BY r.id LIMIT 10000
         SET r.recordedAt = coalesce(r.recordedAt, $now)
         RETURN max(r.id) AS last`,
      ),
    ],
  },
  {
    id: '004-import-runs',
    statements: [
      statement(
        'constraint.importRunId',
        cypher`CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE`,
      ),
    ],
  },
  {
    // Disclosures and access requests (specification, rule 8 and section 8). Shares gained a scope:
    // every share stored before disclosed sourcing, which VIEWER_GRANTS only counts as links with scope
    // SOURCING.
    id: '005-disclosures',
    statements: [
      statement(
        'constraint.disclosureId',
        cypher`CREATE CONSTRAINT disclosure_id IF NOT EXISTS FOR (d:Disclosure) REQUIRE d.id IS UNIQUE`,
      ),
      statement(
        'constraint.accessRequestId',
        cypher`CREATE CONSTRAINT access_request_id IF NOT EXISTS FOR (r:AccessRequest) REQUIRE r.id IS UNIQUE`,
      ),
    ],
    backfills: [
      statement(
        'migration.shareScope',
        cypher`MATCH (s:Share) WHERE s.id > $after
         WITH s ORDER BY s.id LIMIT 10000
         SET s.scope = coalesce(s.scope, 'SOURCING')
         RETURN max(s.id) AS last`,
      ),
    ],
  },
  {
    // The directory of listed organizations by id: an unlisted organization is not in it at all, so
    // asking it for an unlisted id does what asking it for a missing one does (visibility rule 6).
    id: '006-directory-index',
    statements: [
      statement(
        'index.organizationListedId',
        cypher`CREATE INDEX organization_listed_id IF NOT EXISTS FOR (o:Organization) ON (o.listed, o.id)`,
      ),
    ],
  },
  {
    // Sourcing kept by its parties (specification, section 9): a declared new supplier whose osId is a
    // listed organization's is refused, naming it; the index holds listed and unlisted records apart,
    // so a match with an unlisted one is never made and costs what no match costs.
    id: '007-sourcing',
    statements: [
      statement(
        'index.organizationListedOsId',
        cypher`CREATE INDEX organization_listed_os_id IF NOT EXISTS FOR (o:Organization) ON (o.listed, o.osId)`,
      ),
    ],
  },
  {
    // Merged organizations (issue 13): the record an old id resolves through, one index seek per id
    // asked whether or not it was merged; `into` is rewritten when the kept organization is merged in
    // its turn, found through its own index.
    id: '008-merged-organizations',
    statements: [
      statement(
        'constraint.mergedOrganizationId',
        cypher`CREATE CONSTRAINT merged_organization_id IF NOT EXISTS FOR (m:MergedOrganization) REQUIRE m.id IS UNIQUE`,
      ),
      statement(
        'index.mergedOrganizationInto',
        cypher`CREATE INDEX merged_organization_into IF NOT EXISTS FOR (m:MergedOrganization) ON (m.into)`,
      ),
    ],
  },
  {
    // Watch-list screening (issue 14): candidate matches kept for review, found by id and listed by
    // status; indicators and candidates of one list found by source when its entries are delisted.
    id: '009-screening-review',
    statements: [
      statement(
        'constraint.screeningCandidateId',
        cypher`CREATE CONSTRAINT screening_candidate_id IF NOT EXISTS FOR (c:ScreeningCandidate) REQUIRE c.id IS UNIQUE`,
      ),
      statement(
        'index.screeningCandidateStatus',
        cypher`CREATE INDEX screening_candidate_status IF NOT EXISTS FOR (c:ScreeningCandidate) ON (c.status, c.score)`,
      ),
      statement(
        'index.screeningCandidateSource',
        cypher`CREATE INDEX screening_candidate_source IF NOT EXISTS FOR (c:ScreeningCandidate) ON (c.source)`,
      ),
      statement(
        'index.riskIndicatorSource',
        cypher`CREATE INDEX risk_indicator_source IF NOT EXISTS FOR (r:RiskIndicator) ON (r.source)`,
      ),
    ],
  },
  {
    // `tiersight import-facilities` finds the organization an Open Supply Hub row updates by its os_id,
    // listed or not (docs/open-supply-hub.md); organization_listed_os_id needs the listing first.
    id: '011-os-id-index',
    statements: [
      statement(
        'index.organizationOsId',
        cypher`CREATE INDEX organization_os_id IF NOT EXISTS FOR (o:Organization) ON (o.osId)`,
      ),
    ],
  },
  {
    // The label DisclosureSubject marks exactly the organizations some disclosure is ABOUT (withdrawn
    // ones too: asOf may show them), so that reading the disclosures of a chain's organizations skips
    // the nine in ten that have none without reading their relationships (docs/data-model.md).
    id: '012-disclosure-subjects',
    statements: [
      statement(
        'index.disclosureSubjectId',
        cypher`CREATE INDEX disclosure_subject_id IF NOT EXISTS FOR (x:DisclosureSubject) ON (x.id)`,
      ),
    ],
    backfills: [
      labelSubjects(
        'migration.disclosureSubjects',
        cypher`(x)<-[:ABOUT]-(:Disclosure)`,
        cypher`DisclosureSubject`,
      ),
    ],
  },
  {
    // A link's audit trail by the link's id: the export reads it with each link record and the import
    // replaces it (src/export, src/import), and the sourcing trail filtered by link reads it.
    id: '013-supply-link-event-link',
    statements: [
      statement(
        'index.supplyLinkEventLink',
        cypher`CREATE INDEX supply_link_event_link IF NOT EXISTS FOR (e:SupplyLinkEvent) ON (e.linkId)`,
      ),
    ],
  },
  {
    // The label RiskSubject marks exactly the organizations that have a public risk indicator (delisted
    // ones too: asOf may show them), so that reading the indicators of a chain's organizations skips
    // the many that have none without reading their relationships (docs/data-model.md).
    id: '014-risk-subjects',
    statements: [
      statement(
        'index.riskSubjectId',
        cypher`CREATE INDEX risk_subject_id IF NOT EXISTS FOR (x:RiskSubject) ON (x.id)`,
      ),
    ],
    backfills: [
      labelSubjects('migration.riskSubjects', cypher`(x)-[:HAS_RISK]->(:RiskIndicator)`, cypher`RiskSubject`),
    ],
  },
  {
    // Idempotency keys of the creating mutations (src/graph/idempotency-repository.ts): the constraint
    // is what serializes two calls with one key, on every replica (MERGE holds its index entry until
    // the first commits); the index finds an organization's expired keys to delete them.
    id: '015-idempotency-keys',
    statements: [
      statement(
        'constraint.idempotencyKey',
        cypher`CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE (k.organizationId, k.mutation, k.key) IS UNIQUE`,
      ),
      statement(
        'index.idempotencyKeyExpiry',
        cypher`CREATE INDEX idempotency_key_expiry IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.organizationId, k.expiresAt)`,
      ),
    ],
  },
  {
    // Named locks (src/graph/write-locks.ts): the constraint makes the MERGE that creates one
    // safe when two transactions take it first at once.
    id: '016-locks',
    statements: [
      statement(
        'constraint.tiersightLockId',
        cypher`CREATE CONSTRAINT tiersight_lock_id IF NOT EXISTS FOR (k:TiersightLock) REQUIRE k.id IS UNIQUE`,
      ),
    ],
  },
  {
    // The directory's terms (src/domain/directory-terms.ts) came to hold a name's words split
    // (O-Film -> o, film; DanWatch -> dan, watch) and joined (Electronics Watch -> electronicswatch).
    // A card keeps the terms computed when it was listed: every listed one is computed again. A later
    // change to what directoryTerms computes needs a migration of its own, like this one.
    id: '017-directory-terms-split-and-joined',
    statements: [],
    backfills: [
      {
        read: statement(
          'migration.directoryTermsRead',
          // Every organization, listed or not, is walked in id order: the unique id index hands a
          // batch over in that order, where (listed, id) gave every listed card after $after to sort
          // for each batch (a store's listed cards read n / 2,000 times over). Only listed ones are
          // locked, and `listed` is read after the lock.
          cypher`MATCH (o:Organization) WHERE o.id > $after
         WITH o ORDER BY o.id LIMIT 1000
         CALL (o) {
           WITH o WHERE o.listed = true
           SET o._lock = true REMOVE o._lock
         }
         RETURN o.id AS id, coalesce(o.listed, false) AS listed, o.name AS name, o.aliases AS aliases, o.city AS city,
           o.osId AS osId
         ORDER BY id`,
        ),
        compute: (records) =>
          records
            .filter((record) => column(record, 'listed', bool))
            .map((record) => ({
              id: column(record, 'id', text),
              terms: directoryTerms({
                name: column(record, 'name', text),
                aliases: column(record, 'aliases', nullable(list(text))),
                city: column(record, 'city', nullable(text)),
                osId: column(record, 'osId', nullable(text)),
              }),
            })),
        write: statement(
          'migration.directoryTermsWrite',
          // The batch was chosen before its locks were taken: a card unlisted by a write that
          // committed while this one waited (unlisting removes its terms) is left without them.
          cypher`UNWIND $rows AS row
         MATCH (o:Organization {id: row.id}) WHERE o.listed = true
         SET o.directoryTerms = row.terms`,
        ),
      },
    ],
  },
  {
    // Version numbers are integers, as the API writes them; the import wrote the numbers of the
    // versions it brought as floats (a JavaScript number reaches Neo4j as one), so an imported
    // disclosure read 'version 2.0' wherever a statement turned the number into text.
    id: '018-disclosure-versions-integers',
    statements: [],
    backfills: [
      statement(
        'migration.disclosureVersionIntegers',
        cypher`MATCH (d:Disclosure) WHERE d.id > $after
         WITH d ORDER BY d.id LIMIT 10000
         CALL (d) {
           WITH d WHERE d.version IS :: FLOAT
           SET d.version = toInteger(d.version)
         }
         CALL (d) {
           MATCH (d)-[:VERSION]->(dv:DisclosureVersion) WHERE dv.version IS :: FLOAT
           SET dv.version = toInteger(dv.version)
         }
         RETURN max(d.id) AS last`,
      ),
    ],
  },
  {
    // The AMENDED event that names a link as its successor, by that link's id: a link's amendment or
    // end is stamped after its latest event (sourcing.lockOwnLink), which the linkId index and this one
    // find without reading the rest of its customer's trail (5 db hits per event of the trail).
    id: '019-supply-link-event-successor',
    statements: [
      statement(
        'index.supplyLinkEventSuccessor',
        cypher`CREATE INDEX supply_link_event_successor IF NOT EXISTS FOR (e:SupplyLinkEvent) ON (e.successorId)`,
      ),
    ],
  },
  {
    // A supplier declared as new cited "declared by <customer id>", which named the customer to whoever
    // else came to see the record whole (its other customers after a merge, anyone once it was listed):
    // who else buys there. It now cites DECLARED_SUPPLIER_SOURCE, and so does every record a
    // declaration created: the supplier of a link whose DECLARED event says it created its supplier
    // (the kept organization, if a merge moved the link). Only the declaration's own citation changes,
    // as its link still states it ("declared by <customer id>", or by the customer whose trail holds
    // the event): a record's sources may have been edited since (an import restating it), and another
    // citation that happens to begin "declared by" is the source someone gave, kept as it is.
    id: '020-declared-supplier-sources',
    statements: [],
    backfills: [
      {
        read: statement(
          'migration.declaredSupplierSourcesRead',
          // The declarations that created their supplier, in link id order by the linkId index: a
          // link has one DECLARED event, and declarations are few beside organizations (a walk of
          // every organization read every link's events). The supplier is locked, its sources read
          // after the lock.
          cypher`MATCH (e:SupplyLinkEvent) WHERE e.linkId > $after AND e.supplierCreated = true
         WITH e ORDER BY e.linkId LIMIT 1000
         OPTIONAL MATCH (o:Organization)-[l:SUPPLIES {id: e.linkId}]->()
         OPTIONAL MATCH (c:Organization)-[:SOURCING_EVENT]->(e)
         CALL (o) {
           WITH o WHERE o IS NOT NULL
           SET o._lock = true REMOVE o._lock
         }
         RETURN e.linkId AS id, o.id AS organizationId, coalesce(o.sources, []) AS sources,
                [s IN coalesce(l.sources, []) WHERE s STARTS WITH 'declared by '] +
                  CASE WHEN c IS NULL THEN [] ELSE ['declared by ' + c.id] END AS citations
         ORDER BY id`,
        ),
        compute: (records) => {
          // Two declarations can have created records merged since into one: its rows are one.
          const byOrganization = new Map<string, { sources: string[]; citations: Set<string> }>();
          for (const record of records) {
            const organizationId = column(record, 'organizationId', nullable(text));
            if (organizationId === null) continue;
            const found = byOrganization.get(organizationId) ?? {
              sources: column(record, 'sources', list(text)),
              citations: new Set<string>(),
            };
            for (const citation of column(record, 'citations', list(text))) found.citations.add(citation);
            byOrganization.set(organizationId, found);
          }
          return [...byOrganization].flatMap(([id, { sources, citations }]) => {
            const cited = sources.map((s) => (citations.has(s) ? DECLARED_SUPPLIER_SOURCE : s));
            return cited.some((s, i) => s !== sources[i]) ? [{ id, sources: [...new Set(cited)] }] : [];
          });
        },
        write: statement(
          'migration.declaredSupplierSourcesWrite',
          cypher`UNWIND $rows AS row
         MATCH (o:Organization {id: row.id})
         SET o.sources = row.sources`,
        ),
      },
    ],
  },
  {
    // Audit trails page by a tie-break key that a cursor carries. It was the event's elementId, which
    // counts the store's records: a client paging its own trail read how many records everybody else
    // wrote in between. Events now get a random `key` where they are created; this gives one to each
    // earlier event, paged by the share or customer that holds it (events have no id to page by), then
    // to any event that nothing holds.
    id: '021-event-keys',
    statements: [],
    backfills: [
      ownedEventKeys('migration.shareEventKeysByShare', cypher`Share`, cypher`(e:ShareEvent)-[:OF]->(o)`),
      ownedEventKeys(
        'migration.supplyLinkEventKeysByCustomer',
        cypher`Organization`,
        cypher`(o)-[:SOURCING_EVENT]->(e:SupplyLinkEvent)`,
      ),
      eventKeys('migration.shareEventKeys', cypher`ShareEvent`),
      eventKeys('migration.supplyLinkEventKeys', cypher`SupplyLinkEvent`),
    ],
  },
  {
    // Product names are stored trimmed and composed (NFC) wherever they come from, the import too
    // (src/domain/products.ts), because a product filter compares them as stored: a name an import
    // wrote decomposed, or with spaces around it, was found by no filter a client could type.
    id: '022-products-composed',
    statements: [],
    backfills: [
      productLists(
        'link',
        cypher`MATCH ()-[l:SUPPLIES]->() WHERE l.id > $after
         WITH l ORDER BY l.id LIMIT 10000
         RETURN l.id AS id, l.products AS products`,
        cypher`MATCH ()-[x:SUPPLIES {id: row.id}]->()`,
      ),
      productLists(
        'disclosureVersion',
        // A disclosure's versions come in its batch, all of them: the batch ends with its last id (a
        // disclosure without any version still ends it, so that no batch reads as the last).
        cypher`MATCH (d:Disclosure) WHERE d.id > $after
         WITH d ORDER BY d.id LIMIT 1000
         OPTIONAL MATCH (d)-[:VERSION]->(dv:DisclosureVersion)
         RETURN d.id AS id, dv.version AS version, dv.products AS products
         ORDER BY id, version`,
        cypher`MATCH (:Disclosure {id: row.id})-[:VERSION]->(x:DisclosureVersion {version: row.version})`,
      ),
      productLists(
        'accessRequest',
        cypher`MATCH (r:AccessRequest) WHERE r.id > $after
         WITH r ORDER BY r.id LIMIT 10000
         RETURN r.id AS id, r.products AS products`,
        cypher`MATCH (x:AccessRequest {id: row.id})`,
      ),
    ],
  },
];

const appliedMigrations = statement(
  'migration.applied',
  cypher`MATCH (m:TiersightMigration) RETURN m.id AS id`,
);
const recordMigration = statement(
  'migration.record',
  cypher`MERGE (m:TiersightMigration {id: $id}) ON CREATE SET m.appliedAt = datetime()`,
);
const awaitIndexes = statement('migration.awaitIndexes', cypher`CALL db.awaitIndexes(300)`);

/**
 * Replicas that start together run the same IF NOT EXISTS statement at once; Neo4j then refuses all
 * but one with EquivalentSchemaRuleAlreadyExists, which only says that the rule is there.
 */
async function applySchema(executor: Executor, statement: Statement): Promise<void> {
  try {
    await executor.write(statement, {});
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    if (!(
      cause instanceof Neo4jError && cause.code === 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists'
    ))
      throw error;
  }
}

/** The ids of the migrations the store has a record of. */
async function appliedIds(executor: Executor): Promise<Set<string>> {
  return new Set((await executor.read(appliedMigrations, {})).map((r) => column(r, 'id', text)));
}

/**
 * Brings the schema up to date and waits until every index is online. Answers the ids of the
 * migrations the store had no record of, whose data changes this call ran: an operator who deleted a
 * record to run one again (data-model.md, 020) can see that it ran.
 */
export async function migrate(executor: Executor): Promise<string[]> {
  const now = toNeo4jDateTime(new Date());
  const applied = await appliedIds(executor);
  const ran: string[] = [];
  for (const migration of MIGRATIONS) {
    for (const statement of migration.statements) await applySchema(executor, statement);
    if (!applied.has(migration.id)) {
      for (const backfill of migration.backfills ?? []) await runBackfill(executor, backfill, now);
      ran.push(migration.id);
    }
    await executor.write(recordMigration, { id: migration.id });
  }
  await executor.read(awaitIndexes, {});
  return ran;
}

/**
 * The migrations of this version that the store has no record of, in order, without applying any:
 * for commands that only read (export, user-activity), which must not change a store that servers of
 * another version are running on.
 */
export async function missingMigrations(executor: Executor): Promise<string[]> {
  const applied = await appliedIds(executor);
  return MIGRATIONS.map((migration) => migration.id).filter((id) => !applied.has(id));
}

async function runBackfill(
  executor: Executor,
  backfill: Backfill,
  now: ReturnType<typeof toNeo4jDateTime>,
): Promise<void> {
  for (let after: string | null = ''; after !== null;) {
    if ('compute' in backfill) after = await runComputedBatch(executor, backfill, after);
    else {
      const records = await executor.write(backfill, { after, now });
      after = column(single(records, backfill), 'last', nullable(text));
    }
  }
}

/** One batch of a computed backfill; the last id it read, or null when there was none. */
function runComputedBatch(
  executor: Executor,
  backfill: ComputedBackfill,
  after: string,
): Promise<string | null> {
  return executor.writeTransaction(backfill.read.name, {}, async (tx) => {
    const records = await tx.run(backfill.read, { after });
    const last = records.at(-1);
    if (last === undefined) return null;
    await tx.run(backfill.write, { rows: backfill.compute(records) });
    return column(last, 'id', text);
  });
}
