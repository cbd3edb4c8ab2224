// Audit of contract section 8 (December 2026): a disclosure's products are its scope ("empty = all"),
// a set that publishing already deduplicates. An update that lists the same products in another order
// says what the current version says, and adds no version, as an amendment of a link with the same
// products in any order writes nothing (docs/sourcing.md).
import { describe, expect, it } from 'vitest';
import { sameContent, type DisclosureContent } from '../../src/domain/disclosures.ts';

const content = (products: string[]): DisclosureContent => ({
  title: 'Server line plan',
  summary: null,
  issuer: null,
  standard: null,
  products,
  issuedAt: '2026-11-01T00:00:00.000Z',
  validUntil: null,
  documentUrl: null,
  documentSha256: null,
  actions: [],
});

describe('sameContent and products', () => {
  it('takes the same products in another order for the same content', () => {
    expect(sameContent(content(['servers', 'storage']), content(['storage', 'servers']))).toBe(true);
  });

  it('still tells other products apart', () => {
    expect(sameContent(content(['servers']), content(['servers', 'storage']))).toBe(false);
    expect(sameContent(content([]), content(['servers']))).toBe(false);
  });
});
