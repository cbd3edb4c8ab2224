// A facility record (UNTP) as of a day whose disclosure version its owner has since redacted: the
// claim says its texts were erased instead of carrying an empty description.
import { describe, expect, it } from 'vitest';
import { redactedContent, type Disclosure } from '../../src/domain/disclosures.ts';
import { facilityRecord } from '../../src/export/chain-facility-record.ts';
import { anOrganization } from '../support/organizations.ts';

const factory = anOrganization({ id: 'factory', name: 'Factory', type: 'FACTORY' });
const brand = anOrganization({ id: 'brand', name: 'Brand', type: 'BRAND' });
const content = {
  title: 'Audit of line 4: Li Wei',
  summary: null,
  issuer: null,
  standard: null,
  products: [],
  issuedAt: '2026-01-01T00:00:00.000Z',
  validUntil: null,
  documentUrl: null,
  documentSha256: null,
  actions: [],
};
const disclosure: Disclosure = {
  ...redactedContent(content),
  actions: [],
  version: 1,
  redactedAt: '2026-03-01T00:00:00.000Z',
  id: 'd-1',
  kind: 'AUDIT_REPORT',
  owner: brand,
  subject: factory,
  publishedAt: '2026-01-01T00:00:00.000Z',
  withdrawnAt: null,
  withdrawnBy: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  expired: false,
  at: '2026-02-01T00:00:00.000Z',
  dated: true,
};

describe('a facility record of a redacted version', () => {
  it("says the claim's texts were erased", () => {
    const record = facilityRecord(factory, brand, [disclosure], new Date(), new Date('2026-02-01T00:00:00Z'));
    const subject = record['credentialSubject'] as { conformityClaim: { description: string }[] };
    expect(subject.conformityClaim.map((c) => c.description)).toEqual(['(text redacted)']);
  });
});
