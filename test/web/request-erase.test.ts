// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Erasing what an organization wrote on a closed access request, in the dashboard, against a fake
// /graphql. In the inbox and outbox, a closed request whose own organization's texts are still there
// offers "Erase our texts…" to a supplier_admin, where the server has `redactAccessRequest`; it asks
// first (what goes, for both parties and at every date, what stays, for good), then calls the mutation
// and reads the page again; the card, drawn again, takes the focus and says where the text was
// "(message erased by you on <day>)". An erased text says so rather than vanishing, from the request's
// REDACTED events, which are asked for only where the server has that action.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../web/src/app.ts';
import {
  ALL_CAPABILITIES,
  TOKEN_KEY,
  capabilities,
  evidenceOperation,
  type Evidence,
} from '../../web/src/api.ts';
import { erasureQuestion, renderEvidence, type EvidenceState } from '../../web/src/evidence.ts';
import { textsErasedAt, type AccessRequest, type AccessRequestEvent } from '../../web/src/model.ts';
import { REQUEST } from './evidence-fixtures.ts';
import { fakeApi, refused, settle } from './fake-api.ts';

const ROOT_BUYER = REQUEST.requester;
const RESELLER = REQUEST.target;
const ERASED_AT = '2026-12-06T09:12:00.000Z';

const event = (
  action: AccessRequestEvent['action'],
  at: string,
  by: { id: string },
  note: string | null = null,
): AccessRequestEvent => ({ action, at, actorOrganization: { id: by.id }, note });

const sent = event('SENT', REQUEST.sentAt, ROOT_BUYER);
/** Root Buyer's request to Reseller AB, withdrawn: its message is Root Buyer's to erase. */
const WITHDRAWN: AccessRequest = {
  ...REQUEST,
  id: 'ar-out',
  status: 'WITHDRAWN',
  overdue: false,
  closedAt: '2026-10-25T10:00:00.000Z',
  message: 'Please share; ask Jane Doe at our purchasing desk.',
  events: [sent, event('WITHDRAWN', '2026-10-25T10:00:00.000Z', ROOT_BUYER)],
};
/** Another buyer's request to the viewer, declined: its reason is the viewer's to erase. */
const DECLINED: AccessRequest = {
  ...REQUEST,
  id: 'ar-in',
  requester: { id: 'other', name: 'Other Kommune' },
  target: ROOT_BUYER,
  status: 'DECLINED',
  overdue: false,
  closedAt: '2026-10-30T08:00:00.000Z',
  reason: 'John Smith, our buyer, says no.',
  events: [
    event('SENT', REQUEST.sentAt, { id: 'other' }),
    event('DECLINED', '2026-10-30T08:00:00.000Z', ROOT_BUYER),
  ],
};

const mount = () => {
  const panel = document.createElement('section');
  document.body.replaceChildren(panel);
  return panel;
};
afterEach(() => document.body.replaceChildren());

const loaded = (inbox: AccessRequest[], outbox: AccessRequest[], requestsAsOf = false): EvidenceState => ({
  kind: 'loaded',
  evidence: { received: [], given: [], links: [], inbox, outbox },
  asOf: requestsAsOf ? '2026-10-20' : '',
  requestsAsOf,
});
const handlers = () => ({
  show: vi.fn(),
  answer: vi.fn(async () => {}),
  withdraw: vi.fn(async () => {}),
  erase: vi.fn(async () => {}),
});
const card = (panel: HTMLElement, id: string) =>
  panel.querySelector<HTMLElement>(`li.access-request[data-request-id="${id}"]`)!;
const eraseButton = (panel: HTMLElement, id: string) =>
  card(panel, id).querySelector<HTMLButtonElement>('button.erase-request');
const CAN = { redactAccessRequests: true };

