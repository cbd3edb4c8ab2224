// Review of TIME in imports: what a later import changes must not rewrite what `asOf` an earlier
// instant answers (specification, section 2, "Time"; data-model.md, "Two times"), and an import may not
// state a transaction time (a revoke, a withdrawal) that has not happened yet.
import { beforeEach, describe, expect, it } from 'vitest';
import type { TiersightFile } from '../../src/domain/format.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { loadGraph, TEST_ORIGIN } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const EARLY = '2020-01-01T00:00:00Z';
/** Between the first import (recorded EARLY) and the second (2023). */
const BETWEEN = '2022-01-01T00:00:00Z';
const SECOND_IMPORT = '2023-01-01T00:00:00Z';

async function importAt(file: TiersightFile, importedAt: string) {
  const outcome = await importGraph(documentSource({ ...file }), t.db.imports, {
    origin: TEST_ORIGIN,
    importedAt: new Date(importedAt),
  });
  expect(outcome.ok, outcome.validation.problems.map(formatProblem).join('\n')).toBe(true);
}

/** v buys from a and from b, both recorded EARLY. */
const base = () =>
  graph()
    .org('v', 'PURCHASER')
    .org('a', 'FACTORY')
    .org('b', 'FACTORY')
    .link('a', 'v', { recordedAt: EARLY })
    .link('b', 'v', { recordedAt: EARLY });

const FINDINGS = `query($asOf: DateTime) { exposure(asOf: $asOf) {
  findings { organization { id } indicators { id } } } }`;

async function findings(asOf?: string) {
  const response = await t.api.query('v', FINDINGS, { asOf });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const { findings } = response.data!['exposure'] as {
    findings: { organization: { id: string }; indicators: { id: string }[] }[];
  };
  return findings.map((f) => ({ id: f.organization.id, indicators: f.indicators.map((i) => i.id) }));
}

describe('an indicator that a later import moves to another organization', () => {
  beforeEach(async () => {
    await loadGraph(t.db, base().risk('a', { id: 'r-1', recordedAt: EARLY }).build());
  });

  it('is not shown on its new organization asOf an instant before that import (a moved link is a new record)', async () => {
    expect(await findings(BETWEEN)).toEqual([{ id: 'a', indicators: ['r-1'] }]);
    // The 2023 import says r-1 is about b, not a.
    await importAt(base().risk('b', { id: 'r-1' }).build(), SECOND_IMPORT);
    expect(await findings()).toEqual([{ id: 'b', indicators: ['r-1'] }]);
    // In 2022 Tiersight had never said that b carries r-1.
    const then = await findings(BETWEEN);
    expect(then.find((f) => f.id === 'b')).toBeUndefined();
  });
});

describe('a disclosure that a later import moves to another subject', () => {
  const DISCLOSURES = `query($asOf: DateTime) {
    a: organization(id: "a") { disclosures(asOf: $asOf) { id } }
    b: organization(id: "b") { disclosures(asOf: $asOf) { id } } }`;

  async function about(asOf?: string) {
    const response = await t.api.query('v', DISCLOSURES, { asOf });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const data = response.data as {
      a: { disclosures: { id: string }[] };
      b: { disclosures: { id: string }[] };
    };
    return { a: data.a.disclosures.map((d) => d.id), b: data.b.disclosures.map((d) => d.id) };
  }

  beforeEach(async () => {
    await loadGraph(
      t.db,
      base().disclosure('v', 'a', { id: 'd-1', publishedAt: EARLY, recordedAt: EARLY }).build(),
    );
  });

  it('is not shown about its new subject asOf an instant before that import', async () => {
    expect(await about(BETWEEN)).toEqual({ a: ['d-1'], b: [] });
    await importAt(base().disclosure('v', 'b', { id: 'd-1', publishedAt: EARLY }).build(), SECOND_IMPORT);
    expect(await about()).toEqual({ a: [], b: ['d-1'] });
    // In 2022 d-1 was about a: nothing then said it was about b.
    expect((await about(BETWEEN)).b).toEqual([]);
  });
});
