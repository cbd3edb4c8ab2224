// Records to domain types: the only place that knows how Neo4j hands values back.
import neo4j from 'neo4j-driver';
import type { OrganizationType, Provenance, RiskKind, Severity } from '../domain/format.ts';
import type { Organization, RiskIndicator, Share, SupplyLink } from '../domain/model.ts';

type Row = Record<string, unknown>;

/** A Neo4j temporal value (or null) as an ISO 8601 string. */
export function isoInstant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  return String(value);
}

export const toNeo4jDateTime = (instant: Date) => neo4j.types.DateTime.fromStandardDate(instant);

/** Every write sets recordedAt and migration 003 filled in older records: one missing is a bug. */
function recordedAt(row: Row): string {
  const instant = isoInstant(row['recordedAt']);
  if (instant === null) throw new Error(`record ${String(row['id'])} has no recordedAt`);
  return instant;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

export function mapOrganization(row: Row): Organization {
  return {
    id: row['id'] as string,
    name: row['name'] as string,
    type: row['type'] as OrganizationType,
    country: row['country'] as string,
    city: text(row['city']),
    region: text(row['region']),
    latitude: num(row['latitude']),
    longitude: num(row['longitude']),
    osId: text(row['osId']),
    provenance: text(row['provenance']) as Provenance | null,
    sources: list(row['sources']),
  };
}

export function mapLink(row: Row): SupplyLink {
  return {
    id: row['id'] as string,
    supplierId: row['supplierId'] as string,
    customerId: row['customerId'] as string,
    products: list(row['products']),
    validFrom: isoInstant(row['validFrom']),
    validTo: isoInstant(row['validTo']),
    recordedAt: recordedAt(row),
    provenance: text(row['provenance']) as Provenance | null,
    sources: list(row['sources']),
  };
}

export function mapShare(row: Row): Share {
  return {
    id: row['id'] as string,
    ownerId: row['ownerId'] as string,
    recipientId: row['recipientId'] as string,
    linkIds: Array.isArray(row['linkIds']) ? (row['linkIds'] as string[]) : null,
    expiresAt: isoInstant(row['expiresAt']),
    revokedAt: isoInstant(row['revokedAt']),
    createdAt: isoInstant(row['createdAt']) ?? '',
  };
}

export function mapRisk(row: Row): RiskIndicator {
  return {
    id: row['id'] as string,
    kind: row['kind'] as RiskKind,
    source: row['source'] as string,
    severity: row['severity'] as Severity,
    description: text(row['description']),
    evidenceUrl: text(row['evidenceUrl']),
    observedAt: isoInstant(row['observedAt']),
    recordedAt: recordedAt(row),
  };
}
