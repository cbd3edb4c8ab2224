// A value from the data in a sentence of the dashboard (web/src/bidi.ts): a right-to-left name or one
// with bidirectional controls goes isolated, so it cannot reorder the words after it; every other
// value is left as it is, so sentences read and compare as before. Chromium's layout of both is in
// test/e2e/names-in-their-own-direction.test.ts.
import { describe, expect, it } from 'vitest';
import { isolate } from '../../web/src/bidi.ts';
import { blindSpotAdvice } from '../../web/src/model.ts';

const FSI = '\u2068';
const PDI = '\u2069';

describe('isolate', () => {
  it('leaves a left-to-right value as it is, whatever its script', () => {
    for (const value of [
      'Dell Technologies',
      'Foxconn (Zhengzhou) 富士康',
      'Ærø Ålesund',
      'Делл',
      'laptops, phones',
    ])
      expect(isolate(value)).toBe(value);
  });

  it('isolates a right-to-left name, as <bdi> would', () => {
    expect(isolate('שטראוס')).toBe(`${FSI}שטראוס${PDI}`);
    expect(isolate('شركة الحاسبات 3')).toBe(`${FSI}شركة الحاسبات 3${PDI}`);
  });

  it('drops the bidirectional controls of a stored name and isolates what is left', () => {
    // An open override, and a stray pop of an isolate that would end the isolate early.
    expect(isolate('Foxconn \u202eyrotcaF')).toBe(`${FSI}Foxconn yrotcaF${PDI}`);
    expect(isolate('A\u2069\u202eB')).toBe(`${FSI}AB${PDI}`);
  });

  it("is what the sentences use: a blind spot's advice names the organization isolated", () => {
    const organization = { id: 'x', name: 'Evil \u202eCorp', type: 'FACTORY', country: 'CN' } as const;
    expect(blindSpotAdvice({ organization, openAccessRequest: null })).toBe(
      `Ask ${FSI}Evil Corp${PDI} to share its sourcing with you: until it does, nothing behind it is visible.`,
    );
  });
});
