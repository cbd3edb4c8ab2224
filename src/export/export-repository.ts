// Reads the whole graph back as tiersight/v1 records, one page at a time: each section is walked in
// id order by keyset pagination over its unique id index (`WHERE id > $after ORDER BY id LIMIT $n`),
// so a page costs the same at the millionth record as at the first and memory holds one page.
// Each section is one projection in the shape of the format (temporal values as their ISO 8601 text,
// offsets and fractions kept), decoded by the importer's own record rules: a property the importer
// learns to read is exported by adding it to the projection, and anything export writes, import reads.
import type { BulkRecord } from '../domain/format.ts';
import type { Section } from '../import/read-records.ts';
import { checkRecord } from '../import/validate.ts';
import type { Column } from '../graph/columns.ts';
import { cypher, join, statement, type Fragment } from '../graph/cypher.ts';
import { column, single, integer } from '../graph/decode.ts';
import type { Executor } from '../graph/executor.ts';
import neo4j from 'neo4j-driver';

type ExportRecord = BulkRecord;

/**
 * A section's record, projected in the format's shape (or one that `reshape` brings to it) and decoded
 * by the importer's record rules.
 */
const recordColumn = (
  section: Section,
  projection: Fragment,
  reshape: (value: unknown) => unknown = (value) => value,
): Column<ExportRecord> => ({
  projection,
  decode: (projected) => {
    const value = reshape(projected);
    const { checked, problems } = checkRecord(section, value);
    if (checked === null) {
      throw new UnexportableRecordError(
        `${section} record ${JSON.stringify(idOf(value))} cannot be written as tiersight/v1: ${problems.join('; ')}`,
      );
    }
    return checked.record;
  },
});

const ORGANIZATION_RECORD = recordColumn(
  'organizations',
  cypher`{.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .aliases,
               .listed, listedAt: toString(o.listedAt), .provenance, .sources, .address, .sectors, .productTypes, .facilityTypes,
               .processingTypes, .parentCompanies, .numberOfWorkers, .closed}`,
);

/**
 * A link's trail as stored (terms as JSON text) to the format's shape; a link without one leaves
 * `events` out, so that a restore leaves it without one and the file stays the size it was.
 */
const linkTrail = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const { events, ...link } = value as Record<string, unknown>;
  if (!Array.isArray(events) || events.length === 0) return link;
  const parsed = (json: unknown) => (typeof json === 'string' ? (JSON.parse(json) as unknown) : json);
  return {
    ...link,
    events: events.map((event: unknown) => {
      if (typeof event !== 'object' || event === null) return event;
      const { before, after, ...rest } = event as Record<string, unknown>;
      return { ...rest, before: parsed(before), after: parsed(after) };
    }),
  };
};

/** Of `l`. */
const LINK_RECORD = recordColumn(
  'links',
  cypher`{.id, supplier: startNode(l).id, customer: endNode(l).id, .products,
               validFrom: toString(l.validFrom), validTo: toString(l.validTo),
               recordedAt: toString(l.recordedAt), .provenance, .sources, .supersededBy,
               events: COLLECT {
                 MATCH (e:SupplyLinkEvent {linkId: l.id})
                 WITH e ORDER BY e.at, e.action
                 RETURN e {.action, at: toString(e.at), .actorUserId, .actorOrganizationId, .successorId,
                           .supplierCreated, .before, .after}
               }}`,
  linkTrail,
);

/** Of share `s`, granted by `owner` to `recipient`. */
const SHARE_RECORD = recordColumn(
  'shares',
  cypher`{.id, owner: owner.id, recipient: recipient.id, .scope, .linkIds, .disclosureIds, expiresAt: toString(s.expiresAt),
               revokedAt: toString(s.revokedAt), createdAt: toString(s.createdAt),
               events: COLLECT {
                 MATCH (e:ShareEvent)-[:OF]->(s)
                 WITH e ORDER BY e.at, e.action
                 RETURN e {.action, at: toString(e.at), .actorUserId, .actorOrganizationId}
               }}`,
);

/** Of indicator `r`, held by `o`. */
const RISK_RECORD = recordColumn(
  'risks',
  cypher`{.id, organization: o.id, .kind, .source, .severity, .topics, .description, .evidenceUrl,
               observedAt: toString(r.observedAt), recordedAt: toString(r.recordedAt),
               .listEntryId, delistedAt: toString(r.delistedAt),
               recordedBy: head(COLLECT { MATCH (monitor:Organization)-[:RECORDED]->(r) RETURN monitor.id }),
               .recordedByUserId, withdrawnAt: toString(r.withdrawnAt), .withdrawnByUserId,
               redactedAt: toString(r.redactedAt), .redactedByUserId}`,
);

