// A refused JWT_SECRET says what gave it away (never the secret): it said "replace" for every
// placeholder, so an operator who had copied "changeme-…" looked for a "replace" that was not there.
import { expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ NODE_ENV: 'production', NEO4J_URI: 'neo4j://db:7687', ...env }, { dataDir: '/tmp/data' });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

it.each([
  ['changeme-changeme-changeme-changeme-0123', 'it contains "changeme"'],
  ['CHANGE-ME-to-48-random-bytes-in-base64-0000', 'it contains "CHANGE-ME"'],
  ['replace-with-48-random-bytes-in-base64-at-least-32', 'it contains "replace"'],
  [DEVELOPMENT_JWT_SECRET, 'it is the development secret'],
])('production names what makes JWT_SECRET public: %s', (secret, why) => {
  const [problem] = problemsOf({ JWT_SECRET: secret });
  expect(problem).toContain(`(${why})`);
  if (secret !== DEVELOPMENT_JWT_SECRET) expect(problem).not.toContain(secret);
});
