// @vitest-environment happy-dom
// The dashboard's topic filter: the exposure it asks for with a topic, and how the Exposure panel shows
// indicators' topics and says what a topic filter leaves out.
import { describe, expect, it } from 'vitest';
import { ALL_CAPABILITIES, exposureOperation } from '../../web/src/api.ts';
import { renderExposure } from '../../web/src/panels.ts';
import { EXPOSURE, FLAGGED } from './fixtures.ts';

const QUERY = { rootId: null, maxDepth: 4, asOf: '', product: '' };

describe('exposure with a topic', () => {
  it('asks for the topic only when one is chosen and the server has topics', () => {
    const forced = exposureOperation({ ...QUERY, topic: 'FORCED_LABOUR' }, ALL_CAPABILITIES);
    expect(forced.query).toContain('$topics: [RiskTopic!]');
    expect(forced.query).toContain('topics: $topics');
    expect(forced.variables).toEqual({ maxDepth: 4, topics: ['FORCED_LABOUR'] });
    // The indicators' topics are asked for either way.
    expect(forced.query).toMatch(/indicators \{.* topics \}/);
    for (const query of [QUERY, { ...QUERY, topic: '' as const }]) {
      const every = exposureOperation(query, ALL_CAPABILITIES);
      expect(every.query).not.toContain('$topics');
      expect(every.variables).toEqual({ maxDepth: 4 });
    }
    const older = exposureOperation(
      { ...QUERY, topic: 'FORCED_LABOUR' },
      { ...ALL_CAPABILITIES, topics: false },
    );
    expect(older.query).not.toContain('topics');
  });

  it("shows an indicator's topics in words, and says what a topic filter leaves out", () => {
    const panel = document.createElement('section');
    const tagged = {
      ...EXPOSURE,
      findings: EXPOSURE.findings.map((f) => ({
        ...f,
        indicators: f.indicators.map((i) => ({
          ...i,
          topics: ['FORCED_LABOUR', 'HARSH_TREATMENT'] as const,
        })),
      })),
    };
    renderExposure(
      panel,
      { kind: 'loaded', exposure: tagged },
      null,
      () => {},
      null,
      null,
      [],
      'FORCED_LABOUR',
    );
    expect(panel.querySelector('.risk-topics')?.textContent).toBe('About: forced labour, harsh treatment');
    expect(panel.querySelector('.exposure-topic')?.textContent).toContain(
      'Only public indicators about forced labour count',
    );
    renderExposure(
      panel,
      { kind: 'loaded', exposure: { ...EXPOSURE, closestTier: null, findings: [] } },
      null,
      () => {},
      null,
      null,
      [],
      'CHILD_LABOUR',
    );
    expect(panel.querySelector('.exposure-summary')?.textContent).toContain(
      'No organization with an indicator about child labour is reachable',
    );
    renderExposure(panel, { kind: 'loaded', exposure: EXPOSURE }, null, () => {});
    expect(panel.querySelector('.exposure-topic')).toBeNull();
    expect(FLAGGED.risks!.every((r) => r.topics === undefined)).toBe(true);
    expect(panel.querySelector('.risk-topics')).toBeNull();
  });
});
