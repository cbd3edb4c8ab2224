import type { ExposureFindingResolvers, ExposureResolvers } from '../../../../resolvers/types.ts';
import type { ExposureContext } from '../context.ts';
import type { OrganizationsContext } from '../../organizations/context.ts';
import { required } from '../../organizations/required.ts';
import { seenOneAt, type Organization } from '../../../domain/model.ts';
import type { OrganizationLoaders } from '../../organizations/organization-loaders.ts';

export const Exposure: ExposureResolvers<ExposureContext> = {
  blindSpots: ({ blindSpots }) => blindSpots.map((b) => b.organization),
  blindSpotDetails: ({ blindSpots }) => blindSpots,
};

/**
 * An organization of a path the exposure statement walked, read after it: one merged away since is the
 * kept organization it now is (the walk's links moved to it), as a lookup of its old id answers.
 */
async function onPath(loaders: OrganizationLoaders, id: string): Promise<Organization> {
  const found = await loaders.byId.load(id);
  if (found !== null) return found;
  const kept = await loaders.kept.load(id);
  return required(kept === id ? null : await loaders.byId.load(kept));
}

export const ExposureFinding: ExposureFindingResolvers<OrganizationsContext> = {
  // As of the finding's own instant (a dated exposure's), as the organization it leads to.
  path: ({ pathIds, organization }, _args, { loaders }) =>
    Promise.all(pathIds.map(async (id) => seenOneAt(await onPath(loaders, id), organization.seenAt ?? null))),
};
