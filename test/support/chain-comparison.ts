// A supply chain as the API answers it and as the reference model computes it, in one comparable shape:
// organizations with their tiers by id, link ids sorted. Property tests compare the two.
import type { ReferenceModel, ReferenceView } from './reference-model.ts';

/** What a `supplyChain { tiers { tier organizations { id } } links { id } }` selection answers. */
export type ApiChain = {
  tiers: { tier: number; organizations: { id: string }[] }[];
  links: { id: string }[];
};

export const apiChain = (chain: ApiChain) => ({
  organizations: chain.tiers
    .flatMap((tier) => tier.organizations.map((o) => ({ id: o.id, tier: tier.tier })))
    .sort((a, b) => a.id.localeCompare(b.id)),
  links: chain.links.map((l) => l.id).sort(),
});

export const referenceChain = (
  model: ReferenceModel,
  viewer: string,
  root: string,
  depth: number,
  view: ReferenceView,
) => {
  const chain = model.supplyChain(viewer, root, depth, view);
  return {
    organizations: chain.organizations.sort((a, b) => a.id.localeCompare(b.id)),
    links: chain.links.sort(),
  };
};
