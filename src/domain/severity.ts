import { SEVERITIES, type Severity } from './format.ts';

const RANK = new Map(SEVERITIES.map((s, i) => [s, i]));

/** Most severe first. */
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }): number =>
  RANK.get(b.severity)! - RANK.get(a.severity)!;

export function highestSeverity(items: readonly { severity: Severity }[]): Severity {
  return [...items].sort(bySeverity)[0]?.severity ?? 'LOW';
}
