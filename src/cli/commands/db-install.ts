import { ensureNeo4jInstalled, LauncherError } from '../../db/bundled-neo4j.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';

const HELP = `Usage: tiersight db:install [--quiet-if-ready]

Compiles the bundled Neo4j launcher and resolves the Neo4j 5.26 jars into the local Maven cache
(about 130 MB the first time). npm install runs it. Needs Java 17+ and Maven; without them it only
warns, since a NEO4J_URI pointing at an existing Neo4j 5 server works without the bundled one.

Options:
  --quiet-if-ready   print nothing when everything is already built; a failed build only warns`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseCommandArgs('db:install', args, { 'quiet-if-ready': { type: 'boolean' } }, HELP);
  const quietIfReady = values['quiet-if-ready'] === true;
  try {
    const files = await ensureNeo4jInstalled();
    if (files.built || !quietIfReady) {
      console.log(
        `The bundled Neo4j 5.26 is ready (launcher and jars in ${files.classesDir} and ${files.classpathFile}).`,
      );
    }
  } catch (error) {
    if (!(error instanceof LauncherError)) throw error;
    const missingTool = error.code === 'java-missing' || error.code === 'maven-missing';
    // Under npm install a failure here must not fail the install: the bundled Neo4j is optional.
    if (!missingTool && !quietIfReady) throw new CliError(error.message);
    console.error(`WARNING: the bundled Neo4j is not available. ${error.message}`);
  }
}
