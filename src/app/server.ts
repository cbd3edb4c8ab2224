// The HTTP side: Apollo Server behind a small node:http handler. Around every request it keeps a
// record (request id, operation, viewer, outcome) for one access-log line and the metrics; in front of
// GraphQL it enforces media type, body size, rate and concurrency limits; and it answers the probes
// (/livez, /readyz), /metrics, the built dashboard (web/dist) at `/`, GraphiQL at GET /graphql for
// browsers, and in local demo mode /dev/token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { cachedTokenVerifier } from '../auth/token-cache.ts';
import { createTokenVerifier } from '../auth/verify-token.ts';
import { DEFAULT_HTTP, DEFAULT_RATE_LIMITS, type Config } from '../config.ts';
import type { RequestContext } from './context.ts';
import type { Executor } from '../graph/executor.ts';
import { HealthRepository } from '../graph/health-repository.ts';
import { createApollo } from '../api/apollo.ts';
import { BodyTooLarge, ClientAborted } from '../api/http/body.ts';
import { clientAddressOf } from '../api/http/client-address.ts';
import { capConnections } from './connection-slots.ts';
import { DEV_TOKEN_PATH, devTokenRoute } from './dev-token.ts';
import { graphqlRoute } from './graphql-route.ts';
import { healthRoutes, importReadiness, neo4jReadiness, type ReadinessCheck } from './health.ts';
import { ClientLimits } from '../api/http/rate-limit.ts';
import { newRequestRecord, type RequestRecord } from '../api/http/request-record.ts';
import { sendError, sendJson } from '../api/http/responses.ts';
import { prefersHtml, serveEntry, serveStatic } from '../api/http/static.ts';
import {
  bounded,
  MAX_LOGGED_ORGANIZATION,
  MAX_LOGGED_PATH,
  MAX_OPERATION_NAME,
} from '../observability/client-text.ts';
import { createLogger, logError, type Logger } from '../observability/logger.ts';
import { Metrics } from '../observability/metrics.ts';
import { metricsReadable } from '../observability/metrics-access.ts';
import { REPO_ROOT } from '../runtime/paths.ts';
import { createRepositories } from './request-context.ts';
import { buildSchema } from './schema.ts';

export interface App {
  url: string;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  metrics: Metrics;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Pick<Config, 'port' | 'host' | 'jwt' | 'environment'> &
    Partial<
      Pick<Config, 'http' | 'rateLimits' | 'logLevel' | 'introspection' | 'riskModel' | 'metricsToken'>
    >;
  executor: Executor;
  /** Where log lines go (default: JSON lines on stderr at config.logLevel). */
  logger?: Logger;
  /** Readiness checks besides Neo4j, migrations and imports. */
  readinessChecks?: readonly ReadinessCheck[];
  /**
   * How old this process's view of unfinished imports may be (default IMPORT_STATE_MAX_AGE_MS; an
   * importer elsewhere waits longer than that before its first write, see src/import/import-gate.ts).
   */
  importStateMaxAgeMs?: number;
  /** The built dashboard to serve at `/` (default web/dist of the checkout); null serves none. */
  webRoot?: string | null;
  /**
   * Offer POST /dev/token (src/app/dev-token.ts). Even when true the route exists only in local demo
   * mode: environment not production and the development JWT secret in use. Default false.
   */
  devTokens?: boolean;
}

const DEFAULT_WEB_ROOT = `${REPO_ROOT}web/dist`;

/** Time the server checks idle and slow connections at; Node's default (30 s) lets slow clients linger. */
const CONNECTION_CHECK_MS = 1_000;

