// The dashboard's Search against names as imports store them: what shows as nothing inside a name (a
// soft hyphen from a word processor, a zero-width space from a web page) and full-width letters (a name
// copied from a Chinese or Japanese register) must not hide it from the letters a user types, as they
// do not hide it from screening (src/domain/normalize-name.ts foldText).
import { describe, expect, it } from 'vitest';
import { matches, NO_FILTERS } from '../../web/src/model.ts';
import { CLEAN } from './fixtures.ts';

const searched = (name: string, search: string) => matches({ ...CLEAN, name }, { ...NO_FILTERS, search });

describe('Search through invisible and full-width characters', () => {
  it.each([
    ['Gö\u00adteborgs Elektronik AB', 'göteborgs'],
    ['Acme\u200b Electronics', 'acme electronics'],
    ['Foxconn\u2060 Zhengzhou', 'foxconn zhengzhou'],
    ['ＡＣＭＥ 電子', 'acme'],
    ['Lenovo', 'ｌｅｎｏｖｏ'],
  ])('%j is found by %j', (name, search) => {
    expect(searched(name, search)).toBe(true);
  });

  it('still finds only what holds the letters typed', () => {
    expect(searched('Gö\u00adteborgs Elektronik AB', 'goteborgs')).toBe(false);
    expect(searched('ＡＣＭＥ 電子', 'acne')).toBe(false);
  });
});
