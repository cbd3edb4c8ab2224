// The refusal of a revision that leaves out actions not yet closed (src/domain/open-actions-kept.ts):
// each named with its severity, status and due date, at most ten, in the order of the current version.
import { describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/domain/disclosures.ts';
import { openActionsLeftOut } from '../../src/domain/open-actions-kept.ts';

const AT = new Date('2026-12-07T00:00:00Z');
const action = (id: string, more: Partial<StoredAction> = {}): StoredAction => ({
  id,
  finding: 'f',
  severity: 'HIGH',
  action: 'a',
  dueAt: '2027-01-31T00:00:00.000Z',
  status: 'OPEN',
  closedAt: null,
  verification: null,
  ...more,
});

describe('openActionsLeftOut', () => {
  it('is null when every action not yet closed is kept, closed ones left out or not', () => {
    const current = [action('a'), action('b', { status: 'CLOSED', closedAt: '2026-01-01T00:00:00Z' })];
    expect(openActionsLeftOut(current, [{ id: 'a' }], AT)).toBeNull();
    expect(openActionsLeftOut(current, [{ id: 'b' }, { id: 'a' }, { id: 'new' }], AT)).toBeNull();
    expect(openActionsLeftOut([], [], AT)).toBeNull();
  });

  it('names those left out, overdue or due, and says how to end them', () => {
    const current = [
      action('late', { severity: 'CRITICAL', dueAt: '2026-06-01T00:00:00.000Z' }),
      action('kept'),
      action('working', { status: 'IN_PROGRESS', severity: 'MEDIUM' }),
    ];
    expect(openActionsLeftOut(current, [{ id: 'kept' }], AT)).toBe(
      "actions must keep every action not yet closed, which the disclosure's recipients see flagged until it is: " +
        '"late" (CRITICAL, OPEN, overdue since 2026-06-01), "working" (MEDIUM, IN_PROGRESS, due 2027-01-31) ' +
        'left out; send them again (updateDisclosure takes the whole content), close them ' +
        '(updateCorrectiveAction), or withdraw the disclosure',
    );
  });

  it('describes ten and counts the rest', () => {
    const current = Array.from({ length: 12 }, (_, i) => action(`a${i}`));
    const refusal = openActionsLeftOut(current, [], AT)!;
    expect(refusal).toContain('"a9" (HIGH, OPEN, due 2027-01-31) and 2 more left out');
    expect(refusal).not.toContain('"a10"');
  });
});
