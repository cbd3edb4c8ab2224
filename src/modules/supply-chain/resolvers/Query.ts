import type { QueryResolvers } from '../../../../resolvers/types.ts';
import { namedFields } from '../../../api/named-fields.ts';
import { nestedFieldArguments } from '../../../api/nested-field-arguments.ts';
import { chainDetailFor } from '../../../domain/chain-detail.ts';
import { planDisclosuresAbout } from '../../disclosures/prefetch-disclosures.ts';
import { planRisksAlong } from '../../organizations/prefetch-risks.ts';
import type { SupplyChainContext } from '../context.ts';

export const Query: QueryResolvers<SupplyChainContext> = {
  supplyChain: async (_parent, args, { supplyChains, disclosureLoaders, loaders }, info) => {
    const items = ['tiers', 'organizations'];
    const plan = planDisclosuresAbout(disclosureLoaders, info, items, args.asOf);
    const risks = planRisksAlong(loaders, info, items, args.asOf);
    const detail = chainDetailFor(namedFields(info), nestedFieldArguments(info, [], 'links').length > 0);
    const read = await supplyChains.supplyChainAsAsked(
      args,
      { disclosures: plan.along, risks: risks.along },
      detail,
    );
    const ids = read.chain.tiers.flatMap((tier) => tier.organizations.map((o) => o.id));
    risks.keep(ids, read.risks);
    await plan.complete(ids, read.disclosures);
    return read.chain;
  },
};
