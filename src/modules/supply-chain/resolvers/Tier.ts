import type { TierResolvers } from '../../../../resolvers/types.ts';
import { pageOf } from '../../../domain/pages.ts';
import type { SupplyChainContext } from '../context.ts';

export const Tier: TierResolvers<SupplyChainContext> = {
  organizationsPage: ({ organizations }, { first, after }) => pageOf(organizations, first, after ?? null),
};
