// An identifier a list gives is matched to an organization's os_id "without case, spaces, dots or
// dashes" (docs/screening.md), but registers and the pages it is copied from also write it in
// full-width letters and digits (Chinese and Japanese registers), with a full-width or Unicode dash,
// or with an invisible character a web page left in: the same identifier, which must match.
import { describe, expect, it } from 'vitest';
import { screenNames } from '../../src/modules/screening/match.ts';
import { listEntry } from '../support/watch-list-entries.ts';

const OS_ID = 'CN2019ABC123';

describe('identifiers as registers write them', () => {
  it.each([
    ['full-width', 'ＣＮ２０１９ＡＢＣ１２３'],
    ['a full-width dash', 'CN2019－ABC123'],
    ['a Unicode hyphen', 'CN2019\u2010ABC123'],
    ['a zero-width space', 'CN2019\u200bABC123'],
    ['a soft hyphen', 'CN2019\u00adABC123'],
  ])('the os_id written with %s is the organization’s', (_, written) => {
    const entry = listEntry('Entirely Other Name Ltd', {
      identifiers: [{ scheme: 'os_id', value: written }],
    });
    const [match] = screenNames(
      [{ id: 'o', name: 'Shenzhen Example Co', country: 'CN', osId: OS_ID }],
      [entry],
    );
    expect(match?.score).toBe(1);
  });

  it('another identifier is still another', () => {
    const entry = listEntry('Entirely Other Name Ltd', {
      identifiers: [{ scheme: 'os_id', value: 'ＣＮ２０１９ＡＢＣ１２４' }],
    });
    expect(
      screenNames([{ id: 'o', name: 'Shenzhen Example Co', country: 'CN', osId: OS_ID }], [entry]),
    ).toEqual([]);
  });
});
