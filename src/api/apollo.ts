// The Apollo Server of the API: schema, validation limits, the refusal of malformed ids, the body
// limit counted per variable use, error formatting, and a plugin that gives each response the HTTP
// status of its error codes, logs the
// errors that are the server's, and tells the request's record how it went.
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
import { literalFreeDocumentStore } from './document-store.ts';
import type { BaseContext } from './context.ts';
import { retryAfterForCodes, statusForCodes } from './http/status.ts';
import { logError, type ErrorLevel, type Logger } from '../observability/logger.ts';
import { formatError } from './errors.ts';
import { countVariablesPerUse } from './count-variables-per-use.ts';
import { jitGateway } from './jit-executor.ts';
import { LIMITS, noSubscriptions, operationLimits } from './limits.ts';
import { refuseMalformedArguments } from './refuse-malformed-arguments.ts';

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
 * Errors are logged here rather than in formatError, which does not know the request they belong to;
 * a request refused while its context was made is logged by the HTTP route (src/app/graphql-route.ts).
 */
function outcomePlugin<Context extends BaseContext>(
  checks: readonly AnswerCheck<Context>[],
  logger: Logger,
): ApolloServerPlugin<Context> {
  return {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      logError(logger, { reqId: requestContext.contextValue.record?.id }, error, 'GraphQL error');
    },
    async requestDidStart({ contextValue }) {
      // Apollo hands the hooks a copy of the context, made after the route filled in `record`.
      const { record } = contextValue;
      const log = (error: unknown, level: ErrorLevel) =>
        logError(logger, { reqId: record?.id }, error, 'GraphQL error', level);
      return {
        async didEncounterErrors({ errors }) {
          // formatError decides which errors are the server's; what it shows the client is made later.
          for (const error of errors) formatError(error.toJSON(), error, log);
        },
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
    gateway: jitGateway(options.schema),
    validationRules: [noSubscriptions, operationLimits],
    introspection: options.introspection,
    // "Did you mean …" would describe the schema to clients that may not introspect it.
    hideSchemaDetailsFromClientErrors: !options.introspection,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // Logging is the outcome plugin's, which knows the request.
    formatError: (formatted, error) => formatError(formatted, error, () => {}),
    includeStacktraceInErrorResponses: false,
    // The server stops Apollo itself, after the requests in flight (src/cli/commands/serve.ts): Apollo's
    // own SIGINT/SIGTERM handlers stopped it and raised the signal again, which killed the process
    // mid-request, its Neo4j connections left open.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // Automatic persisted queries keep one cache of query texts for every organization: a hash that
    // another organization's client registered answered where one nobody sent did not, so any token
    // could test guesses of what others asked (an id inlined in a query: whom they look for), a side
    // effect of one viewer's request that another could observe (rule 6). No client of Tiersight's
    // sends them; a request that does is refused alike, whatever its hash.
    persistedQueries: false,
    documentStore: literalFreeDocumentStore(),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs these by default; cache control hooks every field of every answer to compute
      // cache hints that nothing here sends, and we publish no federation traces.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      refuseMalformedArguments(options.schema),
      countVariablesPerUse(),
      outcomePlugin(options.answerChecks ?? [], options.logger),
    ],
  });
  await apollo.start();
  return apollo;
}
