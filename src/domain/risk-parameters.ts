// The risk model's weights and parameters (docs/risk-model.md argues each default), and an operator's
// overrides of them (RISK_MODEL, read by src/config.ts): any part may be given, every key must be one
// the defaults have, and every number must lie in its range; problems name the key and the value.

export const RISK_COMPONENTS = [
  'INHERENT',
  'PUBLIC_INDICATORS',
  'DISCLOSED_EVIDENCE',
  'VISIBILITY',
  'PROXIMITY',
] as const;
export type RiskComponentName = (typeof RISK_COMPONENTS)[number];

/** How much each component counts; the score divides by their sum, so they need not add up to 1. */
export interface RiskWeights {
  inherent: number;
  publicIndicators: number;
  disclosedEvidence: number;
  visibility: number;
  proximity: number;
}

export const WEIGHT_OF: Record<RiskComponentName, keyof RiskWeights> = {
  INHERENT: 'inherent',
  PUBLIC_INDICATORS: 'publicIndicators',
  DISCLOSED_EVIDENCE: 'disclosedEvidence',
  VISIBILITY: 'visibility',
  PROXIMITY: 'proximity',
};

const DEFAULT_WEIGHTS: RiskWeights = {
  inherent: 0.2,
  publicIndicators: 0.35,
  disclosedEvidence: 0.25,
  visibility: 0.15,
  proximity: 0.05,
};

export interface RiskParameters {
  inherent: {
    /** The country's share of the inherent value; the product category (times activity) has the rest. */
    countryShare: number;
  };
  indicators: {
    severity: { LOW: number; MEDIUM: number; HIGH: number; CRITICAL: number };
    kind: { WATCHLIST: number; REPORT: number; AUDIT_FINDING: number; REGION: number };
    /** An indicator counts half after this many years… */
    halfLifeYears: number;
    /** …but never less than this share: a documented abuse stays relevant until shown remedied. */
    ageFloor: number;
  };
  disclosures: {
    overdue: { HIGH: number; CRITICAL: number };
    open: { HIGH: number; CRITICAL: number };
    /** Held at what no visible disclosure adds at VISIBILITY's weight (the defaults meet there). */
    expiredEvidence: number;
    validAudit: number;
    validCertificate: number;
    closedAction: number;
    closedByFollowUpAudit: number;
    /** The most that good evidence can take off. */
    maxRelief: number;
  };
  visibility: {
    sourcingNotShared: number;
    /**
     * A share of only some of its links: what it chose to show is visible, any other supplier is not.
     * At most sourcingNotShared (a share never hides more than none).
     */
    sourcingPartlyShared: number;
    noEvidence: number;
  };
  proximity: {
    /** The proximity value is perTier^(tier - 1). */
    perTier: number;
  };
  actions: {
    /** How many actions an assessment lists. */
    max: number;
  };
}

const DEFAULT_PARAMETERS: RiskParameters = {
  inherent: { countryShare: 0.5 },
  indicators: {
    severity: { LOW: 0.15, MEDIUM: 0.35, HIGH: 0.7, CRITICAL: 1 },
    kind: { WATCHLIST: 1, REPORT: 0.9, AUDIT_FINDING: 0.8, REGION: 0.6 },
    halfLifeYears: 5,
    ageFloor: 0.5,
  },
  disclosures: {
    overdue: { HIGH: 0.8, CRITICAL: 1 },
    open: { HIGH: 0.4, CRITICAL: 0.5 },
    expiredEvidence: 0.3,
    validAudit: 0.3,
    validCertificate: 0.2,
    closedAction: 0.05,
    closedByFollowUpAudit: 0.1,
    maxRelief: 0.5,
  },
  visibility: { sourcingNotShared: 0.5, sourcingPartlyShared: 0.25, noEvidence: 0.5 },
  proximity: { perTier: 0.75 },
  actions: { max: 10 },
};

/** The range a number at `path` may take: most are shares of 0..1. */
function rangeOf(path: string): { min: number; max: number; whole?: boolean } {
  if (path.startsWith('weights.')) return { min: 0, max: 100 };
  if (path.endsWith('.halfLifeYears')) return { min: 0.01, max: 1000 };
  if (path === 'parameters.actions.max') return { min: 1, max: 100, whole: true };
  return { min: 0, max: 1 };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `defaults` with the numbers `override` gives, at any depth. Unknown keys, wrong types and numbers
 * out of range are problems, and the default stays.
 */
function overlay<T>(defaults: T, override: unknown, path: string, problems: string[]): T {
  if (typeof defaults === 'number') {
    const { min, max, whole } = rangeOf(path);
    const ok =
      typeof override === 'number' &&
      override >= min &&
      override <= max &&
      (whole !== true || Number.isInteger(override));
    if (ok) return override as T & number;
    problems.push(
      `${path} must be ${whole === true ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(override)}`,
    );
    return defaults;
  }
  if (!isObject(defaults)) return defaults;
  if (!isObject(override)) {
    problems.push(`${path} must be an object, got ${JSON.stringify(override)}`);
    return defaults;
  }
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(override)) {
    if (!(key in defaults)) {
      problems.push(`${path} has no ${JSON.stringify(key)} (known: ${Object.keys(defaults).join(', ')})`);
      continue;
    }
    merged[key] = overlay(defaults[key as keyof typeof defaults], value, `${path}.${key}`, problems);
  }
  return merged as T;
}

/** The weights and parameters with an operator's overrides (either may be undefined). */
export function decodeSettings(
  weights: unknown,
  parameters: unknown,
  problems: string[],
): { weights: RiskWeights; parameters: RiskParameters } {
  const decoded = {
    weights: weights === undefined ? DEFAULT_WEIGHTS : overlay(DEFAULT_WEIGHTS, weights, 'weights', problems),
    parameters:
      parameters === undefined
        ? DEFAULT_PARAMETERS
        : overlay(DEFAULT_PARAMETERS, parameters, 'parameters', problems),
  };
  if (Object.values(decoded.weights).every((w) => w === 0)) problems.push('weights must not all be 0');
  // The two add up when both apply, and every component's value lies in 0..1.
  const { sourcingNotShared, sourcingPartlyShared, noEvidence } = decoded.parameters.visibility;
  if (sourcingNotShared + noEvidence > 1)
    problems.push(
      `parameters.visibility.sourcingNotShared (${sourcingNotShared}) and noEvidence (${noEvidence}) must add up to at most 1`,
    );
  if (sourcingPartlyShared > sourcingNotShared)
    problems.push(
      `parameters.visibility.sourcingPartlyShared (${sourcingPartlyShared}) must be at most sourcingNotShared (${sourcingNotShared}): a share of some links hides no more than no share`,
    );
  return decoded;
}
