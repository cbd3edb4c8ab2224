// The arguments every chain-walking query shares (supplyChain, exposure, paths), checked once.
import { badInput } from './errors.ts';
import { parseInstant } from './instants.ts';
import { quote } from './quote.ts';
import { productFilter } from './products.ts';
import { MAX_DEPTH, type ViewerScope } from './viewer-scope.ts';
import { wholeNumberArgument } from './whole-number.ts';

export const checkDepth = (maxDepth: number, name = 'maxDepth'): number =>
  wholeNumberArgument(name, maxDepth, 1, MAX_DEPTH);

/** An optional instant argument as a Date (null when absent); a bad one is BAD_USER_INPUT naming it. */
export function instantArgument(name: string, value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const instant = parseInstant(value);
  if (instant === null) throw badInput(`${name} must be an ISO 8601 date-time, got ${quote(value)}`);
  return instant;
}

/** The request's scope, or the same viewer at `asOf` (links and shares as held and recorded then). */
export function scopeAt(scope: ViewerScope, asOf: string | null | undefined): ViewerScope {
  const instant = instantArgument('asOf', asOf);
  return instant === null ? scope : { ...scope, instant, historical: true };
}

export interface ChainArguments {
  rootId?: string | null | undefined;
  maxDepth: number;
  asOf?: string | null | undefined;
  product?: string | null | undefined;
}

/** Checks a chain query's arguments and resolves its root (default: the viewer) and instant. */
export function checkChainArguments(scope: ViewerScope, args: ChainArguments) {
  return {
    rootId: args.rootId ?? scope.viewerId,
    depth: checkDepth(args.maxDepth),
    product: productFilter(args.product),
    scope: scopeAt(scope, args.asOf),
  };
}