describe('the request lists: Erase our texts…', () => {
  const confirm = vi.fn((_question?: string) => true);
  beforeEach(() => {
    confirm.mockReset().mockReturnValue(true);
    window.confirm = confirm;
  });

  it('is offered on a closed request, sent or received, with texts of the viewer’s organization', () => {
    const panel = mount();
    renderEvidence(panel, loaded([DECLINED], [WITHDRAWN]), true, handlers(), CAN);
    expect(eraseButton(panel, 'ar-out')!.textContent).toBe('Erase our texts…');
    expect(eraseButton(panel, 'ar-out')!.getAttribute('aria-label')).toBe(
      'Erase our texts on the request to Reseller AB, sent 2026-10-19, withdrawn 2026-10-25…',
    );
    expect(eraseButton(panel, 'ar-in')!.getAttribute('aria-label')).toBe(
      "Erase our texts on Other Kommune's request, sent 2026-10-19, declined 2026-10-30…",
    );
  });

  it('is not offered on an open request, to an analyst, by an older server, or in an As of view', () => {
    let panel = mount();
    const open = { ...REQUEST, id: 'ar-open' };
    renderEvidence(panel, loaded([{ ...open, id: 'ar-open-in' }], [open]), true, handlers(), CAN);
    expect(panel.querySelectorAll('button.erase-request')).toHaveLength(0);
    for (const [canAnswer, can] of [
      [false, CAN],
      [true, { redactAccessRequests: false }],
    ] as const) {
      panel = mount();
      renderEvidence(panel, loaded([DECLINED], [WITHDRAWN]), canAnswer, handlers(), can);
      expect(panel.querySelectorAll('button.erase-request')).toHaveLength(0);
    }
    panel = mount();
    renderEvidence(panel, loaded([DECLINED], [WITHDRAWN]), true, handlers());
    expect(panel.querySelectorAll('button.erase-request'), 'the capability defaults to off').toHaveLength(0);
    panel = mount();
    renderEvidence(panel, loaded([DECLINED], [WITHDRAWN], true), true, handlers(), CAN);
    expect(panel.querySelectorAll('button.erase-request')).toHaveLength(0);
  });

  it('is not offered once erased, nor where the viewer’s organization wrote nothing', () => {
    const panel = mount();
    const erasedOut = {
      ...WITHDRAWN,
      id: 'ar-out-erased',
      message: null,
      events: [...WITHDRAWN.events!, event('REDACTED', ERASED_AT, ROOT_BUYER)],
    };
    const noMessage = { ...WITHDRAWN, id: 'ar-out-silent', message: null };
    // Withdrawn before any answer: the target wrote nothing on it.
    const withdrawnIn = { ...DECLINED, id: 'ar-in-withdrawn', status: 'WITHDRAWN' as const, reason: null };
    const extendedIn = { ...withdrawnIn, id: 'ar-in-extended', extended: true, reason: 'Asking Dell' };
    // Granted: the target wrote something only when its grant came with a note.
    const granted = (id: string, note: string | null) => ({
      ...withdrawnIn,
      id,
      status: 'GRANTED' as const,
      events: [event('SENT', REQUEST.sentAt, { id: 'other' }), event('GRANTED', ERASED_AT, ROOT_BUYER, note)],
    });
    const inbox = [withdrawnIn, extendedIn, granted('ar-in-granted', null), granted('ar-in-noted', 'Ask Li')];
    renderEvidence(panel, loaded(inbox, [erasedOut, noMessage]), true, handlers(), CAN);
    expect(eraseButton(panel, 'ar-out-erased')).toBeNull();
    expect(eraseButton(panel, 'ar-out-silent')).toBeNull();
    expect(eraseButton(panel, 'ar-in-withdrawn')).toBeNull();
    expect(eraseButton(panel, 'ar-in-extended')).not.toBeNull();
    expect(eraseButton(panel, 'ar-in-granted')).toBeNull();
    expect(eraseButton(panel, 'ar-in-noted')).not.toBeNull();
  });

  it('says where a text was erased, by whom (“you” for the viewer’s organization) and when', () => {
    const panel = mount();
    const redacted = (r: AccessRequest, by: { id: string }, patch: Partial<AccessRequest>) => ({
      ...r,
      ...patch,
      events: [...r.events!, event('REDACTED', ERASED_AT, by)],
    });
    const outbox = [
      redacted(WITHDRAWN, ROOT_BUYER, { message: null }),
      redacted({ ...WITHDRAWN, id: 'ar-out-2', status: 'DECLINED', reason: 'x' }, RESELLER, {
        reason: null,
      }),
    ];
    const inbox = [
      redacted(DECLINED, ROOT_BUYER, { reason: null }),
      redacted({ ...DECLINED, id: 'ar-in-2' }, { id: 'other' }, { message: null }),
    ];
    renderEvidence(panel, loaded(inbox, outbox), true, handlers(), CAN);
    const erased = (id: string) =>
      [...card(panel, id).querySelectorAll('.request-erased')].map((p) => p.textContent);
    expect(erased('ar-out')).toEqual(['(message erased by you on 2026-12-06)']);
    expect(card(panel, 'ar-out').querySelector('blockquote')).toBeNull();
    expect(erased('ar-out-2')).toEqual(['(reasons erased by Reseller AB on 2026-12-06)']);
    expect(card(panel, 'ar-out-2').querySelector('blockquote')!.textContent).toBe(WITHDRAWN.message);
    expect(erased('ar-in')).toEqual(['(reasons erased by you on 2026-12-06)']);
    expect(card(panel, 'ar-in').querySelector('.request-reason')).toBeNull();
    expect(erased('ar-in-2')).toEqual(['(message erased by Other Kommune on 2026-12-06)']);
    expect(card(panel, 'ar-in-2').querySelector('.request-reason')!.textContent).toBe(
      'Reason for declining: John Smith, our buyer, says no.',
    );
    // Without events (an older server), nothing is said: nothing is known to be erased.
    expect(textsErasedAt({ ...WITHDRAWN, events: undefined }, 'requester')).toBeNull();
  });

  it('asks first, saying what goes, for whom, what stays, and that it is for good; a no erases nothing', async () => {
    const panel = mount();
    const h = handlers();
    renderEvidence(panel, loaded([DECLINED], [WITHDRAWN]), true, h, CAN);
    confirm.mockReturnValue(false);
    eraseButton(panel, 'ar-out')!.click();
    eraseButton(panel, 'ar-in')!.click();
    await settle();
    expect(confirm.mock.calls.map(([q]) => q)).toEqual([
      "Erase your organization's message on the request to Reseller AB (sent 2026-10-19, withdrawn " +
        '2026-10-25)? Your message (the note sent with the request) is erased for both your organization ' +
        'and Reseller AB, at every date, also in views of an earlier day. What was asked, the dates, the ' +
        'status and any shares stay, and so does a record that you erased it and when. It cannot be undone.',
      "Erase your organization's reasons on Other Kommune's request (sent 2026-10-19, declined " +
        '2026-10-30)? Your reasons (for declining or extending it, and any note with your answer) are ' +
        'erased for both your organization and Other Kommune, at every date, also in views of an earlier ' +
        'day. What was asked, the dates, the status and any shares stay, and so does a record that you ' +
        'erased them and when. It cannot be undone.',
    ]);
    expect(confirm.mock.calls[0]![0]).toBe(erasureQuestion(WITHDRAWN, 'requester'));
    expect(h.erase).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    eraseButton(panel, 'ar-in')!.click();
    await settle();
    expect(h.erase).toHaveBeenCalledWith(DECLINED, 'target');
  });

  it('shows a refusal in the request, as the other actions do', async () => {
    const panel = mount();
    const h = handlers();
    h.erase.mockRejectedValueOnce(new Error('access request "ar-out" is OPEN: withdraw it first'));
    renderEvidence(panel, loaded([], [WITHDRAWN]), true, h, CAN);
    eraseButton(panel, 'ar-out')!.click();
    await settle();
    expect(card(panel, 'ar-out').querySelector('.request-alert')!.textContent).toBe(
      'access request "ar-out" is OPEN: withdraw it first',
    );
    expect(eraseButton(panel, 'ar-out')!.disabled).toBe(false);
  });
});

