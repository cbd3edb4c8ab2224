// The rules of idempotency keys without a database: which keys are accepted, and which two requests
// count as the same (their fingerprints).
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import {
  canonicalJson,
  claimOf,
  fingerprint,
  idempotencyKey,
  keyExpiresAt,
  keyReused,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from '../../src/domain/idempotency.ts';

const refusal = (value: string): DomainError => {
  try {
    idempotencyKey(value);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
};

describe('idempotencyKey', () => {
  it('takes no key as none, and a well-formed one as it is', () => {
    expect(idempotencyKey(null)).toBeNull();
    expect(idempotencyKey(undefined)).toBeNull();
    expect(idempotencyKey('3f1c-9a')).toBe('3f1c-9a');
    expect(idempotencyKey('k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH))).toHaveLength(255);
    expect(idempotencyKey('clé 😀 inside')).toBe('clé 😀 inside');
  });

  it.each([
    ['empty', '', '""'],
    ['too long', 'k'.repeat(256), '(256 characters)'],
    ['a control character', 'a\nb', '"a\\nb"'],
    ['a delete character', 'a\u007fb', '"a\\u007fb"'],
    ['an unpaired high surrogate', 'a\ud83d', '"a\\ud83d"'],
    ['an unpaired low surrogate', '\ude00b', '"\\ude00b"'],
    ['surrounding spaces', ' k ', '" k "'],
  ])('refuses a key that is %s, naming it', (_what, value, named) => {
    const error = refusal(value);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('idempotencyKey');
    expect(error.message).toContain(named);
  });
});

describe('fingerprint', () => {
  it('is the same for the same request spelt another way', () => {
    const a = {
      recipientId: 'buyer',
      linkIds: ['l1', 'l2'],
      expiresAt: new Date('2027-01-01T01:00:00+01:00'),
    };
    const b = { expiresAt: new Date('2027-01-01T00:00:00Z'), linkIds: ['l1', 'l2'], recipientId: 'buyer' };
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves absent fields out but keeps null apart from absent (amendSupplyLink: null opens a date)', () => {
    expect(canonicalJson({ id: 'l', validTo: undefined })).toBe('{"id":"l"}');
    expect(fingerprint({ id: 'l', validTo: undefined })).toBe(fingerprint({ id: 'l' }));
    expect(fingerprint({ id: 'l', validTo: null })).not.toBe(fingerprint({ id: 'l' }));
  });

  it('tells apart what differs: a value, a list order, a nested field, a type', () => {
    const seen = new Set(
      [
        { products: ['a', 'b'] },
        { products: ['b', 'a'] },
        { products: ['a'] },
        { content: { title: 'x' } },
        { content: { title: 'y' } },
        { n: 1 },
        { n: '1' },
        { n: true },
        { n: null },
        ['n', 1],
      ].map(fingerprint),
    );
    expect(seen.size).toBe(10);
  });

  it('cannot be fooled by field names that look like JSON', () => {
    expect(fingerprint({ 'a":"b': 'c' })).not.toBe(fingerprint({ a: 'b":"c' }));
  });

  it('refuses what no request holds', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('claimOf', () => {
  const now = new Date('2026-12-05T10:00:00Z');

  it('claims nothing without a key', () => {
    expect(claimOf(null, 'shareSourcing', 'org', { a: 1 }, now)).toBeNull();
  });

  it("claims the key for the viewer's organization and the mutation, with the arguments' fingerprint", () => {
    expect(claimOf('k', 'requestAccess', 'org', { a: 1 }, now)).toEqual({
      organizationId: 'org',
      mutation: 'requestAccess',
      key: 'k',
      fingerprint: fingerprint({ a: 1 }),
      now,
      judgeNow: expect.any(Function),
    });
  });

  it('judges the arguments against the instant at once without a key, and only for a new key with one', () => {
    const judged: string[] = [];
    expect(claimOf(null, 'shareSourcing', 'org', {}, now, () => judged.push('no key'))).toBeNull();
    const claim = claimOf('k', 'shareSourcing', 'org', {}, now, () => judged.push('new key'))!;
    expect(judged).toEqual(['no key']);
    claim.judgeNow();
    expect(judged).toEqual(['no key', 'new key']);
  });

  it('lets the key answer for 24 hours', () => {
    expect(keyExpiresAt(now).toISOString()).toBe('2026-12-06T10:00:00.000Z');
  });

  it('refuses the key with other arguments naming the key and the mutation', () => {
    const claim = claimOf('k-1', 'publishDisclosure', 'org', {}, now)!;
    const error = keyReused(claim);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(
      'idempotencyKey "k-1" was used for a different publishDisclosure request',
    );
  });
});
