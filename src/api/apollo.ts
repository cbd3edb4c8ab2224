// The Apollo Server of the API: schema, validation limits, error formatting, and a plugin that gives
// each response the HTTP status of its error codes and tells the request's record how it went.
import {
  ApolloServer,
  type ApolloServerPlugin,
  type GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
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

/**
 * Looks at an answer before it is sent and may replace it (the import gate refuses a query whose store
 * changed while it ran). Checks run one after another, before the outcome is taken.
 */
export type AnswerCheck<Context extends object> = (
  request: GraphQLRequestContextWillSendResponse<Context>,
) => Promise<void>;

/**
 * Gives each response the HTTP status of its error codes (and Retry-After where they call for it) and
 * tells the request's record how it went. Apollo runs the willSendResponse hooks of different plugins
 * side by side, so a check that replaces the answer must run inside this one plugin, before it.
 */
function outcomePlugin<Context extends BaseContext>(
  checks: readonly AnswerCheck<Context>[],
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const record = currentRequest.getStore();
      return {
        async willSendResponse(request) {
          for (const check of checks) await check(request);
          const { response, operationName, contextValue } = request;
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
          if (retryAfter !== null && !response.http.headers.has('retry-after'))
            response.http.headers.set('retry-after', retryAfter);
        },
      };
    },
  };
}

export async function createApollo<Context extends BaseContext>(options: {
  schema: GraphQLSchema;
  introspection: boolean;
  logger: Logger;
  /** Checks that may still replace an answer; the outcome is taken after them. */
  answerChecks?: AnswerCheck<Context>[];
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
      outcomePlugin(options.answerChecks ?? []),
    ],
  });
  await apollo.start();
  return apollo;
}
