// The rules of a redacted disclosure version (redactDisclosureVersion, and tiersight/v1's redactedAt):
// which versions may be erased, what erasing leaves, and what a file may say of an erased one.
import { describe, expect, it } from 'vitest';
import { checkContent, redactedContent, redactionRefusal } from '../../src/domain/disclosures.ts';
import { checkDisclosure } from '../../src/import/disclosure-rules.ts';

const IMPORTED_AT = new Date('2026-12-06T12:00:00Z');
const CONTENT = {
  title: 'Audit of line 4',
  summary: 'Li Wei said overtime was forced',
  issuer: 'Jane Auditor',
  standard: 'SMETA 6.1',
  products: ['laptops'],
  issuedAt: '2026-01-01T00:00:00.000Z',
  validUntil: null,
  documentUrl: 'https://audits.example/a.pdf',
  documentSha256: 'b'.repeat(64),
  actions: [
    {
      id: 'cap-1',
      finding: 'Li Wei: overtime',
      severity: 'HIGH' as const,
      action: 'Stop it',
      dueAt: '2026-06-01T00:00:00.000Z',
      status: 'OPEN' as const,
      verification: null,
      closedAt: null,
    },
  ],
};
const ERASED = redactedContent(CONTENT);

describe('which version may be redacted', () => {
  it('an earlier one, or any of a withdrawn disclosure', () => {
    expect(redactionRefusal('d-1', 1, { version: 2, withdrawn: false })).toBeNull();
    expect(redactionRefusal('d-1', 2, { version: 2, withdrawn: true })).toBeNull();
  });

  it("not the current one of a live disclosure, nor one it doesn't have", () => {
    expect(redactionRefusal('d-1', 2, { version: 2, withdrawn: false })).toBe(
      'version 2 is the current version of disclosure "d-1": correct it with updateDisclosure (a new version), then redact version 2',
    );
    for (const asked of [0, 3])
      expect(redactionRefusal('d-1', asked, { version: 2, withdrawn: true })).toBe(
        `version ${asked} of disclosure "d-1" does not exist: it has versions 1 to 2`,
      );
  });
});

describe('a redacted version', () => {
  it('keeps what names nobody and erases every text', () => {
    expect(ERASED).toEqual({
      ...CONTENT,
      title: '',
      summary: null,
      issuer: null,
      standard: null,
      documentUrl: null,
      actions: [{ ...CONTENT.actions[0], finding: '', action: '' }],
    });
  });

  it('passes the content rules as redacted, and no text may be left in it', () => {
    expect(checkContent('AUDIT_REPORT', ERASED, IMPORTED_AT, 'redacted')).toEqual({
      content: ERASED,
      problems: [],
    });
    expect(
      checkContent('AUDIT_REPORT', { ...ERASED, summary: 'Li Wei' }, IMPORTED_AT, 'redacted', 'history[0].')
        .problems,
    ).toEqual([
      'history[0].summary must be empty in a redacted version (redactedAt), got a text of 6 characters (not repeated here: it was erased)',
    ]);
    // Its dates and actions are checked as any version's are.
    expect(
      checkContent('AUDIT_REPORT', { ...ERASED, issuedAt: 'soon' }, IMPORTED_AT, 'redacted').problems,
    ).toEqual(['issuedAt must be an ISO 8601 date or date-time with a zone, got "soon"']);
  });
});

describe('redactedAt in a tiersight/v1 disclosure', () => {
  const record = (extra: object = {}, history: object[] = []) => ({
    id: 'd-1',
    owner: 'brand',
    subject: 'brand',
    kind: 'AUDIT_REPORT',
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...CONTENT,
    recordedAt: '2026-02-01T00:00:00.000Z',
    history,
    ...extra,
  });
  const first = (extra: object = {}) => ({
    ...ERASED,
    recordedAt: '2026-01-01T00:00:00.000Z',
    actorUserId: 'pat@brand',
    redactedAt: '2026-03-01T00:00:00.000Z',
    redactedBy: 'anna@brand',
    ...extra,
  });

  it('is read with its user on an erased earlier version', () => {
    const { record: read, problems } = checkDisclosure(record({}, [first()]), IMPORTED_AT);
    expect(problems).toEqual([]);
    expect(read?.history?.[0]).toMatchObject({
      redactedAt: '2026-03-01T00:00:00.000Z',
      redactedBy: 'anna@brand',
    });
    // A version never redacted has no such keys: a file written before them reads as it did.
    expect(read).not.toHaveProperty('redactedAt');
  });

  it.each([
    [
      [first({ title: 'Audit: Li Wei' })],
      'history[0].title must be empty in a redacted version (redactedAt), got a text of 13 characters (not repeated here: it was erased)',
    ],
    [
      [first({ redactedAt: null })],
      'history[0].redactedBy must be absent while redactedAt is, got "anna@brand"',
    ],
    [
      [first({ redactedAt: '2025-12-01T00:00:00.000Z' })],
      "history[0].redactedAt 2025-12-01T00:00:00.000Z must not be before the version's recordedAt 2026-01-01T00:00:00.000Z",
    ],
    [
      [first({ redactedAt: '2999-01-01T00:00:00Z' })],
      'history[0].redactedAt must not be after the import (2026-12-06T12:00:00.000Z), got "2999-01-01T00:00:00Z"',
    ],
  ])('refuses %j', (history, problem) => {
    expect(checkDisclosure(record({}, history), IMPORTED_AT).problems).toContain(problem);
  });

  it('is refused on the current version of a disclosure that is not withdrawn, and without a history', () => {
    const erasedNow = { ...ERASED, redactedAt: '2026-03-01T00:00:00.000Z' };
    expect(checkDisclosure(record(erasedNow), IMPORTED_AT).problems).toEqual([
      'redactedAt 2026-03-01T00:00:00.000Z: the current version of a disclosure that is not withdrawn cannot be redacted',
    ]);
    const withdrawn = { ...erasedNow, withdrawnAt: '2026-03-01T00:00:00.000Z' };
    expect(checkDisclosure(record(withdrawn), IMPORTED_AT).problems).toEqual([]);
    expect(checkDisclosure(record({ ...withdrawn, history: null }), IMPORTED_AT).problems).toEqual([
      'redactedAt 2026-03-01T00:00:00.000Z: a redacted current version is read with its history (as tiersight export writes it)',
    ]);
  });

  it('on the current version, needs its recordedAt: the import would record it at its own instant, after the erasure', () => {
    const erased = {
      ...ERASED,
      withdrawnAt: '2026-03-01T00:00:00.000Z',
      redactedAt: '2026-03-02T00:00:00.000Z',
      recordedAt: null,
    };
    expect(checkDisclosure(record(erased), IMPORTED_AT).problems).toEqual([
      'redactedAt 2026-03-02T00:00:00.000Z: a redacted version states its recordedAt (else it is recorded at the import, after the erasure)',
    ]);
  });
});
