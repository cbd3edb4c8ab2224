import { formatTtl } from '../../auth/tokens.ts';
import { ImportRepository } from '../../import/import-repository.ts';
import { devTokensAllowed } from '../../app/dev-token.ts';
import { DEMO_ROLES, loadDemoScenario, readDemoOrganizations, signDemoToken } from '../../runtime/demo.ts';
import { warmUpDashboard } from '../../runtime/dashboard-warm-up.ts';
import { createLogger } from '../../observability/logger.ts';
import { startApp } from '../../app/server.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { commandConfig, commandDatabase } from '../environment.ts';
import { reportImport } from '../report-import.ts';
import { stopInOrder } from '../stop-in-order.ts';
import { withoutCredentials } from '../../graph/neo4j-uri.ts';

const HELP = `Usage: tiersight serve

Serves the GraphQL API on HOST:PORT (default 127.0.0.1:4000). With NEO4J_URI unset it starts the
bundled Neo4j (data under .data/) and, unless NODE_ENV=production, loads the demo scenario when the
database is empty, prints a demo token and sends the dashboard's first load once in the background
(a fresh Neo4j plans each query on its first run).
Configuration comes from the environment; see README.md.`;

export async function run(args: string[]): Promise<void> {
  parseCommandArgs('serve', args, {}, HELP);
  const config = commandConfig();
  const log = (line: string) => console.error(line);
  if (config.jwt.usingDevelopmentSecret) {
    // Yellow on a terminal only: in a file or a log pipeline the escape codes are noise.
    const [yellow, plain] = process.stderr.isTTY ? ['\u001b[33m', '\u001b[0m'] : ['', ''];
    log(`${yellow}!!! WARNING: JWT_SECRET is unset: tokens are signed with the PUBLIC development secret.`);
    log(`!!! Anyone can forge a token. Set JWT_SECRET (32+ characters) for anything but local use.${plain}`);
  }
  const database = await commandDatabase(config, log);
  // The demo (its data, and a token printed for one of its organizations) is for a local try-out: in
  // production a token on stdout is a credential in the log pipeline.
  const localMode = config.neo4j.uri === null && config.environment !== 'production';
  const imports = new ImportRepository(database.executor);
  const unfinished = (await imports.runs.list()).find((run) => run.finishedAt === null);
  if (unfinished) {
    log(
      `The store is incomplete: the import of ${unfinished.source} started at ${unfinished.startedAt.toISOString()} ` +
        `has not finished. The API answers SERVICE_UNAVAILABLE until it does; if it is not running, run \`${unfinished.command}\`.`,
    );
  } else if (localMode && !(await imports.hasData())) {
    log('The store is empty: loading the demo scenario (docs/demo-scenario.md)…');
    reportImport('the demo scenario', await loadDemoScenario(imports, false));
  }
  let app;
  try {
    app = await startApp({
      config,
      executor: database.executor,
      logger: createLogger(config.logLevel),
      // POST /dev/token for the dashboard's demo picker; startApp still refuses it outside demo mode.
      devTokens: true,
    });
  } catch (error) {
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new CliError(`serve: ${config.host}:${config.port} is already in use (set PORT)`);
    throw error;
  }
  log(`Tiersight GraphQL API at ${app.url}/graphql (Neo4j: ${withoutCredentials(database.uri)})`);
  log(`Dashboard at ${app.url}/  ·  GraphiQL at ${app.url}/graphql in a browser`);
  if (devTokensAllowed(config))
    log(`Local demo mode: the dashboard offers a picker of the demo organizations`);
  const [viewer] = localMode ? await readDemoOrganizations() : [];
  const warmingUp = new AbortController();
  // A bundled store that holds one's own data instead of the demo's has no demo organization: a token
  // for it would be refused, and a warm-up as it would only fail.
  if (viewer !== undefined && (await imports.organizationIds([viewer.id])).has(viewer.id)) {
    const { token, ttl } = await signDemoToken(config.jwt, viewer.id);
    log(`Demo token for ${viewer.id} (${DEMO_ROLES.join(', ')}; valid ${formatTtl(ttl)}):`);
    console.log(`Authorization: Bearer ${token}`);
    // A store an import left incomplete answers SERVICE_UNAVAILABLE: nothing to warm up.
    if (unfinished === undefined) void warmUpDashboard(app.url, token, warmingUp.signal, log);
  }
  const stop = stopInOrder({
    closeApp: () => {
      warmingUp.abort();
      return app.close();
    },
    closeDatabase: () => database.close(),
    bundled: database.bundled !== null,
    log,
    exit: (code) => process.exit(code),
    deadlineMs: STOP_DEADLINE_MS,
  });
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** How long a stop waits for the requests in flight: below Compose's 30 s and Kubernetes' 40 s grace. */
const STOP_DEADLINE_MS = 25_000;
