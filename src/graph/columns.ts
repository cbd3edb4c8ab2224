// The projections that several repositories return, each with its decoder: what a statement asks
// Neo4j for and how the answer becomes a domain type live together, so a field cannot be added to one
// and forgotten in the other. A projection is written right after its variable: `RETURN x`, then
// ORGANIZATION.projection, then ` AS organization`.
import {
  ORGANIZATION_TYPES,
  PROVENANCES,
  RISK_KINDS,
  RISK_TOPICS,
  SEVERITIES,
  SHARE_SCOPES,
} from '../domain/format.ts';
import type { Organization, RiskIndicator, Share, SupplyLink } from '../domain/model.ts';
import { UNREAD_SOURCES, unreadOrganizationDetail } from '../domain/chain-detail.ts';
import { cypher, join, type Fragment } from './cypher.ts';
import {
  epochInstant,
  fields,
  float,
  instant,
  list,
  literalRow,
  nullable,
  oneOf,
  positional,
  text,
  texts,
  tuple,
  type Decoder,
} from './decode.ts';

export interface Column<T> {
  /**
   * A map projection, written after the variable it projects; or, for the `_ROW` columns, a whole
   * list expression over the variables they name.
   */
  readonly projection: Fragment;
  readonly decode: Decoder<T>;
}

/**
 * A list property that import leaves out when a record has none (the format's optional `sources`):
 * the API's `[String!]!` reads that as the empty list.
 */
const absentAsEmpty =
  <T>(decode: Decoder<T[]>): Decoder<T[]> =>
  (value, at) =>
    value === null || value === undefined ? [] : decode(value, at);

/** Every write sets recordedAt, and migration 003 filled it in on older records: it is never absent. */
const recordedAt = instant;

const optionalText = nullable(text);
const optionalFloat = nullable(float);
const optionalEpochInstant = nullable(epochInstant);
const organizationType = oneOf(ORGANIZATION_TYPES);

const sourced = {
  provenance: nullable(oneOf(PROVENANCES)),
  sources: absentAsEmpty(texts),
};

/** The card of an organization (ORGANIZATION_PARTS in src/domain/chain-detail.ts), in this order. */
const organizationCard = {
  id: text,
  name: text,
  type: oneOf(ORGANIZATION_TYPES),
  country: text,
};

const organizationFields = {
  ...organizationCard,
  city: nullable(text),
  region: nullable(text),
  latitude: nullable(float),
  longitude: nullable(float),
  osId: nullable(text),
  ...sourced,
};

const ORGANIZATION_LENGTH = Object.keys(organizationFields).length;

/** An organization node. */
export const ORGANIZATION: Column<Organization> = {
  projection: cypher`{.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId, .provenance, .sources}`,
  decode: fields(organizationFields),
};

/**
 * Organization `o` as a positional list (the fields of ORGANIZATION in order), for statements that
 * return many organizations (a row each, or lists of them): a whole expression, not written after a
 * variable.
 */
export const ORGANIZATION_ROW: Column<Organization> = {
  projection: cypher`[o.id, o.name, o.type, o.country, o.city, o.region, o.latitude, o.longitude, o.osId, o.provenance, o.sources]`,
  decode: literalRow((value, at) => {
    const v = tuple(value, at, ORGANIZATION_LENGTH);
    return {
      id: text(v[0], at),
      name: text(v[1], at),
      type: organizationType(v[2], at),
      country: text(v[3], at),
      city: optionalText(v[4], at),
      region: optionalText(v[5], at),
      latitude: optionalFloat(v[6], at),
      longitude: optionalFloat(v[7], at),
      osId: optionalText(v[8], at),
      provenance: sourced.provenance(v[9], at),
      sources: sourced.sources(v[10], at),
    };
  }, positional(organizationFields)),
};

/**
 * The identity card of an organization that the viewer may not look up (a share's party beyond rule 5):
 * id, name, type and country only.
 */
export const ORGANIZATION_IDENTITY: Column<Organization> = {
  projection: cypher`{.id, .name, .type, .country}`,
  decode: (value, at) => ({
    ...fields(organizationCard)(value, at),
    ...unreadOrganizationDetail(),
    identityOnly: true,
  }),
};

/**
 * The directory card of a listed organization (specification, section 9): what the public directory
 * shows, and what `organization(id)` answers for a listed organization beyond rule 5. Marked
 * identityOnly, so nothing else (disclosures) is resolved for it, and directoryCard, so that its public
 * risk indicators are (contract section 7).
 */
export const ORGANIZATION_DIRECTORY: Column<Organization> = {
  projection: cypher`{.id, .name, .type, .country, .city, .osId}`,
  decode: (value, at) => ({
    ...unreadOrganizationDetail(),
    ...fields({ ...organizationCard, city: nullable(text), osId: nullable(text) })(value, at),
    identityOnly: true,
    directoryCard: true,
  }),
};

