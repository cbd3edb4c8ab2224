// Builds web/ into web/dist when the build is missing or older than its sources. `npm start` runs it
// first (prestart), and the end-to-end tests call ensureWebBuilt(). `tsx web/build.ts --force` always
// rebuilds.
import { spawn } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
export const REPO_DIR = join(WEB_DIR, '..');
export const DIST_DIR = join(WEB_DIR, 'dist');
const STAMP = join(DIST_DIR, '.built');
const INPUTS = ['src', 'index.html', 'graphiql.html', 'vite.config.ts'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (info === null) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** True when web/dist is missing or any source (schema/, package-lock.json) changed after the last build. */
export async function webBuildIsStale(): Promise<boolean> {
  const built = await stat(STAMP).catch(() => null);
  if (built === null) return true;
  const sources = [
    ...INPUTS.map((p) => join(WEB_DIR, p)),
    join(REPO_DIR, 'schema'), // GraphiQL bundles the SDL
    join(REPO_DIR, 'package-lock.json'),
  ];
  let newest = 0;
  for (const source of sources) newest = Math.max(newest, await newestMtime(source));
  return newest > built.mtimeMs;
}

/** Runs `vite build --config web/vite.config.ts` in a child process. */
export async function buildWeb(log: (line: string) => void = (line) => console.error(line)): Promise<void> {
  const vite = join(REPO_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  log('Building the dashboard and GraphiQL into web/dist …');
  const started = Date.now();
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', join(WEB_DIR, 'vite.config.ts')], {
      cwd: REPO_DIR,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build exited with ${code}`))));
  });
  await writeFile(STAMP, new Date().toISOString());
  log(`Built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds when stale; returns true when it built. */
export async function ensureWebBuilt(log?: (line: string) => void): Promise<boolean> {
  if (!(await webBuildIsStale())) return false;
  await buildWeb(log);
  return true;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const force = process.argv.includes('--force');
  (force ? buildWeb() : ensureWebBuilt()).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
