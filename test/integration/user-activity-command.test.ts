// `tiersight user-activity USER_ID` (docs/privacy.md): every record that names one user, for the
// operator answering a data subject's access request. The user acts through the API in every way
// that records a user id (shares, sourcing, access requests, disclosures, findings, screening review,
// merges), beside another user of the same organization; the command lists the first user's records
// and no other's, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { run } from '../../src/cli/commands/user-activity.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import type { Role } from '../../src/domain/roles.ts';
import { screen } from '../../src/modules/screening/screen.ts';
import { ScreeningRepository } from '../../src/modules/screening/screening-repository.ts';
import { ok, startTestApi, TEST_SECRET, type TestApi } from '../support/api.ts';
import { captured } from '../support/captured-command.ts';
import { loadGraph, openTestDatabase, rowsOf, TEST_ORIGIN, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { disclosureVersion, graph } from '../support/graph-builder.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';
import { listEntry } from '../support/watch-list-entries.ts';

const PAT = 'pat@example.org';
const KIM = 'kim@example.org';

let db: TestDatabase;
let api: TestApi;
const savedUri = process.env['NEO4J_URI'];

const as = async (sub: string, org: string, roles: Role[] = ['supplier_admin']) => ({
  authorization: `Bearer ${await signToken({ sub, org, roles }, TEST_SECRET, 600)}`,
});
const mutate = async (
  user: { authorization: string },
  query: string,
  field: string,
  variables: Record<string, unknown> = {},
) => ok<{ id: string }>(await api.query(user, query, variables), field);

interface Listed {
  userId: string;
  records: {
    kind: string;
    recordId: string;
    action: string;
    at: string;
    organizationId: string | null;
    parties: string[];
  }[];
}
const activity = async (...args: string[]) => captured(run, args);
const listed = async (userId: string): Promise<Listed> =>
  JSON.parse((await activity(userId, '--json')).stdout) as Listed;

const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  api = await startTestApi(db);
  process.env['NEO4J_URI'] = neo4jUri();
  await loadGraph(
    db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('brand-dup', 'BRAND')
      .org('cn-foo', 'FACTORY', { name: 'Foo Inc.', country: 'CN' })
      .org('ew', 'MONITOR')
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .link('cn-foo', 'brand')
      .share('brand', 'ew')
      .build(),
  );
  const pat = await as(PAT, 'reseller');
  const kim = await as(KIM, 'reseller');

  ids['share'] = (
    await mutate(pat, `mutation { shareDisclosures(recipientId: "buyer") { id } }`, 'shareDisclosures')
  ).id;
  await mutate(pat, `mutation($id: ID!) { revokeShare(id: $id) { id } }`, 'revokeShare', {
    id: ids['share'],
  });
  ids['link'] = (
    await mutate(
      pat,
      `mutation { declareSupplyLink(newSupplier: { name: "New Parts AB", type: MANUFACTURER, country: "SE" }) { id } }`,
      'declareSupplyLink',
    )
  ).id;
  const content = { title: 'SAQ', issuedAt: '2026-01-01T00:00:00Z' };
  ids['disclosure'] = (
    await mutate(
      pat,
      `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
      'publishDisclosure',
      { input: { subjectId: 'reseller', kind: 'SELF_ASSESSMENT', content } },
    )
  ).id;
  // Version 2 is Kim's: not Pat's record.
  await mutate(
    kim,
    `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { id } }`,
    'updateDisclosure',
    { id: ids['disclosure'], input: { ...content, title: 'SAQ 2026' } },
  );
  await mutate(pat, `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`, 'withdrawDisclosure', {
    id: ids['disclosure'],
  });
  await mutate(
    kim,
    `mutation($id: ID!) { redactDisclosureVersion(id: $id, version: 1) { id } }`,
    'redactDisclosureVersion',
    { id: ids['disclosure'] },
  );
  ids['request'] = (
    await mutate(
      await as(KIM, 'buyer', ['analyst']),
      `mutation { requestAccess(organizationId: "reseller", scope: SOURCING) { id } }`,
      'requestAccess',
    )
  ).id;
  await mutate(
    pat,
    `mutation($id: ID!) { answerAccessRequest(id: $id, decision: DECLINE, reason: "Not now") { id } }`,
    'answerAccessRequest',
    { id: ids['request'] },
  );
  await mutate(kim, `mutation($id: ID!) { redactAccessRequest(id: $id) { id } }`, 'redactAccessRequest', {
    id: ids['request'],
  });
  const monitor = await as(PAT, 'ew');
  ids['finding'] = (
    await mutate(
      monitor,
      `mutation { recordFinding(input: { organizationId: "cn-foo", kind: REPORT, severity: HIGH, source: "EW report" }) { id } }`,
      'recordFinding',
    )
  ).id;
  await mutate(monitor, `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`, 'withdrawFinding', {
    id: ids['finding'],
  });
  await mutate(await as(KIM, 'ew'), `mutation($id: ID!) { redactFinding(id: $id) { id } }`, 'redactFinding', {
    id: ids['finding'],
  });
  await screen(new ScreeningRepository(db.executor), [listEntry('Foo Ltd', { listEntryId: 'E-1' })], {
    threshold: 0.9,
    certain: 0.97,
    apply: true,
    severity: 'HIGH',
  });
  const [candidate] = ok<{ id: string }[]>(
    await api.query(await as(PAT, 'ew', ['screening_admin']), `{ screeningCandidates { id } }`),
    'screeningCandidates',
  );
  ids['candidate'] = candidate!.id;
  await mutate(
    await as(PAT, 'ew', ['screening_admin']),
    `mutation($id: ID!) { confirmMatch(id: $id, note: "Same company") { id } }`,
    'confirmMatch',
    { id: ids['candidate'] },
  );
  ok(
    await api.query(
      await as(PAT, 'buyer', ['platform_admin']),
      `mutation { mergeOrganizations(keepId: "brand", mergeId: "brand-dup") { keptId } }`,
    ),
    'mergeOrganizations',
  );
}, 120_000);

afterAll(async () => {
  if (savedUri === undefined) delete process.env['NEO4J_URI'];
  else process.env['NEO4J_URI'] = savedUri;
  await api?.close();
  await db?.close();
});

describe('tiersight user-activity', () => {
  it("lists every record that names the user, oldest first, and none of another user's", async () => {
    const { userId, records } = await listed(PAT);
    expect(userId).toBe(PAT);
    expect(records.map((r) => [r.kind, r.recordId, r.action, r.organizationId, r.parties])).toEqual([
      ['SHARE_EVENT', ids['share'], 'GRANTED', 'reseller', ['reseller', 'buyer']],
      ['SHARE_EVENT', ids['share'], 'REVOKED', 'reseller', ['reseller', 'buyer']],
      ['SUPPLY_LINK_EVENT', ids['link'], 'DECLARED', 'reseller', ['reseller']],
      ['DISCLOSURE_VERSION', ids['disclosure'], 'VERSION 1', 'reseller', ['reseller', 'reseller']],
      ['DISCLOSURE_WITHDRAWAL', ids['disclosure'], 'WITHDRAWN', 'reseller', ['reseller', 'reseller']],
      ['ACCESS_REQUEST_EVENT', ids['request'], 'DECLINED', 'reseller', ['buyer', 'reseller']],
      ['FINDING_RECORDED', ids['finding'], 'RECORDED', 'ew', ['ew', 'cn-foo']],
      ['FINDING_WITHDRAWN', ids['finding'], 'WITHDRAWN', 'ew', ['ew', 'cn-foo']],
      ['SCREENING_DECISION', ids['candidate'], 'CONFIRMED', 'ew', ['cn-foo']],
      ['MERGE', 'brand-dup', 'MERGED INTO brand', null, ['brand-dup', 'brand']],
    ]);
    const times = records.map((r) => r.at);
    expect(times).toEqual([...times].sort());
  });

  it("lists the other user's records apart: the second version and the request it sent", async () => {
    const { records } = await listed(KIM);
    expect(records.map((r) => [r.kind, r.recordId, r.action, r.organizationId])).toEqual([
      ['DISCLOSURE_VERSION', ids['disclosure'], 'VERSION 2', 'reseller'],
      ['DISCLOSURE_REDACTION', ids['disclosure'], 'REDACTED VERSION 1', 'reseller'],
      ['ACCESS_REQUEST_EVENT', ids['request'], 'SENT', 'buyer'],
      ['ACCESS_REQUEST_EVENT', ids['request'], 'REDACTED', 'reseller'],
      ['FINDING_REDACTION', ids['finding'], 'REDACTED', 'ew'],
    ]);
  });

  it('writes a line per record with a summary, and says so when no record names the user', async () => {
    const { stdout } = await activity(KIM);
    expect(stdout.split('\n')[0]).toBe(
      `The user "${KIM}" is named on 5 records: ACCESS_REQUEST_EVENT 2, DISCLOSURE_VERSION 1, DISCLOSURE_REDACTION 1, FINDING_REDACTION 1.`,
    );
    expect(stdout).toMatch(
      new RegExp(
        `^\\S+Z  DISCLOSURE_VERSION  disclosure ${ids['disclosure']}: VERSION 2 for reseller \\(reseller, reseller\\)$`,
        'm',
      ),
    );
    // Ids are compared exactly: another case is another user.
    expect((await activity(KIM.toUpperCase())).stdout).toBe(
      `No record names the user "${KIM.toUpperCase()}".\n`,
    );
  });

  it('changes nothing in the store', async () => {
    const before = await dumpGraph(db.driver);
    await listed(PAT);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('refuses a missing, empty or second user id with a usage error', async () => {
    await expect(activity()).rejects.toThrow(/^user-activity takes exactly one USER_ID/);
    await expect(activity(PAT, KIM)).rejects.toThrow(/^user-activity takes exactly one USER_ID/);
    await expect(activity(' ')).rejects.toThrow('user-activity: USER_ID must not be empty, got " "');
  });
});

// docs/privacy.md, "Rectification and erasure": a name written into a disclosure stays in its earlier
// versions after the owner corrects it; the operator removes it by importing the record with its
// history corrected, which keeps the versions, their times and their users.
describe("the operator's rectification of an earlier version", () => {
  it('replaces the stored versions by the corrected history, users and times kept', async () => {
    const named = 'Reported by Jane Doe, line 4';
    const record = {
      id: 'd-saq',
      owner: 'reseller',
      subject: 'reseller',
      kind: 'SELF_ASSESSMENT',
      ...disclosureVersion({
        title: 'SAQ',
        summary: 'Reported by a worker',
        recordedAt: '2026-02-01T00:00:00Z',
        actorUserId: KIM,
      }),
      publishedAt: '2026-01-01T00:00:00Z',
      withdrawnAt: null,
    };
    const first = disclosureVersion({
      title: 'SAQ',
      summary: named,
      recordedAt: '2026-01-01T00:00:00Z',
      actorUserId: PAT,
    });
    const file = (history: unknown[]) => ({
      format: 'tiersight/v1',
      organizations: [],
      links: [],
      shares: [],
      risks: [],
      disclosures: [{ ...record, history }],
    });
    const load = async (history: unknown[]) => {
      const outcome = await importGraph(documentSource(file(history)), db.imports, {
        origin: TEST_ORIGIN,
        reset: false,
        settleMs: 0,
      });
      expect(outcome.ok, JSON.stringify(outcome.validation.problems)).toBe(true);
    };
    const versions = async () =>
      rowsOf(
        db,
        `MATCH (:Disclosure {id: 'd-saq'})-[:VERSION]->(v) RETURN v.version AS version, v.summary AS summary,
           v.actorUserId AS user, toString(v.recordedAt) AS at ORDER BY v.version`,
      );
    await load([first]);
    expect((await versions()).map((v) => v['summary'])).toEqual([named, 'Reported by a worker']);
    await load([{ ...first, summary: 'Reported by a worker, line 4' }]);
    expect(await versions()).toEqual([
      { version: 1, summary: 'Reported by a worker, line 4', user: PAT, at: '2026-01-01T00:00:00Z' },
      { version: 2, summary: 'Reported by a worker', user: KIM, at: '2026-02-01T00:00:00Z' },
    ]);
    // An imported version's number is listed as the API's are: the import stores integers too.
    const { records } = await listed(KIM);
    expect(records.filter((r) => r.recordId === 'd-saq').map((r) => r.action)).toEqual(['VERSION 2']);
  });
});
