import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { DATABASE_WORKERS } from './test/support/database-workers.ts';

// Three tiers, run in this order by `npm test`; each can run alone (`npm run test:unit|test:db|test:e2e`).
// The db tier is two projects: most files two at a time, then those that kill processes or time them
// alone. A project's global setup runs only when that project has files queued, so the unit tier
// alone starts neither Neo4j nor Chromium; db and e2e share the Neo4js (see test/global-setup.ts).
const DB_FILES = [
  'test/api/**/*.test.ts',
  'test/integration/**/*.test.ts',
  'test/property/**/*.test.ts',
  'test/abuse/**/*.test.ts',
];
const SOLO_FILES = [
  'test/integration/outage.test.ts',
  'test/integration/launcher.test.ts',
  // Several processes migrating one schema at once: past its time limit beside another file.
  'test/integration/migrations.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports": Node loads its CommonJS build for everyone, but Vite would give the
    // code it transforms (ours, the tests) the .mjs build, a second graphql whose instanceof checks
    // fail on the schema that @graphql-tools builds and graphql-jit compiles. One graphql, as in
    // production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // No database, no browser, no server process: files run in parallel, on every core (vitest's
          // default leaves one for itself, which on a 2-core machine ran them one at a time).
          include: ['test/unit/**/*.test.ts', 'test/web/**/*.test.ts'],
          maxWorkers: availableParallelism(),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: DB_FILES,
          exclude: SOLO_FILES,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/support/release-database.ts'],
          maxWorkers: DATABASE_WORKERS,
          // A worker runs file after file with the modules it has loaded (the API, the schema, the
          // driver), instead of a fresh process importing them again for each of some 220 files: about
          // 1.5 s of CPU a file on a 2-core machine. Each file still starts and closes its own API and
          // driver and resets its database; what a file changes in the process (env, spies) it restores.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'db-solo',
          // Fault injection and start-up timing: measured on a machine that runs nothing else.
          include: SOLO_FILES,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/support/release-database.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // Chromium, the API and Neo4j share two cores: on a slow machine a page takes seconds to
          // settle, more than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/chromium-setup.ts', 'test/e2e/web-setup.ts', 'test/global-setup.ts'],
          setupFiles: ['test/support/release-database.ts'],
          // After the db tier, whose statements the Neo4js have planned by then, and two files at a
          // time, each on a Neo4j of its own: a browser test waits on the page much of its time, which
          // the file beside it uses.
          maxWorkers: DATABASE_WORKERS,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
