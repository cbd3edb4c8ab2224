// The bundled Neo4j: Community edition run embedded by db/src/main/java/io/tiersight/db/Launcher.java
// in a child JVM. Maven resolves the jars once (`ensureNeo4jInstalled`); each start spawns the JVM and
// waits for its READY line. The JVM stops when its stdin pipe closes, so it never outlives this process,
// however this process ends.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, utimes } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { classDataSharing, launcherJar, type ClassDataSharing } from './class-data-sharing.ts';
import { quote } from '../domain/quote.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DB_DIR = join(REPO_ROOT, 'db');
const POM = join(DB_DIR, 'pom.xml');
const LAUNCHER_SOURCE = join(DB_DIR, 'src/main/java/io/tiersight/db/Launcher.java');
const LAUNCHER_MAIN = 'io.tiersight.db.Launcher';

/**
 * Which Neo4j the launcher is built against: `bundled`, the one Tiersight ships and runs (5.26, Java 17+),
 * or `latest`, the newest calendar-versioned release (db/pom.xml's profile neo4j-latest, Java 21+) that
 * Aura and current servers run, for the compatibility tests (TIERSIGHT_TEST_NEO4J=latest).
 */
export type Neo4jLine = 'bundled' | 'latest';

interface LineBuild {
  /** Maven's build directory for this line; each line has its own, so neither overwrites the other. */
  targetDir: string;
  mavenArgs: readonly string[];
  minJava: number;
}

const LINES: Readonly<Record<Neo4jLine, LineBuild>> = {
  bundled: { targetDir: join(DB_DIR, 'target'), mavenArgs: [], minJava: 17 },
  latest: { targetDir: join(DB_DIR, 'target-latest'), mavenArgs: ['-P', 'neo4j-latest'], minJava: 21 },
};

function buildPaths(line: Neo4jLine) {
  const { targetDir } = LINES[line];
  const classesDir = join(targetDir, 'classes');
  return {
    targetDir,
    classesDir,
    launcherClass: join(classesDir, 'io/tiersight/db/Launcher.class'),
    classpathFile: join(targetDir, 'classpath.txt'),
    launcherJar: join(targetDir, 'tiersight-launcher.jar'),
  };
}

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 20_000;
// Writing the class data archive as the JVM exits (src/db/class-data-sharing.ts) takes 5-20 s on a
// loaded 2-core machine; killing it then would only mean writing it again next time.
const ARCHIVING_STOP_GRACE_MS = 120_000;
const EXTERNAL_HINT = 'or set NEO4J_URI to an existing Neo4j 5 server';

// Neo4j 5 reaches into these JDK internals (the same flags its server's neo4j.conf passes). It starts
// without them, but debug.log then shows the page cache falling back from direct buffers (java.nio) and
// every transaction-log preallocation failing with 'Incorrect file descriptor' (java.io, sun.nio.ch).
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  // A JVM that ran out of heap is useless; exiting lets the parent see it instead of a hung database.
  '-XX:+ExitOnOutOfMemoryError',
  // Cypher compiles each statement's expressions to classes: over a test suite's thousands of
  // statements the JDK's default 240 MB of code cache filled ("CodeCache is full. Compiler has been
  // disabled.") and Neo4j ran interpreted from then on. The cache is reserved address space, taken as used.
  '-XX:ReservedCodeCacheSize=512m',
  // JNA (Neo4j's native I/O helpers) loads its library; Java 24+ warns on stderr about each such call
  // from a class path that was not allowed to. Java 17 accepts the flag too.
  '--enable-native-access=ALL-UNNAMED',
];

/**
 * Java 24+ warns on stderr, once per JVM, when a library (JCTools, Netty) uses sun.misc.Unsafe's memory
 * access, which Neo4j 5.26 and 2025 still do; the flag that allows it quietly exists from Java 23 on, and
 * an older JVM refuses to start with it.
 */
const unsafeMemoryAccess = (javaMajor: number): string[] =>
  javaMajor >= 23 ? ['--sun-misc-unsafe-memory-access=allow'] : [];

