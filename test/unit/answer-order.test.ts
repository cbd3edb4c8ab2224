// Exposure's lists answer one order whatever order the statement gathered their rows in (Cypher's
// `collect` keeps none of its own, and it differs between runs and stores).
import { describe, expect, it } from 'vitest';
import { disclosedIndicators, type VisibleEvidence } from '../../src/domain/disclosed-indicators.ts';
import type { StoredVersion } from '../../src/domain/disclosures.ts';
import { byTierSeverityAndName } from '../../src/domain/severity.ts';
import { pathsTo } from '../../src/modules/exposure/exposure-repository.ts';

const both = <T>(items: readonly T[]): T[][] => [[...items], [...items].reverse()];

describe('exposure findings', () => {
  it('come nearest tier first, most severe first, then by name, and same-named ones by id', () => {
    const finding = (id: string, name: string, tier: number, severity: 'HIGH' | 'CRITICAL') => ({
      tier,
      severity,
      organization: { id, name },
    });
    const read = [
      finding('acme-2', 'Acme', 2, 'HIGH'),
      finding('zeta', 'Zeta', 1, 'HIGH'),
      finding('acme-1', 'Acme', 2, 'HIGH'),
      finding('mine', 'Mine', 2, 'CRITICAL'),
    ];
    for (const order of both(read))
      expect(order.sort(byTierSeverityAndName).map((f) => f.organization.id)).toEqual([
        'zeta',
        'mine',
        'acme-1',
        'acme-2',
      ]);
  });
});

describe('a finding’s path', () => {
  it('goes down a diamond through the customer of the smallest id, whichever link was gathered first', () => {
    // root <- b, root <- a; factory supplies both a and b.
    const crossed = [
      { supplierId: 'b', customerId: 'root' },
      { supplierId: 'a', customerId: 'root' },
      { supplierId: 'factory', customerId: 'b' },
      { supplierId: 'factory', customerId: 'a' },
    ];
    for (const order of both(crossed))
      expect(pathsTo('root', [['a', 'b'], ['factory']], order)('factory')).toEqual(['root', 'a', 'factory']);
  });
});

describe('EXPIRED_EVIDENCE', () => {
  it('names, of audits that expired at the same instant, the one of the smallest id', () => {
    const audit = (disclosureId: string): VisibleEvidence => ({
      organizationId: 'factory',
      disclosureId,
      kind: 'AUDIT_REPORT',
      version: {
        version: 1,
        recordedAt: '2024-01-01T00:00:00.000Z',
        actorUserId: 'u',
        title: disclosureId,
        summary: null,
        issuer: null,
        standard: null,
        products: [],
        issuedAt: '2024-01-01T00:00:00.000Z',
        validUntil: '2025-01-01T00:00:00.000Z',
        documentUrl: null,
        documentSha256: null,
        redactedAt: null,
        redactedBy: null,
        actions: [],
      } satisfies StoredVersion,
    });
    const at = new Date('2026-01-01T00:00:00Z');
    for (const order of both([audit('d-b'), audit('d-a')]))
      expect(disclosedIndicators(order, at, null).map((i) => [i.kind, i.disclosureId])).toEqual([
        ['EXPIRED_EVIDENCE', 'd-a'],
      ]);
  });
});
