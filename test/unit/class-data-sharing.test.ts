// Class data sharing for the bundled Neo4j's JVM (src/db/class-data-sharing.ts): which flags a JVM gets,
// and that only a whole archive from a JVM that exited by itself is kept.
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classDataSharing, launcherJar } from '../../src/db/class-data-sharing.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tiersight-cds-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Does what `-XX:ArchiveClassesAtExit=FILE` does as the JVM exits. */
const writeArchiveOf = (flags: readonly string[]) => {
  const file = flags.find((f) => f.startsWith('-XX:ArchiveClassesAtExit='))!.split('=')[1]!;
  return writeFile(file, 'archive');
};

describe('the class data archive of the bundled Neo4j', () => {
  it('is written by a JVM when there is none, and kept once that JVM has exited by itself', async () => {
    const archive = join(dir, 'neo4j.jsa');
    const sharing = await classDataSharing(archive, Date.now());
    expect(sharing.writesArchive).toBe(true);
    await writeArchiveOf(sharing.jvmFlags);
    await sharing.afterExit(0);
    expect(await readdir(dir)).toEqual(['neo4j.jsa']);

    const next = await classDataSharing(archive, 0);
    expect(next.writesArchive).toBe(false);
    expect(next.jvmFlags).toContain(`-XX:SharedArchiveFile=${archive}`);
  });

  it('is dropped when a signal ended the JVM, perhaps in the middle of writing it', async () => {
    const sharing = await classDataSharing(join(dir, 'neo4j.jsa'), Date.now());
    await writeArchiveOf(sharing.jvmFlags);
    await sharing.afterExit(null);
    expect(await readdir(dir)).toEqual([]);
  });

  it('is written again when the launcher or its jars changed after it', async () => {
    const archive = join(dir, 'neo4j.jsa');
    await writeFile(archive, 'old');
    await utimes(archive, new Date(1_000), new Date(1_000));
    const sharing = await classDataSharing(archive, Date.now());
    expect(sharing.writesArchive).toBe(true);
    expect(sharing.jvmFlags.some((f) => f.startsWith('-XX:ArchiveClassesAtExit='))).toBe(true);
  });

  it('gives concurrent JVMs files of their own to write', async () => {
    const archive = join(dir, 'neo4j.jsa');
    const [a, b] = await Promise.all([classDataSharing(archive, 0), classDataSharing(archive, 0)]);
    expect(a.jvmFlags).not.toEqual(b.jvmFlags);
  });
});

describe('the launcher jar', () => {
  it('packs the classes with the JDK jar tool, once until they change', async () => {
    const classes = join(dir, 'classes');
    await mkdir(classes);
    await writeFile(join(classes, 'A.class'), 'x');
    const jarFile = join(dir, 'launcher.jar');
    expect(await launcherJar('java', classes, jarFile, 0)).toBe(jarFile);
    await utimes(jarFile, new Date(5_000), new Date(5_000));
    expect(await launcherJar('java', classes, jarFile, 1_000)).toBe(jarFile);
    expect((await stat(jarFile)).mtimeMs).toBe(5_000);
  });

  it('is null without a jar tool (a JRE), so the JVM runs as before', async () => {
    expect(await launcherJar('/nonexistent/bin/java', dir, join(dir, 'launcher.jar'), 0)).toBeNull();
  });
});