/** Exit codes of Launcher.java. */
const EXIT_PORT_IN_USE = 3;
const EXIT_STORE_LOCKED = 4;

type LauncherErrorCode =
  | 'java-missing'
  | 'maven-missing'
  | 'build-failed'
  | 'invalid-option'
  | 'port-in-use'
  | 'store-locked'
  | 'start-failed'
  | 'timeout';

/** The bundled Neo4j could not be installed or started; the message is meant for the person at the terminal. */
export class LauncherError extends Error {
  constructor(
    message: string,
    readonly code: LauncherErrorCode,
  ) {
    super(message);
    this.name = 'LauncherError';
  }
}

interface LauncherFiles {
  /** db/target/classes (db/target-latest/classes for `latest`), holding io/tiersight/db/Launcher.class. */
  classesDir: string;
  /** db/target/classpath.txt, the Neo4j jars in the local Maven cache. */
  classpathFile: string;
  /** The full class path for the JVM: classesDir and every jar. */
  classpath: string;
  /** The Neo4j release those jars are, such as 5.26.30 (read from the kernel jar's name). */
  neo4jVersion: string;
  /** True when this call ran Maven; false when the build was already up to date. */
  built: boolean;
}

export interface BundledNeo4j {
  uri: string;
  port: number;
  pid: number;
  /** Wall-clock time from spawning the JVM to its READY line. */
  startupMs: number;
  /**
   * Closes the JVM's stdin and sends SIGTERM; SIGKILL if it has not exited after 20 s (120 s while it
   * writes its class data archive). Safe to call twice.
   */
  stop(): Promise<void>;
  /** Resolves with the JVM's exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

export interface StartOptions {
  /** 0 or undefined: pick a free loopback port. */
  port?: number;
  dataDir: string;
  /** JVM heap, e.g. '1g' (the default) or '512m'. */
  heap?: string;
  /** Neo4j page cache, e.g. '256m' (the launcher's default). */
  pagecache?: string;
  /** Every other line the JVM prints, stderr included (normally none: Neo4j logs to <dataDir>/logs). */
  onLog?: (line: string) => void;
  /**
   * Neo4j settings by name (Neo4j refuses to start on an unknown name or a bad value); they also
   * override the launcher's plan-cache defaults (Launcher.planOnce).
   */
  settings?: Readonly<Record<string, string>>;
  /** More JVM options, after the launcher's own. */
  jvmOptions?: readonly string[];
  /** The Neo4j to run (Neo4jLine); the bundled 5.26 unless told otherwise. */
  line?: Neo4jLine;
}

/** Whether this installation has the launcher's sources (a checkout has; the Docker image has not). */
export function bundledNeo4jPresent(): boolean {
  return existsSync(POM) && existsSync(LAUNCHER_SOURCE);
}

/**
 * Makes sure the launcher is compiled and the Neo4j jars are in the local Maven cache, running
 * `mvn compile` only when db/pom.xml or Launcher.java changed since the last build (or the cache lost a jar).
 */
export async function ensureNeo4jInstalled(
  opts: { quiet?: boolean; line?: Neo4jLine } = {},
): Promise<LauncherFiles> {
  const line = opts.line ?? 'bundled';
  await requireJava(line);
  const current = await upToDateFiles(line);
  if (current !== null) return current;

  await runMaven(opts.quiet === true, line);
  // Maven leaves classpath.txt untouched when the jar list did not change; mark both outputs as current so
  // the next call does not build again.
  const now = new Date();
  const { classpathFile, launcherClass } = buildPaths(line);
  await Promise.all([utimes(classpathFile, now, now), utimes(launcherClass, now, now)]);
  const built = await upToDateFiles(line);
  if (built === null) {
    throw new LauncherError(
      `Maven finished but ${classpathFile} or ${launcherClass} is missing.`,
      'build-failed',
    );
  }
  return { ...built, built: true };
}

