// Review of monitors' findings: a withdrawal in a tiersight/v1 file is a recording time, as a share's
// revokedAt is: never after the import that records it, and never before the finding was recorded.
// Accepted before, a withdrawal in the future hid the finding from organization.risks while exposure,
// supplyChain and riskAssessment still counted it, and one before its recording hid it at every instant.
import { describe, expect, it } from 'vitest';
import { checkRisk } from '../../src/import/record-rules.ts';

const IMPORTED_AT = new Date('2026-12-06T12:00:00Z');
const FINDING = {
  id: 'f-1',
  organization: 'factory',
  kind: 'REPORT',
  source: 'EW',
  severity: 'HIGH',
  recordedBy: 'ew',
  recordedByUserId: 'anna@ew',
  recordedAt: '2026-05-01T00:00:00.000Z',
  withdrawnByUserId: 'anna@ew',
};

describe("a finding's withdrawal in tiersight/v1", () => {
  it('is kept between its recording and the import', () => {
    for (const withdrawnAt of ['2026-05-01T00:00:00.000Z', '2026-12-06T12:00:00.000Z']) {
      expect(checkRisk({ ...FINDING, withdrawnAt }, IMPORTED_AT).problems).toEqual([]);
    }
  });

  it.each([
    [
      { withdrawnAt: '2999-01-01T00:00:00Z' },
      'withdrawnAt must not be after the import (2026-12-06T12:00:00.000Z), got "2999-01-01T00:00:00Z"',
    ],
    [
      { withdrawnAt: '2026-04-30T00:00:00Z' },
      'withdrawnAt must not be before recordedAt ("2026-05-01T00:00:00.000Z"), got "2026-04-30T00:00:00Z"',
    ],
    [
      { recordedAt: undefined, withdrawnAt: '2026-04-30T00:00:00Z' },
      'withdrawnAt must not be before recordedAt (the import, "2026-12-06T12:00:00.000Z", when none is given), got "2026-04-30T00:00:00Z"',
    ],
  ])('refuses %j', (change, problem) => {
    expect(checkRisk({ ...FINDING, ...change }, IMPORTED_AT).problems).toEqual([problem]);
  });
});

describe("a finding's erasure in tiersight/v1 (redactFinding)", () => {
  const ERASED = {
    ...FINDING,
    source: '',
    withdrawnAt: '2026-06-01T00:00:00.000Z',
    redactedAt: '2026-06-02T00:00:00.000Z',
    redactedByUserId: 'bo@ew',
  };

  it('is kept with its empty source, after the withdrawal and by the import', () => {
    const { record, problems } = checkRisk(ERASED, IMPORTED_AT);
    expect(problems).toEqual([]);
    expect(record).toMatchObject({ source: '', redactedAt: ERASED.redactedAt, redactedByUserId: 'bo@ew' });
    expect(checkRisk({ ...ERASED, redactedAt: ERASED.withdrawnAt }, IMPORTED_AT).problems).toEqual([]);
  });

  it.each([
    [
      { source: 'EW: Li Wei said so' },
      'source must be empty in a redacted finding (redactedAt), got a text of 18 characters (not repeated here: it was erased)',
    ],
    [
      { description: 'Li Wei' },
      'description must be absent in a redacted finding (redactedAt), got a text of 6 characters (not repeated here: it was erased)',
    ],
    [
      { evidenceUrl: 'https://ew.example/li-wei.pdf' },
      'evidenceUrl must be absent in a redacted finding (redactedAt), got a text of 29 characters (not repeated here: it was erased)',
    ],
    [
      { redactedAt: '2026-05-31T00:00:00Z' },
      'redactedAt must not be before withdrawnAt ("2026-06-01T00:00:00.000Z"), got "2026-05-31T00:00:00Z"',
    ],
    [
      { redactedAt: '2999-01-01T00:00:00Z' },
      'redactedAt must not be after the import (2026-12-06T12:00:00.000Z), got "2999-01-01T00:00:00Z"',
    ],
    [{ redactedByUserId: undefined }, 'redactedAt and redactedByUserId go together: give both, or neither'],
    [
      { withdrawnAt: undefined, withdrawnByUserId: undefined },
      'redactedAt 2026-06-02T00:00:00.000Z: only a withdrawn finding is redacted: give its withdrawnAt too',
    ],
  ] as const)('refuses %j: %s', (change, problem) => {
    expect(checkRisk({ ...ERASED, ...change }, IMPORTED_AT).problems).toEqual([problem]);
  });

  it('an empty source is still refused where nothing was erased', () => {
    const { redactedAt: _at, redactedByUserId: _by, ...standing } = ERASED;
    expect(checkRisk(standing, IMPORTED_AT).problems).toEqual([
      'source must be a non-empty string of at most 2000 characters, got ""',
    ]);
  });
});
