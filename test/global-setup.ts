// One Neo4j for the whole test run: NEO4J_URI when set, else the bundled Neo4j on a free port with a
// fresh data directory that is removed afterwards. Tests read the URI with neo4jUri() (test/support).
//
// The db and e2e projects (vitest.config.ts) both list this file, and vitest calls a project's global
// setup once per project that has files queued, each project importing the file through its own module
// runner: module state is not shared between them, the process is. So the running Neo4j is kept on
// globalThis, started by the first project that asks and stopped when the last one tears down.
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

declare global {
  var tiersightTestNeo4j: SharedNeo4j | undefined;
}

interface RunningNeo4j {
  uri: string;
  stop(): Promise<void>;
}

interface SharedNeo4j {
  running: Promise<RunningNeo4j>;
  projects: number;
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.NEO4J_URI;
  if (external !== undefined && external !== '') {
    project.provide('neo4jUri', external);
    return undefined;
  }

  const shared = (globalThis.tiersightTestNeo4j ??= { running: startNeo4j(), projects: 0 });
  shared.projects += 1;
  const neo4j = await shared.running;
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    shared.projects -= 1;
    if (shared.projects > 0) return;
    globalThis.tiersightTestNeo4j = undefined;
    await neo4j.stop();
  };
}

async function startNeo4j(): Promise<RunningNeo4j> {
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
    return {
      uri: neo4j.uri,
      stop: async () => {
        await neo4j.stop();
        await removeDataDir();
      },
    };
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}
