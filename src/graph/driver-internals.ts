// The driver's internal modules that src/graph/bolt-*.ts wrap: neo4j-driver has no public hooks for
// how it chunks and writes Bolt messages. Each lookup is checked at start-up and fails naming the
// driver's version if an upgrade moves what is wrapped.
import { createRequire } from 'node:module';

const fromHere = createRequire(import.meta.url);
// The copy of the connection package that this project's neo4j-driver loads, wherever npm put it.
const fromDriver = createRequire(fromHere.resolve('neo4j-driver'));

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** `path` inside neo4j-driver-bolt-connection, as `check` finds it, or an error at start-up. */
export function driverPart<T>(path: string, check: (module: unknown) => T | null): T {
  const found = check(fromDriver(`neo4j-driver-bolt-connection/${path}`));
  if (found === null) {
    const manifest: unknown = fromDriver('neo4j-driver-bolt-connection/package.json');
    const version = isObject(manifest) ? String(manifest['version']) : 'of unknown version';
    throw new Error(
      `neo4j-driver-bolt-connection ${version}: ${path} is not as src/graph/bolt-*.ts expect; review those wrappers for this version`,
    );
  }
  return found;
}
