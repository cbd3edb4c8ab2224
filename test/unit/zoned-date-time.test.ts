import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/domain/instants.ts';
import { instantValue, zonedDateTime } from '../../src/graph/zoned-date-time.ts';

describe('zonedDateTime', () => {
  it.each([
    ['2022-08-11', '2022-08-11T00:00:00Z'],
    ['2022-08-11T10:05Z', '2022-08-11T10:05:00Z'],
    ['2022-08-11T10:05:07.5+02:00', '2022-08-11T10:05:07.500000000+02:00'],
    ['2022-08-11T10:05:07.123456789-05:30', '2022-08-11T10:05:07.123456789-05:30'],
  ])('gives %s the value and offset datetime() gives it', (text, shown) => {
    const value = zonedDateTime(text);
    expect(value?.toString()).toBe(shown);
    expect(value?.toStandardDate().getTime()).toBe(parseInstant(text)?.getTime());
  });

  it('keeps an absent date absent', () => {
    expect(zonedDateTime(null)).toBeNull();
    expect(zonedDateTime(undefined)).toBeNull();
  });
});

describe('instantValue', () => {
  it.each(['2022-08-11', '2022-08-11T10:05Z', '2022-08-11T10:05:07Z', '2022-08-11T10:05:07.123Z'])(
    'gives %s as the epoch milliseconds that say it exactly',
    (text) => {
      expect(instantValue(text)).toBe(parseInstant(text)?.getTime());
    },
  );

  it.each(['2022-08-11T10:05:07.5+02:00', '2022-08-11T10:05:07.1234Z', '2022-08-11T10:05+00:00'])(
    'gives %s, which milliseconds in UTC would not keep as written, as a DateTime',
    (text) => {
      expect(instantValue(text)?.toString()).toBe(zonedDateTime(text)?.toString());
    },
  );

  it('keeps an absent date absent', () => {
    expect(instantValue(null)).toBeNull();
    expect(instantValue(undefined)).toBeNull();
  });
});
