// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Reminders of overdue access requests in the evidence panel: the outbox offers "Send a reminder…" on
// an overdue request whose next reminder is due (with an optional note, one idempotency key per form
// drawn, the server's refusal in the form's own alert line), says from when the next is possible once
// one was sent today, and offers nothing before the due date, in an As of view, or from an older
// server; the inbox shows the supplier that the buyer reminded it, how often, when, and what it said.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_CAPABILITIES, evidenceOperation, requestFields } from '../../web/src/api.ts';
import { renderEvidence, type EvidenceState } from '../../web/src/evidence.ts';
import { mayRemind, type AccessRequest } from '../../web/src/model.ts';
import { REQUEST } from './evidence-fixtures.ts';
import { settle } from './fake-api.ts';

const REMINDED_AT = '2026-12-06T09:12:00.000Z';
const NEXT = '2026-12-07T09:12:00.000Z';

/** Root Buyer's overdue request to Reseller AB, never reminded: a reminder may go now. */
const OVERDUE: AccessRequest = {
  ...REQUEST,
  reminderCount: 0,
  lastRemindedAt: null,
  nextReminderAt: REQUEST.dueAt,
  events: [{ action: 'SENT', at: REQUEST.sentAt, actorOrganization: { id: 'root' }, note: 'Please share.' }],
};
/** The same, reminded twice, the last time with a note, and not yet a day ago at NOW. */
const REMINDED: AccessRequest = {
  ...OVERDUE,
  id: 'ar-reminded',
  reminderCount: 2,
  lastRemindedAt: REMINDED_AT,
  nextReminderAt: NEXT,
  events: [
    ...OVERDUE.events!,
    { action: 'REMINDED', at: '2026-12-01T08:00:00.000Z', actorOrganization: { id: 'root' }, note: null },
    {
      action: 'REMINDED',
      at: REMINDED_AT,
      actorOrganization: { id: 'root' },
      note: 'We need it for our report.',
    },
  ],
};
const NOW = new Date('2026-12-06T12:00:00.000Z');

const mount = () => {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  return panel;
};
afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

const loaded = (inbox: AccessRequest[], outbox: AccessRequest[], requestsAsOf = false): EvidenceState => ({
  kind: 'loaded',
  evidence: { received: [], given: [], links: [], inbox, outbox },
  asOf: requestsAsOf ? '2026-11-20' : '',
  requestsAsOf,
});
const handlers = (remind = vi.fn(async (_r: AccessRequest, _m: string, _k: string) => {})) => ({
  show: vi.fn(),
  answer: vi.fn(async () => {}),
  withdraw: vi.fn(async () => {}),
  remind,
});
const card = (panel: HTMLElement, id: string) =>
  panel.querySelector<HTMLElement>(`li.access-request[data-request-id="${id}"]`)!;
const remindButton = (panel: HTMLElement, id: string) =>
  card(panel, id).querySelector<HTMLButtonElement>('button.remind');

