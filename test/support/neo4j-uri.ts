// Which of the run's Neo4js this test file uses. Files of the db tier run two at a time, each on a
// database of its own: a file takes a lease on a free one the first time it asks (at the start of a
// run, once one has started), and gives it back when it ends (test/support/release-database.ts, a
// setup file) or its process exits. VITEST_POOL_ID looked like the answer but is not: after the unit
// project's files, two db files ran side by side with the same id.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { isAlive } from './process-alive.ts';

let lease: { uri: string; file: string | null } | undefined;

/** The Bolt URI of this file's Neo4j, provided by test/global-setup.ts. */
export function neo4jUri(): string {
  lease ??= takeLease(inject('neo4jUris'), inject('neo4jDatabases'), inject('neo4jLeases'));
  return lease.uri;
}

/** Gives this file's database back for the next file. */
export function releaseDatabase(): void {
  if (lease?.file) rmSync(lease.file, { force: true });
  lease = undefined;
}

/**
 * How long a file waits for a free database: the bundled ones may still be starting (the launcher
 * gives a start 120 s, on a loaded machine with the unit tests beside it), then held by other files.
 */
const LEASE_WAIT_MS = 300_000;

function takeLease(
  uris: readonly string[],
  databases: number,
  leases: string,
): { uri: string; file: string | null } {
  const only = uris[0];
  if (databases === 0 && only !== undefined) return { uri: only, file: null };
  const deadline = Date.now() + LEASE_WAIT_MS;
  for (;;) {
    const ready: string[] = [];
    for (let index = 0; index < databases; index++) {
      const failure = readIfThere(join(leases, `${index}.failed`));
      if (failure !== null) throw new Error(`the bundled Neo4j for the tests did not start: ${failure}`);
      const uri = readIfThere(join(leases, `${index}.uri`));
      if (uri === null) continue;
      ready.push(uri);
      const file = join(leases, `${index}.lease`);
      if (claim(file)) {
        giveBackOnExit();
        return { uri, file };
      }
    }
    // Still starting, or a file that just ended may still be giving its lease back.
    if (Date.now() > deadline) {
      throw new Error(
        ready.length === 0
          ? `no test database was ready within ${LEASE_WAIT_MS / 1000} s`
          : `no free test database among ${ready.join(', ')}`,
      );
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

let exitHandled = false;

/**
 * Gives the lease held at exit back, for a worker that dies between files: one handler per process,
 * as a worker of the db tier runs file after file (vitest.config.ts, isolate) and would add one each.
 */
function giveBackOnExit(): void {
  if (exitHandled) return;
  exitHandled = true;
  process.once('exit', releaseDatabase);
}

function readIfThere(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * How long a lease may stay empty: the moment between another process creating it and writing its pid.
 * Taken for abandoned before that, it was removed under its holder, whose database a second file then
 * leased too (seen on a loaded machine as imports interrupted by another file's reset).
 */
const EMPTY_LEASE_MS = 10_000;

/** Creates `file` holding this pid, or takes it over from a process that died holding it. */
function claim(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = holderOf(file);
    if (holder === null) return false; // given back meanwhile: free for the next round
    if (holder > 0 ? isAlive(holder) : beingWritten(file)) return false;
    rmSync(file, { force: true });
    return false; // the next round tries again, against other processes doing the same
  }
}

/** The pid a lease holds (0 while it is being written), or null when it is gone. */
function holderOf(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function beingWritten(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < EMPTY_LEASE_MS;
  } catch {
    return false; // gone meanwhile: free for the next round
  }
}
