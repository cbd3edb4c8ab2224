// A MONITOR has no supply links (specification, section 1), and the API refuses one at either end of a
// declared link. A bulk import accepted one: a link of the file to or from a MONITOR the database
// holds, and a file that makes an organization with links in the database a MONITOR. Each is now
// refused naming the record and the id, and nothing is written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/import/validate.ts';
import type { OrganizationRecord } from '../../src/domain/format.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { fileImporter, linkRecord } from '../support/import-files.ts';

let db: TestDatabase;
const importRecords = fileImporter('import-monitor-links', () => db);

const org = (id: string, type: OrganizationRecord['type']): OrganizationRecord => ({
  id,
  name: `Org ${id}`,
  type,
  country: 'SE',
});

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await loadGraph(
    db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('maker', 'MANUFACTURER')
      .org('watch', 'MONITOR')
      .link('maker', 'buyer', { id: 'l-1' })
      .build(),
  );
});

/** The import's problems as the command prints them, after checking that it wrote nothing. */
async function refused(outcome: ReturnType<typeof importRecords>, before: unknown): Promise<string[]> {
  const { ok, validation } = await outcome;
  expect(ok).toBe(false);
  expect(await dumpGraph(db.driver)).toEqual(before);
  return validation.problems.map(formatProblem);
}

describe('an import of a supply link with a MONITOR at an end', () => {
  it('is refused when the database holds the MONITOR, at either end, naming the link and the id', async () => {
    const before = await dumpGraph(db.driver);
    const lines = await refused(
      importRecords({
        links: [linkRecord('l-to', 'maker', 'watch'), linkRecord('l-from', 'watch', 'buyer')],
      }),
      before,
    );
    expect(lines).toEqual([
      `links[0] (id "l-to"): customer "watch" names a MONITOR, which has no supply links`,
      `links[1] (id "l-from"): supplier "watch" names a MONITOR, which has no supply links`,
    ]);
  });

  it('is refused when the file holds the MONITOR, into an emptied store too', async () => {
    const before = await dumpGraph(db.driver);
    const lines = await refused(
      importRecords(
        {
          organizations: [org('buyer', 'PURCHASER'), org('ngo', 'MONITOR')],
          links: [linkRecord('l-2', 'buyer', 'ngo')],
        },
        true,
      ),
      before,
    );
    expect(lines).toEqual([`links[0] (id "l-2"): customer "ngo" names a MONITOR, which has no supply links`]);
  });

  it('goes ahead when the file gives the stored MONITOR a supplier type: the file says what it is now', async () => {
    const outcome = await importRecords({
      organizations: [org('watch', 'FACTORY')],
      links: [linkRecord('l-3', 'watch', 'maker')],
    });
    expect(outcome.validation.problems.map(formatProblem)).toEqual([]);
    expect(outcome.ok).toBe(true);
  });
});

describe('an import that makes an organization with supply links a MONITOR', () => {
  it('is refused naming the organization and its stored links', async () => {
    const before = await dumpGraph(db.driver);
    const lines = await refused(importRecords({ organizations: [org('maker', 'MONITOR')] }), before);
    expect(lines).toEqual([
      `organizations[0] (id "maker"): type MONITOR: a MONITOR has no supply links, and the database holds ` +
        `supply link "l-1" of "maker"; give it the type it trades as, or move that link to other ends in the file`,
    ]);
  });

  it('goes ahead when the file moves the stored link to other ends', async () => {
    const outcome = await importRecords({
      organizations: [org('maker', 'MONITOR'), org('mill', 'FACTORY')],
      links: [linkRecord('l-1', 'mill', 'buyer')],
    });
    expect(outcome.validation.problems.map(formatProblem)).toEqual([]);
    expect(outcome.ok).toBe(true);
  });
});
