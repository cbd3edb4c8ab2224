// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Region Stockholm asked Hipro for its sourcing and its disclosures; Hipro granted its disclosures
// alone. The outbox then read "granted … Access to disclosures with no end date." (nothing said that
// the sourcing was not given) while Exposure, still listing Hipro as a blind spot, said "These
// organizations share nothing with you" above the share history's "Hipro … shared its disclosures
// with you". A blind spot is one that shares none of its sourcing (API: disclosures do not count).
import { afterEach, describe, expect, it } from 'vitest';
import { grantedAccess } from '../../web/src/granted-access.ts';
import { renderExposure } from '../../web/src/panels.ts';
import { CHAIN, EXPOSURE } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

const share = {
  scope: 'DISCLOSURES' as const,
  expiresAt: null,
  revokedAt: null,
  active: true,
};

describe('a request of both granted for one alone', () => {
  it('says what it did not give', () => {
    expect(grantedAccess('BOTH', [share])).toBe('Access to disclosures with no end date; none to sourcing.');
    expect(grantedAccess('BOTH', [{ ...share, scope: 'SOURCING' }])).toBe(
      'Access to sourcing with no end date; none to disclosures.',
    );
  });

  it('names sourcing first, as the request does, whatever order the shares come in', () => {
    expect(
      grantedAccess('BOTH', [
        { ...share, expiresAt: '2027-12-31T00:00:00.000Z' },
        { ...share, scope: 'SOURCING', expiresAt: '2027-12-31T00:00:00.000Z' },
      ]),
    ).toBe('Access to sourcing and disclosures until 2027-12-31.');
  });
});

describe('the blind spots of Exposure', () => {
  it('are those that share none of their sourcing, not "nothing": disclosures do not count', () => {
    const panel = document.createElement('div');
    document.body.replaceChildren(panel);
    renderExposure(panel, { kind: 'loaded', exposure: EXPOSURE }, CHAIN, () => {});
    expect(panel.textContent).toContain(
      'These organizations share none of their sourcing with you (disclosures do not count): the chain ' +
        'may go on behind them unseen.',
    );
    expect(panel.textContent).not.toContain('share nothing with you');
  });
});
