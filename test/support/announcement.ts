// How a global setup that works in the background (the test Neo4js, test/global-setup.ts; the web
// build, test/e2e/web-setup.ts) tells the test files, which run in other processes, that something is
// ready: a file in a directory it provides, written whole (renamed into place) so that a file polling
// for it never reads half of one.
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function announce(directory: string, name: string, text: string): Promise<void> {
  await writeFile(join(directory, `${name}.partial`), text);
  await rename(join(directory, `${name}.partial`), join(directory, name));
}
