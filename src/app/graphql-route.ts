// POST/GET /graphql: what the HTTP layer checks before Apollo runs anything, cheapest first and on the
// headers alone (method and media type; the bearer token, or for requests without a valid one a budget
// per address; rate and concurrency limits per token), then the body's size, and the per-request
// context built from the verified token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { TokenVerifier, VerifiedToken } from '../auth/verify-token.ts';
import type { RequestContext } from './context.ts';
import { DomainError, UnavailableError } from '../domain/errors.ts';
import { LIMITS } from '../api/limits.ts';
import { formatError } from '../api/errors.ts';
import { logError, type Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { createRequestContext, type Repositories } from './request-context.ts';
import { discardBody, isJsonContentType, readBody } from '../api/http/body.ts';
import { endWithBody } from '../api/http/compress.ts';
import { ClientLimits } from '../api/http/rate-limit.ts';
import type { RequestRecord } from '../api/http/request-record.ts';
import { sendError } from '../api/http/responses.ts';
import { retryAfterForCodes, STATUS_BY_CODE, type HttpErrorCode } from '../api/http/status.ts';

interface GraphqlRouteDeps {
  apollo: ApolloServer<RequestContext>;
  repositories: Repositories;
  /** Built once per server: it holds the identity provider's key cache (and the verified-token cache). */
  verifyToken: TokenVerifier;
  limits: ClientLimits;
  /** The address a request without a valid token is budgeted by (client-address.ts). */
  clientAddress: (request: IncomingMessage) => string;
  metrics: Metrics;
  /** Where a refusal that is the server's fault (Neo4j or the identity provider unreachable) is logged. */
  logger: Logger;
}

/** RATE_LIMITED, with the wait the limiter computed as its Retry-After. */
class RateLimited extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('RATE_LIMITED', message);
  }
}

const retryAfterOf = (error: DomainError): string | null =>
  error instanceof UnavailableError || error instanceof RateLimited
    ? String(error.retryAfterSeconds)
    : retryAfterForCodes([error.code]);

/** A request refused before execution (token, database): Apollo answers it with our status. */
function contextError(error: DomainError): GraphQLError {
  const retryAfter = retryAfterOf(error);
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

  /** Logs a refusal that is the server's fault (formatError decides which are): Apollo never sees it. */
  const logServerFault = (error: DomainError, record: RequestRecord) =>
    formatError({ message: error.message }, error, (fault, level) =>
      logError(deps.logger, { reqId: record.id }, fault, 'GraphQL error', level),
    );

  /** Answers on the headers alone: the body is let through unread and unparsed. */
  const refuse = (
    request: IncomingMessage,
    response: ServerResponse,
    record: RequestRecord,
    code: HttpErrorCode,
    message: string,
    headers: Record<string, string> = {},
  ) => {
    discardBody(request, LIMITS.maxBodyBytes);
    record.codes = [code];
    return sendError(response, code, message, headers);
  };
  const refuseWith = (
    request: IncomingMessage,
    response: ServerResponse,
    record: RequestRecord,
    error: DomainError,
  ) => {
    const retryAfter = retryAfterOf(error);
    const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': retryAfter };
    return refuse(request, response, record, error.code, error.message, headers);
  };

  return async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    record: RequestRecord,
  ): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'POST') {
      const message = 'Use POST (or GET with ?query=) for GraphQL requests.';
      return refuse(request, response, record, 'BAD_REQUEST', message, { allow: 'GET, POST' });
    }
    if (request.method === 'POST' && !isJsonContentType(request.headers['content-type'])) {
      metrics.refused.inc({ reason: 'media_type' });
      const message =
        'Send GraphQL requests as POST with content-type application/json (or as GET with ?query=).';
      return refuse(request, response, record, 'UNSUPPORTED_MEDIA_TYPE', message);
    }
    // The token before the body: a request without a valid one costs a signature check at most (none
    // for a token verified in the last seconds, see token-cache.ts), never reading and parsing a body.
    const address = deps.clientAddress(request);
    const authorization = request.headers.authorization ?? '';
    const token = await deps.verifyToken(authorization);
    if (!('organizationId' in token)) {
      // Also when the provider's keys could not be had: a flood of made-up tokens is still a flood.
      const refusal = await refusalOf(token, address, true);
      logServerFault(refusal, record);
      return refuseWith(request, response, record, refusal);
    }
    // The log line of a request refused before Apollo runs (rate, concurrency, body) still says whose
    // it was; Apollo replaces it with the viewer's organization once it has one.
    record.org = token.organizationId;
    const tokenKey = ClientLimits.principalKey(token.principal);
    const wait = await limits.admitToken(tokenKey);
    if (wait !== null) {
      metrics.refused.inc({ reason: 'rate' });
      const refusal = new RateLimited(wait, `Too many requests; retry after ${wait} s.`);
      return refuseWith(request, response, record, refusal);
    }
    if (!limits.enter(tokenKey)) {
      metrics.refused.inc({ reason: 'concurrency' });
      const message = 'Too many requests in flight for this token; wait for one to finish.';
      return refuseWith(request, response, record, new RateLimited(1, message));
    }
    try {
      await execute(request, response, url, address, record, token);
    } finally {
      limits.leave(tokenKey);
    }
  };

  /**
   * A made-up or expired token counts against its address like a request without one, so an address
   * sending a flood of them gets RATE_LIMITED; a valid token is never slowed by its neighbours.
   * `unverified`: the token did not verify, whatever the reason given.
   */
  async function refusalOf(error: DomainError, address: string, unverified = false): Promise<DomainError> {
    if (error.code !== 'UNAUTHENTICATED' && !unverified) return error;
    const wait = await limits.admitAnonymous(address);
    if (wait === null) return error;
    metrics.refused.inc({ reason: 'rate' });
    return new RateLimited(wait, `Too many requests without a valid token; retry after ${wait} s.`);
  }

  async function execute(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    address: string,
    record: RequestRecord,
    token: VerifiedToken,
  ) {
    let body: unknown;
    if (request.method === 'POST') {
      const text = await readBody(request, LIMITS.maxBodyBytes);
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        record.codes = ['BAD_REQUEST'];
        return sendError(response, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const context = await createRequestContext(deps.repositories, token).catch((error: unknown) => {
          if (error instanceof DomainError) return error;
          logError(deps.logger, { reqId: record.id }, error, 'GraphQL error');
          throw error;
        });
        if (context instanceof DomainError) {
          // A signed token whose organization does not exist counts against the address too.
          const refusal = await refusalOf(context, address);
          record.codes = [refusal.code];
          logServerFault(refusal, record);
          throw contextError(refusal);
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
