// The chain summary of a risk assessment: how the scores spread over tiers and countries, and how much
// of the chain's total each component explains.
import { RISK_COMPONENTS, type RiskComponentName } from './risk-parameters.ts';
import type { Assessable, RiskScore } from './risk-model.ts';
import { groupBy } from './grouping.ts';
import { byWords } from './text-order.ts';

interface RiskGroup {
  organizations: number;
  meanScore: number;
  maxScore: number;
}

export interface RiskSummary {
  byTier: (RiskGroup & { tier: number })[];
  byCountry: (RiskGroup & { country: string })[];
  byComponent: {
    name: RiskComponentName;
    weight: number;
    meanValue: number;
    /**
     * The component's points over all organizations, as a share of the points of the components that
     * raise them (0 when there are none): negative for good evidence that lowers them more than it raises.
     */
    share: number;
  }[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function group<K>(ranking: readonly RiskScore<Assessable>[], key: (s: RiskScore<Assessable>) => K) {
  return [...groupBy(ranking, key, (scored) => scored.score)].map(([k, scores]) => ({
    key: k,
    organizations: scores.length,
    meanScore: round(scores.reduce((a, b) => a + b, 0) / scores.length, 1),
    maxScore: Math.max(...scores),
  }));
}

export function summarize(
  ranking: readonly RiskScore<Assessable>[],
  weights: Record<RiskComponentName, number>,
): RiskSummary {
  // Each component's points and values over the ranking, summed in the ranking's order.
  const totals = new Map(RISK_COMPONENTS.map((name) => [name, { points: 0, values: 0 }]));
  for (const scored of ranking) {
    for (const c of scored.components) {
      const total = totals.get(c.name)!;
      total.points += c.contribution;
      total.values += c.value;
    }
  }
  // Shares of what raises the chain's scores: good evidence's relief is a negative share of it, and
  // netted into the whole it would push the others' shares above 1 (or flip their sign).
  const raising = RISK_COMPONENTS.reduce((sum, name) => sum + Math.max(0, totals.get(name)!.points), 0);
  return {
    byTier: group(ranking, (s) => s.tier)
      .map(({ key, ...g }) => ({ tier: key, ...g }))
      .sort((a, b) => a.tier - b.tier),
    byCountry: group(ranking, (s) => s.organization.country)
      .map(({ key, ...g }) => ({ country: key, ...g }))
      .sort((a, b) => b.maxScore - a.maxScore || byWords(a.country, b.country)),
    byComponent: RISK_COMPONENTS.map((name) => {
      const { points, values } = totals.get(name)!;
      return {
        name,
        weight: round(weights[name], 3),
        meanValue: ranking.length === 0 ? 0 : round(values / ranking.length, 3),
        share: raising === 0 ? 0 : round(points / raising, 3),
      };
    }),
  };
}
