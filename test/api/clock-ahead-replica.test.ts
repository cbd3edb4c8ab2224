// Replicas stamp changes from their own clocks. A change made through a replica whose clock runs
// behind the one that made the change it follows is still stamped after that change (locked-instant.ts):
// out of order, the record is one the backup format refuses, and `tiersight export` refuses it with the
// whole export. The earlier change is simulated as a replica 5 seconds ahead stamped it.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { ok } from '../support/api.ts';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { exportFile } from '../support/backup.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { declaredLink } from '../support/sourcing.ts';
import { NAMING_CONTENT, NAMING_FINDING } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN: Role[] = ['supplier_admin'];
const AHEAD = 'duration({seconds: 5})';

/** Moves the instants `set` names 5 seconds on, as a replica whose clock runs ahead stamped them. */
const stampedAhead = (match: string, set: string, id: string) =>
  t.db.driver.executeQuery(`${match} SET ${set}`, { id });

const later = (instant: unknown, than: unknown) =>
  expect(Date.parse(String(instant))).toBeGreaterThanOrEqual(Date.parse(String(than)));

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'MANUFACTURER')
      .org('ew', 'MONITOR')
      .link('factory', 'brand')
      .link('brand', 'buyer')
      .share('brand', 'ew')
      .build(),
  );
});

