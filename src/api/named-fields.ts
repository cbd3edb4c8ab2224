// Every field name a request's operation mentions, for resolvers that read less when a query asks for
// less (src/domain/chain-detail.ts). Deliberately coarse: any mention in the operation or in any of
// its fragments counts, whatever its type, place or @skip, so that a field the answer shows is never
// left unread; a name mentioned in vain only costs a fuller read.
import { visit, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';

// Once per operation: every resolver of a request sees the same operation node.
const cache = new WeakMap<OperationDefinitionNode, ReadonlySet<string>>();

export function namedFields(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>): ReadonlySet<string> {
  const cached = cache.get(info.operation);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  const collect = { Field: (node: { name: { value: string } }) => void names.add(node.name.value) };
  visit(info.operation, collect);
  for (const fragment of Object.values(info.fragments)) visit(fragment, collect);
  cache.set(info.operation, names);
  return names;
}
