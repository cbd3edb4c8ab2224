// The columns of disclosure versions and their corrective actions, and a version's content as
// statement parameters: shared by the disclosures module, the import and the export.
import type { DisclosureContent, StoredAction, StoredVersion } from '../domain/disclosures.ts';
import { ACTION_STATUSES, SEVERITIES, VERIFICATIONS } from '../domain/format.ts';
import type { Column } from './columns.ts';
import { cypher, join } from './cypher.ts';
import { fields, instant, integer, list, nullable, oneOf, text } from './decode.ts';
import { toNeo4jDateTime } from './mappers.ts';

/** A corrective action node `a`. */
export const ACTION: Column<StoredAction> = {
  projection: cypher`{.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt}`,
  decode: fields({
    id: text,
    finding: text,
    severity: oneOf(SEVERITIES),
    action: text,
    dueAt: instant,
    status: oneOf(ACTION_STATUSES),
    verification: nullable(oneOf(VERIFICATIONS)),
    closedAt: nullable(instant),
  }),
};

/** A version node: write it after `dv` (its actions are read in their stored order). */
export const VERSION: Column<StoredVersion> = {
  projection: join(
    cypher`{.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a `,
    ACTION.projection,
    cypher` }}`,
  ),
  decode: fields({
    version: integer,
    recordedAt: instant,
    actorUserId: text,
    title: text,
    summary: nullable(text),
    issuer: nullable(text),
    standard: nullable(text),
    products: list(text),
    issuedAt: instant,
    validUntil: nullable(instant),
    documentUrl: nullable(text),
    documentSha256: nullable(text),
    actions: list(ACTION.decode),
  }),
};

const dateTimeOrNull = (value: string | null) => (value === null ? null : toNeo4jDateTime(new Date(value)));

/** A version's content as parameters: `content` (the version's properties) and `actions` (with their positions). */
export const contentParams = (content: DisclosureContent) => ({
  content: {
    title: content.title,
    summary: content.summary,
    issuer: content.issuer,
    standard: content.standard,
    products: content.products,
    issuedAt: toNeo4jDateTime(new Date(content.issuedAt)),
    validUntil: dateTimeOrNull(content.validUntil),
    documentUrl: content.documentUrl,
    documentSha256: content.documentSha256,
  },
  actions: content.actions.map((action, position) => ({
    ...action,
    position,
    dueAt: toNeo4jDateTime(new Date(action.dueAt)),
    closedAt: dateTimeOrNull(action.closedAt),
  })),
});
