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
