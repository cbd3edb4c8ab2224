// One Neo4j for the whole test run: NEO4J_URI when set, else the bundled Neo4j on a free port with a
// fresh data directory that is removed afterwards. Tests read the URI with neo4jUri() (test/support).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureNeo4jInstalled, startBundledNeo4j } from '../src/db/bundled-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.NEO4J_URI;
  if (external !== undefined && external !== '') {
    project.provide('neo4jUri', external);
    return undefined;
  }

  await ensureNeo4jInstalled({ quiet: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'tiersight-test-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const neo4j = await startBundledNeo4j({
      dataDir,
      heap: '1g',
      onLog: (line) => console.error(`[neo4j] ${line}`),
    });
    console.log(`Bundled Neo4j 5.26 for the tests at ${neo4j.uri}, started in ${neo4j.startupMs} ms`);
    project.provide('neo4jUri', neo4j.uri);
    return async () => {
      await neo4j.stop();
      await removeDataDir();
    };
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}
