// The only module that reads Tiersight's settings from process.env. Every variable is validated at
// start-up; all problems are reported together, each naming the variable and the bad value, so a
// misconfigured deployment fails once with the full list instead of one surprise per restart. (JAVA_HOME
// is the JDK's, not a setting of ours: the bundled Neo4j's launcher looks for java there as Maven does,
// src/db/bundled-neo4j.ts.)
import { isIP } from 'node:net';
import { isAddressOrRange } from './api/http/client-address.ts';
import { OIDC_VARIABLES, parseOidcConfig, type OidcConfig } from './auth/oidc-config.ts';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, parseTtl } from './auth/tokens.ts';
import { WholeNumberError, wholeNumberIn } from './domain/whole-number.ts';
import { hostProblem, withoutCredentials } from './graph/neo4j-uri.ts';
import type { RiskModel } from './domain/risk-model.ts';
import { loadRiskModel } from './modules/risk/risk-model-file.ts';
import { quote, quoteList } from './domain/quote.ts';

type Environment = 'development' | 'test' | 'production';
/** Where read transactions go on a Neo4j cluster: the leader (every committed write visible) or the readers. */
export type ReadRouting = 'leader' | 'followers';
const READ_ROUTINGS: readonly ReadRouting[] = ['leader', 'followers'];

export interface Neo4jConfig {
  /** null: start the bundled Neo4j (local/demo mode). */
  uri: string | null;
  user: string;
  password: string;
  database: string | undefined;
  /** Per-transaction timeout the executor sets on every query. */
  transactionTimeoutMs: number;
  /** How long `serve` keeps retrying an unreachable NEO4J_URI before giving up. */
  connectTimeoutMs: number;
  /** Fail-fast settings of the driver while serving (see src/graph/driver.ts). */
  failFast: Neo4jFailFast;
  readRouting: ReadRouting;
}

export interface Neo4jFailFast {
  /** TCP connect and Bolt handshake to a server. */
  connectionTimeoutMs: number;
  /** Waiting for a free pooled connection. */
  acquisitionTimeoutMs: number;
  /** How long the driver keeps retrying a transaction that failed for a transient reason (see the default). */
  maxRetryMs: number;
}

/** Timeouts and caps of the HTTP server (see src/app/server.ts). */
export interface HttpConfig {
  /** Idle time a kept-alive connection stays open; above common load-balancer idle timeouts (60 s). */
  keepAliveTimeoutMs: number;
  /** Time for a request's headers to arrive. */
  headersTimeoutMs: number;
  /** Time for a whole request (headers and body) to arrive. */
  requestTimeoutMs: number;
  /** Open connections at most; at the cap the longest idle one is closed for a new one (connection-slots.ts). */
  maxConnections: number;
  /**
   * Open connections of one client address at most, 0 for no cap of its own. Behind a load balancer
   * or proxy every connection comes from its address: there, 0 (or the proxy's own connection limit).
   */
  maxConnectionsPerAddress: number;
  /**
   * Proxies (addresses and CIDR ranges) whose X-Forwarded-For names the client that requests without
   * a valid token are budgeted by (src/api/http/client-address.ts); empty: the TCP peer is the client.
   */
  trustedProxies: readonly string[];
}

/** Per-client protection (see src/api/http/rate-limit.ts); 0 turns a limit off. */
export interface RateLimitConfig {
  /** Requests per second for one bearer token, averaged over a window of `windowSeconds`. */
  perTokenPerSecond: number;
  /** Requests per second from one address without a valid token. */
  perAddressPerSecond: number;
  windowSeconds: number;
  /** Requests of one token in flight at once. */
  concurrentPerToken: number;
}

export const DEFAULT_HTTP: HttpConfig = {
  keepAliveTimeoutMs: 65_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1_024,
  maxConnectionsPerAddress: 256,
  trustedProxies: [],
};

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  perTokenPerSecond: 50,
  perAddressPerSecond: 20,
  windowSeconds: 2,
  concurrentPerToken: 16,
};

