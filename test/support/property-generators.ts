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

type Parties = { owner: string; recipient: string };

/**
 * A programme of shares down the spine ids[n-1] -> … -> ids[0]: one organization (ids[0] about half the
 * time) asks those above it for their sourcing (so that the subjects of their disclosures come into its
 * reach) and for their disclosures, and most answer. `share(parties, disclosures, ended)` makes each
 * share: of disclosures or of sourcing, `ended` in 20 of them expired and as many revoked.
 */
export function sharingProgramme<S>(
  ids: readonly string[],
  share: (
    parties: fc.Arbitrary<Parties>,
    disclosures: fc.Arbitrary<boolean>,
    ended: number,
  ) => fc.Arbitrary<S>,
): fc.Arbitrary<S[]> {
  const n = ids.length;
  return fc.oneof(fc.constant(0), fc.integer({ min: 0, max: n - 2 })).chain((r) =>
    fc
      .array(fc.noBias(fc.integer({ min: 1, max: 5 })), { minLength: n - r - 1, maxLength: n - r - 1 })
      .chain((asked) =>
        fc.tuple(
          ...asked.flatMap((answer, i) => {
            const parties = fc.constant({ owner: ids[r + 1 + i]!, recipient: ids[r]! });
            return [
              ...(answer === 1 ? [] : [share(parties, fc.constant(false), 2)]),
              ...(answer === 2 ? [] : [share(parties, fc.constant(true), 5)]),
            ];
          }),
        ),
      ),
  );
}
