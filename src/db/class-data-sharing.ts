// Class data sharing for the bundled Neo4j's JVM. A Neo4j that starts, or restarts after a crash, spends
// much of its first seconds loading and verifying some 18,000 classes (about 6,500 more for the first
// Cypher statements: the parser, planner and runtime). A dynamic CDS archive holds them already parsed
// and verified: the first JVM that stops cleanly writes one (-XX:ArchiveClassesAtExit) and every later
// one maps it (-XX:SharedArchiveFile). Measured in docs/outages.md. The JVM checks that an archive
// matches its class path and version and ignores one that does not, so a stale archive costs nothing
// but the speed-up; it is still rebuilt when its inputs change.
//
// CDS refuses a class path with a non-empty directory, so the launcher class goes in a jar of its own.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** What to add to a JVM's command line, and what to do once that JVM has exited. */
export interface ClassDataSharing {
  jvmFlags: string[];
  /** True when this JVM writes the archive as it exits: its clean stop then takes several seconds more. */
  writesArchive: boolean;
  /** `code` is the JVM's exit code, null when a signal ended it (perhaps in the middle of a dump). */
  afterExit(code: number | null): Promise<void>;
}

// The JVM reports on stdout archive entries it cannot use (generated classes, old class files); none
// of that is actionable, and stdout belongs to the launcher's READY protocol.
const QUIET = '-Xlog:cds*=off';

/**
 * Packs `classesDir` into `jarFile` with the JDK's `jar` tool (next to `java`) unless the jar is newer
 * than `newestInput`. Null when there is no `jar` tool (a JRE): the caller then runs without CDS.
 */
export async function launcherJar(
  java: string,
  classesDir: string,
  jarFile: string,
  newestInput: number,
): Promise<string | null> {
  const current = await stat(jarFile).catch(() => null);
  if (current !== null && current.mtimeMs >= newestInput) return jarFile;
  const jarTool = java.includes('/') ? join(dirname(java), 'jar') : 'jar';
  const partial = `${jarFile}.${randomUUID()}`;
  const ok = await new Promise<boolean>((resolveRun) => {
    const child = spawn(jarTool, ['--create', '--file', partial, '-C', classesDir, '.'], { stdio: 'ignore' });
    child.once('error', () => resolveRun(false));
    child.once('close', (code) => resolveRun(code === 0));
  });
  if (!ok) {
    await rm(partial, { force: true });
    return null;
  }
  // Several JVMs may start at once (tests); each renames a whole jar into place.
  await rename(partial, jarFile);
  return jarFile;
}

/**
 * Flags that map `archive` when it is newer than `newestInput`, or else have this JVM write a fresh
 * one when it exits cleanly (a SIGKILLed JVM writes nothing; the next clean stop does).
 */
export async function classDataSharing(archive: string, newestInput: number): Promise<ClassDataSharing> {
  const current = await stat(archive).catch(() => null);
  if (current !== null && current.mtimeMs >= newestInput) {
    return {
      jvmFlags: [QUIET, `-XX:SharedArchiveFile=${archive}`],
      writesArchive: false,
      afterExit: async () => {},
    };
  }
  // Each JVM writes a file of its own, renamed into place whole: concurrent JVMs never share a half-written one.
  const partial = `${archive}.${randomUUID()}`;
  return {
    jvmFlags: [QUIET, `-XX:ArchiveClassesAtExit=${partial}`],
    writesArchive: true,
    afterExit: async (code) => {
      if (!existsSync(partial)) return;
      if (code === null) await rm(partial, { force: true });
      else await rename(partial, archive).catch(() => rm(partial, { force: true }));
    },
  };
}
