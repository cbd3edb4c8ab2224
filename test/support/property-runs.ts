import { quote } from '../../src/domain/quote.ts';
/**
 * How many random cases a property test tries: `base` times TIERSIGHT_PROPERTY_SCALE (default 1).
 * The bases keep `npm test` within CI's 30 minutes on a 2-core machine; a deeper search, after a
 * change to the rules or before a release, sets the scale (10 tries ten times as many cases).
 */
export function propertyRuns(base: number): number {
  return Math.max(1, Math.round(base * scale()));
}

/** A property test's time limit, `base` ms for the base number of cases, scaled with them. */
export function propertyTimeout(base: number): number {
  return Math.round(base * Math.max(1, scale()));
}

function scale(): number {
  const raw = process.env['TIERSIGHT_PROPERTY_SCALE'] ?? '1';
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`TIERSIGHT_PROPERTY_SCALE must be a positive number, got ${quote(raw)}`);
  }
  return value;
}
