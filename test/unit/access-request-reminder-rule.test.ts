// The reminder rule of access requests at its edges (src/domain/access-requests.ts): only an open
// request, only after its due date (not at it), and a day after the last reminder (at it, not before).
import { describe, expect, it } from 'vitest';
import { nextReminderAt, reminderProblem, type ReminderState } from '../../src/domain/access-requests.ts';

const DUE = '2026-11-09T00:00:00.000Z';
const open: ReminderState = { status: 'OPEN', dueAt: DUE, lastRemindedAt: null };
const at = (iso: string) => new Date(iso);

describe('nextReminderAt', () => {
  it('is the due date for the first reminder, a day after the last for the next, null once closed', () => {
    expect(nextReminderAt(open)?.toISOString()).toBe(DUE);
    expect(nextReminderAt({ ...open, lastRemindedAt: '2026-12-01T10:30:00.000Z' })?.toISOString()).toBe(
      '2026-12-02T10:30:00.000Z',
    );
    expect(nextReminderAt({ ...open, status: 'GRANTED' })).toBeNull();
  });

  it('never comes before the due date, which an extension moves past an earlier reminder', () => {
    const extended = {
      ...open,
      dueAt: '2026-12-15T00:00:00.000Z',
      lastRemindedAt: '2026-12-01T10:30:00.000Z',
    };
    expect(nextReminderAt(extended)?.toISOString()).toBe('2026-12-15T00:00:00.000Z');
    expect(reminderProblem('ar-1', extended, at('2026-12-10T00:00:00Z'))).toBe(
      'access request "ar-1" is due at 2026-12-15T00:00:00.000Z: a reminder may be sent once it is overdue, after that instant',
    );
  });
});

describe('reminderProblem', () => {
  it('refuses at the due date itself, and takes the first instant after it', () => {
    expect(reminderProblem('ar-1', open, at(DUE))).toMatch(/is due at 2026-11-09T00:00:00.000Z/);
    expect(reminderProblem('ar-1', open, at('2026-11-09T00:00:00.001Z'))).toBeNull();
  });

  it('refuses within a day of the last reminder, naming both instants, and takes the instant a day after', () => {
    const reminded = { ...open, lastRemindedAt: '2026-12-01T10:30:00.000Z' };
    expect(reminderProblem('ar-1', reminded, at('2026-12-02T10:29:59.999Z'))).toBe(
      'access request "ar-1" was reminded at 2026-12-01T10:30:00.000Z: one reminder a day, the next may be sent from 2026-12-02T10:30:00.000Z',
    );
    expect(reminderProblem('ar-1', reminded, at('2026-12-02T10:30:00.000Z'))).toBeNull();
  });

  it('names the status of a closed request first, and quotes the id as sent', () => {
    for (const status of ['GRANTED', 'DECLINED', 'WITHDRAWN'] as const)
      expect(reminderProblem('ar-"x"', { ...open, status }, at('2027-01-01T00:00:00Z'))).toBe(
        `access request "ar-\\"x\\"" is ${status}: only an OPEN request may be reminded`,
      );
  });
});
