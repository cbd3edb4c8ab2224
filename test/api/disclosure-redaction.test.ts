// redactDisclosureVersion (specification, section 8, "Redacting a version"): the owner erases the
// texts of an earlier version, or of any version of a withdrawn disclosure, for every viewer and every
// instant asked for; what names nobody stays, and a backup carries the erasure.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import type { TiersightFile } from '../../src/domain/format.ts';
import type { Role } from '../../src/domain/roles.ts';
import { exportGraph } from '../../src/export/export-graph.ts';
import { ExportRepository } from '../../src/export/export-repository.ts';
import { TiersightWriter } from '../../src/export/tiersight-writer.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { codes, ok, TEST_SECRET } from '../support/api.ts';
import { loadGraph, TEST_ORIGIN } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { NAMING_CONTENT } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN: Role[] = ['supplier_admin'];

const VERSION_FIELDS = `version title summary issuer standard products issuedAt validUntil documentUrl
  documentSha256 redactedAt redactedBy actorUserId
  actions { id finding action severity status dueAt firstDueAt verification closedAt }`;
const REDACT = `mutation($id: ID!, $version: Int!) {
  redactDisclosureVersion(id: $id, version: $version) { id version title redactedAt history { ${VERSION_FIELDS} } } }`;
const ONE = `query($id: ID!, $asOf: DateTime) {
  disclosure(id: $id, asOf: $asOf) { version title summary redactedAt history { ${VERSION_FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { version } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`;

const FIRST = {
  ...NAMING_CONTENT,
  issuer: 'Jane Auditor',
  standard: 'RBA VAP 7.0',
  products: ['laptops'],
  validUntil: '2026-03-01T00:00:00.000Z',
  documentUrl: 'https://audits.example/li-wei.pdf',
  documentSha256: 'a'.repeat(64),
};
const SECOND = {
  ...FIRST,
  title: 'Audit of line 4',
  summary: 'Interviews: forced overtime reported.',
  issuer: 'Audit firm AB',
  documentUrl: 'https://audits.example/redacted.pdf',
  actions: [
    { ...FIRST.actions[0]!, finding: 'Forced overtime', action: 'End it', dueAt: '2024-09-01T00:00:00.000Z' },
  ],
};

interface Version {
  version: number;
  title: string;
  redactedAt: string | null;
  redactedBy: string | null;
  [field: string]: unknown;
}
interface Shown {
  version: number;
  title: string;
  summary?: string | null;
  redactedAt: string | null;
  history: Version[];
}

const asUser = async (sub: string, org: string, roles: Role[]) => ({
  authorization: `Bearer ${await signToken({ sub, org, roles }, TEST_SECRET, 600)}`,
});

