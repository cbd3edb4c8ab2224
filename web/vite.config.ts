// Builds the dashboard (index.html) and the offline GraphiQL (graphiql.html) into web/dist, which the
// API server serves (src/api/http/static.ts). Everything is bundled: the pages load nothing from a CDN.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // GraphiQL brings the Monaco editor: big, but loaded only by /graphql.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      input: {
        index: `${root}index.html`,
        graphiql: `${root}graphiql.html`,
      },
      // GraphiQL's React packages carry "use client" directives, meaningless in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
