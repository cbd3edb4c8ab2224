import type { MutationResolvers } from '../../../../resolvers/types.ts';
import { withKeptId } from '../../organizations/organization-loaders.ts';
import type { SourcingContext } from '../context.ts';

export const Mutation: MutationResolvers<SourcingContext> = {
  // A merged organization's id stands for the kept one (docs/specification.md, "Merging duplicates").
  declareSupplyLink: (_parent, args, { sourcing, loaders }) => {
    const declare = (supplierId: string | null | undefined) =>
      sourcing.declare({
        supplierId,
        askedSupplierId: args.supplierId,
        newSupplier: args.newSupplier,
        products: args.products,
        validFrom: args.validFrom,
        validTo: args.validTo,
        idempotencyKey: args.idempotencyKey,
      });
    return args.supplierId ? withKeptId(loaders, args.supplierId, declare) : declare(args.supplierId);
  },
  // Absent and null differ here (absent keeps, null opens a date), so the arguments pass as given.
  amendSupplyLink: (_parent, args, { sourcing }) => sourcing.amend(args),
  endSupplyLink: (_parent, { id, validTo }, { sourcing }) => sourcing.end(id, validTo),
};