let id = '';
/** The instant between the first version and the second: asOf it, version 1 is the one shown. */
let between = '';

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'MANUFACTURER')
      .link('factory', 'brand')
      .link('brand', 'buyer')
      .share('brand', 'buyer')
      .build(),
  );
  ok(
    await t.api.query('brand', `mutation { shareDisclosures(recipientId: "buyer") { id } }`, {}, ADMIN),
    'shareDisclosures',
  );
  id = ok<{ id: string }>(
    await t.api.query(
      'brand',
      `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
      { input: { kind: 'AUDIT_REPORT', subjectId: 'factory', content: FIRST } },
      ADMIN,
    ),
    'publishDisclosure',
  ).id;
  await new Promise((resolve) => setTimeout(resolve, 5));
  between = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  ok(await t.api.query('brand', UPDATE, { id, input: SECOND }, ADMIN), 'updateDisclosure');
});

const redact = async (version: number, as: string | { authorization: string } = 'brand') =>
  t.api.query(as, REDACT, { id, version }, ADMIN);

describe('redactDisclosureVersion', () => {
  it("erases an earlier version's texts and keeps what names nobody", async () => {
    const before = ok<Shown>(await t.api.query('brand', ONE, { id }), 'disclosure').history[1]!;
    const answer = ok<Shown & { id: string }>(
      await redact(1, await asUser('anna@brand', 'brand', ADMIN)),
      'redactDisclosureVersion',
    );
    expect(answer).toMatchObject({ id, version: 2, title: 'Audit of line 4', redactedAt: null });
    const [current, first] = answer.history;
    expect(current).toMatchObject({
      version: 2,
      title: 'Audit of line 4',
      redactedAt: null,
      redactedBy: null,
    });
    expect(first).toEqual({
      ...before,
      title: '',
      summary: null,
      issuer: null,
      standard: null,
      documentUrl: null,
      actions: [{ ...(before.actions as object[])[0], finding: '', action: '' }],
      redactedAt: expect.any(String),
      redactedBy: 'anna@brand',
    });
    // The first due date is a date: it stays, as the plan's follow-up reads it.
    expect((current!.actions as { firstDueAt: string }[])[0]!.firstDueAt).toBe('2024-06-01T00:00:00.000Z');
    expect(JSON.stringify(await dumpGraph(t.db.driver))).not.toMatch(/Li Wei|Jane Auditor|li-wei/);
  });

  it('erases it for a recipient too, asOf an instant when it was the current version included', async () => {
    ok(await redact(1), 'redactDisclosureVersion');
    const now = ok<Shown>(await t.api.query('buyer', ONE, { id }), 'disclosure');
    expect(now.history[1]).toMatchObject({ version: 1, title: '', summary: null, redactedBy: null });
    expect(now.history[1]!.redactedAt).toEqual(expect.any(String));
    const then = ok<Shown>(await t.api.query('buyer', ONE, { id, asOf: between }), 'disclosure');
    expect(then).toMatchObject({ version: 1, title: '', summary: null });
    expect(then.redactedAt).toBe(now.history[1]!.redactedAt);
  });

  it('keeps the first redaction: a second, by another user, changes nothing', async () => {
    const first = ok<Shown>(
      await redact(1, await asUser('anna@brand', 'brand', ADMIN)),
      'redactDisclosureVersion',
    );
    const again = ok<Shown>(await redact(1), 'redactDisclosureVersion');
    expect(again).toEqual(first);
  });

  it('refuses the current version of a live disclosure, and a version it does not have, writing nothing', async () => {
    const before = await dumpGraph(t.db.driver);
    const refusals = [];
    for (const version of [2, 0, 3, -1]) {
      const answer = await redact(version);
      refusals.push([codes(answer), answer.errors?.[0]?.message]);
    }
    expect(refusals).toEqual([
      [
        ['BAD_USER_INPUT'],
        `version 2 is the current version of disclosure "${id}": correct it with updateDisclosure (a new version), then redact version 2`,
      ],
      [['BAD_USER_INPUT'], `version 0 of disclosure "${id}" does not exist: it has versions 1 to 2`],
      [['BAD_USER_INPUT'], `version 3 of disclosure "${id}" does not exist: it has versions 1 to 2`],
      [['BAD_USER_INPUT'], `version -1 of disclosure "${id}" does not exist: it has versions 1 to 2`],
    ]);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('erases every version of a withdrawn disclosure, its last one too', async () => {
    ok(await t.api.query('brand', WITHDRAW, { id }, ADMIN), 'withdrawDisclosure');
    ok(await redact(2), 'redactDisclosureVersion');
    const given = ok<Shown[]>(
      await t.api.query(
        'brand',
        `query($id: ID!) { disclosuresGiven(id: $id, includeWithdrawn: true) { version title summary redactedAt history { ${VERSION_FIELDS} } } }`,
        { id },
      ),
      'disclosuresGiven',
    );
    expect(given).toMatchObject([{ version: 2, title: '', summary: null, redactedAt: expect.any(String) }]);
    expect(given[0]!.history.map((v) => [v.version, v.title, v.redactedBy])).toEqual([
      [2, '', 'user@brand'],
      [1, FIRST.title, null],
    ]);
  });

  it("answers NOT_FOUND for another organization's disclosure, as for a missing one, and writes nothing", async () => {
    const before = await dumpGraph(t.db.driver);
    for (const asked of [id, 'no-such-disclosure']) {
      const answer = await t.api.query('buyer', REDACT, { id: asked, version: 1 }, ADMIN);
      expect([codes(answer), answer.errors?.[0]?.message]).toEqual([
        ['NOT_FOUND'],
        `Disclosure ${JSON.stringify(asked)} not found`,
      ]);
    }
    expect(codes(await t.api.query('brand', REDACT, { id, version: 1 }, ['analyst']))).toEqual(['FORBIDDEN']);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('races an update without ever erasing what a live disclosure shows: the lock orders them', async () => {
    for (let round = 0; round < 6; round++) {
      const current = 2 + round;
      const [erased, updated] = await Promise.all([
        redact(current),
        t.api.query(
          'brand',
          UPDATE,
          { id, input: { ...SECOND, title: `Audit of line 4, round ${round}` } },
          ADMIN,
        ),
      ]);
      expect(codes(updated)).toEqual([]);
      // Erased once the update had made it an earlier version, else refused as the current one.
      if (erased.errors !== undefined) expect(codes(erased)).toEqual(['BAD_USER_INPUT']);
      const shown = ok<Shown>(await t.api.query('buyer', ONE, { id }), 'disclosure');
      expect(shown).toMatchObject({
        version: current + 1,
        title: `Audit of line 4, round ${round}`,
        redactedAt: null,
      });
      expect(shown.history[1]!.redactedAt !== null).toBe(erased.errors === undefined);
    }
  });

  it('is carried by tiersight export and restored by an import', async () => {
    ok(await redact(1, await asUser('anna@brand', 'brand', ADMIN)), 'redactDisclosureVersion');
    const before = await dumpGraph(t.db.driver);
    const path = join(mkdtempSync(join(tmpdir(), 'tiersight-redaction-')), 'export.json');
    await exportGraph(
      new ExportRepository(t.db.executor),
      t.db.imports.runs,
      await TiersightWriter.toFile(path),
    );
    const file = JSON.parse(readFileSync(path, 'utf8')) as TiersightFile;
    const [exported] = file.disclosures!;
    expect(exported!.history![0]).toMatchObject({ title: '', redactedBy: 'anna@brand' });
    expect(exported!.history![0]!.redactedAt).toEqual(expect.any(String));
    expect(exported).not.toHaveProperty('redactedAt');
    expect(readFileSync(path, 'utf8')).not.toMatch(/Li Wei|Jane Auditor|li-wei/);
    const outcome = await importGraph(fileSource(path), t.db.imports, {
      origin: TEST_ORIGIN,
      reset: true,
      settleMs: 0,
    });
    if (!outcome.ok) throw new Error(outcome.validation.problems.map(formatProblem).join('\n'));
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });
});
