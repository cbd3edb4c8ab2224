// A text a record says was erased is named by its length in a refusal (quoteErased), whatever rule
// it breaks: one that is also no URL, too long or not well-formed was quoted whole (up to 80
// characters) by the field's own format check before the erasure's rule ever saw it.
import { describe, expect, it } from 'vitest';
import { checkAccessRequest } from '../../src/import/access-request-rules.ts';
import { checkDisclosure } from '../../src/import/disclosure-rules.ts';
import { checkRisk } from '../../src/import/record-rules.ts';
import { DECLINED_REQUEST, requestEvent } from '../support/redaction-fixtures.ts';

const IMPORTED_AT = new Date('2026-12-07T12:00:00Z');
const NAME = 'Li Wei';
const LONG = `${NAME} ${'said so. '.repeat(600)}`;
const HALF_SURROGATE = `${NAME} \ud800`;

const ERASED_FINDING = {
  id: 'f-1',
  organization: 'factory',
  kind: 'REPORT',
  source: '',
  severity: 'HIGH',
  recordedBy: 'ew',
  recordedByUserId: 'anna@ew',
  recordedAt: '2026-05-01T00:00:00.000Z',
  withdrawnAt: '2026-06-01T00:00:00.000Z',
  withdrawnByUserId: 'anna@ew',
  redactedAt: '2026-06-02T00:00:00.000Z',
  redactedByUserId: 'bo@ew',
};

const ERASED_REQUEST = {
  ...DECLINED_REQUEST,
  events: [
    requestEvent('SENT', '2026-05-01T00:00:00.000Z', 'buyer'),
    requestEvent('DECLINED', '2026-05-10T00:00:00.000Z', 'reseller'),
    requestEvent('REDACTED', '2026-05-11T00:00:00.000Z', 'reseller'),
    requestEvent('REDACTED', '2026-05-12T00:00:00.000Z', 'buyer'),
  ],
};

const refusal = (problems: string[]) => {
  expect(problems).not.toEqual([]);
  return problems.join('\n');
};

describe('an erased text that breaks its field format too', () => {
  it.each([
    ['source', { source: LONG }],
    ['source', { source: HALF_SURROGATE }],
    ['description', { description: LONG }],
    ['description', { description: HALF_SURROGATE }],
    ['evidenceUrl', { evidenceUrl: `${NAME}'s statement` }],
    ['evidenceUrl', { evidenceUrl: LONG }],
  ])("of a finding's %s is not quoted: %#", (field, change) => {
    const shown = refusal(checkRisk({ ...ERASED_FINDING, ...change }, IMPORTED_AT).problems);
    expect(shown).toContain(field);
    expect(shown).not.toContain(NAME);
  });

  it.each([
    ['message', { message: LONG }],
    ['reason', { reason: HALF_SURROGATE }],
    [
      'events[1].note',
      {
        events: [
          ERASED_REQUEST.events[0],
          requestEvent('DECLINED', '2026-05-10T00:00:00.000Z', 'reseller', LONG),
          ...ERASED_REQUEST.events.slice(2),
        ],
      },
    ],
  ])("of an access request's %s is not quoted: %#", (field, change) => {
    const shown = refusal(checkAccessRequest({ ...ERASED_REQUEST, ...change }, IMPORTED_AT).problems);
    expect(shown).toContain(field);
    expect(shown).not.toContain(NAME);
  });

  it.each([
    ['title', { title: HALF_SURROGATE }],
    ['documentUrl', { documentUrl: HALF_SURROGATE }],
    ['actions[0].finding', { actions: [{ ...ACTION, finding: HALF_SURROGATE }] }],
  ])("of a disclosure's redacted version's %s is not quoted: %#", (field, change) => {
    const erased = {
      title: '',
      issuedAt: '2026-01-01T00:00:00.000Z',
      actions: [ACTION],
      recordedAt: '2026-01-01T00:00:00.000Z',
      actorUserId: 'pat@brand',
      redactedAt: '2026-03-01T00:00:00.000Z',
      redactedBy: 'anna@brand',
    };
    const disclosure = {
      id: 'd-1',
      owner: 'brand',
      subject: 'brand',
      kind: 'AUDIT_REPORT',
      publishedAt: '2026-01-01T00:00:00.000Z',
      title: 'Audit of line 4',
      issuedAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-02-01T00:00:00.000Z',
      history: [{ ...erased, ...change }],
    };
    const shown = refusal(checkDisclosure(disclosure, IMPORTED_AT).problems);
    expect(shown).toContain(field);
    expect(shown).not.toContain(NAME);
  });
});

const ACTION = {
  id: 'cap-1',
  finding: '',
  severity: 'HIGH',
  action: '',
  dueAt: '2026-06-01T00:00:00.000Z',
  status: 'OPEN',
};
