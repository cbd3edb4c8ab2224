import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Chromium for the browser tests; one Neo4j for the whole run, started when NEO4J_URI is unset.
    globalSetup: ['test/e2e/chromium-setup.ts', 'test/global-setup.ts'],
    // Integration files share one database; running them one at a time keeps them from resetting each other.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
