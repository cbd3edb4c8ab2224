// An Apollo plugin that gives every GraphQL response the HTTP status of its error codes (see
// src/http/status.ts), with Retry-After where the client should come back later.
import type { ApolloServerPlugin } from '@apollo/server';
import { retryAfterForCodes, statusForCodes } from '../http/status.ts';

export function responseStatusPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.['code']);
          if (codes.length === 0) return;
          response.http.status = statusForCodes(codes);
          const retryAfter = retryAfterForCodes(codes);
          if (retryAfter !== null) response.http.headers.set('retry-after', retryAfter);
        },
      };
    },
  };
}
