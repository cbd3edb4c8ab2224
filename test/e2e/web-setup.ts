// Builds web/dist (the dashboard and GraphiQL) once per run for the end-to-end files that serve it, in
// the background: vitest runs every project's global setup before the first test of any project, and
// the tests before the end-to-end ones need no dashboard, so the build (some 30 s on a loaded 2-core
// machine, in the first browser file's set-up before) runs beside them. startDemoApp() (browser.ts)
// waits for `done`, or `failed` holding why, in the directory this provides; no two files can start
// a build into web/dist at once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../../web/build.ts';
import { announce } from '../support/announcement.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the web build announces that it is `done` (or `failed`). */
    webBuild: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const directory = await mkdtemp(join(tmpdir(), 'tiersight-test-web-'));
  const building = ensureWebBuilt(() => {}).then(
    () => announce(directory, 'done', ''),
    (error: unknown) => announce(directory, 'failed', error instanceof Error ? error.message : String(error)),
  );
  project.provide('webBuild', directory);
  return async () => {
    await building;
    await rm(directory, { recursive: true, force: true });
  };
}
