// An access request's erasure in tiersight/v1 (redactAccessRequest, as `tiersight export` writes it or
// an operator states it): a REDACTED event by a party of a closed request, and that party's texts gone.
import { describe, expect, it } from 'vitest';
import { checkAccessRequest } from '../../src/import/access-request-rules.ts';
import { DECLINED_REQUEST, requestEvent } from '../support/redaction-fixtures.ts';

const IMPORTED_AT = new Date('2026-12-07T12:00:00Z');

/** Declined by the target, whose texts it then erased (the export of such a request). */
const ERASED_BY_TARGET = {
  ...DECLINED_REQUEST,
  message: 'Who makes them?',
  reason: null,
  events: [
    requestEvent('SENT', '2026-05-01T00:00:00.000Z', 'buyer', 'Who makes them?'),
    requestEvent('DECLINED', '2026-05-10T00:00:00.000Z', 'reseller'),
    requestEvent('REDACTED', '2026-05-11T00:00:00.000Z', 'reseller'),
  ],
};

const problems = (record: Record<string, unknown>) => checkAccessRequest(record, IMPORTED_AT).problems;

describe("an access request's erasure in tiersight/v1", () => {
  it('accepts a declined request without the reason its target erased', () => {
    expect(problems(ERASED_BY_TARGET)).toEqual([]);
    expect(problems({ ...ERASED_BY_TARGET, events: ERASED_BY_TARGET.events.slice(0, 2) })).toEqual([
      'reason is required when the status is DECLINED',
    ]);
  });

  it('refuses the texts of the party that erased them, naming each and the event that says so', () => {
    const restated = {
      ...ERASED_BY_TARGET,
      reason: 'Li Wei says no',
      events: [
        ERASED_BY_TARGET.events[0],
        requestEvent('DECLINED', '2026-05-10T00:00:00.000Z', 'reseller', 'Li Wei says no'),
        ERASED_BY_TARGET.events[2],
      ],
    };
    expect(problems(restated)).toEqual([
      'reason must be absent once "reseller" erased its texts (events[2]), got a text of 14 characters (not repeated here: it was erased)',
      'events[1].note must be absent once "reseller" erased its texts (events[2]), got a text of 14 characters (not repeated here: it was erased)',
    ]);
  });

  /** ERASED_BY_TARGET with one more event after its trail. */
  const withEvent = (added: ReturnType<typeof requestEvent>) => ({
    ...ERASED_BY_TARGET,
    events: [...ERASED_BY_TARGET.events, added],
  });

  it.each([
    [
      'by an organization that is no party',
      requestEvent('REDACTED', '2026-05-12T00:00:00.000Z', 'someone'),
      'events[3] (REDACTED): actorOrganizationId must be the requester or the target, got "someone"',
    ],
    [
      'twice by one party',
      requestEvent('REDACTED', '2026-05-12T00:00:00.000Z', 'reseller'),
      'events[3] (REDACTED): "reseller" erased its texts already in events[2]',
    ],
    [
      'before the request closed',
      requestEvent('REDACTED', '2026-05-09T00:00:00.000Z', 'someone'),
      'events[3] (REDACTED): at must not be before closedAt 2026-05-10T00:00:00.000Z, got "2026-05-09T00:00:00.000Z"',
    ],
    [
      'with a note',
      requestEvent('REDACTED', '2026-05-12T00:00:00.000Z', 'reseller', 'why'),
      'events[3] (REDACTED): note must be absent, got a text of 3 characters (not repeated here: it was erased)',
    ],
  ])('refuses an erasure %s', (_case, added, problem) => {
    expect(problems(withEvent(added))).toContain(problem);
  });

  it("refuses an open request's erasure", () => {
    const open = {
      ...ERASED_BY_TARGET,
      status: 'OPEN',
      closedAt: null,
      message: null,
      events: [
        requestEvent('SENT', '2026-05-01T00:00:00.000Z', 'buyer'),
        requestEvent('REDACTED', '2026-05-02T00:00:00.000Z', 'buyer'),
      ],
    };
    expect(problems(open)).toEqual([
      "events[1] (REDACTED): only a closed request's texts are erased; the status is OPEN",
    ]);
  });
});