/** A SUPPLIES relationship: write it after `l`. */
export const LINK: Column<SupplyLink> = {
  projection: cypher`{.id, supplierId: startNode(l).id, customerId: endNode(l).id, .products, .validFrom, .validTo,
  .recordedAt, .provenance, .sources}`,
  decode: fields({
    id: text,
    supplierId: text,
    customerId: text,
    products: texts,
    validFrom: nullable(instant),
    validTo: nullable(instant),
    recordedAt,
    ...sourced,
  }),
};

/** The card of a link (LINK_PARTS in src/domain/chain-detail.ts), in this order. */
const linkCard = {
  id: text,
  supplierId: text,
  customerId: text,
  products: texts,
};

/**
 * What a link read as a card holds in the fields it did not read. recordedAt is never empty when read:
 * its empty text is no instant, so a DateTime field would fail on it rather than answer a wrong one.
 */
const unreadLinkDetail = () => ({
  validFrom: null,
  validTo: null,
  recordedAt: '',
  provenance: null,
  sources: UNREAD_SOURCES,
});

/** The fields of LINK_ROW in order, its times as epoch milliseconds. */
const linkRowFields = {
  ...linkCard,
  validFrom: optionalEpochInstant,
  validTo: optionalEpochInstant,
  recordedAt: epochInstant,
  ...sourced,
};
const LINK_LENGTH = Object.keys(linkRowFields).length;

/**
 * Link `l` from supplier `s` to customer `c` as a positional list (the fields of LINK in order, times as
 * epoch milliseconds), for statements that return many links and have both ends at hand.
 */
export const LINK_ROW: Column<SupplyLink> = {
  projection: cypher`[l.id, s.id, c.id, l.products, l.validFrom.epochMillis, l.validTo.epochMillis,
  l.recordedAt.epochMillis, l.provenance, l.sources]`,
  decode: literalRow((value, at) => {
    const v = tuple(value, at, LINK_LENGTH);
    return {
      id: text(v[0], at),
      supplierId: text(v[1], at),
      customerId: text(v[2], at),
      products: texts(v[3], at),
      validFrom: optionalEpochInstant(v[4], at),
      validTo: optionalEpochInstant(v[5], at),
      recordedAt: epochInstant(v[6], at),
      provenance: sourced.provenance(v[7], at),
      sources: sourced.sources(v[8], at),
    };
  }, positional(linkRowFields)),
};

/*
 * The rows of a statement that reads as much as its answer needs (src/domain/chain-detail.ts): in full,
 * as cards (the first fields of the full row, the card's parts; the others decoded as unread) or, for
 * links, not at all (null, which `collect` leaves out), as parameters $organizationDetail (a boolean)
 * and $linkDetail ('full', 'card' or 'none') say.
 */

const ORGANIZATION_CARD_LENGTH = Object.keys(organizationCard).length;

/** An organization's card row, with the detail it did not read empty (unreadOrganizationDetail). */
const organizationCardRow = literalRow<Organization>(
  (value, at) => {
    const v = tuple(value, at, ORGANIZATION_CARD_LENGTH);
    return {
      id: text(v[0], at),
      name: text(v[1], at),
      type: organizationType(v[2], at),
      country: text(v[3], at),
      city: null,
      region: null,
      latitude: null,
      longitude: null,
      osId: null,
      provenance: null,
      sources: UNREAD_SOURCES,
    };
  },
  (value, at) => Object.assign(positional(organizationCard)(value, at), unreadOrganizationDetail()),
);

/** Organization `o` as ORGANIZATION_ROW, or as its card unless $organizationDetail. */
export const ORGANIZATION_ROW_AS_ASKED: Column<Organization> = {
  projection: join(
    cypher`CASE WHEN $organizationDetail THEN `,
    ORGANIZATION_ROW.projection,
    cypher` ELSE [o.id, o.name, o.type, o.country] END`,
  ),
  decode: (value, at) =>
    Array.isArray(value) && value.length === ORGANIZATION_CARD_LENGTH
      ? organizationCardRow(value, at)
      : ORGANIZATION_ROW.decode(value, at),
};

const LINK_CARD_LENGTH = Object.keys(linkCard).length;

/** A link's card row, with the detail it did not read empty (unreadLinkDetail). */
const linkCardRow = literalRow<SupplyLink>(
  (value, at) => {
    const v = tuple(value, at, LINK_CARD_LENGTH);
    return {
      id: text(v[0], at),
      supplierId: text(v[1], at),
      customerId: text(v[2], at),
      products: texts(v[3], at),
      validFrom: null,
      validTo: null,
      recordedAt: '',
      provenance: null,
      sources: UNREAD_SOURCES,
    };
  },
  (value, at) => Object.assign(positional(linkCard)(value, at), unreadLinkDetail()),
);

