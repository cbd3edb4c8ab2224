// Public risk indicators on cards (review "cards", contract section 7: "visible wherever their
// organization is"): a listed organization's directory card answers them wherever it appears (the
// directory, organization(id), a share's party), as of `asOf` as elsewhere, and loses them with its
// listing; an identity card (neither lookable nor listed) still answers none (rule 6).
import { beforeEach, describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { countStatements } from '../support/statement-count.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const RISKS = `risks { id kind severity }`;
const LOOKUP = `query($id: ID!) { organization(id: $id) { id city region ${RISKS} } }`;
const DIRECTORY = `query($search: String) { directory(search: $search) { edges { node { id city ${RISKS} } } } }`;
const SHARES = `{ sharesGiven { recipient { id city ${RISKS} } } }`;
const UNLIST = `mutation { setListing(listed: false) { listed } }`;

interface Card {
  id: string;
  city: string | null;
  risks: { id: string; kind: string; severity: string }[];
}

/**
 * `buyer` may look up `atea` (its supplier) and nothing else. `ofilm` is listed, with a watch-list
 * entry recorded in 2020 and a report recorded in 2024; `stranger` is neither lookable nor listed, and
 * has an indicator too. `buyer` shares with both, so both appear as parties of its shares.
 */
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('atea', 'RESELLER')
      .org('ofilm', 'FACTORY', { name: 'OFILM, Nanchang', country: 'CN', city: 'Nanchang', listed: true })
      .org('stranger', 'FACTORY', { name: 'Stranger Works', country: 'CN', city: 'Dongguan' })
      .org('ew', 'MONITOR', { name: 'Electronics Watch', country: 'NL' })
      .link('atea', 'buyer')
      .share('buyer', 'ofilm', { linkIds: ['atea>buyer'] })
      .share('buyer', 'stranger', { linkIds: ['atea>buyer'] })
      .risk('ofilm', {
        id: 'ofilm-entity-list',
        kind: 'WATCHLIST',
        severity: 'CRITICAL',
        recordedAt: '2020-01-01T00:00:00Z',
      })
      .risk('ofilm', {
        id: 'ofilm-report',
        kind: 'REPORT',
        severity: 'HIGH',
        recordedAt: '2024-01-01T00:00:00Z',
      })
      .risk('stranger', { id: 'stranger-report', severity: 'CRITICAL' })
      .build(),
  );
});

const ask = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await t.api.query('buyer', query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
};
const lookUp = async (id: string) => (await ask(LOOKUP, { id }))['organization'] as Card | null;
const found = async (search: string) =>
  ((await ask(DIRECTORY, { search }))['directory'] as { edges: { node: Card }[] }).edges.map((e) => e.node);
const recipients = async () =>
  ((await ask(SHARES))['sharesGiven'] as { recipient: Card }[]).map((s) => s.recipient);

const OFILM_RISKS = [
  { id: 'ofilm-entity-list', kind: 'WATCHLIST', severity: 'CRITICAL' },
  { id: 'ofilm-report', kind: 'REPORT', severity: 'HIGH' },
];

describe("a listed organization's directory card", () => {
  it('answers its public risk indicators through organization(id), the directory and a share party', async () => {
    const card = { id: 'ofilm', city: 'Nanchang', risks: OFILM_RISKS };
    expect(await lookUp('ofilm')).toEqual({ ...card, region: null });
    expect(await found('ofilm')).toEqual([card]);
    expect((await recipients()).find((r) => r.id === 'ofilm')).toEqual(card);
  });

  it('answers them as recorded by `asOf`', async () => {
    const query = `{ organization(id: "ofilm") {
      in2019: risks(asOf: "2019-06-01T00:00:00Z") { id }
      in2022: risks(asOf: "2022-06-01T00:00:00Z") { id }
      now: risks { id } } }`;
    expect((await ask(query))['organization']).toEqual({
      in2019: [],
      in2022: [{ id: 'ofilm-entity-list' }],
      now: [{ id: 'ofilm-entity-list' }, { id: 'ofilm-report' }],
    });
  });

  it('loses them with its listing: the card is gone, and a share party is an identity card again', async () => {
    const out = await t.api.query('ofilm', UNLIST, {}, [...ADMIN]);
    expect(out.errors).toBeUndefined();
    expect(await lookUp('ofilm')).toBeNull();
    expect(await found('ofilm')).toEqual([]);
    expect((await recipients()).find((r) => r.id === 'ofilm')).toEqual({
      id: 'ofilm',
      city: null,
      risks: [],
    });
  });

  it("answers a monitor's finding about it, naming the monitor by its identity card", async () => {
    const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id } }`;
    const input = { organizationId: 'ofilm', kind: 'REPORT', severity: 'CRITICAL', source: 'EW report' };
    const recorded = await t.api.query('ew', RECORD, { input }, [...ADMIN]);
    expect(recorded.errors).toBeUndefined();
    const { id } = recorded.data!['recordFinding'] as { id: string };
    const query = `{ organization(id: "ofilm") { risks { id recordedBy { id city risks { id } } } } }`;
    const { risks } = (await ask(query))['organization'] as { risks: { id: string }[] };
    expect(risks.find((r) => r.id === id)).toEqual({
      id,
      recordedBy: { id: 'ew', city: null, risks: [] },
    });
  });

  it('reads the indicators of a page of cards in one statement', async () => {
    const withoutRisks = `{ directory { edges { node { id } } } }`;
    const withRisks = `{ directory { edges { node { id risks { id } } } } }`;
    const plain = await countStatements(t.db.executor, () => ask(withoutRisks));
    const risky = await countStatements(t.db.executor, () => ask(withRisks));
    expect(risky.statements).toBe(plain.statements + 1);
  });
});

describe('an identity card', () => {
  it('answers no indicators: nothing shows of an organization beyond its name (rule 6)', async () => {
    expect((await recipients()).find((r) => r.id === 'stranger')).toEqual({
      id: 'stranger',
      city: null,
      risks: [],
    });
    expect(await lookUp('stranger')).toBeNull();
  });

  it('an unlisted hidden id with indicators answers as a missing one, in the same statements', async () => {
    const hidden = await countStatements(t.db.executor, () => lookUp('stranger'));
    const missing = await countStatements(t.db.executor, () => lookUp('nope'));
    expect(hidden).toEqual(missing);
  });
});