describe('a change after one a replica with its clock ahead stamped', () => {
  it("a finding's withdrawal and erasure", async () => {
    const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id } }`;
    const { id } = ok<{ id: string }>(
      await t.api.query('ew', RECORD, { input: NAMING_FINDING }, ADMIN),
      'recordFinding',
    );
    const finding = `MATCH (r:RiskIndicator {id: $id})`;
    await stampedAhead(finding, `r.recordedAt = r.recordedAt + ${AHEAD}`, id);
    ok(
      await t.api.query('ew', `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`, { id }, ADMIN),
      'withdrawFinding',
    );
    await stampedAhead(finding, `r.withdrawnAt = r.withdrawnAt + ${AHEAD}`, id);
    ok(
      await t.api.query('ew', `mutation($id: ID!) { redactFinding(id: $id) { id } }`, { id }, ADMIN),
      'redactFinding',
    );
    const [row] = await rowsOf(
      t.db,
      `${finding} RETURN toString(r.recordedAt) AS recorded, toString(r.withdrawnAt) AS withdrawn,
         toString(r.redactedAt) AS redacted`,
      { id },
    );
    later(row!['withdrawn'], row!['recorded']);
    later(row!['redacted'], row!['withdrawn']);
    expect((await exportFile(t.db)).risks?.map((r) => r.id)).toContain(id);
  });

  it("a disclosure's new version, erasure and withdrawal", async () => {
    const { id } = ok<{ id: string }>(
      await t.api.query(
        'brand',
        `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`,
        { input: { kind: 'AUDIT_REPORT', subjectId: 'factory', content: NAMING_CONTENT } },
        ADMIN,
      ),
      'publishDisclosure',
    );
    const current = `MATCH (d:Disclosure {id: $id})-[:VERSION]->(dv:DisclosureVersion {version: d.version})`;
    await stampedAhead(
      current,
      `dv.recordedAt = dv.recordedAt + ${AHEAD}, d.publishedAt = d.publishedAt + ${AHEAD}`,
      id,
    );
    const UPDATE = `mutation($id: ID!, $input: DisclosureContentInput!) { updateDisclosure(id: $id, input: $input) { version } }`;
    ok(
      await t.api.query(
        'brand',
        UPDATE,
        { id, input: { ...NAMING_CONTENT, title: 'Audit of line 4' } },
        ADMIN,
      ),
      'updateDisclosure',
    );
    await stampedAhead(current, `dv.recordedAt = dv.recordedAt + ${AHEAD}`, id);
    const REDACT = `mutation($id: ID!) { redactDisclosureVersion(id: $id, version: 1) { id } }`;
    ok(await t.api.query('brand', REDACT, { id }, ADMIN), 'redactDisclosureVersion');
    ok(
      await t.api.query('brand', `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`, { id }, ADMIN),
      'withdrawDisclosure',
    );
    const versions = await rowsOf(
      t.db,
      `MATCH (d:Disclosure {id: $id})-[:VERSION]->(dv) RETURN dv.version AS version,
         toString(dv.recordedAt) AS recorded, toString(dv.redactedAt) AS redacted, toString(d.withdrawnAt) AS withdrawn
       ORDER BY version`,
      { id },
    );
    later(versions[1]!['recorded'], versions[0]!['recorded']);
    later(versions[0]!['redacted'], versions[1]!['recorded']);
    later(versions[0]!['withdrawn'], versions[1]!['recorded']);
    expect((await exportFile(t.db)).disclosures?.map((d) => d.id)).toContain(id);
  });

  it("an access request's answer and its withdrawal", async () => {
    const client = accessRequestClient(t.api);
    const declined = requestIn(await client.ask('buyer', 'brand', 'SOURCING'), 'requestAccess');
    const request = `MATCH (r:AccessRequest {id: $id})<-[:OF]-(e:AccessRequestEvent {action: 'SENT'})`;
    const ahead = `r.sentAt = r.sentAt + ${AHEAD}, r.dueAt = r.dueAt + ${AHEAD}, e.at = e.at + ${AHEAD}`;
    await stampedAhead(request, ahead, declined.id);
    const answered = requestIn(
      await client.answer('brand', declined.id, 'DECLINE', { reason: 'no' }),
      'answerAccessRequest',
    );
    later(answered.closedAt, answered.sentAt);

    const withdrawn = requestIn(await client.ask('buyer', 'brand', 'SOURCING'), 'requestAccess');
    await stampedAhead(request, ahead, withdrawn.id);
    const closed = requestIn(await client.withdraw('buyer', withdrawn.id), 'withdrawAccessRequest');
    later(closed.closedAt, closed.sentAt);
    expect((await exportFile(t.db)).accessRequests?.map((r) => r.id).sort()).toEqual(
      [declined.id, withdrawn.id].sort(),
    );
  });

  it("a link's amendment and end", async () => {
    const LINK = 'id recordedAt';
    const declared = { id: await declaredLink(t.api, 'buyer', 'brand') };
    const link = `MATCH (:Organization)-[l:SUPPLIES {id: $id}]->(v:Organization)-[:SOURCING_EVENT]->(e:SupplyLinkEvent {linkId: $id})`;
    await stampedAhead(link, `l.recordedAt = l.recordedAt + ${AHEAD}, e.at = e.at + ${AHEAD}`, declared.id);
    const amended = ok<{ id: string; recordedAt: string }>(
      await t.api.query(
        'buyer',
        `mutation($id: ID!) { amendSupplyLink(id: $id, products: ["laptops", "monitors"]) { ${LINK} } }`,
        { id: declared.id },
        ADMIN,
      ),
      'amendSupplyLink',
    );
    // The amendment's event, which names the link it amended and its successor.
    await stampedAhead('MATCH (e:SupplyLinkEvent {successorId: $id})', `e.at = e.at + ${AHEAD}`, amended.id);
    ok(
      await t.api.query(
        'buyer',
        `mutation($id: ID!) { endSupplyLink(id: $id) { id } }`,
        { id: amended.id },
        ADMIN,
      ),
      'endSupplyLink',
    );
    const trail = await rowsOf(
      t.db,
      `MATCH (:Organization {id: 'buyer'})-[:SOURCING_EVENT]->(e:SupplyLinkEvent)
       RETURN e.action AS action, e.linkId AS link ORDER BY e.at`,
    );
    expect(trail.map((e) => [e['action'], e['link']])).toEqual([
      ['DECLARED', declared.id],
      ['AMENDED', declared.id],
      ['ENDED', amended.id],
    ]);
    const [first, second] = await rowsOf(
      t.db,
      `MATCH ()-[l:SUPPLIES]->() WHERE l.id IN $ids RETURN toString(l.recordedAt) AS recorded ORDER BY l.id = $id`,
      { ids: [declared.id, amended.id], id: amended.id },
    );
    later(second!['recorded'], first!['recorded']);
    expect((await exportFile(t.db)).links?.map((l) => l.id)).toEqual(
      expect.arrayContaining([declared.id, amended.id]),
    );
  });

  it("a share's revocation", async () => {
    const { id } = ok<{ id: string }>(
      await t.api.query('brand', `mutation { shareSourcing(recipientId: "buyer") { id } }`, {}, ADMIN),
      'shareSourcing',
    );
    await stampedAhead(
      `MATCH (s:Share {id: $id})<-[:OF]-(e:ShareEvent {action: 'GRANTED'})`,
      `s.createdAt = s.createdAt + ${AHEAD}, e.at = e.at + ${AHEAD}`,
      id,
    );
    ok(
      await t.api.query('brand', `mutation($id: ID!) { revokeShare(id: $id) { id } }`, { id }, ADMIN),
      'revokeShare',
    );
    const [row] = await rowsOf(
      t.db,
      `MATCH (s:Share {id: $id}) RETURN toString(s.createdAt) AS created, toString(s.revokedAt) AS revoked`,
      { id },
    );
    later(row!['revoked'], row!['created']);
  });

  it("an access request's events: a decline, a withdrawal or an erasure after the event before it", async () => {
    const client = accessRequestClient(t.api);
    const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const extendedEvent = `MATCH (r:AccessRequest {id: $id})<-[:OF]-(e:AccessRequestEvent {action: 'EXTENDED'})`;
    /** The request's events after SENT, in the order of their instants. */
    const eventsAfterSending = async (id: string) =>
      (
        await rowsOf(
          t.db,
          `MATCH (:AccessRequest {id: $id})<-[:OF]-(e:AccessRequestEvent) WHERE e.action <> 'SENT'
           RETURN e.action AS action ORDER BY e.at`,
          { id },
        )
      ).map((e) => e['action']);

    const declined = requestIn(
      await client.ask('buyer', 'brand', 'SOURCING', { message: 'For our audit' }),
      'requestAccess',
    );
    requestIn(
      await client.answer('brand', declined.id, 'EXTEND', { dueAt, reason: 'busy' }),
      'answerAccessRequest',
    );
    await stampedAhead(extendedEvent, `e.at = e.at + ${AHEAD}`, declined.id);
    requestIn(await client.answer('brand', declined.id, 'DECLINE', { reason: 'no' }), 'answerAccessRequest');
    expect(await eventsAfterSending(declined.id)).toEqual(['EXTENDED', 'DECLINED']);

    const withdrawn = requestIn(await client.ask('buyer', 'brand', 'SOURCING'), 'requestAccess');
    requestIn(
      await client.answer('brand', withdrawn.id, 'EXTEND', { dueAt, reason: 'busy' }),
      'answerAccessRequest',
    );
    await stampedAhead(extendedEvent, `e.at = e.at + ${AHEAD}`, withdrawn.id);
    requestIn(await client.withdraw('buyer', withdrawn.id), 'withdrawAccessRequest');
    expect(await eventsAfterSending(withdrawn.id)).toEqual(['EXTENDED', 'WITHDRAWN']);

    // The requester's erasure after the target's, which a replica ahead stamped.
    const erased = `MATCH (r:AccessRequest {id: $id})<-[:OF]-(e:AccessRequestEvent {action: 'REDACTED'})`;
    requestIn(await client.redact('brand', declined.id), 'redactAccessRequest');
    await stampedAhead(erased, `e.at = e.at + ${AHEAD}`, declined.id);
    requestIn(await client.redact('buyer', declined.id), 'redactAccessRequest');
    const [byTarget, byRequester] = await rowsOf(
      t.db,
      `${erased} RETURN toString(e.at) AS at ORDER BY e.actorOrganizationId = 'buyer'`,
      { id: declined.id },
    );
    later(byRequester!['at'], byTarget!['at']);
  });
});
