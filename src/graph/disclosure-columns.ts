// The columns of disclosure versions and their corrective actions, and a version's content as
// statement parameters: shared by the disclosures module, the import and the export.
import type {
  DisclosureContent,
  StoredAction,
  StoredDisclosure,
  StoredVersion,
} from '../domain/disclosures.ts';
import { ACTION_STATUSES, DISCLOSURE_KINDS, SEVERITIES, VERIFICATIONS } from '../domain/format.ts';
import { ORGANIZATION_ROW, type Column } from './columns.ts';
import { cypher, join } from './cypher.ts';
import {
  epochInstant,
  fields,
  instant,
  integer,
  list,
  nullable,
  oneOf,
  positional,
  text,
  texts,
  type Decoder,
} from './decode.ts';
import { toNeo4jDateTime } from './mappers.ts';

/** The fields of a corrective action, its instants decoded by `time`. */
const actionFields = (time: Decoder<string>) => ({
  id: text,
  finding: text,
  severity: oneOf(SEVERITIES),
  action: text,
  dueAt: time,
  status: oneOf(ACTION_STATUSES),
  verification: nullable(oneOf(VERIFICATIONS)),
  closedAt: nullable(time),
});

/** The fields of a version, its instants decoded by `time` and each action by `action`. */
const versionFields = (time: Decoder<string>, action: Decoder<StoredAction>) => ({
  version: integer,
  recordedAt: time,
  actorUserId: text,
  title: text,
  summary: nullable(text),
  issuer: nullable(text),
  standard: nullable(text),
  products: texts,
  issuedAt: time,
  validUntil: nullable(time),
  documentUrl: nullable(text),
  documentSha256: nullable(text),
  redactedAt: nullable(time),
  redactedBy: nullable(text),
  actions: list(action),
});

/** A corrective action node `a`. */
export const ACTION: Column<StoredAction> = {
  projection: cypher`{.id, .finding, .severity, .action, .dueAt, .status, .verification, .closedAt}`,
  decode: fields(actionFields(instant)),
};

/** A version node: write it after `dv` (its actions are read in their stored order). */
export const VERSION: Column<StoredVersion> = {
  projection: join(
    cypher`{.version, .recordedAt, .actorUserId, .title, .summary, .issuer, .standard, .products, .issuedAt,
  .validUntil, .documentUrl, .documentSha256, .redactedAt, .redactedBy,
  actions: COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position RETURN a `,
    ACTION.projection,
    cypher` }}`,
  ),
  decode: fields(versionFields(instant, ACTION.decode)),
};

/**
 * Version `dv`'s fields as the items of a positional list, instants as epoch milliseconds, each action
 * a positional list too (the driver decodes lists of scalars several times faster than nested maps
 * and DateTimes): a part of a list, for the rows below.
 */
const VERSION_ITEMS = cypher`dv.version, dv.recordedAt.epochMillis, dv.actorUserId, dv.title, dv.summary, dv.issuer,
  dv.standard, dv.products, dv.issuedAt.epochMillis, dv.validUntil.epochMillis, dv.documentUrl, dv.documentSha256,
  dv.redactedAt.epochMillis, dv.redactedBy,
  COLLECT { MATCH (dv)-[:HAS_ACTION]->(a:CorrectiveAction) WITH a ORDER BY a.position
    RETURN [a.id, a.finding, a.severity, a.action, a.dueAt.epochMillis, a.status, a.verification,
      a.closedAt.epochMillis] }`;
const versionItems = versionFields(epochInstant, positional(actionFields(epochInstant)));

/** Version `dv` as a positional list (see VERSION_ITEMS): a whole expression. */
export const VERSION_ROW: Column<StoredVersion> = {
  projection: join(cypher`[`, VERSION_ITEMS, cypher`]`),
  decode: positional(versionItems),
};

const disclosureRow = positional({
  subjectId: text,
  id: text,
  kind: oneOf(DISCLOSURE_KINDS),
  publishedAt: epochInstant,
  withdrawnAt: nullable(epochInstant),
  withdrawnBy: nullable(text),
  owner: ORGANIZATION_ROW.decode,
  ...versionItems,
});

/** A disclosure without its subject, which the statement's caller already holds, and the subject's id. */
export interface SubjectDisclosure {
  subjectId: string;
  disclosure: Omit<StoredDisclosure, 'subject'>;
}

/**
 * A disclosure about organization `subject`, published by `o`, shown as version `dv`: one positional
 * list with instants as epoch milliseconds (the driver decodes a list of scalars several times faster
 * than VERSION's nested maps and DateTimes), the subject as its id only. For statements that return
 * one row per disclosure of organizations the answer already holds. A whole expression.
 */
export const DISCLOSURE_ROW: Column<SubjectDisclosure> = {
  projection: join(
    cypher`[subject.id, d.id, d.kind, d.publishedAt.epochMillis, d.withdrawnAt.epochMillis, d.withdrawnBy, `,
    ORGANIZATION_ROW.projection,
    cypher`, `,
    VERSION_ITEMS,
    cypher`]`,
  ),
  decode: (value, at) => {
    const { subjectId, id, kind, publishedAt, withdrawnAt, withdrawnBy, owner, ...version } = disclosureRow(
      value,
      at,
    );
    return { subjectId, disclosure: { id, kind, publishedAt, withdrawnAt, withdrawnBy, owner, version } };
  },
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