export const DEFAULT_FAIL_FAST: Neo4jFailFast = {
  connectionTimeoutMs: 5_000,
  acquisitionTimeoutMs: 5_000,
  // The driver waits 1 s (±20 %) before its first retry and twice as long before each next one, and
  // retries while less than this budget has passed since the first failure. Under 800 ms that is
  // exactly one retry, so a request to an unreachable Neo4j fails after about 1.2 s; with 1 s, four
  // failures in ten took a second retry and 2.8-3.4 s.
  maxRetryMs: 500,
};

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const isLogLevel = (value: string): value is LogLevel => (LOG_LEVELS as string[]).includes(value);

export interface Config {
  environment: Environment;
  port: number;
  host: string;
  neo4j: Neo4jConfig;
  jwt: {
    secret: string;
    /** True when JWT_SECRET was unset and the public development secret is in use. */
    usingDevelopmentSecret: boolean;
    /** Longest lifetime (exp − iat) of any token, JWT_MAX_LIFETIME; absent: 24 h. */
    maxLifetimeSeconds?: number;
    /** OpenID Connect provider whose access tokens are accepted too (OIDC_*); absent or null: none. */
    oidc?: OidcConfig | null;
  };
  /** Where the bundled Neo4j keeps its store. */
  dataDir: string;
  neo4jHeap: string;
  /** Bolt port of the bundled Neo4j (127.0.0.1 only). */
  neo4jPort: number;
  /** Whether clients may introspect the schema (GraphiQL's docs need it); off in production by default. */
  introspection: boolean;
  http: HttpConfig;
  rateLimits: RateLimitConfig;
  logLevel: LogLevel;
  /** The risk assessment's weights, parameters and tables: seed/risk/ with RISK_MODEL's file over them. */
  riskModel: RiskModel;
  /** The bearer token GET /metrics asks for; null: the route is open (metrics-access.ts). */
  metricsToken: string | null;
}

/**
 * Signs tokens only in local/demo mode. It is public (it is in the source), so every token signed with
 * it is forgeable: `serve` warns loudly and production refuses to start without JWT_SECRET.
 */
export const DEVELOPMENT_JWT_SECRET = 'tiersight-development-secret-do-not-use-in-production';

const MIN_SECRET_LENGTH = 32;
/** Secrets anyone can read: the development one, and the placeholders of examples ("replace-…"). */
const PUBLIC_SECRETS = new RegExp(`^${DEVELOPMENT_JWT_SECRET}$|replace|change-?me`, 'i');
const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads variables of `env` (blank counts as unset), noting each bad value in `problems`. */
function reader(env: Env, problems: string[]) {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    try {
      return wholeNumberIn(name, raw, min, max);
    } catch (error) {
      if (!(error instanceof WholeNumberError)) throw error;
      problems.push(error.message);
      return fallback;
    }
  };
  return { read, integer };
}

/** Where and how the bundled Neo4j runs: part of every configuration, and all `tiersight db` reads. */
export type BundledNeo4jConfig = Pick<Config, 'dataDir' | 'neo4jHeap' | 'neo4jPort'>;

function bundledNeo4jConfig(
  { read, integer }: ReturnType<typeof reader>,
  problems: string[],
  defaults: { dataDir: string },
): BundledNeo4jConfig {
  const heap = read('TIERSIGHT_NEO4J_HEAP') ?? '1g';
  if (!/^[1-9]\d*[mMgG]$/.test(heap))
    problems.push(`TIERSIGHT_NEO4J_HEAP must look like 512m or 2g (more than 0), got ${quote(heap)}`);
  return {
    dataDir: read('TIERSIGHT_DATA_DIR') ?? defaults.dataDir,
    neo4jHeap: heap,
    neo4jPort: integer('TIERSIGHT_NEO4J_PORT', 7687, 1, 65535),
  };
}

