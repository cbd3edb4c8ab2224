// A whole risk assessment from what the viewer may see of a chain: the ranking, the chain summary and
// the top actions (issue 15; docs/risk-model.md).
import { topActions, type RiskAction } from './risk-actions.ts';
import {
  inEffect,
  scoreChain,
  weightShares,
  type Assessable,
  type RiskModel,
  type RiskScore,
  type RiskSubject,
} from './risk-model.ts';
import { summarize, type RiskSummary } from './risk-summary.ts';

export interface RiskAssessmentResult<O extends Assessable> {
  organizations: RiskScore<O>[];
  summary: RiskSummary;
  actions: RiskAction<O>[];
}

/**
 * `at`: the assessment's instant; `asOf`: the instant the viewer asked for, null for now; `viewerId`:
 * who asks (its own disclosures' actions are its own to take), null for nobody in particular.
 */
export function assessRisk<O extends Assessable>(
  model: RiskModel,
  subjects: readonly RiskSubject<O>[],
  at: Date,
  asOf: Date | null,
  viewerId: string | null = null,
): RiskAssessmentResult<O> {
  // Once for the score and the actions: neither counts an entry delisted by `at`.
  const current = subjects.map((s) => inEffect(s, at));
  const organizations = scoreChain(model, current, at, asOf);
  return {
    organizations,
    summary: summarize(organizations, weightShares(model.weights)),
    actions: topActions(organizations, current, at, asOf, model.parameters.actions.max, viewerId),
  };
}
