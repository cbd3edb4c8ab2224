import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/domain/instants.ts';
import {
  checkLink,
  checkOrganization,
  checkRisk,
  checkScreeningCandidate,
  checkShare,
} from '../../src/import/record-rules.ts';

describe('parseInstant', () => {
  it.each([
    ['2014-09-15', '2014-09-15T00:00:00.000Z'],
    ['2014-09-15T10:30:00Z', '2014-09-15T10:30:00.000Z'],
    ['2014-09-15T10:30+02:00', '2014-09-15T08:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2014-09-15T10:30+18:00', '2014-09-14T16:30:00.000Z'],
    ['2014-09-15T10:30-18:00', '2014-09-16T04:30:00.000Z'],
  ])('accepts %s', (text, iso) => expect(parseInstant(text)?.toISOString()).toBe(iso));

  it.each([
    '2021-02-30',
    '2014-9-15',
    '2014-09-15T10:30',
    '15/09/2014',
    'yesterday',
    '2014-09-15T25:00Z',
    // Offsets Neo4j's datetime() refuses: an import would fail halfway, a cursor with a 500.
    '2014-09-15T10:30+19:00',
    '2014-09-15T10:30+18:01',
    '2014-09-15T10:30-18:30',
    '2014-09-15T10:30+05:60',
    '',
  ])('rejects %j', (text) => expect(parseInstant(text)).toBeNull());
});

describe('organization records', () => {
  it('normalizes optional fields, including Open Supply Hub spellings', () => {
    const checked = checkOrganization({
      id: 'f1',
      name: 'F',
      type: 'FACTORY',
      country: 'CN',
      os_id: 'CN2021',
      coordinates: { lat: 22.9, lng: 113.7 },
    });
    expect(checked.record).toMatchObject({ id: 'f1', osId: 'CN2021', latitude: 22.9, longitude: 113.7 });
  });

  it('listed is a boolean when present', () => {
    const base = { id: 'm', name: 'M', type: 'MONITOR', country: 'NL' };
    expect(checkOrganization({ ...base, listed: true }).record).toMatchObject({ listed: true });
    expect(checkOrganization(base).record).not.toHaveProperty('listed');
    expect(checkOrganization({ ...base, listed: 'yes' }).problems).toEqual([
      'listed must be true or false, got "yes"',
    ]);
  });

  it('reports every bad field at once', () => {
    const checked = checkOrganization({
      id: ' x',
      name: 3,
      type: 'factory',
      country: 'China',
      latitude: 200,
    });
    expect(checked.problems).toEqual([
      'id must be a non-empty string of at most 200 characters without surrounding spaces, control characters or unpaired surrogates, got " x"',
      'name must be a non-empty string of at most 2000 characters, got 3',
      'type must be one of PURCHASER, RESELLER, BRAND, MANUFACTURER, FACTORY, MONITOR, got "factory"',
      'country must be an assigned ISO 3166-1 alpha-2 code (e.g. SE, CN), got "China"',
      'latitude must be a number from -90 to 90, got 200',
    ]);
  });
});

