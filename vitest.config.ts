import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Neo4j for the whole run, started here when NEO4J_URI is unset.
    globalSetup: ['test/global-setup.ts'],
    // Integration files share one database; running them one at a time keeps them from resetting each other.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