export async function startBundledNeo4j(opts: StartOptions): Promise<BundledNeo4j> {
  const heap = opts.heap ?? '1g';
  if (!/^\d+[kKmMgG]?$/.test(heap)) {
    throw new LauncherError(`The heap size must look like 512m or 2g, got ${quote(heap)}.`, 'invalid-option');
  }
  const line = opts.line ?? 'bundled';
  const files = await ensureNeo4jInstalled({ quiet: true, line });
  const java = await requireJava(line);
  const sharing = await sharedClasses(files, java.text, line);
  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = opts.port === undefined || opts.port === 0 ? await freeLoopbackPort() : opts.port;
  const log = opts.onLog ?? (() => {});

  const args = [
    // A fixed heap, as Neo4j recommends (it warns in debug.log when -Xms is unset).
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    ...unsafeMemoryAccess(java.major),
    ...sharing.jvmFlags,
    ...(opts.jvmOptions ?? []),
    LAUNCHER_MAIN,
    '--port',
    String(port),
    '--data',
    dataDir,
    '--parent-pid',
    String(process.pid),
    ...(opts.pagecache === undefined ? [] : ['--pagecache', opts.pagecache]),
    ...Object.entries(opts.settings ?? {}).flatMap(([name, value]) => ['--setting', `${name}=${value}`]),
  ];
  const startedAt = performance.now();
  const child = spawn(javaCommand(), args, {
    // The class path (some 200 jars) goes in the environment rather than -cp so `ps` stays readable.
    env: { ...process.env, CLASSPATH: sharing.classpath },
    // stdin stays open for the JVM's whole life: its EOF is the stop signal, also when we die by SIGKILL.
    stdio: ['pipe', 'pipe', 'pipe'],
    // Own process group: Ctrl-C in a terminal reaches only us, and we stop the JVM in order (after the
    // driver and server have closed) instead of both shutting down at once.
    detached: true,
  });
  // Writing to or closing a pipe whose reader is gone raises EPIPE; the exit handler reports what matters.
  child.stdin.on('error', () => {});

  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => void sharing.afterExit(code).finally(() => resolveExit(code)));
    child.once('error', () => resolveExit(null));
  });
  // Until READY, stderr is held back: a failed start reports it once, in the LauncherError.
  let started = false;
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (started) return log(line);
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  const stdout = createInterface({ input: child.stdout });

  const ready = new Promise<{ port: number }>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LauncherError(
          `The bundled Neo4j did not become ready within ${READY_TIMEOUT_MS / 1000} s; see ${join(dataDir, 'logs/debug.log')}.`,
          'timeout',
        ),
      );
    }, READY_TIMEOUT_MS);
    stdout.on('line', (line) => {
      const match = /^READY bolt:\/\/[^:]+:(\d+) \d+$/.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        started = true;
        stderrTail.splice(0).forEach((held) => log(held));
        resolveReady({ port: Number(match[1]) });
      } else if (line !== 'STOPPED') {
        // STOPPED (after a clean shutdown) is protocol like READY; `exited` reports the end.
        log(line);
      }
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? javaMissing(null, line)
          : new LauncherError(`Could not start Java: ${error.message}`, 'start-failed'),
      );
    });
    // 'close' rather than 'exit': by then stderr has been read to the end, so the message is complete.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      reject(startFailure(code, signal, stderrTail, port, dataDir));
    });
  });

  const bolt = await ready;
  const startupMs = Math.round(performance.now() - startedAt);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      child.kill('SIGTERM');
      const grace = sharing.writesArchive ? ARCHIVING_STOP_GRACE_MS : STOP_GRACE_MS;
      const timer = setTimeout(() => child.kill('SIGKILL'), grace);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return {
    uri: `bolt://${HOST}:${bolt.port}`,
    port: bolt.port,
    pid: child.pid ?? -1,
    startupMs,
    stop,
    exited,
  };
}

