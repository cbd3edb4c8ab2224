// What the property tests' generators and coverage checks share. `fc.option(x, { freq: k })` gives
// null only one time in k, which made most shares revoked and expired in the first generators; oneIn
// says the odds the other way round.
import fc from 'fast-check';
import type { LinkRecord } from '../../src/domain/format.ts';

/** `arb` one time in `n`, else null. */
export const oneIn = <T>(n: number, arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** Whether a link path leads from `from` down to `to` (a cycle when a link from `to` to `from` exists). */
export function leadsTo(links: readonly LinkRecord[], from: string, to: string): boolean {
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const customer of frontier)
      for (const l of links)
        if (l.customer === customer && !seen.has(l.supplier)) {
          if (l.supplier === to) return true;
          seen.add(l.supplier);
          next.push(l.supplier);
        }
    frontier = next;
  }
  return false;
}
