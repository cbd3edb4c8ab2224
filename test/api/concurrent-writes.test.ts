// The same change sent twice at once (a double-click, two replicas, a client retrying after a timeout
// while the first attempt still runs), as a concurrency review found them racing (December 2026): a
// check made before the record's lock, or at the request's own instant, let both through. Each race is
// repeated ROUNDS times in one test; a test fails when any round leaves wrong or duplicated state.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { resellerChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { publishThenRaceUpdates } from '../support/raced-updates.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const ROUNDS = 15;

const rows = (cypher: string, params: Record<string, unknown> = {}) => rowsOf(t.db, cypher, params);

beforeEach(async () => {
  await loadGraph(t.db, resellerChain().org('maker', 'MANUFACTURER').link('maker', 'buyer').build());
});

const SHARE = `mutation($r: ID!) { shareSourcing(recipientId: $r) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeShare(id: $id) { id revokedAt } }`;

describe('revokeShare sent twice at once', () => {
  it('leaves one REVOKED event and the revokedAt both answers report', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const share = ok<{ id: string }>(
        await t.api.query('reseller', SHARE, { r: 'buyer' }, [...ADMIN]),
        'shareSourcing',
      );
      const answers = await Promise.all([
        t.api.query('reseller', REVOKE, { id: share.id }, [...ADMIN]),
        t.api.query('reseller', REVOKE, { id: share.id }, [...ADMIN]),
      ]);
      const reported = answers.map(
        (a) => (a.data?.['revokeShare'] as { revokedAt: string } | null)?.revokedAt,
      );
      const [stored] = await rows(
        `MATCH (s:Share {id: $id})
         RETURN toString(s.revokedAt) AS revokedAt,
                COUNT { (:ShareEvent {action: 'REVOKED'})-[:OF]->(s) } AS revokes`,
        { id: share.id },
      );
      const revokes = Number(stored!['revokes']);
      if (revokes !== 1 || reported[0] !== reported[1])
        failures.push(
          `round ${round}: ${revokes} REVOKED events; answers said revokedAt ${reported.join(' / ')}, stored ${String(stored!['revokedAt'])}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});

const AMEND = `mutation($id: ID!, $products: [String!]) { amendSupplyLink(id: $id, products: $products) { id } }`;
const END = `mutation($id: ID!) { endSupplyLink(id: $id) { id validTo } }`;
const DECLARE = `mutation($s: ID!) { declareSupplyLink(supplierId: $s, products: ["laptops"]) { id } }`;

/** The buyer's links from `supplier` that hold now (validTo unset or later than now). */
const liveLinks = async (supplier: string) =>
  rows(
    `MATCH (:Organization {id: $supplier})-[l:SUPPLIES]->(:Organization {id: 'buyer'})
     WHERE l.provenance = 'REPORTED' AND (l.validTo IS NULL OR l.validTo > datetime())
     RETURN l.id AS id, l.products AS products`,
    { supplier },
  );

const allLinks = async () =>
  rows(
    `MATCH (:Organization {id: 'maker'})-[l:SUPPLIES]->(:Organization {id: 'buyer'}) WHERE l.provenance = 'REPORTED'
     RETURN l.id AS id, l.products AS p, toString(l.validTo) AS validTo, l.supersededBy AS by ORDER BY l.recordedAt DESC LIMIT 3`,
  );

/** A new link from maker to the buyer, declared through the API. */
const declareFromMaker = async () =>
  ok<{ id: string }>(await t.api.query('buyer', DECLARE, { s: 'maker' }, [...ADMIN]), 'declareSupplyLink');

/** Ends `links` a second ago, in the store itself, so that the next round starts with none holding. */
const endInStore = async (links: readonly Record<string, unknown>[]) => {
  for (const l of links)
    await t.db.driver.executeQuery(
      `MATCH ()-[l:SUPPLIES {id: $id}]->() SET l.validTo = datetime() - duration('PT1S')`,
      { id: l['id'] },
    );
};

const trailOf = async (linkId: string) =>
  rows(
    `MATCH (e:SupplyLinkEvent {linkId: $linkId}) RETURN e.action AS action, toString(e.at) AS at,
            e.successorId AS successor ORDER BY e.at`,
    { linkId },
  );

describe('amendSupplyLink of one link sent twice at once', () => {
  it('amends it once: one successor holds, the other attempt is refused', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const link = await declareFromMaker();
      const answers = await Promise.all([
        t.api.query('buyer', AMEND, { id: link.id, products: ['monitors'] }, [...ADMIN]),
        t.api.query('buyer', AMEND, { id: link.id, products: ['docks'] }, [...ADMIN]),
      ]);
      const succeeded = answers.filter((a) => a.errors === undefined).length;
      const live = await liveLinks('maker');
      if (succeeded !== 1 || live.length !== 1)
        failures.push(
          `round ${round}: ${succeeded} amendments succeeded, ${live.length} links from maker hold now ` +
            `(${JSON.stringify(live)}); trail ${JSON.stringify(await trailOf(link.id))}; links ${JSON.stringify(await allLinks())}; answers ${JSON.stringify(answers.map((a) => a.errors?.[0]?.message ?? a.data))}`,
        );
      await endInStore(live);
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });

  it('endSupplyLink and amendSupplyLink at once: an ended link never gets a successor that holds', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const link = await declareFromMaker();
      const [ended, amended] = await Promise.all([
        t.api.query('buyer', END, { id: link.id }, [...ADMIN]),
        t.api.query('buyer', AMEND, { id: link.id, products: ['monitors'] }, [...ADMIN]),
      ]);
      const live = await liveLinks('maker');
      // Either the end came first (the amendment is refused: the link has ended, nothing holds) or the
      // amendment did (the end is refused or ends... the old link only; the successor holds). Both
      // succeeding means an ended link was amended after its end.
      if (ended.errors === undefined && amended.errors === undefined)
        failures.push(
          `round ${round}: both succeeded; ${live.length} links from maker hold now; trail ${JSON.stringify(await trailOf(link.id))}`,
        );
      await endInStore(live);
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });

  it('endSupplyLink sent twice at once records one ENDED event', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const link = await declareFromMaker();
      const answers = await Promise.all([
        t.api.query('buyer', END, { id: link.id }, [...ADMIN]),
        t.api.query('buyer', END, { id: link.id }, [...ADMIN]),
      ]);
      const trail = await trailOf(link.id);
      const endedEvents = trail.filter((e) => e['action'] === 'ENDED').length;
      if (endedEvents !== 1)
        failures.push(
          `round ${round}: ${endedEvents} ENDED events (${answers.map((a) => (a.errors ? a.errors[0]!.message : 'ok')).join(' / ')}); trail ${JSON.stringify(trail)}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});

describe('updateDisclosure sent twice at once', () => {
  it('numbers the versions once each, and a later version is never recorded before an earlier one', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const d = { id: await publishThenRaceUpdates(t.api, 'buyer') };
      const versions = await rows(
        `MATCH (d:Disclosure {id: $id})-[:VERSION]->(dv)
         RETURN d.version AS current, dv.version AS version, dv.recordedAt.epochMillis AS at, dv.title AS title
         ORDER BY dv.version`,
        { id: d.id },
      );
      const numbers = versions.map((v) => Number(v['version']));
      const at = versions.map((v) => Number(v['at']));
      const outOfOrder = at.some((x, i) => i > 0 && x < at[i - 1]!);
      if (numbers.join() !== '1,2,3,4' || outOfOrder)
        failures.push(
          `round ${round}: versions ${JSON.stringify(versions.map((v) => [Number(v['version']), v['title'], new Date(Number(v['at'])).toISOString()]))}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});

describe('withdrawDisclosure sent while updates run', () => {
  const WITHDRAW = `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`;

  it('is never recorded before a version it let through', async () => {
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const id = await publishThenRaceUpdates(t.api, 'buyer', (id) => [
        t.api.query('buyer', WITHDRAW, { id }, [...ADMIN]),
      ]);
      const [row] = await rows(
        `MATCH (d:Disclosure {id: $id})-[:VERSION]->(dv)
         RETURN d.withdrawnAt.epochMillis AS withdrawn, max(dv.recordedAt.epochMillis) AS last`,
        { id },
      );
      if (!(Number(row!['withdrawn']) >= Number(row!['last'])))
        failures.push(
          `round ${round}: withdrawn ${String(row!['withdrawn'])}, last version ${String(row!['last'])}`,
        );
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds`).toEqual([]);
  });
});