/** An introspection answer with these mutations and AccessRequestAction values (null: no such type). */
const introspection = (mutations: string[], actions: string[] | null) => {
  const type = (...names: string[]) => ({ fields: names.map((name) => ({ name, args: [] })) });
  return {
    data: {
      query: type('supplyChain', 'exposure', 'accessRequestsReceived', 'accessRequestsSent'),
      organization: type('risks'),
      finding: type(),
      blindSpot: type(),
      indicator: type(),
      action: type(),
      mutation: type(...mutations),
      requestAction: actions === null ? null : { enumValues: actions.map((name) => ({ name })) },
    },
  };
};

/** What the evidence query answers: the outbox and inbox as they now stand. */
let outbox: AccessRequest[];
let inbox: AccessRequest[];
/** What redactAccessRequest answers next: a refusal, or (null) success. */
let refusal: string | null;
let schema: ReturnType<typeof introspection> | null;
beforeEach(() => {
  outbox = [WITHDRAWN];
  inbox = [DECLINED];
  refusal = null;
  schema = null;
});

const erasedBy = (r: AccessRequest, by: { id: string }, patch: Partial<AccessRequest>) => ({
  ...r,
  ...patch,
  events: [...(r.events ?? []), event('REDACTED', ERASED_AT, by)],
});