/** Of request `r`, sent by `requester` to `target`. */
const ACCESS_REQUEST_RECORD = recordColumn(
  'accessRequests',
  cypher`{.id, requester: requester.id, target: target.id, .scope, .products, .message,
               sentAt: toString(r.sentAt), dueAt: toString(r.dueAt), .extended, .status,
               closedAt: toString(r.closedAt), .reason,
               shareIds: CASE WHEN r.status = 'GRANTED'
                 THEN COLLECT { MATCH (r)-[:RESULTED_IN]->(s:Share) RETURN s.id ORDER BY s.id } END,
               events: COLLECT {
                 MATCH (e:AccessRequestEvent)-[:OF]->(r)
                 WITH e ORDER BY e.at, e.action
                 RETURN e {.action, at: toString(e.at), .actorUserId, .actorOrganizationId, .note,
                           previousDueAt: toString(e.previousDueAt), dueAt: toString(e.dueAt)}
               }}`,
);

/** Of version `dv`: its content, when and by whom it was recorded, its actions in order. */
const VERSION_RECORD = cypher`dv {.title, .summary, .issuer, .standard, .products, issuedAt: toString(dv.issuedAt),
               validUntil: toString(dv.validUntil), .documentUrl, .documentSha256,
               recordedAt: toString(dv.recordedAt), .actorUserId, redactedAt: toString(dv.redactedAt), .redactedBy,
               actions: COLLECT {
                 MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction)
                 WITH a ORDER BY a.position
                 RETURN a {.id, .finding, .severity, .action, dueAt: toString(a.dueAt), .status, .verification,
                           closedAt: toString(a.closedAt)}
               }}`;

/** A disclosure's record: the current version at the top level, the earlier ones as its history. */
const flattenDisclosure = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const { disclosure, current, history } = value as Record<string, unknown>;
  const [version] = Array.isArray(current) ? current : [];
  const shown = typeof version === 'object' && version !== null ? version : {};
  return { ...shown, ...(typeof disclosure === 'object' ? disclosure : {}), history };
};

/** Of disclosure `d`, published by `owner` about `subject`. */
const DISCLOSURE_RECORD = recordColumn(
  'disclosures',
  join(
    cypher`{disclosure: d {.id, owner: owner.id, subject: subject.id, .kind, publishedAt: toString(d.publishedAt),
               withdrawnAt: toString(d.withdrawnAt), .withdrawnBy, .provenance, .sources},
             current: COLLECT { MATCH (d)-[:VERSION]->(dv:DisclosureVersion) WHERE dv.version = d.version RETURN `,
    VERSION_RECORD,
    cypher` },
             history: COLLECT {
               MATCH (d)-[:VERSION]->(dv:DisclosureVersion) WHERE dv.version < d.version
               WITH dv ORDER BY dv.version
               RETURN `,
    VERSION_RECORD,
    cypher`
             }}`,
  ),
  flattenDisclosure,
);

/** Of merge record `m`. */
const MERGE_RECORD = recordColumn(
  'merges',
  cypher`{.id, .into, .mergedInto, .name, mergedAt: toString(m.mergedAt), .actorUserId, .frozenShareIds}`,
);

/** Of candidate `c`, about `o`. */
const SCREENING_CANDIDATE_RECORD = recordColumn(
  'screeningCandidates',
  cypher`{.id, organization: o.id, .indicatorId, .source, .listEntryId, .severity, .topics, .description,
               .evidenceUrl, .entryName, .program, .matchedName, .matchedEntryName, .score, .explanation,
               observedAt: toString(c.observedAt), .status, createdAt: toString(c.createdAt),
               decidedAt: toString(c.decidedAt), .decidedByUserId, .decidedForOrganizationId, .note,
               delistedAt: toString(c.delistedAt)}`,
);