describe('link, share and risk records', () => {
  it('a link needs two different ends and ordered dates', () => {
    expect(checkLink({ id: 'l', supplier: 'a', customer: 'a', products: [] }).problems).toEqual([
      'supplier and customer are the same organization "a"',
    ]);
    expect(checkLink({ id: 'l', supplier: 'a', customer: 'b' }).record?.products).toEqual([]);
  });

  it('a share lists links at most once; an empty list (frozen by a merge) covers nothing', () => {
    expect(checkShare({ id: 's', owner: 'a', recipient: 'b', linkIds: [] }).record?.linkIds).toEqual([]);
    expect(checkShare({ id: 's', owner: 'a', recipient: 'b', linkIds: ['l', 'l'] }).problems).toEqual([
      'linkIds lists "l" twice',
    ]);
  });

  it("a share's audit trail names a known action, an instant and both actors", () => {
    const share = { id: 's', owner: 'a', recipient: 'b', linkIds: null };
    const event = {
      action: 'GRANTED',
      at: '2024-01-01T10:00:00+02:00',
      actorUserId: 'u',
      actorOrganizationId: 'a',
    };
    expect(checkShare({ ...share, events: [event] }).record?.events).toEqual([event]);
    expect(checkShare({ ...share, events: null }).record).not.toHaveProperty('events');
    expect(
      checkShare({
        ...share,
        events: [{ ...event, action: 'EDITED', at: 'yesterday' }, 'oops', { action: 'REVOKED' }],
      }).problems,
    ).toEqual([
      'events[0].at must be an ISO 8601 date (2014-09-15) or date-time with a zone, got "yesterday"',
      'events[0].action must be one of GRANTED, REVOKED, got "EDITED"',
      'events[1] must be a JSON object, got "oops"',
      'events[2].at must be an ISO 8601 date-time, got nothing',
      'events[2].actorUserId must be a non-empty string of at most 2000 characters, got nothing',
      'events[2].actorOrganizationId must be a non-empty string of at most 200 characters without surrounding spaces, control characters or unpaired surrogates, got nothing',
    ]);
    expect(checkShare({ ...share, events: {} }).problems).toEqual([
      'events must be an array of at most 10000 share events, got {}',
    ]);
  });

  it("a link's audit trail keeps each action's own fields and names every bad one", () => {
    const link = { id: 'l1', supplier: 's', customer: 'c' };
    const terms = { supplierId: 's', products: ['cables'], validFrom: '2025-01-01', validTo: null };
    const declared = {
      action: 'DECLARED',
      at: '2025-01-02T03:04:05.678Z',
      actorUserId: 'u1',
      actorOrganizationId: 'c',
      supplierCreated: true,
      after: terms,
    };
    const amended = {
      action: 'AMENDED',
      at: '2025-02-01T00:00:00Z',
      actorUserId: 'u1',
      actorOrganizationId: 'c',
      successorId: 'l2',
      before: terms,
      after: { ...terms, validTo: '2025-02-01T00:00:00Z' },
    };
    expect(checkLink({ ...link, supersededBy: 'l2', events: [declared, amended] }).record).toEqual({
      ...link,
      products: [],
      validFrom: null,
      validTo: null,
      recordedAt: null,
      supersededBy: 'l2',
      events: [declared, amended],
    });
    expect(checkLink({ ...link, events: null }).record).not.toHaveProperty('events');
    expect(
      checkLink({
        ...link,
        supersededBy: ' l2',
        events: [
          { ...amended, successorId: undefined, before: 'then' },
          { ...declared, action: 'MOVED', after: { ...terms, supplierId: '', products: 'cables' } },
        ],
      }).problems,
    ).toEqual([
      'supersededBy must be a non-empty string of at most 200 characters without surrounding spaces, control characters or unpaired surrogates, got " l2"',
      'events[0].successorId must be a non-empty string of at most 200 characters without surrounding spaces, control characters or unpaired surrogates, got nothing',
      'events[0].before must be a JSON object, got "then"',
      'events[1].action must be one of DECLARED, AMENDED, ENDED, got "MOVED"',
      'events[1].after.supplierId must be a non-empty string of at most 200 characters without surrounding spaces, control characters or unpaired surrogates, got ""',
      'events[1].after.products must be an array of at most 10000 product names, got "cables"',
    ]);
  });

  it('a link ends where it starts only when its trail shows it was called off before it started', () => {
    const start = '2027-01-01T00:00:00.000Z';
    const link = { id: 'l1', supplier: 's', customer: 'c', validFrom: start, validTo: start };
    const terms = { supplierId: 's', products: [], validFrom: start, validTo: null };
    const event = (action: string, after: object) => ({
      action,
      at: '2026-12-01T00:00:00Z',
      actorUserId: 'u1',
      actorOrganizationId: 'c',
      ...(action === 'DECLARED' ? {} : { before: terms }),
      after,
    });
    const ended = event('ENDED', { ...terms, validTo: start });
    expect(checkLink({ ...link, events: [event('DECLARED', terms), ended] }).problems).toEqual([]);
    const refused = [
      `validFrom ${start} must be before validTo ${start} (equal only for a link ended before it started, with its events)`,
    ];
    expect(checkLink(link).problems).toEqual(refused);
    expect(checkLink({ ...link, events: [event('DECLARED', terms)] }).problems).toEqual(refused);
  });

  it('a risk needs a known kind and severity and an http(s) evidence URL', () => {
    const checked = checkRisk({
      id: 'r',
      organization: 'a',
      kind: 'RUMOUR',
      source: 'S',
      severity: 'HIGH',
      evidenceUrl: 'javascript:alert(1)',
    });
    expect(checked.problems).toEqual([
      'kind must be one of WATCHLIST, REGION, AUDIT_FINDING, REPORT, got "RUMOUR"',
      'evidenceUrl must be an http(s) URL, got "javascript:alert(1)"',
    ]);
  });
});

describe('screening candidate records', () => {
  const candidate = {
    id: 'sc-1',
    organization: 'cn-foo',
    indicatorId: 'wl-cn-foo-e-1-12345678',
    source: 'Test list',
    listEntryId: 'E-1',
    severity: 'HIGH',
    description: 'Foo Inc. matches "Foo Ltd"',
    entryName: 'Foo Ltd',
    matchedName: 'Foo Inc.',
    matchedEntryName: 'Foo Ltd',
    score: 0.95,
    explanation: ['names: "Foo Inc." ~ "Foo Ltd"'],
    status: 'PENDING',
    createdAt: '2025-01-01T00:00:00Z',
  };
  const importedAt = new Date('2026-01-01T00:00:00Z');

  it('reads a pending and a decided candidate', () => {
    expect(checkScreeningCandidate(candidate, importedAt).problems).toEqual([]);
    const rejected = {
      ...candidate,
      status: 'REJECTED',
      decidedAt: '2025-02-01T00:00:00Z',
      decidedByUserId: 'analyst-1',
      decidedForOrganizationId: 'admin-org',
      note: 'namesake',
    };
    expect(checkScreeningCandidate(rejected, importedAt).record).toMatchObject({
      status: 'REJECTED',
      note: 'namesake',
    });
  });

  it('refuses a decision without its time and author, a pending one with a note, and a later decidedAt', () => {
    expect(checkScreeningCandidate({ ...candidate, status: 'CONFIRMED' }, importedAt).problems).toEqual([
      'a CONFIRMED candidate says when and by whom: decidedAt and decidedByUserId are required',
    ]);
    expect(checkScreeningCandidate({ ...candidate, note: 'why' }, importedAt).problems).toEqual([
      'a PENDING candidate is not decided: no decidedAt, decidedByUserId or note',
    ]);
    expect(
      checkScreeningCandidate(
        { ...candidate, status: 'REJECTED', decidedAt: '2026-06-01', decidedByUserId: 'a', score: 2 },
        importedAt,
      ).problems,
    ).toEqual([
      'score must be a number from 0 to 1, got 2',
      'decidedAt must not be after the import (2026-01-01T00:00:00.000Z), got "2026-06-01"',
    ]);
  });
});
