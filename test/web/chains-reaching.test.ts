// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// "In your chains" in the details panel: each root whose chain holds the organization, with its tier,
// the shown root marked and the others each with a button that shows their chain.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_CAPABILITIES } from '../../web/src/api.ts';
import { chainsReachingOperation, chainsReachingSection } from '../../web/src/chains-reaching.ts';
import { h } from '../../web/src/dom.ts';

afterEach(() => document.body.replaceChildren());

const mount = (parts: (HTMLElement | false)[]) => {
  const panel = h('div', {}, parts);
  document.body.replaceChildren(panel);
  return panel;
};

describe('In your chains', () => {
  it('lists each root with its tier, marks the shown one, and shows another on request', () => {
    const showChain = vi.fn();
    const panel = mount(
      chainsReachingSection(
        {
          kind: 'loaded',
          reaching: [
            { root: { id: 'us-dell', name: 'Dell Technologies' }, tier: 1 },
            { root: { id: 'se-region-stockholm', name: 'Region Stockholm' }, tier: 3 },
          ],
        },
        'Hipro Electronics',
        'se-region-stockholm',
        showChain,
      ),
    );
    const items = [...panel.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Dell Technologies · tier 1 Show this chain',
      'Region Stockholm · tier 3 (shown)',
    ]);
    panel
      .querySelector<HTMLButtonElement>('button[aria-label="Show this chain: Dell Technologies"]')!
      .click();
    expect(showChain).toHaveBeenCalledWith({ id: 'us-dell', name: 'Dell Technologies' });
  });

  it('says when no chain holds it, and shows nothing for a viewer with one root', () => {
    const none = mount(chainsReachingSection({ kind: 'loaded', reaching: [] }, 'Hipro', 'x', () => {}));
    expect(none.textContent).toContain('No chain of yours holds Hipro within these tiers.');
    expect(chainsReachingSection({ kind: 'unavailable' }, 'Hipro', 'x', () => {})).toEqual([]);
  });

  it('asks over every root, at the depth, As of day and product of the view, never its root', () => {
    const { query, variables } = chainsReachingOperation(
      'cn-hipro-dongguan',
      { rootId: 'us-dell', maxDepth: 4, asOf: '2016-06-01', product: 'laptops' },
      ALL_CAPABILITIES,
    );
    expect(query).not.toContain('rootId');
    expect(variables).toEqual({
      organizationId: 'cn-hipro-dongguan',
      maxDepth: 4,
      asOf: '2016-06-01',
      product: 'laptops',
    });
  });
});
