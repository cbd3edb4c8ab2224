// `export` (a backup) and `user-activity` (a data subject's request) only read, and are documented so
// ("reads and never writes"; an export "while the API runs"), yet opening the store applied every
// migration it lacked: run from a checkout newer than production, either migrated the production store
// under servers of the older version. They now apply none and refuse a store that lacks one, naming it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/graph/migrations.ts';
import { openTestDatabase, rowsOf, type TestDatabase } from '../support/database.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

const CLI = fileURLToPath(new URL('../../bin/tiersight.js', import.meta.url));
const DROPPED = '021-event-keys';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await migrate(db.executor);
  await db.close();
});

const tiersight = (args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args], {
    env: { ...process.env, NEO4J_URI: neo4jUri() },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

const recorded = async () =>
  (await rowsOf(db, 'MATCH (m:TiersightMigration {id: $id}) RETURN m.id AS id', { id: DROPPED })).length;

it.each([
  ['export', (out: string) => ['export', '--out', out]],
  ['user-activity', () => ['user-activity', 'someone@example.org']],
])(
  '%s migrates nothing and refuses a store that lacks a migration, naming it',
  async (_name, args) => {
    await migrate(db.executor);
    await rowsOf(db, 'MATCH (m:TiersightMigration {id: $id}) DELETE m', { id: DROPPED });
    const out = join(mkdtempSync(join(tmpdir(), 'tiersight-read-only-')), 'backup.json');
    const run = await tiersight(args(out));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`lacks migration ${DROPPED} of this version`);
    expect(run.stderr).toContain('run `tiersight migrate` first');
    expect(await recorded()).toBe(0);
    expect(existsSync(out)).toBe(false);

    await migrate(db.executor);
    expect((await tiersight(args(out))).code).toBe(0);
  },
  120_000,
);
