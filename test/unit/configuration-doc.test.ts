// The README's Configuration table against the code that reads the environment. Operators set variables from that table literally, so: every variable the code
// reads is in the table (and every one in the table is read), each row's default is the value
// loadConfig({}) takes, and each row says which values are accepted, since start-up refuses the others
// (a whole number's range, an enumeration's words). Also: no module but src/config.ts reads
// process.env, apart from the few named here, each of which must be documented somewhere.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OIDC_VARIABLES } from '../../src/auth/oidc-config.ts';
import { ConfigError, loadConfig, type Config } from '../../src/config.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { DOCUMENTS } from '../support/documented-examples.ts';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const README = read('README.md');
const DOCS = DOCUMENTS.map(read).join('\n');

/** The rows of README.md's "## Configuration" table: each variable with its default and meaning cells. */
function configurationTable(): Map<string, { default: string; meaning: string }> {
  const section = README.split(/^## Configuration$/m)[1]!.split(/^##+ /m)[0]!;
  const rows = new Map<string, { default: string; meaning: string }>();
  for (const line of section.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length < 5 || !cells[1]!.startsWith('`')) continue;
    const names = [...cells[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!);
    const defaults = cells[2]!.split(' / ');
    names.forEach((name, i) =>
      rows.set(name, { default: (defaults[i] ?? defaults[0]!).trim(), meaning: cells[3]! }),
    );
  }
  return rows;
}

/** The variable names src/config.ts reads (string literals in capitals) and the OIDC ones it passes on. */
function variablesTheCodeReads(): string[] {
  const names = [...read('src/config.ts').matchAll(/'([A-Z][A-Z0-9_]{2,})'/g)].map((m) => m[1]!);
  return [...new Set([...names, ...OIDC_VARIABLES])].sort();
}

const TABLE = configurationTable();
const DEFAULTS = loadConfig({}, { dataDir: join(REPO_ROOT, '.data/') });

/** What loadConfig({}) took for each variable, as the table writes it. */
const ACTUAL_DEFAULT: Record<string, (c: Config) => unknown> = {
  PORT: (c) => c.port,
  HOST: (c) => c.host,
  NEO4J_USER: (c) => c.neo4j.user,
  NEO4J_TX_TIMEOUT_MS: (c) => c.neo4j.transactionTimeoutMs,
  NEO4J_CONNECT_TIMEOUT_MS: (c) => c.neo4j.connectTimeoutMs,
  NEO4J_READ_ROUTING: (c) => c.neo4j.readRouting,
  NEO4J_CONNECTION_TIMEOUT_MS: (c) => c.neo4j.failFast.connectionTimeoutMs,
  NEO4J_ACQUISITION_TIMEOUT_MS: (c) => c.neo4j.failFast.acquisitionTimeoutMs,
  NEO4J_MAX_RETRY_MS: (c) => c.neo4j.failFast.maxRetryMs,
  NODE_ENV: (c) => c.environment,
  TIERSIGHT_NEO4J_PORT: (c) => c.neo4jPort,
  TIERSIGHT_NEO4J_HEAP: (c) => c.neo4jHeap,
  LOG_LEVEL: (c) => c.logLevel,
  RATE_LIMIT_PER_TOKEN: (c) => c.rateLimits.perTokenPerSecond,
  RATE_LIMIT_PER_ADDRESS: (c) => c.rateLimits.perAddressPerSecond,
  RATE_LIMIT_WINDOW_SECONDS: (c) => c.rateLimits.windowSeconds,
  CONCURRENT_PER_TOKEN: (c) => c.rateLimits.concurrentPerToken,
  HTTP_KEEP_ALIVE_TIMEOUT_MS: (c) => c.http.keepAliveTimeoutMs,
  HTTP_HEADERS_TIMEOUT_MS: (c) => c.http.headersTimeoutMs,
  HTTP_REQUEST_TIMEOUT_MS: (c) => c.http.requestTimeoutMs,
  HTTP_MAX_CONNECTIONS: (c) => c.http.maxConnections,
  HTTP_MAX_CONNECTIONS_PER_ADDRESS: (c) => c.http.maxConnectionsPerAddress,
  OIDC_ORG_CLAIM: () => 'org', // parseOidcConfig's defaults, taken once OIDC_ISSUER is set
  OIDC_ROLES_CLAIM: () => 'roles',
};

/** The refusal start-up gives for `value`, or null when it is accepted. */
function refusal(name: string, value: string): string | null {
  try {
    loadConfig({ [name]: value }, { dataDir: '/tmp/data' });
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
}

describe('README.md Configuration table and src/config.ts', () => {
  it('finds the table', () => {
    expect(TABLE.size).toBeGreaterThan(30);
  });

  it('every variable the code reads is in the table, and every one in the table is read', () => {
    expect([...TABLE.keys()].sort()).toEqual(variablesTheCodeReads());
  });

  it.each(Object.keys(ACTUAL_DEFAULT))('%s: the documented default is the one loadConfig takes', (name) => {
    const documented = TABLE.get(name)?.default.replace(/`/g, '');
    expect(documented, `${name} is not in the table`).toBeDefined();
    expect(String(ACTUAL_DEFAULT[name]!(DEFAULTS))).toBe(documented);
  });

  it('the other defaults: unset, empty, the development secret, .data/, introspection off in production', () => {
    for (const name of ['NEO4J_URI', 'HTTP_TRUSTED_PROXIES', 'RISK_MODEL', 'OIDC_ISSUER', 'OIDC_ROLE_MAP'])
      expect([name, TABLE.get(name)?.default]).toEqual([name, 'unset']);
    expect(DEFAULTS.neo4j.uri).toBeNull();
    expect(DEFAULTS.http.trustedProxies).toEqual([]);
    expect(DEFAULTS.neo4j.password).toBe('');
    expect(TABLE.get('NEO4J_PASSWORD')?.default).toBe('empty');
    expect(DEFAULTS.jwt.usingDevelopmentSecret).toBe(true);
    expect(relative(REPO_ROOT, DEFAULTS.dataDir)).toBe('.data');
    expect(DEFAULTS.introspection).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(40) }, { dataDir: '/d' }).introspection,
    ).toBe(false);
    expect(DEFAULTS.jwt.maxLifetimeSeconds).toBe(24 * 3600);
    expect(TABLE.get('JWT_MAX_LIFETIME')?.default).toBe('`24h`');
  });

  // Start-up refuses a whole number outside its range ("NEO4J_TX_TIMEOUT_MS must be a whole number
  // from 100 to 600000"), so the table must say the range: an operator reading "timeout of every
  // transaction" cannot know that 900000 (15 minutes) stops the server from starting.
  it.each([...TABLE.keys()].filter((name) => /whole number from/.test(refusal(name, 'x') ?? '')))(
    '%s: the row says the whole-number range start-up accepts',
    (name) => {
      const [, min, max] = /from (\d+) to (\d+)/.exec(refusal(name, 'x')!)!;
      const row = `${TABLE.get(name)!.default} ${TABLE.get(name)!.meaning}`.replace(/(\d),(?=\d{3})/g, '$1');
      expect(row, `${name} accepts ${min}..${max}`).toMatch(new RegExp(`\\b${min}\\b[^|]*\\b${max}\\b`));
    },
  );

  // GRAPHQL_INTROSPECTION's row says "on, off in production": GRAPHQL_INTROSPECTION=off (or on, 1, 0)
  // stops start-up with "must be true or false".
  it('GRAPHQL_INTROSPECTION: the row names the two values start-up accepts', () => {
    expect(refusal('GRAPHQL_INTROSPECTION', 'off')).toMatch(/must be true or false/);
    const row = `${TABLE.get('GRAPHQL_INTROSPECTION')!.default} ${TABLE.get('GRAPHQL_INTROSPECTION')!.meaning}`;
    expect(row).toMatch(/`true`/);
    expect(row).toMatch(/`false`/);
  });

  it('JWT_MAX_LIFETIME: the row says its upper bound (366d)', () => {
    expect(refusal('JWT_MAX_LIFETIME', '400d')).toMatch(/at most 366d/);
    expect(TABLE.get('JWT_MAX_LIFETIME')!.meaning).toMatch(/366d/);
  });

  it('NEO4J_READ_ROUTING and LOG_LEVEL: the rows name the accepted words', () => {
    expect(TABLE.get('NEO4J_READ_ROUTING')!.meaning).toMatch(/`leader`[\s\S]*`followers`/);
    for (const level of ['fatal', 'trace', 'silent'])
      expect(TABLE.get('LOG_LEVEL')!.meaning).toContain(level);
  });
});

describe('environment variables read outside src/config.ts', () => {
  const files = (dir: string): string[] =>
    readdirSync(join(REPO_ROOT, dir)).flatMap((entry) => {
      const path = `${dir}/${entry}`;
      return statSync(join(REPO_ROOT, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const readers = files('src').filter((file) => /process\.env/.test(read(file)));

  it('only config.ts, the two CLI entries that hand process.env to it, and the launcher read process.env', () => {
    expect(readers.sort()).toEqual([
      'src/cli/commands/db.ts',
      'src/cli/environment.ts',
      'src/config.ts',
      'src/db/bundled-neo4j.ts',
    ]);
  });

  // src/db/bundled-neo4j.ts takes `java` from JAVA_HOME before PATH (as Maven does): with JAVA_HOME
  // pointing at an older JDK, `npm start` refuses although a Java 17 is on PATH. The Quick start asks
  // for Java 17+ but no document names JAVA_HOME.
  it('every process.env.NAME read in src is named in README.md or docs/', () => {
    const names = [
      ...new Set(
        readers.flatMap((file) => [...read(file).matchAll(/process\.env\.([A-Z_]+)/g)].map((m) => m[1]!)),
      ),
    ];
    expect(names.filter((name) => !new RegExp(`\\b${name}\\b`).test(DOCS))).toEqual([]);
  });
});