/** The bundled Neo4j's settings alone, for a command that needs nothing else (`tiersight db`). */
export function loadBundledNeo4jConfig(env: Env, defaults: { dataDir: string }): BundledNeo4jConfig {
  const problems: string[] = [];
  const config = bundledNeo4jConfig(reader(env, problems), problems, defaults);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function loadConfig(env: Env = process.env, defaults: { dataDir: string }): Config {
  const problems: string[] = [];
  const variables = reader(env, problems);
  const { read, integer } = variables;

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${name} must be true or false, got ${quote(raw)}`);
    return fallback;
  };

  /** Comma-separated IP addresses and CIDR ranges. */
  const addressList = (name: string): string[] => {
    const entries = (read(name) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const bad = entries.filter((entry) => !isAddressOrRange(entry));
    if (bad.length > 0)
      problems.push(`${name} must list IP addresses or CIDR ranges (10.0.0.0/8), got ${quoteList(bad)}`);
    return entries.filter(isAddressOrRange);
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  let environment: Environment = 'development';
  if (nodeEnv === 'production' || nodeEnv === 'test' || nodeEnv === 'development') environment = nodeEnv;
  else problems.push(`NODE_ENV must be one of development, test, production, got ${quote(nodeEnv)}`);

  const uri = read('NEO4J_URI') ?? null;
  if (uri !== null) {
    const scheme = /^([a-z0-9+]+):\/\//.exec(uri)?.[1];
    const shown = withoutCredentials(uri);
    if (scheme === undefined || !NEO4J_SCHEMES.includes(scheme)) {
      problems.push(
        `NEO4J_URI must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')}, got ${quote(shown)}`,
      );
    } else {
      const problem = hostProblem(uri);
      if (problem !== null) problems.push(`NEO4J_URI ${problem}, got ${quote(shown)}`);
    }
  }

  const routing = read('NEO4J_READ_ROUTING') ?? 'leader';
  const readRouting = READ_ROUTINGS.find((r) => r === routing);
  if (readRouting === undefined)
    problems.push(`NEO4J_READ_ROUTING must be one of ${READ_ROUTINGS.join(', ')}, got ${quote(routing)}`);

  const secret = read('JWT_SECRET');
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    problems.push(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (got ${secret.length})`);
  }
  if (secret === undefined && environment === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production (HS256 secret of at least 32 characters)');
  }
  // A secret anyone can read (the development one, or a placeholder copied from an example) lets anyone
  // sign a platform_admin token.
  const publicSecret = secret === undefined ? null : PUBLIC_SECRETS.exec(secret);
  if (publicSecret !== null && environment === 'production') {
    // The word that gave it away, never the secret itself: "replace" told nothing to whoever set "changeme".
    const why =
      secret === DEVELOPMENT_JWT_SECRET
        ? 'it is the development secret'
        : `it contains ${quote(publicSecret[0])}`;
    problems.push(
      `JWT_SECRET is the public development secret or a placeholder (${why}): set a random one, e.g. openssl rand -base64 48`,
    );
  }

  const maxLifetime = read('JWT_MAX_LIFETIME');
  const maxLifetimeSeconds =
    maxLifetime === undefined ? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS : parseTtl(maxLifetime);
  if (maxLifetimeSeconds === null) {
    problems.push(
      `JWT_MAX_LIFETIME must look like 90s, 15m, 12h or 7d (at most 366d), got ${quote(maxLifetime)}`,
    );
  }
  const oidc = parseOidcConfig(
    Object.fromEntries(OIDC_VARIABLES.map((name) => [name, read(name)])),
    problems,
  );

  const metricsToken = read('METRICS_TOKEN') ?? null;
  if (metricsToken !== null && (metricsToken.length < MIN_SECRET_LENGTH || /\s/.test(metricsToken)))
    problems.push(
      `METRICS_TOKEN must be at least ${MIN_SECRET_LENGTH} characters without spaces (got ${metricsToken.length} characters)`,
    );
  // Node reads a header's bytes as Latin-1 and scrapers send UTF-8, so a token with any other character
  // could never be presented: /metrics would answer 401 for good. Named by position, never echoed.
  const outside = metricsToken?.search(/[^\x21-\x7e]/) ?? -1;
  if (metricsToken !== null && outside >= 0 && !/\s/.test(metricsToken))
    problems.push(
      `METRICS_TOKEN must be visible ASCII characters (a character outside it at position ${outside + 1})`,
    );

  const host = read('HOST') ?? '127.0.0.1';
  if (isIP(host) === 0 && !HOST_NAME.test(host))
    problems.push(`HOST must be an IP address or a host name (no port: that is PORT), got ${quote(host)}`);
  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!isLogLevel(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${quote(logLevel)}`);

  const config: Config = {
    environment,
    port: integer('PORT', 4000, 0, 65535),
    host,
    neo4j: {
      uri,
      user: read('NEO4J_USER') ?? 'neo4j',
      password: read('NEO4J_PASSWORD') ?? '',
      database: read('NEO4J_DATABASE'),
      transactionTimeoutMs: integer('NEO4J_TX_TIMEOUT_MS', 15_000, 100, 600_000),
      connectTimeoutMs: integer('NEO4J_CONNECT_TIMEOUT_MS', 60_000, 0, 3_600_000),
      failFast: {
        connectionTimeoutMs: integer(
          'NEO4J_CONNECTION_TIMEOUT_MS',
          DEFAULT_FAIL_FAST.connectionTimeoutMs,
          100,
          600_000,
        ),
        acquisitionTimeoutMs: integer(
          'NEO4J_ACQUISITION_TIMEOUT_MS',
          DEFAULT_FAIL_FAST.acquisitionTimeoutMs,
          100,
          600_000,
        ),
        maxRetryMs: integer('NEO4J_MAX_RETRY_MS', DEFAULT_FAIL_FAST.maxRetryMs, 0, 600_000),
      },
      readRouting: readRouting ?? 'leader',
    },
    jwt: {
      secret: secret ?? DEVELOPMENT_JWT_SECRET,
      usingDevelopmentSecret: secret === undefined,
      maxLifetimeSeconds: maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
      oidc,
    },
    ...bundledNeo4jConfig(variables, problems, defaults),
    introspection: boolean('GRAPHQL_INTROSPECTION', environment !== 'production'),
    http: {
      keepAliveTimeoutMs: integer(
        'HTTP_KEEP_ALIVE_TIMEOUT_MS',
        DEFAULT_HTTP.keepAliveTimeoutMs,
        1_000,
        3_600_000,
      ),
      headersTimeoutMs: integer('HTTP_HEADERS_TIMEOUT_MS', DEFAULT_HTTP.headersTimeoutMs, 1_000, 600_000),
      requestTimeoutMs: integer('HTTP_REQUEST_TIMEOUT_MS', DEFAULT_HTTP.requestTimeoutMs, 1_000, 3_600_000),
      maxConnections: integer('HTTP_MAX_CONNECTIONS', DEFAULT_HTTP.maxConnections, 1, 1_000_000),
      maxConnectionsPerAddress: integer(
        'HTTP_MAX_CONNECTIONS_PER_ADDRESS',
        DEFAULT_HTTP.maxConnectionsPerAddress,
        0,
        1_000_000,
      ),
      trustedProxies: addressList('HTTP_TRUSTED_PROXIES'),
    },
    rateLimits: {
      perTokenPerSecond: integer('RATE_LIMIT_PER_TOKEN', DEFAULT_RATE_LIMITS.perTokenPerSecond, 0, 1_000_000),
      perAddressPerSecond: integer(
        'RATE_LIMIT_PER_ADDRESS',
        DEFAULT_RATE_LIMITS.perAddressPerSecond,
        0,
        1_000_000,
      ),
      windowSeconds: integer('RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds, 1, 3_600),
      concurrentPerToken: integer('CONCURRENT_PER_TOKEN', DEFAULT_RATE_LIMITS.concurrentPerToken, 0, 100_000),
    },
    logLevel: isLogLevel(logLevel) ? logLevel : 'info',
    riskModel: loadRiskModel(read('RISK_MODEL') ?? null, problems),
    metricsToken,
  };
  const { headersTimeoutMs, requestTimeoutMs } = config.http;
  // Node refuses this pair when a server is made with it; set afterwards, the request timeout won.
  if (headersTimeoutMs > requestTimeoutMs)
    problems.push(
      `HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not be above HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** An RFC 1123 host name. */
const HOST_NAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