describe('the outbox: Send a reminder…', () => {
  it('is offered on an overdue request whose next reminder is due, naming its target and day', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const panel = mount();
    renderEvidence(panel, loaded([], [OVERDUE]), false, handlers());
    const button = remindButton(panel, 'ar-1')!;
    expect(button.textContent).toBe('Send a reminder…');
    expect(button.getAttribute('aria-label')).toBe(
      'Send a reminder to Reseller AB of the request sent 2026-10-19…',
    );
    expect(card(panel, 'ar-1').querySelector<HTMLFormElement>('form.remind-form')!.hidden).toBe(true);
    expect(card(panel, 'ar-1').querySelector('label')!.textContent).toBe('Message to Reseller AB (optional)');
  });

  it('sends the note with one key for every submit of the form, and shows a refusal in the form', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const panel = mount();
    const remind = vi.fn(async (_r: AccessRequest, _m: string, _k: string) => {
      throw new Error(
        'access request "ar-1" was reminded at …: one reminder a day, the next may be sent from …',
      );
    });
    renderEvidence(panel, loaded([], [OVERDUE]), false, handlers(remind));
    remindButton(panel, 'ar-1')!.click();
    const form = card(panel, 'ar-1').querySelector<HTMLFormElement>('form.remind-form')!;
    expect(form.hidden).toBe(false);
    form.querySelector('textarea')!.value = 'Any news?';
    form.requestSubmit();
    await settle();
    form.requestSubmit();
    await settle();
    expect(remind).toHaveBeenCalledTimes(2);
    const [first, second] = remind.mock.calls;
    expect([first![0].id, first![1]]).toEqual(['ar-1', 'Any news?']);
    expect(second![2]).toBe(first![2]);
    expect(form.querySelector('[role="alert"]')!.textContent).toMatch(
      /one reminder a day, the next may be sent from/,
    );
  });

  it('says from when the next is possible once one was sent less than a day ago', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const panel = mount();
    renderEvidence(panel, loaded([], [REMINDED]), false, handlers());
    expect(remindButton(panel, 'ar-reminded')).toBeNull();
    expect(card(panel, 'ar-reminded').querySelector('.request-next-reminder')!.textContent).toBe(
      'One reminder a day: the next can be sent from 2026-12-07 09:12 UTC.',
    );
    expect(card(panel, 'ar-reminded').querySelector('.request-reminders')!.textContent).toBe(
      'You reminded Reseller AB twice, last on 2026-12-06 09:12 UTC.',
    );
  });

  it('is not offered before the due date, once closed, in an As of view, or by an older server', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const early = { ...OVERDUE, id: 'ar-early', overdue: false, dueAt: '2026-12-20T00:00:00.000Z' };
    const closed = {
      ...OVERDUE,
      id: 'ar-closed',
      status: 'WITHDRAWN' as const,
      overdue: false,
      nextReminderAt: null,
    };
    const {
      reminderCount: _c,
      lastRemindedAt: _l,
      nextReminderAt: _n,
      ...older
    } = { ...OVERDUE, id: 'ar-older' };
    let panel = mount();
    renderEvidence(panel, loaded([], [early, closed, older]), false, handlers());
    expect(panel.querySelectorAll('button.remind, .request-next-reminder')).toHaveLength(0);
    panel = mount();
    renderEvidence(panel, loaded([], [OVERDUE], true), false, handlers());
    expect(panel.querySelectorAll('button.remind')).toHaveLength(0);
    // Nor where the dashboard gives no handler for it.
    panel = mount();
    const { remind: _r, ...without } = handlers();
    renderEvidence(panel, loaded([], [OVERDUE]), false, without);
    expect(panel.querySelectorAll('button.remind')).toHaveLength(0);
  });
});

describe('the inbox: the supplier sees the buyer is waiting', () => {
  it('shows who reminded it, how often, when last, and the last note, marked on the card', () => {
    const panel = mount();
    const received = { ...REMINDED, requester: REQUEST.requester, target: { id: 'me', name: 'Me AB' } };
    renderEvidence(panel, loaded([received, { ...OVERDUE, id: 'ar-quiet' }], []), true, handlers());
    const reminded = card(panel, 'ar-reminded');
    expect(reminded.classList.contains('is-reminded')).toBe(true);
    expect(reminded.dataset['reminders']).toBe('2');
    expect(reminded.querySelector('.request-head .badge-reminded')!.textContent).toBe('reminded');
    expect(reminded.querySelector('.request-reminders')!.textContent).toBe(
      'Root Buyer reminded you twice, last on 2026-12-06 09:12 UTC.',
    );
    expect(reminded.querySelector('.request-reminder-note')!.textContent).toBe('We need it for our report.');
    // The inbox answers; it does not remind.
    expect(reminded.querySelector('button.remind')).toBeNull();
    const quiet = card(panel, 'ar-quiet');
    expect(quiet.classList.contains('is-reminded')).toBe(false);
    expect(quiet.querySelector('.request-reminders, .badge-reminded')).toBeNull();
  });
});

describe('what the dashboard asks for', () => {
  it('the reminder fields and events only of a server that takes reminders', () => {
    expect(evidenceOperation(ALL_CAPABILITIES, '')!.query).toContain(
      'reminderCount lastRemindedAt nextReminderAt',
    );
    const older = requestFields({ requestRedactions: false, remindAccessRequests: false });
    expect(older).not.toContain('reminderCount');
    expect(older).not.toContain('events');
    expect(requestFields({ requestRedactions: false, remindAccessRequests: true })).toContain(
      'events { action',
    );
  });

  it('mayRemind: open, overdue and its next reminder due', () => {
    expect(mayRemind(OVERDUE, NOW)).toBe(true);
    expect(mayRemind(REMINDED, NOW)).toBe(false);
    expect(mayRemind(REMINDED, new Date(NEXT))).toBe(true);
    expect(mayRemind({ ...OVERDUE, overdue: false }, NOW)).toBe(false);
    expect(mayRemind({ ...OVERDUE, nextReminderAt: undefined }, NOW)).toBe(false);
  });
});
