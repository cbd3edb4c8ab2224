// CorrectiveAction.firstDueAt in lists (one statement for the history of every plan shown) and as of
// an instant; disclosures asked as of an instant show their subject as of it too.
import { describe, expect, it } from 'vitest';
import type { DisclosureActionRecord } from '../../src/domain/format.ts';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { correctiveAction, disclosureVersion, graph, type GraphBuilder } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { countStatements } from '../support/statement-count.ts';

const t = useApi();

const action = correctiveAction;

/** A version of a plan as an import's `history` item (its content and when it was recorded). */
const version = (recordedAt: string, actions: DisclosureActionRecord[]) =>
  disclosureVersion({ title: 'Plan', actions, recordedAt });

/** `owner`'s plan about itself: version 1 due 2098, version 2 (current) due 2099. */
const plan = (builder: GraphBuilder, owner: string, id: string) =>
  builder.disclosure(owner, owner, {
    id,
    kind: 'CORRECTIVE_ACTION_PLAN',
    publishedAt: '2021-01-01T00:00:00Z',
    ...version('2022-01-01T00:00:00Z', [action('2099-01-01')]),
    history: [version('2021-01-01T00:00:00Z', [action('2098-01-01')])],
  });

/** A purchaser with `width` direct suppliers, each sharing its disclosures and with a plan of two versions. */
const suppliers = (width: number) => {
  const g = graph().org('v', 'PURCHASER');
  for (let i = 0; i < width; i++) {
    g.org(`s${i}`).link(`s${i}`, 'v').share(`s${i}`, 'v', { scope: 'DISCLOSURES', linkIds: null });
    plan(g, `s${i}`, `plan-${i}`);
  }
  return g.build();
};

const CHAIN = `{ supplyChain(maxDepth: 2) { tiers { organizations { id
  disclosures { id actions { id dueAt firstDueAt } history { version actions { id firstDueAt } } } } } } }`;
const EXPOSURE = `{ exposure { findings { organization { id }
  disclosedIndicators { kind action { id dueAt firstDueAt } disclosure { id actions { id firstDueAt } } } } } }`;

describe('firstDueAt in lists', () => {
  const statementsFor = async (width: number, query: string) => {
    await loadGraph(t.db, suppliers(width));
    const { answer, statements } = await countStatements(t.db.executor, () => t.api.query('v', query));
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).toContain('"firstDueAt":"2098-01-01T00:00:00.000Z"');
    return statements;
  };

  it('costs a chain the same number of statements for 2 or 12 organizations with plans', async () => {
    const small = await statementsFor(2, CHAIN);
    const large = await statementsFor(12, CHAIN);
    expect(large).toBe(small);
  });

  it("costs an exposure the same number of statements for 2 or 12 organizations' indicators", async () => {
    const small = await statementsFor(2, EXPOSURE);
    const large = await statementsFor(12, EXPOSURE);
    expect(large).toBe(small);
  });
});

describe('the risk assessment', () => {
  it("says from when an open action's due date moved, in its disclosed-evidence input", async () => {
    await loadGraph(t.db, suppliers(1));
    const { organizations } = ok<{
      organizations: {
        organization: { id: string };
        components: { name: string; inputs: { label: string }[] }[];
      }[];
    }>(
      await t.api.query(
        'v',
        `{ riskAssessment { organizations { organization { id } components { name inputs { label } } } } }`,
      ),
      'riskAssessment',
    );
    const evidence = organizations
      .find((o) => o.organization.id === 's0')!
      .components.find((c) => c.name === 'DISCLOSED_EVIDENCE')!;
    expect(evidence.inputs.map((i) => i.label)).toContain(
      'Open action cap-1 (HIGH): Excessive overtime, due 2099-01-01 (moved from 2098-01-01)',
    );
  });
});

