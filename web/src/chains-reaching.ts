// "In your chains": which of the viewer's roots hold the organization the details panel shows, and at
// which tier (`chainsReaching`), for a viewer whom others share their chains with: a monitor, or a
// buyer whose reseller and brand both share. One button per other root shows that chain.
import { argumentsOf, graphql, type Capabilities } from './api.ts';
import { h } from './dom.ts';
import { isolate } from './bidi.ts';
import { byName, type Party, type Query } from './model.ts';

export interface ChainReach {
  root: Party;
  tier: number;
}

export type ChainsReachingState =
  | { kind: 'unavailable' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; reaching: ChainReach[] };

/** The operation for `id` under the dashboard's depth, As of day and product (not its root: all of them). */
export function chainsReachingOperation(id: string, q: Query, can: Capabilities) {
  const { declarations, args, variables } = argumentsOf({ ...q, rootId: null }, can);
  const query = `query DashboardChainsReaching($organizationId: ID!, ${declarations}) {
  chainsReaching(organizationId: $organizationId, ${args}) { root { id name } tier }
}`;
  return { query, variables: { ...variables, organizationId: id } };
}

export async function chainsReaching(
  id: string,
  q: Query,
  can: Capabilities,
  token: string,
): Promise<ChainReach[]> {
  const { query, variables } = chainsReachingOperation(id, q, can);
  return (await graphql<{ chainsReaching: ChainReach[] }>(query, variables, token)).chainsReaching;
}

/**
 * The "In your chains" part of the details panel: each root whose chain holds `name`, with its tier
 * there; the root shown now is marked, the others have a button that shows their chain.
 */
export function chainsReachingSection(
  state: ChainsReachingState,
  name: string,
  shownRootId: string,
  showChain: (root: Party) => void,
): (HTMLElement | false)[] {
  if (state.kind === 'unavailable') return [];
  const body =
    state.kind === 'loading'
      ? h('p', { class: 'muted' }, 'Loading…')
      : state.kind === 'failed'
        ? h('p', { role: 'alert', class: 'error' }, `Could not tell which chains hold it: ${state.message}`)
        : state.reaching.length === 0
          ? h('p', { class: 'muted' }, `No chain of yours holds ${isolate(name)} within these tiers.`)
          : h(
              'ul',
              { class: 'chains-reaching' },
              // Nearest first, then by name in the user's language (the API breaks ties by id).
              [...state.reaching]
                .sort((a, b) => a.tier - b.tier || byName(a.root, b.root))
                .map(({ root, tier }) =>
                  h(
                    'li',
                    { 'data-root-id': root.id },
                    `${isolate(root.name)} · tier ${tier}`,
                    root.id === shownRootId
                      ? h('span', { class: 'muted' }, ' (shown)')
                      : h(
                          'button',
                          {
                            type: 'button',
                            class: 'link-button',
                            // Begins with the words shown (WCAG 2.5.3, label in name): speech users say what they see.
                            'aria-label': `Show this chain: ${isolate(root.name)}`,
                            onclick: () => showChain(root),
                          },
                          ' Show this chain',
                        ),
                  ),
                ),
            );
  return [h('h3', { class: 'chains-reaching-heading' }, 'In your chains'), body];
}
