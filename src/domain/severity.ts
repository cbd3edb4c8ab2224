import { SEVERITIES, type Severity } from './format.ts';
import { byText } from './text-order.ts';

const RANK = new Map(SEVERITIES.map((s, i) => [s, i]));

/** Most severe first. */
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }): number =>
  RANK.get(b.severity)! - RANK.get(a.severity)!;

/**
 * Most severe first, then by id: the same order whichever statement read them (Cypher's `collect`
 * keeps no order of its own, so equally severe indicators would otherwise swap between runs).
 */
export const mostSevereFirst = <T extends { severity: Severity; id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => bySeverity(a, b) || byText(a.id, b.id));

export function highestSeverity(items: readonly { severity: Severity }[]): Severity {
  return [...items].sort(bySeverity)[0]?.severity ?? 'LOW';
}
