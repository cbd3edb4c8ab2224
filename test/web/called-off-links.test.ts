// A link called off before its start (validTo = validFrom, however far ahead) holds at no instant: the
// API lists it only with includeEnded and refuses to share, amend or end it, so the dashboard's forms
// must not offer it as current (web/src/shares.ts).
import { describe, expect, it } from 'vitest';
import { calledOff, linkEnded, linkWords } from '../../web/src/shares.ts';

const AHEAD = '2031-01-01T00:00:00.000Z';
const link = (validFrom: string | null, validTo: string | null) => ({
  supplier: { name: 'Hipro Electronics' },
  products: ['power supplies'],
  validFrom,
  validTo,
});

describe('a called-off link', () => {
  it('has ended, though its end is years ahead', () => {
    const off = link(AHEAD, AHEAD);
    expect([calledOff(off), linkEnded(off)]).toEqual([true, true]);
    expect(linkWords(off)).toBe('Hipro Electronics for power supplies, called off');
  });

  it('is not a link that starts later, nor one that ends later', () => {
    for (const current of [link(AHEAD, null), link('2020-01-01T00:00:00Z', AHEAD), link(null, null)]) {
      expect([calledOff(current), linkEnded(current)]).toEqual([false, false]);
      expect(linkWords(current)).toBe('Hipro Electronics for power supplies');
    }
    const ended = link('2020-01-01T00:00:00Z', '2024-06-01T00:00:00Z');
    expect([calledOff(ended), linkEnded(ended)]).toEqual([false, true]);
    expect(linkWords(ended)).toBe('Hipro Electronics for power supplies, ended 2024-06-01');
  });

  it('compares instants, not their spelling', () => {
    expect(calledOff(link('2031-01-01T00:00:00Z', AHEAD))).toBe(true);
  });
});
