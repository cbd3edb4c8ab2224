// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Review (today4) of the dashboard changes of 71d7dd2: what a granted request says of its access, and
// the details' paths to the root on every redraw.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortestSimplePaths } from '../../src/domain/shortest-paths.ts';
import { renderEvidence } from '../../web/src/evidence.ts';
import { risksById, type SupplyChain } from '../../web/src/model.ts';
import { renderDetails } from '../../web/src/panels.ts';
import { REQUEST } from './evidence-fixtures.ts';
import { CHAIN } from './fixtures.ts';

vi.mock('../../src/domain/shortest-paths.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/domain/shortest-paths.ts')>();
  return { ...actual, shortestSimplePaths: vi.fn(actual.shortestSimplePaths) };
});

const mount = () => {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  return container;
};
afterEach(() => document.body.replaceChildren());

const handlers = () => ({
  show: vi.fn(),
  answer: vi.fn(async () => {}),
  withdraw: vi.fn(async () => {}),
});

/** The outbox drawn with `outbox`; the access line of each granted request. */
function accessLines(outbox: (typeof REQUEST)[]): (string | null)[] {
  const panel = mount();
  renderEvidence(
    panel,
    {
      kind: 'loaded',
      evidence: { received: [], given: [], links: [], inbox: [], outbox },
      asOf: '',
      requestsAsOf: false,
    },
    true,
    handlers(),
  );
  return [...panel.querySelectorAll('ul.outbox .request-access')].map((p) => p.textContent);
}

const granted = {
  ...REQUEST,
  status: 'GRANTED' as const,
  overdue: false,
  closedAt: '2026-11-01T00:00:00.000Z',
};
const share = { scope: 'SOURCING' as const, expiresAt: null, revokedAt: null, active: true };

describe('a granted request says what access it still gives', () => {
  it('names the scope when a request for BOTH holds one share only (an imported grant)', () => {
    // tiersight/v1 files accept any shareIds from the target to the requester (docs/specification.md,
    // section 6), so a BOTH request may carry the sourcing share alone. "Access until 2027-06-30." then
    // reads as access to both sourcing and disclosures.
    const [line] = accessLines([
      {
        ...granted,
        id: 'ar-both-one',
        scope: 'BOTH',
        shares: [{ ...share, expiresAt: '2027-06-30T00:00:00.000Z' }],
      },
    ]);
    expect(line).toContain('sourcing');
  });

  it('gives the day access ended when the share ran out before it was revoked', () => {
    // revokeShare accepts an expired share (share.revoke tests only revokedAt), and the request then
    // says the access ended at the revoke, five days after it really ended.
    const [line] = accessLines([
      {
        ...granted,
        id: 'ar-expired-then-revoked',
        shares: [
          {
            ...share,
            expiresAt: '2026-11-30T00:00:00.000Z',
            revokedAt: '2026-12-05T10:00:00.000Z',
            active: false,
          },
        ],
      },
    ]);
    expect(line).toBe('Access ended 2026-11-30.');
  });
});

describe('the paths of the details panel', () => {
  it('are searched once for an organization, not again on each redraw of the panel', () => {
    // renderChain redraws the details whenever the disclosures, the exposure or the ranking arrive,
    // a filter changes or "+K more" is pressed; each redraw runs the Yen search again. On a chain of
    // 10,000 organizations and 30,000 links with cycles one search took 130-160 ms (tsx, this machine),
    // against a few ms for the breadth-first search it replaced.
    const panel = mount();
    const chain: SupplyChain = CHAIN;
    const risks = risksById(chain, null);
    const search = vi.mocked(shortestSimplePaths);
    search.mockClear();
    for (let redraw = 0; redraw < 3; redraw++)
      renderDetails(panel, chain, 'factory-a', risks, { select: () => {}, close: () => {} });
    expect(panel.textContent).toContain('Path to the root');
    expect(search).toHaveBeenCalledTimes(1);
  });
});
