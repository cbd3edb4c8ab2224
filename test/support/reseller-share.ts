// One reseller's sourcing shared with a buyer, and the buyer's chain read back, for the tests that
// watch a share take effect through API processes (replicas, a store replaced under one).
import type { TiersightFile } from '../../src/domain/format.ts';
import type { GraphQLResponse } from './api.ts';
import { graph } from './graph-builder.ts';

/** The reseller's mutation that shares its sourcing with the buyer. */
export const SHARE = `mutation { shareSourcing(recipientId: "buyer") { id active } }`;
/** The buyer's question: the organizations of its chain. */
export const TIER_IDS = '{ supplyChain { tiers { organizations { id } } } }';
/** What the buyer reaches without the reseller's share, and with it. */
export const NOT_SHARED = ['reseller'];
export const SHARED = ['brand', 'factory', 'reseller'];

/** Buyer ← reseller ← brand ← factory; the brand shares with the buyer, the reseller does not yet. */
export const resellerChain = (): TiersightFile =>
  graph()
    .org('buyer', 'PURCHASER')
    .org('reseller', 'RESELLER')
    .org('brand', 'BRAND')
    .org('factory', 'FACTORY')
    .link('reseller', 'buyer')
    .link('brand', 'reseller')
    .link('factory', 'brand')
    .share('brand', 'buyer')
    .build();

/** The organization ids of a TIER_IDS answer, sorted; null for an answer with errors. */
export function tierIdsOf(response: GraphQLResponse): string[] | null {
  if (response.errors !== undefined || !response.data) return null;
  const chain = response.data['supplyChain'] as { tiers: { organizations: { id: string }[] }[] };
  return chain.tiers.flatMap((tier) => tier.organizations.map((o) => o.id)).sort();
}
