// An As of day after today is a projection (specification, section 2: what will hold then if nothing
// recorded so far changes), yet the page read as history: "as they stood on 2027-10-01", an open
// request "overdue", an audit "expired". The status line now says that the day is still to come.
import { describe, expect, it } from 'vitest';
import { asOfAhead } from '../../web/src/model.ts';

describe('asOfAhead', () => {
  it('says that a day after today is still to come and what the view then shows', () => {
    expect(asOfAhead('2027-10-01', '2026-12-07')).toBe(
      '2027-10-01 is still to come: this shows what will hold then if nothing recorded so far changes.',
    );
  });

  it('says nothing of today, a past day or no day', () => {
    expect(asOfAhead('2026-12-07', '2026-12-07')).toBeNull();
    expect(asOfAhead('2016-06-01', '2026-12-07')).toBeNull();
    expect(asOfAhead('', '2026-12-07')).toBeNull();
  });
});