// The hints keep the planner on an index seek: on small or fresh statistics it may prefer a scan
// with a filter, which would make every page read the section from the start. Ends are OPTIONAL so
// that a record missing one fails the record rules loudly instead of vanishing from the backup.
const PAGES = {
  organizations: {
    column: ORGANIZATION_RECORD,
    statement: statement(
      'export.organizations',
      cypher`MATCH (o:Organization) USING INDEX SEEK o:Organization(id)
     WHERE o.id > $after
     WITH o ORDER BY o.id LIMIT $limit
     RETURN o `,
      ORGANIZATION_RECORD.projection,
      cypher` AS record`,
    ),
  },
  links: {
    column: LINK_RECORD,
    statement: statement(
      'export.links',
      cypher`MATCH ()-[l:SUPPLIES]->() USING INDEX SEEK l:SUPPLIES(id)
     WHERE l.id > $after
     WITH l ORDER BY l.id LIMIT $limit
     RETURN l `,
      LINK_RECORD.projection,
      cypher` AS record`,
    ),
  },
  shares: {
    column: SHARE_RECORD,
    statement: statement(
      'export.shares',
      cypher`MATCH (s:Share) USING INDEX SEEK s:Share(id)
     WHERE s.id > $after
     WITH s ORDER BY s.id LIMIT $limit
     OPTIONAL MATCH (owner:Organization)-[:GRANTED]->(s)
     OPTIONAL MATCH (s)-[:TO]->(recipient:Organization)
     RETURN s `,
      SHARE_RECORD.projection,
      cypher` AS record`,
    ),
  },
  risks: {
    column: RISK_RECORD,
    statement: statement(
      'export.risks',
      cypher`MATCH (r:RiskIndicator) USING INDEX SEEK r:RiskIndicator(id)
     WHERE r.id > $after
     WITH r ORDER BY r.id LIMIT $limit
     OPTIONAL MATCH (o:Organization)-[:HAS_RISK]->(r)
     RETURN r `,
      RISK_RECORD.projection,
      cypher` AS record`,
    ),
  },
  accessRequests: {
    column: ACCESS_REQUEST_RECORD,
    statement: statement(
      'export.accessRequests',
      cypher`MATCH (r:AccessRequest) USING INDEX SEEK r:AccessRequest(id)
     WHERE r.id > $after
     WITH r ORDER BY r.id LIMIT $limit
     OPTIONAL MATCH (requester:Organization)-[:REQUESTED]->(r)
     OPTIONAL MATCH (r)-[:OF]->(target:Organization)
     RETURN r `,
      ACCESS_REQUEST_RECORD.projection,
      cypher` AS record`,
    ),
  },
  disclosures: {
    column: DISCLOSURE_RECORD,
    statement: statement(
      'export.disclosures',
      cypher`MATCH (d:Disclosure) USING INDEX SEEK d:Disclosure(id)
     WHERE d.id > $after
     WITH d ORDER BY d.id LIMIT $limit
     OPTIONAL MATCH (owner:Organization)-[:PUBLISHED]->(d)
     OPTIONAL MATCH (d)-[:ABOUT]->(subject:Organization)
     RETURN `,
      DISCLOSURE_RECORD.projection,
      cypher` AS record`,
    ),
  },
  merges: {
    column: MERGE_RECORD,
    statement: statement(
      'export.merges',
      cypher`MATCH (m:MergedOrganization) USING INDEX SEEK m:MergedOrganization(id)
     WHERE m.id > $after
     WITH m ORDER BY m.id LIMIT $limit
     RETURN m `,
      MERGE_RECORD.projection,
      cypher` AS record`,
    ),
  },
  screeningCandidates: {
    column: SCREENING_CANDIDATE_RECORD,
    statement: statement(
      'export.screeningCandidates',
      cypher`MATCH (c:ScreeningCandidate) USING INDEX SEEK c:ScreeningCandidate(id)
     WHERE c.id > $after
     WITH c ORDER BY c.id LIMIT $limit
     OPTIONAL MATCH (c)-[:ABOUT]->(o:Organization)
     RETURN c `,
      SCREENING_CANDIDATE_RECORD.projection,
      cypher` AS record`,
    ),
  },
} satisfies Record<Section, unknown>;

const COUNTS = statement(
  'export.counts',
  cypher`CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
   CALL () { MATCH ()-[l:SUPPLIES]->() RETURN count(l) AS links }
   CALL () { MATCH (s:Share) RETURN count(s) AS shares }
   CALL () { MATCH (r:RiskIndicator) RETURN count(r) AS risks }
   CALL () { MATCH (d:Disclosure) RETURN count(d) AS disclosures }
   CALL () { MATCH (r:AccessRequest) RETURN count(r) AS accessRequests }
   CALL () { MATCH (m:MergedOrganization) RETURN count(m) AS merges }
   CALL () { MATCH (c:ScreeningCandidate) RETURN count(c) AS screeningCandidates }
   RETURN organizations, links, shares, risks, disclosures, accessRequests, merges, screeningCandidates`,
);

/** A record in the database that the format cannot hold as it is; export stops rather than write it. */
export class UnexportableRecordError extends Error {}

export class ExportRepository {
  constructor(private readonly executor: Executor) {}

  /** How many records each section holds now (for progress; the graph may change while exporting). */
  async counts(): Promise<Record<Section, number>> {
    const record = single(await this.executor.read(COUNTS, {}), COUNTS);
    const count = (key: Section) => column(record, key, integer);
    return {
      organizations: count('organizations'),
      links: count('links'),
      shares: count('shares'),
      risks: count('risks'),
      accessRequests: count('accessRequests'),
      disclosures: count('disclosures'),
      merges: count('merges'),
      screeningCandidates: count('screeningCandidates'),
    };
  }

  /**
   * The section's records in id order, `pageSize` at a time. The next page is read while the caller
   * works on the current one. Each page is its own transaction: no long-running read, and no
   * snapshot across pages either (see docs/operations.md).
   */
  async *pages(section: Section, pageSize: number): AsyncGenerator<ExportRecord[]> {
    const prefetch = (after: string) => {
      const page = this.page(section, after, pageSize);
      // Awaited below; until then a failure must not count as unhandled (nor after an early stop).
      page.catch(() => {});
      return page;
    };
    let next = prefetch('');
    for (;;) {
      const records = await next;
      const last = records.at(-1);
      if (last === undefined) return;
      next = records.length < pageSize ? Promise.resolve([]) : prefetch(last.id);
      yield records;
    }
  }

  private async page(section: Section, after: string, pageSize: number): Promise<ExportRecord[]> {
    const page = PAGES[section];
    const rows = await this.executor.read(page.statement, { after, limit: neo4j.int(pageSize) });
    return rows.map((row) => column(row, 'record', page.column.decode));
  }
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'id' in value ? value.id : value;
}
