// The rules of a monitor's finding (src/domain/findings.ts) and of a finding's fields in tiersight/v1
// (src/import/record-rules.ts): what is stored, and each refusal naming the field and its value.
import { describe, expect, it } from 'vitest';
import { checkFinding } from '../../src/domain/findings.ts';
import { checkRisk } from '../../src/import/record-rules.ts';

const NOW = new Date('2026-12-06T12:00:00Z');
const FINDING = { kind: 'REPORT', severity: 'HIGH', source: ' Electronics Watch, 2026 ' } as const;

describe('checkFinding', () => {
  it('stores texts trimmed, a blank optional text as none and the instant in UTC', () => {
    expect(
      checkFinding({ ...FINDING, description: '  ', observedAt: '2026-03-01T10:00:00+01:00' }, NOW),
    ).toEqual({
      kind: 'REPORT',
      severity: 'HIGH',
      source: 'Electronics Watch, 2026',
      topics: [],
      description: null,
      evidenceUrl: null,
      observedAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('stores topics once each, in order', () => {
    const topics = ['HARSH_TREATMENT', 'FORCED_LABOUR', 'HARSH_TREATMENT'] as const;
    expect(checkFinding({ ...FINDING, topics }, NOW).topics).toEqual(['FORCED_LABOUR', 'HARSH_TREATMENT']);
  });

  it.each([
    [{ source: 'x'.repeat(301) }, /input\.source must be 1\.\.300 characters/],
    [
      { observedAt: 'March' },
      /input\.observedAt must be an ISO 8601 date or date-time with a zone, got "March"/,
    ],
    [{ observedAt: '2026-12-07' }, /input\.observedAt must not be in the future, got "2026-12-07"/],
    [{ evidenceUrl: 'javascript:alert(1)' }, /input\.evidenceUrl must be an http\(s\) URL/],
  ])('refuses %j', (change, message) => {
    expect(() => checkFinding({ ...FINDING, ...change }, NOW)).toThrow(message);
  });
});

describe("a finding's fields in tiersight/v1", () => {
  const risk = { id: 'f-1', organization: 'factory', kind: 'REPORT', source: 'EW', severity: 'HIGH' };

  it('keeps a finding whole: its monitor and user, and a withdrawal with its user', () => {
    const whole = {
      ...risk,
      recordedBy: 'ew',
      recordedByUserId: 'anna@ew',
      withdrawnAt: '2026-05-01T00:00:00.000Z',
      withdrawnByUserId: 'anna@ew',
    };
    expect(checkRisk(whole)).toMatchObject({ record: whole, problems: [] });
  });

  it.each([
    [{ recordedBy: 'ew' }, 'recordedBy and recordedByUserId go together'],
    [
      { recordedBy: 'ew', recordedByUserId: 'a', withdrawnAt: '2026-05-01T00:00:00Z' },
      'withdrawnAt and withdrawnByUserId go together',
    ],
    [{ withdrawnAt: '2026-05-01T00:00:00Z', withdrawnByUserId: 'a' }, 'withdrawnAt is only for a finding'],
    [
      { recordedBy: 'ew', recordedByUserId: 'a', kind: 'WATCHLIST' },
      'a finding (recordedBy) is of kind REPORT or AUDIT_FINDING, got "WATCHLIST"',
    ],
    [
      { recordedBy: 'factory', recordedByUserId: 'a' },
      `recordedBy must be another organization than the finding's organization, got "factory"`,
    ],
  ])('refuses %j', (change, problem) => {
    const checked = checkRisk({ ...risk, ...change });
    expect(checked.problems.join('; ')).toContain(problem);
  });
});
