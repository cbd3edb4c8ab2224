// The launcher's `latest` line (db/pom.xml, profile neo4j-latest): the newest calendar-versioned Neo4j,
// which needs Java 21+. Refusing an older Java is checked in every run (it starts no JVM); starting it
// only in the compatibility slice (`npm run test:neo4j-latest`, TIERSIGHT_TEST_NEO4J=latest), whose
// JAVA_HOME is a JDK 21+ and whose jars Maven has resolved by then: elsewhere it would cost the run a
// Maven build and a JVM of its own.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  ensureNeo4jInstalled,
  LauncherError,
  startBundledNeo4j,
  type BundledNeo4j,
} from '../../src/db/bundled-neo4j.ts';

/** The major version of the `java` on PATH, null when there is none. */
function pathJavaMajor(): number | null {
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)/.exec(run.stderr ?? '');
  return match?.[1] === undefined ? null : Number(match[1]);
}

const savedJavaHome = process.env['JAVA_HOME'];
afterEach(() => {
  if (savedJavaHome === undefined) delete process.env['JAVA_HOME'];
  else process.env['JAVA_HOME'] = savedJavaHome;
});

const pathMajor = pathJavaMajor();

describe.runIf(pathMajor !== null && pathMajor < 21)('the latest line with a Java older than 21', () => {
  it('is refused before Maven runs, naming the Java found and the one it needs', async () => {
    // No JAVA_HOME: the `java` on PATH, as the launcher looks for it.
    delete process.env['JAVA_HOME'];
    const error: unknown = await ensureNeo4jInstalled({ quiet: true, line: 'latest' }).then(
      () => new Error('expected a LauncherError'),
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(LauncherError);
    expect(error).toMatchObject({ code: 'java-missing' });
    expect(String((error as Error).message)).toMatch(
      new RegExp(`^Java 21 or newer is required to run the latest Neo4j .*found Java ${pathMajor}\\.`),
    );
    // The bundled line still takes that Java: the check is per line, not once for the process.
    await expect(ensureNeo4jInstalled({ quiet: true })).resolves.toMatchObject({
      neo4jVersion: expect.stringMatching(/^5\.26\./),
    });
  });
});

describe.runIf(process.env['TIERSIGHT_TEST_NEO4J'] === 'latest')('a Neo4j of the latest line', () => {
  let db: BundledNeo4j | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    await db?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts quietly on its Java, and is the release db/pom.xml names, with the language asked for', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tiersight-latest-'));
    const files = await ensureNeo4jInstalled({ quiet: true, line: 'latest' });
    const logged: string[] = [];
    db = await startBundledNeo4j({
      dataDir,
      heap: '512m',
      line: 'latest',
      settings: { 'db.query.default_language': 'CYPHER_25' },
      onLog: (text) => logged.push(text),
    });
    // Java 24+ warned about JNA's native access and JCTools' use of sun.misc.Unsafe on every start.
    expect(logged.filter((text) => /WARNING/.test(text))).toEqual([]);

    const driver = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', ''));
    try {
      const kernel = await driver.executeQuery(
        "CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version",
      );
      expect(kernel.records[0]?.get('version')).toBe(files.neo4jVersion);
      expect(files.neo4jVersion).toMatch(/^20\d\d\.\d\d\.\d+$/);
      const language = await driver.executeQuery(
        'SHOW DEFAULT DATABASE YIELD defaultLanguage RETURN defaultLanguage',
      );
      expect(language.records[0]?.get('defaultLanguage')).toBe('CYPHER 25');
    } finally {
      await driver.close();
    }
  }, 240_000);
});