export async function startApp(options: AppOptions): Promise<App> {
  const { config, executor } = options;
  const http = config.http ?? DEFAULT_HTTP;
  const logger = options.logger ?? createLogger(config.logLevel ?? 'info');
  const metrics = new Metrics(executor);
  const unwatchStore = executor.onReplacedStore((detail) =>
    logger.warn(
      { detail },
      'The database is older than transactions this process committed (a backup or snapshot put back?): serving it as it is now',
    ),
  );
  const introspection = config.introspection ?? config.environment !== 'production';
  const repositories = createRepositories(
    executor,
    { log: (message) => logger.warn(message), maxAgeMs: options.importStateMaxAgeMs },
    config.riskModel,
  );
  const apollo = await createApollo<RequestContext>({
    schema: buildSchema(),
    introspection,
    logger,
    answerChecks: [repositories.importGate.answerCheck()],
  });
  const graphql = graphqlRoute({
    apollo,
    repositories,
    verifyToken: cachedTokenVerifier(createTokenVerifier(config.jwt)),
    limits: new ClientLimits(config.rateLimits ?? DEFAULT_RATE_LIMITS),
    clientAddress: clientAddressOf(http.trustedProxies),
    metrics,
    logger,
  });
  const health = healthRoutes([
    neo4jReadiness(new HealthRepository(executor)),
    importReadiness(repositories.importGate),
    ...(options.readinessChecks ?? []),
  ]);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const devToken = devTokenRoute(config, executor, options.devTokens ?? false);
  // Tells the pages whether the demo picker's route exists, so that they never request an absent one
  // (a 404 would show as a console error in production).
  const demoCookie = `tiersight-demo=${devToken === null ? '0' : '1'}; Path=/; SameSite=Strict`;

  const route = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    record: RequestRecord,
  ) => {
    switch (url.pathname) {
      case '/livez':
        return health.livez(response);
      case '/readyz':
      case '/health':
        return health.readyz(response);
      case '/metrics': {
        if (!metricsReadable(request.headers.authorization, config.metricsToken ?? null))
          return sendJson(
            response,
            401,
            { error: 'GET /metrics needs the bearer token set as METRICS_TOKEN' },
            { 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' },
          );
        const text = await metrics.registry.metrics();
        response.writeHead(200, {
          'content-type': metrics.registry.contentType,
          'cache-control': 'no-store',
        });
        return response.end(text);
      }
    }
    if (url.pathname === '/graphql') {
      // A browser opening /graphql gets GraphiQL; every API request (POST, GET with ?query=) goes to Apollo.
      if (prefersHtml(request, url)) {
        response.setHeader('set-cookie', demoCookie);
        return serveEntry(request, response, webRoot, 'graphiql.html', 'GraphiQL');
      }
      record.graphql = true;
      return graphql(request, response, url, record);
    }
    if (devToken !== null && url.pathname === DEV_TOKEN_PATH) return devToken(request, response);
    response.setHeader('set-cookie', demoCookie);
    if (await serveStatic(request, response, url, webRoot)) return;
    response.removeHeader('set-cookie');
    return sendJson(response, 404, { error: 'Not found' });
  };

  const accessLog = (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    record: RequestRecord,
    started: number,
  ) => {
    const ms = performance.now() - started;
    const outcome = record.codes[0] ?? (response.statusCode < 400 ? 'OK' : `HTTP_${response.statusCode}`);
    if (record.graphql) {
      const operation = metrics.operationLabel(record.operation);
      metrics.requests.inc({ operation, outcome });
      metrics.requestSeconds.observe({ operation }, ms / 1000);
    }
    const line = {
      reqId: record.id,
      method: request.method,
      path: bounded(url.pathname, MAX_LOGGED_PATH),
      status: response.statusCode,
      ms: Math.round(ms * 10) / 10,
      ...(record.operation ? { operation: bounded(record.operation, MAX_OPERATION_NAME) } : {}),
      ...(record.org ? { org: bounded(record.org, MAX_LOGGED_ORGANIZATION) } : {}),
      outcome,
    };
    // Probes and static files would drown the requests that matter.
    if (url.pathname === '/graphql' || response.statusCode >= 500) logger.info(line, 'request');
    else logger.debug(line, 'request');
  };

  // While closing, every answer ends its connection: a kept-alive connection busy when close() came
  // would otherwise stay open (and take new requests) until the keep-alive timeout, past the grace
  // period an orchestrator gives.
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer({ connectionsCheckingInterval: CONNECTION_CHECK_MS }, (request, response) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (closing) response.shouldKeepAlive = false;
    const started = performance.now();
    const record = newRequestRecord(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('x-request-id', record.id);
    metrics.inFlight.inc();
    response.once('close', () => {
      metrics.inFlight.dec();
      accessLog(request, response, url, record, started);
    });
    route(request, response, url, record).catch((error: unknown) => {
      if (error instanceof ClientAborted) return;
      if (error instanceof BodyTooLarge) {
        metrics.refused.inc({ reason: 'body_too_large' });
        record.codes = ['PAYLOAD_TOO_LARGE'];
        return sendError(response, 'PAYLOAD_TOO_LARGE', error.message, { connection: 'close' });
      }
      logError(logger, { reqId: record.id }, error, 'HTTP handler failed');
      record.codes = ['INTERNAL_SERVER_ERROR'];
      if (!response.headersSent) sendError(response, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.end();
    });
  });
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  server.headersTimeout = http.headersTimeoutMs;
  server.requestTimeout = http.requestTimeoutMs;
  capConnections(server, { total: http.maxConnections, perAddress: http.maxConnectionsPerAddress }, () =>
    metrics.refused.inc({ reason: 'connections' }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    apollo,
    metrics,
    close: async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle kept-alive connections would hold close() for up to keepAliveTimeout; a busy one is closed
      // once its answer is sent (answered with `connection: close` when its headers are still to go).
      // Once no answer is in flight, every connection left has no request the server accepted (a
      // browser's preconnected socket, a request still sending its headers): those would hold close()
      // until the headers timeout, so they go too.
      const closeTheRest = () => {
        server.closeIdleConnections();
        if (inFlight.size === 0) server.closeAllConnections();
      };
      for (const response of inFlight) {
        if (!response.headersSent) response.shouldKeepAlive = false;
        response.once('close', () => setImmediate(closeTheRest));
      }
      closeTheRest();
      await closed;
      await apollo.stop();
      metrics.close();
      unwatchStore();
    },
  };
}
