import type { ExposureFindingResolvers, ExposureResolvers } from '../../../../resolvers/types.ts';
import type { ExposureContext } from '../context.ts';
import type { OrganizationsContext } from '../../organizations/context.ts';
import { heldOrganization } from '../../organizations/held-organization.ts';
import { seenOneAt } from '../../../domain/model.ts';

export const Exposure: ExposureResolvers<ExposureContext> = {
  blindSpots: ({ blindSpots }) => blindSpots.map((b) => b.organization),
  blindSpotDetails: ({ blindSpots }) => blindSpots,
};

export const ExposureFinding: ExposureFindingResolvers<OrganizationsContext> = {
  // As of the finding's own instant (a dated exposure's), as the organization it leads to. Read after the
  // exposure statement: one merged away since is the kept organization it now is (the walk's links moved
  // to it), as a lookup of its old id answers.
  path: ({ pathIds, organization }, _args, context) =>
    Promise.all(
      pathIds.map(async (id) =>
        seenOneAt(
          await heldOrganization(context, (at) => context.loaders.byId.load(at), id),
          organization.seenAt ?? null,
        ),
      ),
    ),
};
