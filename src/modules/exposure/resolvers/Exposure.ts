import type { ExposureFindingResolvers, ExposureResolvers } from '../../../../resolvers/types.ts';
import type { ExposureContext } from '../context.ts';
import type { OrganizationsContext } from '../../organizations/context.ts';
import { required } from '../../organizations/required.ts';
import { seenOneAt } from '../../../domain/model.ts';

export const Exposure: ExposureResolvers<ExposureContext> = {
  blindSpots: ({ blindSpots }) => blindSpots.map((b) => b.organization),
  blindSpotDetails: ({ blindSpots }) => blindSpots,
};

export const ExposureFinding: ExposureFindingResolvers<OrganizationsContext> = {
  // As of the finding's own instant (a dated exposure's), as the organization it leads to.
  path: ({ pathIds, organization }, _args, { loaders }) =>
    Promise.all(
      pathIds.map(async (id) =>
        seenOneAt(required(await loaders.byId.load(id)), organization.seenAt ?? null),
      ),
    ),
};
