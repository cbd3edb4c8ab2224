// Human-rights topics on risk indicators (RiskIndicator.topics) and exposure's topic filter: topics
// round-trip through an import, recordFinding and a backup; exposure(topics: …) keeps only indicators
// about one of them, drops findings left with none and disclosed indicators (which have no topic), and
// answers a root the viewer may not use exactly as without the filter.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { backupAndRestore } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const EARLY = '2024-01-01T00:00:00Z';
const LATER = '2025-06-01T00:00:00Z';
const PAST = '2020-01-01T00:00:00Z';

const EXPOSURE = `query($rootId: ID, $asOf: DateTime, $product: String, $topics: [RiskTopic!]) {
  exposure(rootId: $rootId, asOf: $asOf, product: $product, topics: $topics) {
    closestTier findings { organization { id } tier severity indicators { id topics } disclosedIndicators { kind } } } }`;
const RISKS = `query($id: ID!) { organization(id: $id) { risks { id topics } } }`;
const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id topics } }`;
const RECORDED = `{ findingsRecorded { id topics } }`;

interface Finding {
  organization: { id: string };
  tier: number;
  severity: string;
  indicators: { id: string; topics: string[] }[];
  disclosedIndicators: { kind: string }[];
}
interface Exposure {
  closestTier: number | null;
  findings: Finding[];
}

const exposure = async (variables: Record<string, unknown> = {}, viewer = 'buyer') =>
  ok<Exposure>(await t.api.query(viewer, EXPOSURE, variables), 'exposure');
/** Each finding as [organization, tier, severity, indicator ids]. */
const summary = ({ findings }: Exposure) =>
  findings.map((f) => [f.organization.id, f.tier, f.severity, f.indicators.map((i) => i.id)]);

beforeEach(async () => {
  // buyer <- brand <- factory (laptops) and brand <- mine (cobalt); the brand shares its sourcing and
  // its disclosures with buyer. `elsewhere` is a chain buyer cannot see.
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('mine', 'MANUFACTURER')
      .org('elsewhere', 'BRAND')
      .org('ew', 'MONITOR')
      .link('brand', 'buyer', { products: ['laptops', 'cobalt'], recordedAt: EARLY })
      .link('factory', 'brand', { products: ['laptops'], recordedAt: EARLY })
      .link('mine', 'brand', { products: ['cobalt'], recordedAt: EARLY })
      .share('brand', 'buyer', { createdAt: EARLY })
      .share('brand', 'buyer', { id: 'brand-disclosures', scope: 'DISCLOSURES', createdAt: EARLY })
      .share('brand', 'ew', { createdAt: EARLY })
      .risk('brand', {
        id: 'brand-wages',
        severity: 'MEDIUM',
        topics: ['WAGES_AND_HOURS'],
        recordedAt: EARLY,
      })
      .risk('factory', {
        id: 'factory-transfers',
        severity: 'CRITICAL',
        // Given unsorted and twice: stored once each, in order.
        topics: ['HARSH_TREATMENT', 'FORCED_LABOUR', 'FORCED_LABOUR'],
        recordedAt: LATER,
      })
      .risk('factory', {
        id: 'factory-fire',
        severity: 'HIGH',
        topics: ['HEALTH_AND_SAFETY'],
        recordedAt: EARLY,
      })
      .risk('mine', { id: 'mine-unclassified', severity: 'HIGH', recordedAt: EARLY })
      .risk('mine', { id: 'mine-children', severity: 'LOW', topics: ['CHILD_LABOUR'], recordedAt: EARLY })
      .disclosure('brand', 'brand', {
        id: 'expired-certificate',
        kind: 'CERTIFICATE',
        issuedAt: PAST,
        validUntil: '2021-01-01T00:00:00Z',
      })
      .build(),
  );
});

describe('topics as recorded', () => {
  it('reads an imported indicator’s topics sorted and once each, and none when the file gives none', async () => {
    const factory = ok<{ risks: unknown[] }>(
      await t.api.query('buyer', RISKS, { id: 'factory' }),
      'organization',
    );
    expect(factory.risks).toEqual([
      { id: 'factory-transfers', topics: ['FORCED_LABOUR', 'HARSH_TREATMENT'] },
      { id: 'factory-fire', topics: ['HEALTH_AND_SAFETY'] },
    ]);
    const mine = ok<{ risks: unknown[] }>(await t.api.query('buyer', RISKS, { id: 'mine' }), 'organization');
    expect(mine.risks).toEqual([
      { id: 'mine-unclassified', topics: [] },
      { id: 'mine-children', topics: ['CHILD_LABOUR'] },
    ]);
  });

  it('reads an indicator stored before topics existed as not classified', async () => {
    await t.db.driver.executeQuery(`MATCH (r:RiskIndicator {id: 'factory-fire'}) REMOVE r.topics`);
    const factory = ok<{ risks: unknown[] }>(
      await t.api.query('buyer', RISKS, { id: 'factory' }),
      'organization',
    );
    expect(factory.risks).toContainEqual({ id: 'factory-fire', topics: [] });
    expect(summary(await exposure({ topics: ['HEALTH_AND_SAFETY'] }))).toEqual([]);
  });

  it('records a finding’s topics, answers them and keeps them through a backup', async () => {
    const recorded = ok<{ id: string; topics: string[] }>(
      await t.api.query(
        'ew',
        RECORD,
        {
          input: {
            organizationId: 'factory',
            kind: 'REPORT',
            severity: 'CRITICAL',
            source: 'DanWatch, labour transfer report, 2026',
            topics: ['FORCED_LABOUR', 'DISCRIMINATION', 'FORCED_LABOUR'],
          },
        },
        [...ADMIN],
      ),
      'recordFinding',
    );
    expect(recorded.topics).toEqual(['DISCRIMINATION', 'FORCED_LABOUR']);
    expect(await backupAndRestore(t.db)).toEqual([]);
    expect(ok<unknown[]>(await t.api.query('ew', RECORDED, {}, [...ADMIN]), 'findingsRecorded')).toEqual([
      { id: recorded.id, topics: ['DISCRIMINATION', 'FORCED_LABOUR'] },
    ]);
    const forced = await exposure({ topics: ['FORCED_LABOUR'] });
    // Both CRITICAL: in order of id.
    expect(forced.findings[0]!.indicators.map((i) => i.id)).toEqual([recorded.id, 'factory-transfers']);
    // A finding recorded without topics is not classified.
    const untagged = ok<{ topics: string[] }>(
      await t.api.query(
        'ew',
        RECORD,
        { input: { organizationId: 'mine', kind: 'REPORT', severity: 'LOW', source: 'EW note' } },
        [...ADMIN],
      ),
      'recordFinding',
    );
    expect(untagged.topics).toEqual([]);
  });
});

describe('exposure(topics: …)', () => {
  it('without topics, or with none, finds every indicator and the disclosed ones', async () => {
    const every = await exposure();
    expect(summary(every)).toEqual([
      ['brand', 1, 'MEDIUM', ['brand-wages']],
      ['factory', 2, 'CRITICAL', ['factory-transfers', 'factory-fire']],
      ['mine', 2, 'HIGH', ['mine-unclassified', 'mine-children']],
    ]);
    expect(every.findings[0]!.disclosedIndicators).toEqual([{ kind: 'EXPIRED_EVIDENCE' }]);
    expect(await exposure({ topics: [] })).toEqual(every);
    expect(await exposure({ topics: null })).toEqual(every);
  });

  it('keeps only indicators about a topic asked for, and the findings left with one', async () => {
    const forced = await exposure({ topics: ['FORCED_LABOUR'] });
    expect(summary(forced)).toEqual([['factory', 2, 'CRITICAL', ['factory-transfers']]]);
    expect(forced.closestTier).toBe(2);
    // Severity comes from what is left: the mine's LOW child-labour report, not its HIGH unclassified one.
    expect(summary(await exposure({ topics: ['CHILD_LABOUR', 'WAGES_AND_HOURS'] }))).toEqual([
      ['brand', 1, 'MEDIUM', ['brand-wages']],
      ['mine', 2, 'LOW', ['mine-children']],
    ]);
    const none = await exposure({ topics: ['ENVIRONMENT'] });
    expect(none).toEqual({ closestTier: null, findings: [] });
  });

  it('leaves out disclosed indicators, which have no topic', async () => {
    const wages = await exposure({ topics: ['WAGES_AND_HOURS'] });
    expect(wages.findings.map((f) => [f.organization.id, f.disclosedIndicators])).toEqual([['brand', []]]);
  });

  it('filters as of an instant by what was recorded then', async () => {
    expect(summary(await exposure({ topics: ['FORCED_LABOUR'], asOf: '2025-01-01T00:00:00Z' }))).toEqual([]);
    expect(
      summary(
        await exposure({ topics: ['FORCED_LABOUR', 'HEALTH_AND_SAFETY'], asOf: '2025-01-01T00:00:00Z' }),
      ),
    ).toEqual([['factory', 2, 'HIGH', ['factory-fire']]]);
  });

  it('combines with the product filter', async () => {
    expect(summary(await exposure({ topics: ['FORCED_LABOUR', 'CHILD_LABOUR'], product: 'cobalt' }))).toEqual(
      [['mine', 2, 'LOW', ['mine-children']]],
    );
    expect(
      summary(await exposure({ topics: ['FORCED_LABOUR', 'CHILD_LABOUR'], product: 'laptops' })),
    ).toEqual([['factory', 2, 'CRITICAL', ['factory-transfers']]]);
  });

  it('answers a root the viewer may not use as without the filter, as one that does not exist', async () => {
    const refusals = await Promise.all(
      [
        { rootId: 'elsewhere' },
        { rootId: 'elsewhere', topics: ['FORCED_LABOUR'] },
        { rootId: 'missing', topics: ['FORCED_LABOUR'] },
      ].map(async (variables) => {
        const response = await t.api.query('buyer', EXPOSURE, variables);
        return {
          data: response.data,
          codes: codes(response),
          message: response.errors?.[0]?.message.replace(/"[^"]*"/, 'ID'),
        };
      }),
    );
    expect(refusals[1]).toEqual(refusals[0]);
    expect(refusals[2]).toEqual(refusals[0]);
    expect(refusals[0]!.codes).toEqual(['NOT_FOUND']);
  });
});
