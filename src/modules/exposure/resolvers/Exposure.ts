import type { ExposureFindingResolvers, ExposureResolvers } from '../../../../resolvers/types.ts';
import type { ExposureContext } from '../context.ts';
import type { OrganizationsContext } from '../../organizations/context.ts';
import { required } from '../../organizations/required.ts';

export const Exposure: ExposureResolvers<ExposureContext> = {
  blindSpots: ({ blindSpots }) => blindSpots.map((b) => b.organization),
  blindSpotDetails: ({ blindSpots }) => blindSpots,
};

export const ExposureFinding: ExposureFindingResolvers<OrganizationsContext> = {
  path: ({ pathIds }, _args, { loaders }) =>
    Promise.all(pathIds.map(async (id) => required(await loaders.byId.load(id)))),
};
