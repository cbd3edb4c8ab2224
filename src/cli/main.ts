// `tiersight <command>`: each command lives in its own module and is loaded only when asked for, so
// `tiersight token` does not pay for Apollo or the Neo4j driver.
import { CliError } from './cli-error.ts';
import { quote } from '../domain/quote.ts';

type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<void> }> };

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'serve the GraphQL API and the dashboard (npm start also builds the dashboard first)',
    load: () => import('./commands/serve.ts'),
  },
  db: { summary: 'run the bundled Neo4j on 127.0.0.1 until stopped', load: () => import('./commands/db.ts') },
  'db:install': {
    summary: 'resolve the bundled Neo4j jars with Maven (run by npm install)',
    load: () => import('./commands/db-install.ts'),
  },
  import: { summary: 'load a tiersight/v1 file into NEO4J_URI', load: () => import('./commands/import.ts') },
  'import-facilities': {
    summary: 'load an Open Supply Hub facilities download (CSV) as listed factories',
    load: () => import('./commands/import-facilities.ts'),
  },
  export: {
    summary: 'write the whole graph as a tiersight/v1 file (backup, move)',
    load: () => import('./commands/export.ts'),
  },
  'export-chain': {
    summary: "write one viewer's supply chain as GraphML, GEXF, CSV or JSON, or a UNTP facility record",
    load: () => import('./commands/export-chain.ts'),
  },
  migrate: {
    summary: 'bring the store up to this version (what serve does at start-up) and exit',
    load: () => import('./commands/migrate.ts'),
  },
  seed: { summary: 'load the demo scenario into NEO4J_URI', load: () => import('./commands/seed.ts') },
  generate: { summary: 'write a synthetic tiersight/v1 graph', load: () => import('./commands/generate.ts') },
  token: { summary: 'print a signed JWT for local use', load: () => import('./commands/token.ts') },
  'merge-organizations': {
    summary: 'merge a duplicate organization into the one to keep',
    load: () => import('./commands/merge-organizations.ts'),
  },
  'user-activity': {
    summary: 'list every record that names a user id (for a data subject access request; read-only)',
    load: () => import('./commands/user-activity.ts'),
  },
  screen: {
    summary: 'screen organization names against a watch list (CSL, OpenSanctions, UFLPA page, Tiersight CSV)',
    load: () => import('./commands/screen.ts'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS)
    .filter(([name]) => name !== 'db:install')
    .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: tiersight <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'tiersight <command> --help' for a command's options.`;
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return;
  }
  const command = COMMANDS[name];
  if (command === undefined) throw new CliError(`Unknown command ${quote(name)}.\n\n${usage()}`, 2);
  const module = await command.load();
  await module.run(args);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    console.error(`tiersight: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
