// The bundled Neo4j's lifecycle against real JVMs: start, Bolt, stop, the two start-up conflicts
// (port, data directory) and no orphan JVM when the Node parent is SIGKILLed. Each start takes some
// seconds, so one database serves the first group of tests.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LauncherError, startBundledNeo4j, type BundledNeo4j } from '../../src/db/bundled-neo4j.ts';
import { isAlive } from '../support/process-alive.ts';

const START_TIMEOUT = 180_000;
const CHILD_SCRIPT = fileURLToPath(new URL('../support/bundled-neo4j-child.ts', import.meta.url));

const tempDirs: string[] = [];
async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tiersight-launcher-'));
  tempDirs.push(dir);
  return dir;
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isAlive(pid);
}

async function expectLauncherError(start: Promise<BundledNeo4j>): Promise<LauncherError> {
  const error: unknown = await start.then(
    async (unexpected) => {
      await unexpected.stop();
      return new Error(`expected a LauncherError, but Neo4j started at ${unexpected.uri}`);
    },
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(LauncherError);
  return error as LauncherError;
}

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a bundled Neo4j on a free port', () => {
  let db: BundledNeo4j;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    db = await startBundledNeo4j({
      dataDir,
      heap: '512m',
      settings: { 'dbms.cypher.min_replan_interval': '1h' },
    });
  }, START_TIMEOUT);

  afterAll(async () => {
    await db?.stop();
  });

  it('is ready on a loopback Bolt URI', () => {
    expect(db.uri).toBe(`bolt://127.0.0.1:${db.port}`);
    expect(db.port).toBeGreaterThan(0);
    expect(isAlive(db.pid)).toBe(true);
    expect(db.startupMs).toBeGreaterThan(0);
  });

  it('answers Bolt without credentials, with the settings it was given', async () => {
    const driver = neo4j.driver(db.uri);
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS x');
      expect(records[0]?.get('x')).toEqual(neo4j.int(1));
      const setting = await driver.executeQuery(
        "SHOW SETTINGS YIELD name, value WHERE name = 'dbms.cypher.min_replan_interval' RETURN value",
      );
      expect(setting.records[0]?.get('value')).toBe('1h');
    } finally {
      await driver.close();
    }
  });

  it('plans a statement once, whatever the length of its string parameters', async () => {
    const driver = neo4j.driver(db.uri);
    const clearPlans = async () =>
      String((await driver.executeQuery('CALL db.clearQueryCaches()')).records[0]?.get('value'));
    try {
      await clearPlans();
      // Lengths 1, 5, 12 and 123: Neo4j's default would plan it once per power of ten.
      for (const id of ['a', 'a'.repeat(5), 'a'.repeat(12), 'a'.repeat(123)]) {
        await driver.executeQuery('MATCH (o:Organization {id: $id}) RETURN o.name', { id });
      }
      expect(await clearPlans()).toBe('Query caches successfully cleared of 1 queries.');
    } finally {
      await driver.close();
    }
  });

  it(
    'refuses a second launcher on the same data directory',
    async () => {
      const error = await expectLauncherError(startBundledNeo4j({ dataDir, heap: '512m' }));
      expect(error.code).toBe('store-locked');
      expect(error.message).toContain(`data directory ${dataDir} is in use`);
      // The running one is unaffected.
      expect(isAlive(db.pid)).toBe(true);
    },
    START_TIMEOUT,
  );

  it('stops: the JVM exits and its pid is gone', async () => {
    await db.stop();
    expect(await db.exited).not.toBeUndefined();
    expect(await waitUntilGone(db.pid, 5_000)).toBe(true);
    await db.stop(); // a second stop is a no-op
  });
});

describe('start-up conflicts and orphans', () => {
  it(
    'names the port when it is already taken',
    async () => {
      const server: Server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      try {
        const error = await expectLauncherError(
          startBundledNeo4j({ port: address.port, dataDir: await tempDataDir(), heap: '512m' }),
        );
        expect(error.code).toBe('port-in-use');
        expect(error.message).toContain(`Port ${address.port} on 127.0.0.1 is already in use`);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
    START_TIMEOUT,
  );

  it(
    'names a Neo4j setting that does not exist',
    async () => {
      const error = await expectLauncherError(
        startBundledNeo4j({ dataDir: await tempDataDir(), heap: '512m', settings: { 'dbms.no_such': 'x' } }),
      );
      expect(error.code).toBe('start-failed');
      expect(error.message).toContain('dbms.no_such');
    },
    START_TIMEOUT,
  );

  it(
    'leaves no JVM behind when its Node parent is killed with SIGKILL',
    async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, await tempDataDir()], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let jvmPid: number | null = null;
      try {
        const line = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout }).once('line', resolve);
          child.once('exit', (code) => reject(new Error(`the Node child exited early with code ${code}`)));
        });
        const started = JSON.parse(line) as { pid: number; uri: string };
        jvmPid = started.pid;
        expect(isAlive(jvmPid)).toBe(true);

        child.kill('SIGKILL');
        expect(await waitUntilGone(jvmPid, 15_000)).toBe(true);
      } finally {
        child.kill('SIGKILL');
        if (jvmPid !== null && isAlive(jvmPid)) process.kill(jvmPid, 'SIGKILL');
      }
    },
    START_TIMEOUT,
  );
});
