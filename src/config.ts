// The only module that reads process.env. Every variable is validated at start-up; all problems are
// reported together, each naming the variable and the bad value, so a misconfigured deployment fails
// once with the full list instead of one surprise per restart.

export type Environment = 'development' | 'test' | 'production';
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
  readRouting: ReadRouting;
}

export interface Config {
  environment: Environment;
  port: number;
  host: string;
  neo4j: Neo4jConfig;
  jwt: {
    secret: string;
    /** True when JWT_SECRET was unset and the public development secret is in use. */
    usingDevelopmentSecret: boolean;
  };
  /** Where the bundled Neo4j keeps its store. */
  dataDir: string;
  neo4jHeap: string;
  /** Bolt port of the bundled Neo4j (127.0.0.1 only). */
  neo4jPort: number;
}

/**
 * Signs tokens only in local/demo mode. It is public (it is in the source), so every token signed with
 * it is forgeable: `serve` warns loudly and production refuses to start without JWT_SECRET.
 */
export const DEVELOPMENT_JWT_SECRET = 'tiersight-development-secret-do-not-use-in-production';

const MIN_SECRET_LENGTH = 32;
const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, defaults: { dataDir: string }): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
      return fallback;
    }
    return n;
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  let environment: Environment = 'development';
  if (nodeEnv === 'production' || nodeEnv === 'test' || nodeEnv === 'development') environment = nodeEnv;
  else problems.push(`NODE_ENV must be one of development, test, production, got '${nodeEnv}'`);

  const uri = read('NEO4J_URI') ?? null;
  if (uri !== null) {
    const scheme = /^([a-z0-9+]+):\/\//.exec(uri)?.[1];
    if (scheme === undefined || !NEO4J_SCHEMES.includes(scheme)) {
      problems.push(
        `NEO4J_URI must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')}, got '${uri}'`,
      );
    }
  }

  const routing = read('NEO4J_READ_ROUTING') ?? 'leader';
  const readRouting = READ_ROUTINGS.find((r) => r === routing);
  if (readRouting === undefined)
    problems.push(`NEO4J_READ_ROUTING must be one of ${READ_ROUTINGS.join(', ')}, got '${routing}'`);

  const secret = read('JWT_SECRET');
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    problems.push(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (got ${secret.length})`);
  }
  if (secret === undefined && environment === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production (HS256 secret of at least 32 characters)');
  }

  const host = read('HOST') ?? '127.0.0.1';
  const heap = read('TIERSIGHT_NEO4J_HEAP') ?? '1g';
  if (!/^\d+[mMgG]$/.test(heap))
    problems.push(`TIERSIGHT_NEO4J_HEAP must look like 512m or 2g, got '${heap}'`);

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
      readRouting: readRouting ?? 'leader',
    },
    jwt: { secret: secret ?? DEVELOPMENT_JWT_SECRET, usingDevelopmentSecret: secret === undefined },
    dataDir: read('TIERSIGHT_DATA_DIR') ?? defaults.dataDir,
    neo4jHeap: heap,
    neo4jPort: integer('TIERSIGHT_NEO4J_PORT', 7687, 1, 65535),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