/**
 * The class path and CDS flags for a JVM (src/db/class-data-sharing.ts): the launcher as a jar and an
 * archive per Java version, both rebuilt when the launcher or the jar list changes. Without the JDK's
 * `jar` tool the JVM runs as before, from db/target/classes and without an archive.
 */
async function sharedClasses(
  files: LauncherFiles,
  javaVersionText: string,
  line: Neo4jLine,
): Promise<ClassDataSharing & { classpath: string }> {
  const paths = buildPaths(line);
  const inputs = await Promise.all([paths.launcherClass, paths.classpathFile].map((file) => stat(file)));
  const newestInput = Math.max(...inputs.map((s) => s.mtimeMs));
  const jar = await launcherJar(javaCommand(), paths.classesDir, paths.launcherJar, newestInput);
  if (jar === null) {
    return { classpath: files.classpath, jvmFlags: [], writesArchive: false, afterExit: async () => {} };
  }
  const jars = files.classpath.split(delimiter).filter((entry) => entry !== paths.classesDir);
  const archive = join(paths.targetDir, `neo4j-classes-java${javaVersionText.replace(/[^\w.-]/g, '_')}.jsa`);
  return {
    classpath: [jar, ...jars].join(delimiter),
    ...(await classDataSharing(archive, (await stat(jar)).mtimeMs)),
  };
}

function startFailure(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderrTail: string[],
  port: number,
  dataDir: string,
): LauncherError {
  const detail = stderrTail.join('\n').trim();
  if (code === EXIT_PORT_IN_USE) {
    return new LauncherError(
      `Port ${port} on ${HOST} is already in use; stop whatever listens there or choose another port.`,
      'port-in-use',
    );
  }
  if (code === EXIT_STORE_LOCKED) {
    return new LauncherError(
      `The data directory ${dataDir} is in use by another Neo4j process (is \`tiersight db\` or \`tiersight serve\` already running on it?).`,
      'store-locked',
    );
  }
  const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
  return new LauncherError(
    `The bundled Neo4j ${how} before it was ready${detail === '' ? '' : `:\n${detail}`}`,
    'start-failed',
  );
}

/** Asks the OS for a free port. Another process could take it before the JVM binds; the launcher then says so. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolveListen());
  });
  const address = server.address();
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  if (address === null || typeof address === 'string') throw new Error('could not read the free port');
  return address.port;
}

async function upToDateFiles(line: Neo4jLine): Promise<LauncherFiles | null> {
  const paths = buildPaths(line);
  const [classFile, classpathFile, source, pom] = await Promise.all(
    [paths.launcherClass, paths.classpathFile, LAUNCHER_SOURCE, POM].map((file) =>
      stat(file).catch(() => null),
    ),
  );
  if (classFile == null || classpathFile == null) return null;
  const inputsChanged = Math.max(source?.mtimeMs ?? 0, pom?.mtimeMs ?? 0);
  if (classFile.mtimeMs < inputsChanged || classpathFile.mtimeMs < inputsChanged) return null;

  const jars = (await readFile(paths.classpathFile, 'utf8')).trim().split(delimiter).filter(Boolean);
  // A cleaned ~/.m2 leaves a classpath.txt naming jars that are gone; Maven fetches them again.
  if (jars.length === 0 || !jars.every((jar) => existsSync(jar))) return null;
  // The kernel jar by its version, which starts with a digit: neo4j-kernel-api-… may come first.
  const kernel = jars
    .map((jar) => /neo4j-kernel-(\d[^/\\]*)\.jar$/.exec(jar)?.[1])
    .find((v) => v !== undefined);
  return {
    classesDir: paths.classesDir,
    classpathFile: paths.classpathFile,
    classpath: [paths.classesDir, ...jars].join(delimiter),
    neo4jVersion: kernel ?? 'unknown',
    built: false,
  };
}

async function runMaven(quiet: boolean, line: Neo4jLine): Promise<void> {
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  if (!quiet)
    console.error(
      'Building the bundled Neo4j launcher with Maven (the first run downloads about 130 MB of jars)...',
    );
  const child = spawn(mvn, ['-B', '-q', '-f', POM, ...LINES[line].mavenArgs, 'compile'], {
    cwd: DB_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Maven prints its [ERROR] lines on stdout; keep the end of both streams for the message, and show them
  // as they come unless asked to be quiet. Nothing goes to our stdout, which belongs to the command.
  let output = '';
  const collect = (chunk: Buffer) => {
    // Maven 3.8 prints bare colour resets even in batch mode; drop them.
    const text = stripAnsi(chunk.toString('utf8'));
    if (!quiet && text.trim() !== '') process.stderr.write(text);
    output = (output + text).slice(-4000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolveExit, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new LauncherError(
              `Maven (mvn) is required to fetch the bundled Neo4j the first time; it was not found on PATH. Install Maven 3.8+ ${EXTERNAL_HINT}.`,
              'maven-missing',
            )
          : error,
      ),
    );
    child.once('close', (exitCode) => resolveExit(exitCode));
  });
  if (code === 0) return;
  if (output.includes('No compiler is provided')) {
    throw javaMissing('a Java runtime without a compiler (javac)', line, 'not only a JRE');
  }
  const shown = quiet && output.trim() !== '' ? `:\n${output.trim()}` : '; see the output above';
  throw new LauncherError(
    `Building the bundled Neo4j with Maven failed (exit code ${code})${shown}`,
    'build-failed',
  );
}

/** The last `java -version`, kept for the java it ran: a JAVA_HOME changed since asks again. */
let javaChecked: { command: string; version: Promise<{ major: number; text: string } | null> } | null = null;

