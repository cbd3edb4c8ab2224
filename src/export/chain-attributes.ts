// The attributes every chain format carries for an organization (node) and a link (edge), declared
// once so that GraphML, GEXF and CSV name and type them alike. Lists are joined with "; " (GraphML and
// GEXF have no list type that Gephi and yEd both read); a missing value is left out (GraphML, GEXF)
// or empty (CSV).
import { quotedText } from '../domain/erased-text.ts';
import { SEVERITIES, storedTopics, type Severity } from '../domain/format.ts';
import type { RiskIndicator, SupplyLink } from '../domain/model.ts';
import type { ChainNode } from './chain-export.ts';

type AttributeType = 'string' | 'integer' | 'double';
export type AttributeValue = string | number | null;

export interface Attribute<T> {
  /** Used as the GraphML key's attr.name, the GEXF attribute's title and the CSV column. */
  name: string;
  type: AttributeType;
  of: (item: T) => AttributeValue;
}

export const LIST_SEPARATOR = '; ';

const joined = (values: readonly string[]): string | null =>
  values.length === 0 ? null : values.join(LIST_SEPARATOR);
const distinct = (values: readonly string[]): string[] => [...new Set(values)];

export const NODE_ATTRIBUTES: readonly Attribute<ChainNode>[] = [
  { name: 'name', type: 'string', of: (n) => n.organization.name },
  { name: 'type', type: 'string', of: (n) => n.organization.type },
  { name: 'country', type: 'string', of: (n) => n.organization.country },
  { name: 'tier', type: 'integer', of: (n) => n.tier },
  { name: 'city', type: 'string', of: (n) => n.organization.city },
  { name: 'region', type: 'string', of: (n) => n.organization.region },
  { name: 'latitude', type: 'double', of: (n) => n.organization.latitude },
  { name: 'longitude', type: 'double', of: (n) => n.organization.longitude },
  { name: 'osId', type: 'string', of: (n) => n.organization.osId },
  { name: 'provenance', type: 'string', of: (n) => n.organization.provenance },
  { name: 'sources', type: 'string', of: (n) => joined(n.organization.sources) },
  { name: 'riskCount', type: 'integer', of: (n) => listed(n).length },
  // 0 without indicators, else 1 (LOW) to 4 (CRITICAL): a number Gephi can colour or size by.
  { name: 'riskLevel', type: 'integer', of: (n) => riskLevel(n) },
  { name: 'riskSeverity', type: 'string', of: (n) => listed(n)[0]?.severity ?? null },
  { name: 'riskKinds', type: 'string', of: (n) => joined(distinct(listed(n).map((r) => r.kind))) },
  // What the indicators are about (FORCED_LABOUR, …), each once in RiskTopic order: a column to filter
  // a spreadsheet or colour a graph by.
  { name: 'riskTopics', type: 'string', of: (n) => joined(storedTopics(listed(n).flatMap((r) => r.topics))) },
  {
    name: 'riskSources',
    type: 'string',
    of: (n) => joined(distinct(listed(n).map((r) => quotedText(r.source)))),
  },
  // What disclosures the viewer may see flag (exposure's disclosedIndicators), kept apart from the
  // public indicators above as the API and the dashboard keep them.
  { name: 'disclosedRiskCount', type: 'integer', of: (n) => n.disclosed.length },
  { name: 'disclosedRiskLevel', type: 'integer', of: (n) => levelOf(n.disclosed[0]?.indicator.severity) },
  { name: 'disclosedRiskSeverity', type: 'string', of: (n) => n.disclosed[0]?.indicator.severity ?? null },
  {
    name: 'disclosedRiskKinds',
    type: 'string',
    of: (n) => joined(distinct(n.disclosed.map((d) => d.indicator.kind))),
  },
  {
    name: 'disclosedBy',
    type: 'string',
    of: (n) => joined(distinct(n.disclosed.map((d) => d.disclosedBy.name))),
  },
  {
    name: 'disclosureIds',
    type: 'string',
    of: (n) => joined(distinct(n.disclosed.map((d) => d.indicator.disclosureId))),
  },
];

export const EDGE_ATTRIBUTES: readonly Attribute<SupplyLink>[] = [
  { name: 'products', type: 'string', of: (l) => joined(l.products) },
  { name: 'validFrom', type: 'string', of: (l) => l.validFrom },
  { name: 'validTo', type: 'string', of: (l) => l.validTo },
  { name: 'recordedAt', type: 'string', of: (l) => l.recordedAt },
  { name: 'provenance', type: 'string', of: (l) => l.provenance },
  { name: 'sources', type: 'string', of: (l) => joined(l.sources) },
];

/**
 * The node's indicators that flag it at the export's instant, most severe first: an entry delisted by
 * then (its delistedAt shown: src/graph/columns.ts) is kept in the record but flags nothing, as in
 * exposure and the risk model.
 */
function listed(node: ChainNode): RiskIndicator[] {
  return node.risks.filter((risk) => risk.delistedAt === null);
}

/** 0 for none, else 1 (LOW) to 4 (CRITICAL). */
const levelOf = (highest: Severity | undefined): number =>
  highest === undefined ? 0 : SEVERITIES.indexOf(highest) + 1;

const riskLevel = (node: ChainNode): number => levelOf(listed(node)[0]?.severity);
