// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The details panel is redrawn whenever the disclosures, the exposure or the ranking arrive, a filter
// changes or "+K more" is pressed; the paths to the root are searched once per chain and organization.
// On a chain of 10,000 organizations and 30,000 links with cycles one search took 130-160 ms.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortestSimplePaths } from '../../src/domain/shortest-paths.ts';
import type * as ShortestPaths from '../../src/domain/shortest-paths.ts';
import { risksById } from '../../web/src/model.ts';
import { renderDetails } from '../../web/src/panels.ts';
import { CHAIN } from './fixtures.ts';

vi.mock('../../src/domain/shortest-paths.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof ShortestPaths>();
  return { ...actual, shortestSimplePaths: vi.fn(actual.shortestSimplePaths) };
});

afterEach(() => document.body.replaceChildren());

describe('the paths of the details panel', () => {
  it('are searched once for an organization, not again on each redraw of the panel', () => {
    const panel = document.createElement('div');
    document.body.replaceChildren(panel);
    const risks = risksById(CHAIN, null);
    const search = vi.mocked(shortestSimplePaths);
    search.mockClear();
    for (let redraw = 0; redraw < 3; redraw++)
      renderDetails(panel, CHAIN, 'factory-a', risks, { select: () => {}, close: () => {} });
    expect(panel.textContent).toContain('Path to the root');
    expect(search).toHaveBeenCalledTimes(1);
  });
});
