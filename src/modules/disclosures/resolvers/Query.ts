import type { QueryResolvers } from '../../../../resolvers/types.ts';
import { instantArgument } from '../../../domain/chain-arguments.ts';
import type { DisclosuresContext } from '../context.ts';

export const Query: QueryResolvers<DisclosuresContext> = {
  disclosure: (_parent, { id, asOf }, { disclosureLoaders }) =>
    disclosureLoaders.byId.load({ id, kind: null, asOf: instantArgument('asOf', asOf) }),
  disclosuresGiven: (_parent, { kind, includeWithdrawn, asOf, id }, { disclosures }) =>
    disclosures.given(
      { kind: kind ?? null, includeWithdrawn: includeWithdrawn === true, id: id ?? null },
      asOf,
    ),
  disclosuresReceived: (_parent, { kind, asOf }, { disclosures }) => disclosures.received(kind ?? null, asOf),
};