describe('disclosures as of an instant', () => {
  it('show a former supplier they are about with no risk indicator recorded after asOf', async () => {
    // The brand bought from the factory until 2023 and published a plan about it in 2021; a public
    // report about the factory was recorded in 2024, when the brand no longer bought from it.
    await loadGraph(
      t.db,
      graph()
        .org('brand', 'BRAND')
        .org('factory', 'FACTORY')
        .link('factory', 'brand', {
          validFrom: '2020-01-01',
          validTo: '2023-01-01',
          recordedAt: '2020-01-01',
        })
        .disclosure('brand', 'factory', { id: 'd-about-factory', publishedAt: '2021-01-01T00:00:00Z' })
        .risk('factory', { id: 'r-later', recordedAt: '2024-06-01T00:00:00Z' })
        .build(),
    );
    const GIVEN = `query($asOf: DateTime) { disclosuresGiven(asOf: $asOf) { id subject { id name risks { id } } } }`;
    type Given = { id: string; subject: { id: string; risks: { id: string }[] } }[];
    const given = async (asOf: string | null) =>
      ok<Given>(await t.api.query('brand', GIVEN, { asOf }, ['supplier_admin']), 'disclosuresGiven');
    // Now the factory is no supplier of the brand's: an identity card, no indicators.
    expect((await given(null)).map((d) => d.subject.risks)).toEqual([[]]);
    // As of 2022 it was: the brand saw it then, but the report came two years later, and asOf never
    // shows what was learnt later.
    const then = await given('2022-01-01T00:00:00Z');
    expect(then.map((d) => d.id)).toEqual(['d-about-factory']);
    expect(then[0]!.subject.risks).toEqual([]);
    const ONE = `query($asOf: DateTime) { disclosure(id: "d-about-factory", asOf: $asOf) { subject { risks { id } } } }`;
    expect(
      ok<{ subject: { risks: object[] } }>(
        await t.api.query('brand', ONE, { asOf: '2022-01-01T00:00:00Z' }, ['supplier_admin']),
        'disclosure',
      ).subject.risks,
    ).toEqual([]);
  });
});

describe('firstDueAt as of an instant', () => {
  it("exposure's indicator between two moves shows the first date and the date of then, nothing later", async () => {
    // Version 1 (2021) due 2097, version 2 (2022) moved to 2098, version 3 (2023) moved to 2099.
    const g = graph().org('v', 'PURCHASER').org('s').link('s', 'v', { recordedAt: '2020-01-01' });
    g.share('s', 'v', { scope: 'DISCLOSURES', linkIds: null, createdAt: '2020-06-01T00:00:00Z' });
    g.disclosure('s', 's', {
      id: 'plan',
      kind: 'CORRECTIVE_ACTION_PLAN',
      publishedAt: '2021-01-01T00:00:00Z',
      ...version('2023-01-01T00:00:00Z', [action('2099-01-01')]),
      history: [
        version('2021-01-01T00:00:00Z', [action('2097-01-01')]),
        version('2022-01-01T00:00:00Z', [action('2098-01-01')]),
      ],
    });
    await loadGraph(t.db, g.build());
    const QUERY = `query($asOf: DateTime) { exposure(asOf: $asOf) { findings { disclosedIndicators {
      action { dueAt firstDueAt } disclosure { version actions { dueAt firstDueAt } history { version actions { dueAt firstDueAt } } } } } } }`;
    const data = ok<object>(await t.api.query('v', QUERY, { asOf: '2022-06-01T00:00:00Z' }), 'exposure');
    const then = { dueAt: '2098-01-01T00:00:00.000Z', firstDueAt: '2097-01-01T00:00:00.000Z' };
    const first = { dueAt: '2097-01-01T00:00:00.000Z', firstDueAt: '2097-01-01T00:00:00.000Z' };
    expect(data).toEqual({
      findings: [
        {
          disclosedIndicators: [
            {
              action: then,
              disclosure: {
                version: 2,
                actions: [then],
                history: [
                  { version: 2, actions: [then] },
                  { version: 1, actions: [first] },
                ],
              },
            },
          ],
        },
      ],
    });
  });
});
