// The body limit, with each variable counted once for every place the operation uses it
// (variable-uses.ts): one input sent once and named under 30 aliases of a mutation would otherwise
// write 30 times what the request carried. Such a request is refused as a body over the limit is
// (PAYLOAD_TOO_LARGE, 413) once its operation is resolved, before anything runs.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { LIMITS } from './limits.ts';
import { variableWeight } from './variable-uses.ts';

export function countVariablesPerUse<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  // One listener for every request: it keeps nothing of a request.
  const listener: GraphQLRequestListener<Context> = {
    async didResolveOperation({ document, operation, request }) {
      // No operation to run: Apollo refuses the request itself.
      if (operation === undefined) return;
      const weight = variableWeight(document, operation, request.variables ?? {});
      if (weight === undefined || weight.bytes <= LIMITS.maxBodyBytes) return;
      const { name, bytes, uses } = weight.heaviest;
      throw new GraphQLError(
        `Request over ${LIMITS.maxBodyBytes} bytes once each variable counts once per use: ` +
          `$${name} (${bytes} bytes) is used ${uses} times.`,
        { extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      );
    },
  };
  return { requestDidStart: async () => listener };
}
