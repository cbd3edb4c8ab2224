import type { ExposureFindingResolvers, ExposureResolvers } from '../src/generated/resolvers-types.ts';
import { required } from './required.ts';

export const Exposure: ExposureResolvers = {
  blindSpots: ({ blindSpots }) => blindSpots.map((b) => b.organization),
  blindSpotDetails: ({ blindSpots }) => blindSpots,
};

export const ExposureFinding: ExposureFindingResolvers = {
  path: ({ pathIds }, _args, { loaders }) =>
    Promise.all(pathIds.map(async (id) => required(await loaders.byId.load(id)))),
};