const api = fakeApi(({ query, variables }) => {
  if (query.includes('{ me {'))
    return {
      data: {
        me: {
          organization: { ...ROOT_BUYER, type: 'PUBLIC_BUYER', country: 'NO' },
          roles: ['ANALYST', 'SUPPLIER_ADMIN'],
          roots: [],
        },
      },
    };
  if (query.includes('__type')) return schema ?? refused('introspection is off', 'GRAPHQL_VALIDATION_FAILED');
  if (query.includes('DashboardEvidence')) {
    // As a server answers a query that does not ask for the events.
    const asked = query.includes('events {');
    const shown = (list: AccessRequest[]) => list.map(({ events, ...r }) => (asked ? { ...r, events } : r));
    const evidence: Partial<Evidence> = { given: [], links: [], inbox: shown(inbox), outbox: shown(outbox) };
    return { data: { received: [], ...evidence } };
  }
  if (query.includes('redactAccessRequest(')) {
    if (refusal !== null) return refused(refusal);
    const id = variables['id'];
    outbox = outbox.map((r) => (r.id === id ? erasedBy(r, ROOT_BUYER, { message: null }) : r));
    inbox = inbox.map((r) => (r.id === id ? erasedBy(r, ROOT_BUYER, { reason: null }) : r));
    return { data: { redactAccessRequest: { id } } };
  }
  if (query.includes('withdrawAccessRequest(')) {
    const id = variables['id'];
    outbox = outbox.map((r) => (r.id === id ? { ...r, status: 'WITHDRAWN', closedAt: ERASED_AT } : r));
    return { data: { withdrawAccessRequest: outbox.find((r) => r.id === id) } };
  }
  return refused('not in this fake', 'INTERNAL_SERVER_ERROR');
});

/** The evidence queries sent so far (the lists of requests). */
const evidenceReads = () => api.sent.filter((r) => r.query.includes('DashboardEvidence'));

