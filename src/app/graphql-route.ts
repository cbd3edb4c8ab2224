// POST/GET /graphql: what the HTTP layer checks before Apollo runs anything (media type, body size,
// rate and concurrency limits per token, a budget per address for requests without a valid token),
// and the per-request context built from the bearer token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { TokenVerifier } from '../auth/verify-token.ts';
import type { RequestContext } from './context.ts';
import { DomainError, UnavailableError } from '../domain/errors.ts';
import { LIMITS } from '../api/limits.ts';
import { formatError } from '../api/errors.ts';
import { logError, type Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { createRequestContext, type Repositories } from './request-context.ts';
import { isJsonContentType, readBody } from '../api/http/body.ts';
import { endWithBody } from '../api/http/compress.ts';
import { ClientLimits } from '../api/http/rate-limit.ts';
import type { RequestRecord } from '../api/http/request-record.ts';
import { sendError } from '../api/http/responses.ts';
import { retryAfterForCodes, STATUS_BY_CODE } from '../api/http/status.ts';

export interface GraphqlRouteDeps {
  apollo: ApolloServer<RequestContext>;
  repositories: Repositories;
  /** Built once per server: it holds the identity provider's key cache. */
  verifyToken: TokenVerifier;
  limits: ClientLimits;
  metrics: Metrics;
  /** Where a refusal that is the server's fault (Neo4j unreachable) is logged. */
  logger: Logger;
}

/** A request refused before execution (token, database): Apollo answers it with our status. */
function contextError(error: DomainError): GraphQLError {
  const retryAfter =
    error instanceof UnavailableError ? String(error.retryAfterSeconds) : retryAfterForCodes([error.code]);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: error.code,
      http: {
        status: STATUS_BY_CODE[error.code],
        headers: new HeaderMap(retryAfter === null ? [] : [['retry-after', retryAfter]]),
      },
    },
  });
}

export function graphqlRoute(deps: GraphqlRouteDeps) {
  const { apollo, limits, metrics } = deps;
  const refuse = (
    response: ServerResponse,
    record: RequestRecord,
    reason: string,
    seconds: number,
    message: string,
  ) => {
    metrics.refused.inc({ reason });
    record.codes = ['RATE_LIMITED'];
    return sendError(response, 'RATE_LIMITED', message, { 'retry-after': String(seconds) });
  };

  return async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    record: RequestRecord,
  ): Promise<void> => {
    const address = request.socket.remoteAddress ?? 'unknown';
    const authorization = request.headers.authorization;
    const tokenKey = authorization ? ClientLimits.tokenKey(authorization) : null;
    // Rates first, before any parsing or signature check: they are the cheapest refusals.
    const wait = tokenKey === null ? await limits.admitAnonymous(address) : await limits.admitToken(tokenKey);
    if (wait !== null) {
      request.resume();
      return refuse(response, record, 'rate', wait, `Too many requests; retry after ${wait} s.`);
    }
    if (tokenKey !== null && !limits.enter(tokenKey)) {
      request.resume();
      return refuse(
        response,
        record,
        'concurrency',
        1,
        'Too many requests in flight for this token; wait for one to finish.',
      );
    }
    try {
      await execute(request, response, url, address, record);
    } finally {
      if (tokenKey !== null) limits.leave(tokenKey);
    }
  };

  /**
   * A made-up or expired token counts against its address like a request without one, so an address
   * sending a flood of them gets RATE_LIMITED; a valid token is never slowed by its neighbours.
   */
  async function refusalOf(error: DomainError, address: string): Promise<DomainError> {
    if (error.code !== 'UNAUTHENTICATED') return error;
    const wait = await limits.admitAnonymous(address);
    if (wait === null) return error;
    metrics.refused.inc({ reason: 'rate' });
    return new DomainError('RATE_LIMITED', `Too many requests without a valid token; retry after ${wait} s.`);
  }

  async function execute(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    address: string,
    record: RequestRecord,
  ) {
    let body: unknown;
    if (request.method === 'POST') {
      if (!isJsonContentType(request.headers['content-type'])) {
        request.resume();
        metrics.refused.inc({ reason: 'media_type' });
        return sendError(
          response,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send GraphQL requests as POST with content-type application/json (or as GET with ?query=).',
        );
      }
      const text = await readBody(request, LIMITS.maxBodyBytes);
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return sendError(response, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume();
      return sendError(response, 'BAD_REQUEST', 'Use POST (or GET with ?query=) for GraphQL requests.', {
        allow: 'GET, POST',
      });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const context = await createRequestContext(
          deps.repositories,
          deps.verifyToken,
          request.headers.authorization,
        ).catch((error: unknown) => {
          if (error instanceof DomainError) return error;
          logError(deps.logger, { reqId: record.id }, error, 'GraphQL error');
          throw error;
        });
        if (context instanceof DomainError) {
          const refusal = await refusalOf(context, address);
          record.codes = [refusal.code];
          const refused = contextError(refusal);
          // Apollo's own hooks never see this request, so its server-side errors are logged here.
          formatError(refused.toJSON(), refused, (error) =>
            logError(deps.logger, { reqId: record.id }, error, 'GraphQL error'),
          );
          throw refused;
        }
        context.record = record;
        return context;
      },
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return endWithBody(request, response, result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }
}
