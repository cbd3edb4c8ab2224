// Bad input gets a clear error naming the bad value, and nothing runs: an operation that gives an ID
// no id can be or a text with an unpaired surrogate (src/api/malformed-arguments.ts) is answered
// BAD_USER_INPUT once it is resolved, before any resolver runs, so that no lookup of it reaches Neo4j
// and no mutation writes part of its work.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { MalformedArguments } from './malformed-arguments.ts';

/** How many malformed values one message names; the rest are counted (a list may hold thousands). */
const NAMED = 10;

export function refuseMalformedArguments<Context extends BaseContext>(
  schema: GraphQLSchema,
): ApolloServerPlugin<Context> {
  const checked = new MalformedArguments(schema);
  // One listener for every request: it keeps nothing of a request.
  const listener: GraphQLRequestListener<Context> = {
    async didResolveOperation({ document, operation, request }) {
      // No operation to run: Apollo refuses the request itself.
      if (operation === undefined) return;
      const malformed = checked.malformed(document, operation, request.variables ?? {});
      if (malformed.length === 0) return;
      const more = malformed.length - NAMED;
      throw new GraphQLError(
        malformed
          .slice(0, NAMED)
          .map((m) => m.message)
          .join('; ') + (more > 0 ? `; and ${more} more` : ''),
        { nodes: [...new Set(malformed.map((m) => m.node))], extensions: { code: 'BAD_USER_INPUT' } },
      );
    },
  };
  return { requestDidStart: async () => listener };
}
