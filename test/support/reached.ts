// The organizations a viewer's chain reaches, as tests compare them: ids of every tier, sorted.
import type { GraphQLResponse, TestApi } from './api.ts';

/** The viewer's question: the organizations of its chain. */
export const TIER_IDS = '{ supplyChain { tiers { organizations { id } } } }';

/** The organization ids of a TIER_IDS answer, sorted; null for an answer with errors. */
export function tierIdsOf(response: GraphQLResponse): string[] | null {
  if (response.errors !== undefined || !response.data) return null;
  const chain = response.data['supplyChain'] as { tiers: { organizations: { id: string }[] }[] };
  return chain.tiers.flatMap((tier) => tier.organizations.map((o) => o.id)).sort();
}

/** What `viewer`'s chain reaches now, through `api`; fails naming the errors of a refused answer. */
export async function reachedThrough(api: Pick<TestApi, 'query'>, viewer: string): Promise<string[]> {
  const response = await api.query(viewer, TIER_IDS);
  const ids = tierIdsOf(response);
  if (ids === null) throw new Error(`supplyChain as ${viewer} failed: ${JSON.stringify(response.errors)}`);
  return ids;
}
