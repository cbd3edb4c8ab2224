// The Apollo Server of the API: schema, validation limits, error formatting, and a plugin that gives
// each response the HTTP status of its error codes and tells the request's record how it went.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { BaseContext } from './context.ts';
import { currentRequest } from './http/request-record.ts';
import { retryAfterForCodes, statusForCodes } from './http/status.ts';
import { logError, type Logger } from '../observability/logger.ts';
import { formatError } from './errors.ts';
import { LIMITS, noSubscriptions, operationLimits } from './limits.ts';

const outcomePlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    const record = currentRequest.getStore();
    return {
      async willSendResponse({ response, operationName, contextValue }) {
        if (record) {
          record.operation = operationName ?? null;
          record.org = contextValue.viewer?.organizationId ?? null;
        }
        if (response.body.kind !== 'single') return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.['code']));
        if (record) record.codes = codes;
        if (codes.length === 0) return;
        response.http.status = statusForCodes(codes);
        const retryAfter = retryAfterForCodes(codes);
        if (retryAfter !== null) response.http.headers.set('retry-after', retryAfter);
      },
    };
  },
};

export async function createApollo<Context extends BaseContext>(options: {
  schema: GraphQLSchema;
  introspection: boolean;
  logger: Logger;
  /** Plugins that may still change the answer; the outcome plugin runs after them and sees it. */
  plugins?: ApolloServerPlugin<Context>[];
}): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    validationRules: [noSubscriptions, operationLimits],
    introspection: options.introspection,
    // "Did you mean …" would describe the schema to clients that may not introspect it.
    hideSchemaDetailsFromClientErrors: !options.introspection,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError: (formatted, error) =>
      formatError(formatted, error, (e) =>
        logError(options.logger, { reqId: currentRequest.getStore()?.id }, e, 'GraphQL error'),
      ),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs these by default; cache control hooks every field of every answer to compute
      // cache hints that nothing here sends, and we publish no federation traces.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.plugins ?? []),
      outcomePlugin,
    ],
  });
  await apollo.start();
  return apollo;
}
