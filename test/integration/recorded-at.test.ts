// Transaction time (issue 8, item 3): `asOf: t` answers with what held at t *and* was recorded by t, so
// "what could we see on that date" has an answer. Links and risk indicators carry `recordedAt`, set by
// the server (for imports: the import's instant, unless the file states an earlier one); a share's
// `createdAt` is its recording time. "Now" (no asOf) is unchanged: everything currently recorded.
import { describe, expect, it } from 'vitest';
import type { TiersightFile } from '../../src/domain/format.ts';
import { MIGRATIONS, migrate } from '../../src/graph/migrations.ts';
import { instant, nullable } from '../../src/graph/decode.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { loadGraph, TEST_ORIGIN } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

type Chain = { tiers: { organizations: { id: string }[] }[]; links: { id: string; recordedAt: string }[] };

/** The ids the viewer reaches, at `asOf` (or now); the chain's links with their recording time. */
async function chain(viewer: string, asOf?: string) {
  const response = await t.api.query(
    viewer,
    `query($asOf: DateTime) { supplyChain(asOf: $asOf) { tiers { organizations { id } } links { id recordedAt } } }`,
    asOf === undefined ? {} : { asOf },
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const answer = response.data!['supplyChain'] as Chain;
  return {
    reached: answer.tiers.flatMap((tier) => tier.organizations.map((o) => o.id)).sort(),
    links: answer.links,
  };
}

const EXPOSURE = `query($asOf: DateTime) {
  exposure(asOf: $asOf) { findings { organization { id } indicators { id recordedAt } } }
  organization(id: "s") { risks { id } dated: risks(asOf: $asOf) { id } }
}`;

async function exposure(viewer: string, asOf: string) {
  const response = await t.api.query(viewer, EXPOSURE, { asOf });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const data = response.data as {
    exposure: {
      findings: { organization: { id: string }; indicators: { id: string; recordedAt: string }[] }[];
    };
    organization: { risks: { id: string }[]; dated: { id: string }[] };
  };
  return {
    indicators: data.exposure.findings.flatMap((f) => f.indicators.map((i) => i.id)).sort(),
    risks: data.organization.risks.map((r) => r.id).sort(),
    datedRisks: data.organization.dated.map((r) => r.id).sort(),
  };
}

/** Imports `file` on top of the database as if at `importedAt`; fails the test on any problem. */
async function importAt(file: TiersightFile, importedAt: string) {
  const outcome = await importGraph(documentSource({ ...file }), t.db.imports, {
    origin: TEST_ORIGIN,
    importedAt: new Date(importedAt),
  });
  expect(outcome.ok, outcome.validation.problems.map(formatProblem).join('\n')).toBe(true);
}

/** The stored recordedAt of link s>p and indicator risk-s-0, as ISO strings. */
async function recordedAt(): Promise<{ link: string | null; risk: string | null }> {
  const { records } = await t.db.driver.executeQuery(
    `MATCH ()-[l:SUPPLIES {id: 's>p'}]->(), (r:RiskIndicator {id: 'risk-s-0'})
     RETURN l.recordedAt AS link, r.recordedAt AS risk`,
  );
  const when = nullable(instant);
  return { link: when(records[0]!.get('link'), 'link'), risk: when(records[0]!.get('risk'), 'risk') };
}

const pair = () => graph().org('p', 'PURCHASER').org('s', 'FACTORY');

describe('asOf answers with what was recorded by then', () => {
  it('a link imported today without validFrom is not in a chain asOf last year; it is now', async () => {
    await loadGraph(t.db, pair().link('s', 'p').build());
    expect((await chain('p')).reached).toEqual(['s']);
    expect((await chain('p', ago(365))).reached).toEqual([]);
    // Recorded by an instant after the import: there it is.
    expect((await chain('p', new Date().toISOString())).reached).toEqual(['s']);
  });

  it('a file may state an earlier recordedAt, which then decides (and is shown)', async () => {
    await loadGraph(t.db, pair().link('s', 'p', { recordedAt: '2015-03-01T12:00:00Z' }).build());
    expect((await chain('p', '2015-03-01T11:59:59Z')).reached).toEqual([]);
    const then = await chain('p', '2015-03-01T12:00:00Z');
    expect(then.reached).toEqual(['s']);
    expect(then.links).toEqual([{ id: 's>p', recordedAt: '2015-03-01T12:00:00.000Z' }]);
  });

  it('validFrom stays the real-world validity: a link recorded late is shown from when it was recorded', async () => {
    await loadGraph(
      t.db,
      pair().link('s', 'p', { validFrom: '2010-01-01', recordedAt: '2016-01-01' }).build(),
    );
    expect((await chain('p', '2012-01-01')).reached).toEqual([]);
    expect((await chain('p', '2016-01-01')).reached).toEqual(['s']);
  });

  it('exposure asOf t leaves out a risk indicator recorded after t; Organization.risks(asOf) too', async () => {
    await loadGraph(
      t.db,
      pair()
        .link('s', 'p', { recordedAt: '2015-01-01' })
        .risk('s') // recorded today
        .risk('s', { recordedAt: '2016-01-01' })
        .build(),
    );
    const lastYear = await exposure('p', ago(365));
    expect(lastYear).toEqual({
      indicators: ['risk-s-1'],
      risks: ['risk-s-0', 'risk-s-1'],
      datedRisks: ['risk-s-1'],
    });
    expect((await exposure('p', '2015-06-01')).indicators).toEqual([]);
    const now = await exposure('p', new Date().toISOString());
    expect(now.indicators).toEqual(['risk-s-0', 'risk-s-1']);
  });

  it('a share counts asOf t only from its createdAt, its recording time', async () => {
    await loadGraph(
      t.db,
      pair()
        .org('b', 'BRAND')
        .link('s', 'b', { recordedAt: '2015-01-01' })
        .link('b', 'p', { recordedAt: '2015-01-01' })
        .share('b', 'p')
        .build(),
    );
    expect((await chain('p')).reached).toEqual(['b', 's']);
    expect((await chain('p', ago(365))).reached).toEqual(['b']);
  });
});

describe('recordedAt on import', () => {
  const file = (recorded?: string) =>
    pair()
      .link('s', 'p', recorded ? { recordedAt: recorded } : {})
      .risk('s', recorded ? { recordedAt: recorded } : {})
      .build();

  it("is the import's instant, kept when the same records are imported again", async () => {
    await t.db.imports.deleteAllData();
    await importAt(file(), '2020-01-01T00:00:00Z');
    expect(await recordedAt()).toEqual({
      link: '2020-01-01T00:00:00.000Z',
      risk: '2020-01-01T00:00:00.000Z',
    });
    await importAt(file(), '2021-01-01T00:00:00Z');
    expect(await recordedAt()).toEqual({
      link: '2020-01-01T00:00:00.000Z',
      risk: '2020-01-01T00:00:00.000Z',
    });
  });

  it('moves to an earlier instant the file states, never to a later one', async () => {
    await t.db.imports.deleteAllData();
    await importAt(file(), '2020-01-01T00:00:00Z');
    await importAt(file('2019-06-01'), '2021-01-01T00:00:00Z');
    expect(await recordedAt()).toEqual({
      link: '2019-06-01T00:00:00.000Z',
      risk: '2019-06-01T00:00:00.000Z',
    });
    await importAt(file('2019-12-01'), '2021-01-01T00:00:00Z');
    expect(await recordedAt()).toEqual({
      link: '2019-06-01T00:00:00.000Z',
      risk: '2019-06-01T00:00:00.000Z',
    });
  });

  it('refuses a recordedAt (or a share createdAt) after the import, naming the record; writes nothing', async () => {
    await loadGraph(t.db, pair().build());
    const before = await dumpGraph(t.db.driver);
    const future = new Date(Date.now() + DAY).toISOString();
    const bad = pair()
      .link('s', 'p', { recordedAt: future })
      .risk('s', { recordedAt: 'yesterday' })
      .share('p', 's', { createdAt: future })
      .build();
    const outcome = await importGraph(documentSource({ ...bad }), t.db.imports, { origin: TEST_ORIGIN });
    expect(outcome.ok).toBe(false);
    const lines = outcome.validation.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^links\\[0\\] \\(id "s>p"\\): recordedAt must not be after the import \\(.*\\), got "${future}"$`,
        ),
      ),
      expect.stringMatching(/^shares\[0\] \(id "p=>s#0"\): createdAt must not be after the import/),
      expect.stringMatching(
        /^risks\[0\] \(id "risk-s-0"\): recordedAt must be an ISO 8601 date .* got "yesterday"$/,
      ),
    ]);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });
});

describe('a later import that moves a record to another organization', () => {
  const EARLY = '2020-01-01T00:00:00Z';
  /** Between the first import (recorded EARLY) and the second (2023). */
  const BETWEEN = '2022-01-01T00:00:00Z';
  const SECOND_IMPORT = '2023-01-01T00:00:00Z';
  /** v buys from a and from b, both recorded EARLY. */
  const base = () =>
    graph()
      .org('v', 'PURCHASER')
      .org('a', 'FACTORY')
      .org('b', 'FACTORY')
      .link('a', 'v', { recordedAt: EARLY })
      .link('b', 'v', { recordedAt: EARLY });

  async function findings(asOf?: string) {
    const response = await t.api.query(
      'v',
      `query($asOf: DateTime) { exposure(asOf: $asOf) { findings { organization { id } indicators { id } } } }`,
      { asOf },
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const { findings } = response.data!['exposure'] as {
      findings: { organization: { id: string }; indicators: { id: string }[] }[];
    };
    return findings.map((f) => ({ id: f.organization.id, indicators: f.indicators.map((i) => i.id) }));
  }

  it('an indicator is a new record from that import: not shown on its new organization asOf an instant before it', async () => {
    await loadGraph(t.db, base().risk('a', { id: 'r-1', recordedAt: EARLY }).build());
    expect(await findings(BETWEEN)).toEqual([{ id: 'a', indicators: ['r-1'] }]);
    // The 2023 import says r-1 is about b, not a.
    await importAt(base().risk('b', { id: 'r-1' }).build(), SECOND_IMPORT);
    expect(await findings()).toEqual([{ id: 'b', indicators: ['r-1'] }]);
    // In 2022 Tiersight had never said that b carries r-1 (a moved link is a new record likewise).
    expect((await findings(BETWEEN)).find((f) => f.id === 'b')).toBeUndefined();
  });

  it('a disclosure keeps its subject and owner: a move is refused, and past views stay as they were', async () => {
    const DISCLOSURES = `query($asOf: DateTime) {
      a: organization(id: "a") { disclosures(asOf: $asOf) { id } }
      b: organization(id: "b") { disclosures(asOf: $asOf) { id } } }`;
    const about = async (asOf?: string) => {
      const response = await t.api.query('v', DISCLOSURES, { asOf });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const data = response.data as {
        a: { disclosures: { id: string }[] };
        b: { disclosures: { id: string }[] };
      };
      return { a: data.a.disclosures.map((d) => d.id), b: data.b.disclosures.map((d) => d.id) };
    };
    await loadGraph(
      t.db,
      base().disclosure('v', 'a', { id: 'd-1', publishedAt: EARLY, recordedAt: EARLY }).build(),
    );
    expect(await about(BETWEEN)).toEqual({ a: ['d-1'], b: [] });
    const moved = base()
      .org('w', 'PURCHASER')
      .link('b', 'w', { recordedAt: EARLY })
      .disclosure('w', 'b', { id: 'd-1', publishedAt: EARLY })
      .build();
    const outcome = await importGraph(documentSource({ ...moved }), t.db.imports, {
      origin: TEST_ORIGIN,
      importedAt: new Date(SECOND_IMPORT),
    });
    expect(outcome.validation.problems.map(formatProblem)).toEqual([
      `disclosures[0] (id "d-1"): owner "w" is not the stored owner "v": a disclosure keeps its owner and subject; publish one about "b" under a new id (and withdraw this one)`,
      `disclosures[0] (id "d-1"): subject "b" is not the stored subject "a": a disclosure keeps its owner and subject; publish one about "b" under a new id (and withdraw this one)`,
    ]);
    expect(await about(BETWEEN)).toEqual({ a: ['d-1'], b: [] });
    expect(await about()).toEqual({ a: ['d-1'], b: [] });
  });
});

describe('revokedAt and withdrawnAt on import: transaction times, so none after the import', () => {
  const EARLY = '2020-01-01T00:00:00Z';
  const future = () => new Date(Date.now() + 30 * DAY).toISOString();
  /** p buys from s; m supplies s. */
  const chainOfThree = () =>
    pair().org('m', 'BRAND').link('s', 'p', { recordedAt: EARLY }).link('m', 's', { recordedAt: EARLY });

  it('refuses a share revokedAt after the import (a revoke not yet made), as it refuses a createdAt', async () => {
    await loadGraph(t.db, pair().build());
    const file = chainOfThree().share('s', 'p', { createdAt: EARLY, revokedAt: future() }).build();
    const outcome = await importGraph(documentSource({ ...file }), t.db.imports, { origin: TEST_ORIGIN });
    // Accepted, the share would count as revoked "now" but as active asOf any instant before its
    // revokedAt, however close to now: the now and asOf answers of one instant would disagree.
    expect(outcome.validation.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^shares\[0\] .*revokedAt must not be after the import/),
    ]);
  });

  it('refuses a disclosure withdrawnAt after the import', async () => {
    await loadGraph(t.db, pair().build());
    const file = chainOfThree()
      .disclosure('p', 's', { id: 'd-2', publishedAt: EARLY, withdrawnAt: future() })
      .build();
    const outcome = await importGraph(documentSource({ ...file }), t.db.imports, { origin: TEST_ORIGIN });
    expect(outcome.validation.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^disclosures\[0\] .*withdrawnAt must not be after the import/),
    ]);
  });

  it('so "now" and asOf a minute from now cannot disagree about a share', async () => {
    const file = chainOfThree().share('s', 'p', { createdAt: EARLY, revokedAt: future() }).build();
    const outcome = await importGraph(documentSource({ ...file }), t.db.imports, {
      origin: TEST_ORIGIN,
      reset: true,
      settleMs: 0,
    });
    expect(outcome.ok).toBe(false);
    await loadGraph(
      t.db,
      chainOfThree()
        .share('s', 'p', { createdAt: EARLY, revokedAt: ago(1) })
        .build(),
    );
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect((await chain('p', soon)).reached).toEqual((await chain('p')).reached);
  });
});

describe('stores from before recordedAt', () => {
  it('get the upgrade instant: shown asOf later instants, not earlier ones', async () => {
    await loadGraph(t.db, pair().link('s', 'p').risk('s').build());
    const id = MIGRATIONS.find((m) => m.id.endsWith('-recorded-at'))!.id;
    await t.db.driver.executeQuery(
      `MATCH ()-[l:SUPPLIES]->() REMOVE l.recordedAt
       WITH count(*) AS done MATCH (r:RiskIndicator) REMOVE r.recordedAt
       WITH count(*) AS done MATCH (m:TiersightMigration {id: $id}) DELETE m`,
      { id },
    );
    const before = Date.now();
    await migrate(t.db.executor);
    const { link, risk } = await recordedAt();
    for (const instant of [link!, risk!]) {
      expect(Date.parse(instant)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(instant)).toBeLessThanOrEqual(Date.now());
    }
    expect((await chain('p', ago(1))).reached).toEqual([]);
    expect((await chain('p', new Date().toISOString())).reached).toEqual(['s']);
  });
});
