// The HTTP side: Apollo Server behind a small node:http handler that enforces the body limit, builds
// the per-request context from the bearer token, and answers health checks. It also serves the built
// dashboard (web/dist) at `/`, GraphiQL at GET /graphql for browsers, and in local demo mode /dev/token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import type { Config } from './config.ts';
import type { RequestContext } from './context.ts';
import type { Executor } from './graph/executor.ts';
import { formatError, refusalHttp } from './graphql/errors.ts';
import { LIMITS, operationLimits } from './graphql/limits.ts';
import { buildSchema } from './graphql/schema.ts';
import { DEV_TOKEN_PATH, devTokenRoute } from './http/dev-token.ts';
import { prefersHtml, serveEntry, serveStatic } from './http/static.ts';
import { REPO_ROOT } from './runtime/paths.ts';
import { createRepositories, createRequestContext } from './services/request-context.ts';

export interface App {
  url: string;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Pick<Config, 'port' | 'host' | 'jwt' | 'environment'>;
  executor: Executor;
  log?: (message: string, error?: unknown) => void;
  /** The built dashboard to serve at `/` (default web/dist of the checkout); null serves none. */
  webRoot?: string | null;
  /**
   * Offer POST /dev/token (src/http/dev-token.ts). Even when true the route exists only in local demo
   * mode: environment not production and the development JWT secret in use. Default false.
   */
  devTokens?: boolean;
  /** How old this process's view of import runs may be (src/services/import-gate.ts); tests only. */
  importStateMaxAgeMs?: number;
}

export const DEFAULT_WEB_ROOT = `${REPO_ROOT}web/dist`;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.destroy();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

export async function startApp(options: AppOptions): Promise<App> {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const repositories = createRepositories(options.executor, {
    log,
    maxAgeMs: options.importStateMaxAgeMs,
  });
  const secret = new TextEncoder().encode(options.config.jwt.secret);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildSchema(),
    validationRules: [operationLimits],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError: (formatted, error) => formatError(formatted, error, (e) => log('GraphQL error', e)),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), repositories.importGate.plugin()],
  });
  await apollo.start();

  const graphql = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    let body: unknown;
    if (request.method === 'POST') {
      const text = await readBody(request, LIMITS.maxBodyBytes);
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return sendJson(response, 400, {
          errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const context = await createRequestContext(repositories, secret, request.headers.authorization);
        if ('code' in context) {
          throw new GraphQLError(context.message, {
            extensions: { code: context.code, http: refusalHttp(context) },
          });
        }
        return context;
      },
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return response.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const devToken = devTokenRoute(options.config, options.executor, options.devTokens ?? false);
  // Tells the pages whether the demo picker's route exists, so that they never request an absent one
  // (a 404 would show as a console error in production).
  const demoCookie = `tiersight-demo=${devToken === null ? '0' : '1'}; Path=/; SameSite=Strict`;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
      if (url.pathname === '/graphql') {
        // A browser opening /graphql gets GraphiQL; every API request (POST, GET with ?query=) goes to Apollo.
        if (prefersHtml(request, url)) {
          response.setHeader('set-cookie', demoCookie);
          return serveEntry(request, response, webRoot, 'graphiql.html', 'GraphiQL');
        }
        return graphql(request, response, url);
      }
      if (devToken !== null && url.pathname === DEV_TOKEN_PATH) return devToken(request, response);
      response.setHeader('set-cookie', demoCookie);
      if (await serveStatic(request, response, url, webRoot)) return;
      response.removeHeader('set-cookie');
      return sendJson(response, 404, { error: 'Not found' });
    };
    handle().catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        return sendJson(response, 413, {
          errors: [
            {
              message: `Request body over ${LIMITS.maxBodyBytes} bytes.`,
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
      }
      log('HTTP handler failed', error);
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error' }] });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.config.port, options.config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    apollo,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
