import { SEVERITIES, type Severity } from './format.ts';
import { byText, byWords } from './text-order.ts';

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

/**
 * Exposure's findings: nearest tier first, most severe first within a tier, then by the organization's
 * name and, for equal names, its id (without it, equally placed findings of same-named organizations
 * would come in the order the statement gathered them, which differs between runs).
 */
export const byTierSeverityAndName = (
  a: { tier: number; severity: Severity; organization: { name: string; id: string } },
  b: { tier: number; severity: Severity; organization: { name: string; id: string } },
): number =>
  a.tier - b.tier ||
  bySeverity(a, b) ||
  byWords(a.organization.name, b.organization.name) ||
  byText(a.organization.id, b.organization.id);

export function highestSeverity(items: readonly { severity: Severity }[]): Severity {
  return [...items].sort(bySeverity)[0]?.severity ?? 'LOW';
}