/** Link `l` as LINK_ROW, as its card, or nothing (null), as $linkDetail says. */
export const LINK_ROW_AS_ASKED: Column<SupplyLink> = {
  projection: join(
    cypher`CASE $linkDetail WHEN 'full' THEN `,
    LINK_ROW.projection,
    cypher` WHEN 'card' THEN [l.id, s.id, c.id, l.products] END`,
  ),
  decode: (value, at) =>
    Array.isArray(value) && value.length === LINK_CARD_LENGTH
      ? linkCardRow(value, at)
      : LINK_ROW.decode(value, at),
};

/** The fields of a risk indicator, its instants decoded by `time`. */
const riskFields = (time: Decoder<string>, recorder: Decoder<Organization>) => ({
  id: text,
  kind: oneOf(RISK_KINDS),
  source: text,
  severity: oneOf(SEVERITIES),
  description: nullable(text),
  evidenceUrl: nullable(text),
  observedAt: nullable(time),
  recordedAt: time,
  delistedAt: nullable(time),
  recordedBy: nullable(recorder),
  redactedAt: nullable(time),
  topics: list(oneOf(RISK_TOPICS)),
});

/**
 * Indicator `risk`'s topics as stored (each once, in order); an indicator recorded before topics
 * existed has none stored, which reads as not classified.
 */
const RISK_TOPICS_OF = cypher`coalesce(risk.topics, [])`;

/**
 * The monitor that recorded indicator `risk` through the API (src/modules/findings), as `projection`
 * shows an organization `m`; null for an imported or screened one. A merge moves the relationship.
 */
const recorderOfRisk = (projection: Fragment) =>
  join(cypher`head(COLLECT { MATCH (risk)<-[:RECORDED]-(m:Organization) RETURN `, projection, cypher` })`);

/**
 * Risk indicator `risk` as shown at `riskAt` (bound by the statement; null for now): a delisting after
 * that instant had not happened then, so it is not shown (asOf never shows what came later). Its
 * erasure (redactedAt) is, later or not: the texts are gone at every instant, and the reader is told why.
 */
export const RISK: Column<RiskIndicator> = {
  projection: join(
    cypher`{.id, .kind, .source, .severity, .description, .evidenceUrl, .observedAt, .recordedAt,
  delistedAt: CASE WHEN riskAt IS NULL OR risk.delistedAt <= riskAt THEN risk.delistedAt END,
  recordedBy: `,
    recorderOfRisk(join(cypher`m `, ORGANIZATION_IDENTITY.projection)),
    cypher`, .redactedAt, topics: `,
    RISK_TOPICS_OF,
    cypher`}`,
  ),
  decode: fields(riskFields(instant, ORGANIZATION_IDENTITY.decode)),
};

/**
 * Risk indicator `risk` as a positional list with instants as epoch milliseconds, for statements that
 * return hundreds of them: the driver decodes a list of scalars several times faster than a map of
 * DateTimes (whose decoding is 64-bit integer arithmetic in JavaScript). A whole expression. Shown at
 * $t, as RISK is at `riskAt`.
 */
export const RISK_ROW: Column<RiskIndicator> = {
  projection: join(
    cypher`[risk.id, risk.kind, risk.source, risk.severity, risk.description, risk.evidenceUrl,
  risk.observedAt.epochMillis, risk.recordedAt.epochMillis,
  CASE WHEN risk.delistedAt <= $t THEN risk.delistedAt.epochMillis END, `,
    recorderOfRisk(cypher`[m.id, m.name, m.type, m.country]`),
    cypher`, risk.redactedAt.epochMillis, `,
    RISK_TOPICS_OF,
    cypher`]`,
  ),
  decode: positional(
    riskFields(epochInstant, (value, at) => ({ ...organizationCardRow(value, at), identityOnly: true })),
  ),
};

/** The rows of [organization id, RISK_ROW] that RISKS_OF_O (visibility-cypher.ts) collects. */
export const ORGANIZATION_RISK_ROWS = list(positional({ organizationId: text, risk: RISK_ROW.decode }));

/**
 * A share, with `owner` and `recipient` bound to its parties. Both ways of making a share (a grant, an
 * import) set createdAt and scope (migration 005 set the scope of older shares), so neither is absent.
 */
export const SHARE: Column<Share> = {
  projection: cypher`{.id, ownerId: owner.id, recipientId: recipient.id, .scope, .linkIds, .disclosureIds, .expiresAt,
  .revokedAt, .createdAt}`,
  decode: fields({
    id: text,
    ownerId: text,
    recipientId: text,
    scope: oneOf(SHARE_SCOPES),
    linkIds: nullable(list(text)),
    disclosureIds: nullable(list(text)),
    expiresAt: nullable(instant),
    revokedAt: nullable(instant),
    createdAt: instant,
  }),
};
