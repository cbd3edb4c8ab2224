// One reseller's sourcing shared with a buyer, and the buyer's chain read back, for the tests that
// watch a share take effect through API processes (replicas, a store replaced under one); the chain is
// read with TIER_IDS (reached.ts).
import type { TiersightFile } from '../../src/domain/format.ts';
import { graph } from './graph-builder.ts';

/** The reseller's mutation that shares its sourcing with the buyer. */
export const SHARE = `mutation { shareSourcing(recipientId: "buyer") { id active } }`;
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
