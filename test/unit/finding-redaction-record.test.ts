// Review of redactFinding in tiersight/v1: a record of an erased finding written by hand (the
// operator's erasure, section 6) that leaves its source out is told what the erasure asks, an empty
// source, not to give a non-empty one (which the next check then refuses).
import { describe, expect, it } from 'vitest';
import { checkRisk } from '../../src/import/record-rules.ts';

const IMPORTED_AT = new Date('2026-12-06T12:00:00Z');
const ERASED = {
  id: 'f-1',
  organization: 'factory',
  kind: 'REPORT',
  severity: 'HIGH',
  recordedBy: 'ew',
  recordedByUserId: 'anna@ew',
  recordedAt: '2026-05-01T00:00:00.000Z',
  withdrawnAt: '2026-06-01T00:00:00.000Z',
  withdrawnByUserId: 'anna@ew',
  redactedAt: '2026-06-02T00:00:00.000Z',
  redactedByUserId: 'anna@ew',
};

describe("an erased finding's source in tiersight/v1", () => {
  it.each([
    [{}, 'source must be empty ("") in a redacted finding (redactedAt), got nothing'],
    [{ source: null }, 'source must be empty ("") in a redacted finding (redactedAt), got null'],
    [{ source: 7 }, 'source must be a string, got 7'],
  ] as const)('refuses %j: %s', (change, problem) => {
    expect(checkRisk({ ...ERASED, ...change }, IMPORTED_AT).problems).toEqual([problem]);
  });

  it('accepts the empty source the erasure left', () => {
    expect(checkRisk({ ...ERASED, source: '' }, IMPORTED_AT).problems).toEqual([]);
  });
});