describe('Erase our texts… in the dashboard', () => {
  let root: HTMLElement;
  beforeEach(async () => {
    root = document.createElement('div');
    document.body.replaceChildren(root);
    sessionStorage.setItem(TOKEN_KEY, 'token-1');
  });
  afterEach(() => sessionStorage.clear());
  const started = async () => {
    await start(root);
    await settle(10);
    return root.querySelector<HTMLElement>('#evidence')!;
  };

  it('erases, reads the page again, says what was done and puts the focus on the request', async () => {
    const panel = await started();
    const chains = api.calls('supplyChain').length;
    const button = eraseButton(panel, 'ar-out')!;
    button.focus();
    button.click();
    await settle(10);
    expect(api.calls('redactAccessRequest').map((r) => r.variables)).toEqual([{ id: 'ar-out' }]);
    expect(api.confirm.mock.calls[0]![0]).toBe(erasureQuestion(WITHDRAWN, 'requester'));
    expect(api.calls('supplyChain').length).toBe(chains + 1);
    const status = root.querySelector('#status')!.textContent ?? '';
    expect(status).toMatch(
      /^Erased your message on the request to Reseller AB sent 2026-10-19: your organization and Reseller AB now see it erased, at every date\. /,
    );
    expect(status).not.toContain('Jane Doe');
    const erased = card(panel, 'ar-out');
    expect(erased.querySelector('.request-erased')!.textContent).toBe(
      '(message erased by you on 2026-12-06)',
    );
    expect(erased.querySelector('button.erase-request')).toBeNull();
    expect(panel.textContent).not.toContain('Jane Doe');
    expect(document.activeElement).toBe(erased);
  });

  it('erases the reasons of a request received, the card saying so', async () => {
    const panel = await started();
    eraseButton(panel, 'ar-in')!.click();
    await settle(10);
    expect(api.calls('redactAccessRequest').map((r) => r.variables)).toEqual([{ id: 'ar-in' }]);
    expect(root.querySelector('#status')!.textContent).toMatch(
      /^Erased your reasons on the request of Other Kommune sent 2026-10-19: your organization and Other Kommune now see them erased, at every date\. /,
    );
    expect(card(panel, 'ar-in').querySelector('.request-erased')!.textContent).toBe(
      '(reasons erased by you on 2026-12-06)',
    );
    expect(document.activeElement).toBe(card(panel, 'ar-in'));
  });

  it('takes the focus from a status line that took it meanwhile, not from what the user chose', async () => {
    let panel = await started();
    eraseButton(panel, 'ar-out')!.click();
    // Another change's reload ending while this one runs puts the focus there (focusStatusIfLost).
    root.querySelector<HTMLElement>('#status')!.focus();
    await settle(10);
    expect(document.activeElement).toBe(card(panel, 'ar-out'));

    outbox = [WITHDRAWN];
    panel = await started();
    const search = document.body.appendChild(document.createElement('input'));
    eraseButton(panel, 'ar-out')!.click();
    search.focus();
    await settle(10);
    expect(card(panel, 'ar-out').querySelector('.request-erased')).not.toBeNull();
    expect(document.activeElement).toBe(search);
  });

  it('withdrawing puts the focus on the request too, now closed, and it offers the erasure', async () => {
    outbox = [{ ...WITHDRAWN, id: 'ar-open', status: 'OPEN', closedAt: null, events: [sent] }];
    const panel = await started();
    const withdraw = card(panel, 'ar-open').querySelector<HTMLButtonElement>('button.withdraw')!;
    withdraw.click();
    root.querySelector<HTMLElement>('#status')!.focus();
    await settle(10);
    expect(api.calls('withdrawAccessRequest').map((r) => r.variables)).toEqual([{ id: 'ar-open' }]);
    expect(root.querySelector('#status')!.textContent).toMatch(/^Withdrew the request to Reseller AB\. /);
    expect(document.activeElement).toBe(card(panel, 'ar-open'));
    expect(eraseButton(panel, 'ar-open')).not.toBeNull();
  });

  it('shows the API’s refusal in the request and changes nothing', async () => {
    refusal = 'access request "ar-out" is OPEN: withdraw it first (withdrawAccessRequest), then erase';
    const panel = await started();
    const reads = evidenceReads().length;
    eraseButton(panel, 'ar-out')!.click();
    await settle(10);
    expect(card(panel, 'ar-out').querySelector('.request-alert')!.textContent).toBe(refusal);
    expect(evidenceReads().length).toBe(reads);
  });

  it('asks for the events, and offers the erasure, only where introspection finds them', async () => {
    expect(evidenceOperation(ALL_CAPABILITIES, '')!.query).toContain(
      'events { action at actorOrganization { id } note }',
    );
    schema = introspection(['redactAccessRequest', 'withdrawAccessRequest'], ['SENT', 'REDACTED']);
    expect(await capabilities('token')).toMatchObject({
      redactAccessRequests: true,
      requestRedactions: true,
    });
    let panel = await started();
    expect(evidenceReads().at(-1)!.query).toContain('events { action at');
    expect(eraseButton(panel, 'ar-out')).not.toBeNull();

    // An older server: no mutation, no REDACTED action; its answers are read as before.
    schema = introspection(['withdrawAccessRequest'], ['SENT', 'WITHDRAWN']);
    expect(await capabilities('token')).toMatchObject({
      redactAccessRequests: false,
      requestRedactions: false,
    });
    panel = await started();
    expect(evidenceReads().at(-1)!.query).not.toContain('events');
    expect(panel.querySelectorAll('button.erase-request')).toHaveLength(0);
    expect(card(panel, 'ar-out').querySelector('blockquote')!.textContent).toBe(WITHDRAWN.message);

    // A server without access requests has no AccessRequestAction type.
    schema = introspection([], null);
    expect(await capabilities('token')).toMatchObject({ requestRedactions: false });
  });
});
