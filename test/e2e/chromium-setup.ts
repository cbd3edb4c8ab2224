// Finds Chromium once per test run (test/e2e/chromium.ts) and hands its path to the browser tests.
// Without one they are skipped, never failed, and this prints one line saying why and how to get
// them; with TIERSIGHT_E2E=required (set by .ci/run, where Chromium is installed) a missing browser
// fails the run instead, so CI cannot go green on skipped browser tests.
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium executable for the browser tests; null skips them. */
    chromium: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const override = process.env['TIERSIGHT_CHROMIUM'];
  const choice = await findChromium(override === '' ? undefined : override);
  project.provide('chromium', choice.path);
  if (choice.path !== null) return;
  if (process.env['TIERSIGHT_E2E'] === 'required') {
    throw new Error(`TIERSIGHT_E2E=required but no Chromium for the browser tests: ${choice.reason}.`);
  }
  console.warn(
    `\n*** BROWSER TESTS SKIPPED: ${choice.reason}. To run them, install Chromium ` +
      `(Debian: apt-get install chromium) or set TIERSIGHT_CHROMIUM=/path/to/chromium. ***\n`,
  );
}