/**
 * Fails with a clear LauncherError unless `java -version` reports the line's Java (17, or 21 for
 * `latest`) or newer; resolves with its version. `java -version` runs once per process and java.
 */
async function requireJava(line: Neo4jLine): Promise<{ major: number; text: string }> {
  const command = javaCommand();
  if (javaChecked?.command !== command) javaChecked = { command, version: javaVersion(command) };
  const version = await javaChecked.version;
  // A failed check is not kept, so installing Java and retrying in the same process works.
  if (version === null || version.major < LINES[line].minJava) javaChecked = null;
  if (version === null) throw javaMissing(null, line);
  if (version.major < LINES[line].minJava) throw javaMissing(`Java ${version.text}`, line);
  return version;
}

async function javaVersion(command: string): Promise<{ major: number; text: string } | null> {
  return new Promise((resolveVersion) => {
    const child = spawn(command, ['-version'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', () => resolveVersion(null));
    child.once('close', () => {
      // `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_292"`, `openjdk version "21" ...`
      const match = /version "([^"]+)"/.exec(output);
      if (match?.[1] === undefined) return resolveVersion(null);
      const parts = match[1].split(/[.+_-]/).map(Number);
      const major = parts[0] === 1 ? (parts[1] ?? 0) : (parts[0] ?? 0);
      resolveVersion({ major, text: match[1] });
    });
  });
}

/** `found` null: no java at all. */
function javaMissing(found: string | null, line: Neo4jLine, advice = ''): LauncherError {
  const what = found === null ? 'no `java` was found (JAVA_HOME/bin or PATH)' : `found ${found}`;
  const { minJava } = LINES[line];
  const which =
    line === 'bundled' ? 'the bundled Neo4j' : 'the latest Neo4j (db/pom.xml, profile neo4j-latest)';
  return new LauncherError(
    `Java ${minJava} or newer is required to run ${which}; ${what}. Install a JDK ${minJava}+${advice === '' ? '' : ` (${advice})`}` +
      `${line === 'bundled' ? ` ${EXTERNAL_HINT}` : ' and point JAVA_HOME at it'}.`,
    'java-missing',
  );
}

/** JAVA_HOME wins over PATH, as it does for Maven, so both use the same JDK. */
function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  const fromHome = home ? join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : null;
  return fromHome !== null && existsSync(fromHome) ? fromHome : 'java';
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
