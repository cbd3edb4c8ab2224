// Rule 6 allows no timing channel worth measuring: looking up something that exists but is hidden
// must take as long as looking up something that does not exist. For each lookup this measures both,
// interleaved (so drift on a noisy machine hits both alike), and prints the ratio of the medians and
// a rank-sum z score (|z| < 2 is within noise). A visible id is timed in the same rounds, for what
// keeping the channel closed costs the lookups that answer.
import { fmt, percentile } from './stats.ts';

export type Ask = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

export const LOOKUPS = {
  organization: 'query($id: ID!) { organization(id: $id) { id } }',
  supplyChain: 'query($id: ID) { supplyChain(rootId: $id, maxDepth: 10) { depth } }',
  paths: 'query($id: ID!) { paths(toId: $id, maxDepth: 10) { organizations { id } } }',
  exposure: 'query($id: ID) { exposure(rootId: $id, maxDepth: 10) { closestTier } }',
} as const;

/** Mann-Whitney U as a z score (normal approximation, no tie correction: times rarely tie). */
export function rankSumZ(a: readonly number[], b: readonly number[]): number {
  const all = [...a.map((v) => ({ v, first: true })), ...b.map((v) => ({ v, first: false }))].sort(
    (x, y) => x.v - y.v,
  );
  let rankSum = 0;
  all.forEach((x, i) => {
    if (x.first) rankSum += i + 1;
  });
  const n1 = a.length;
  const n2 = b.length;
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const sd = Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12);
  return sd === 0 ? 0 : (u - mean) / sd;
}

/** The ids one viewer looks up: one it may not see, one that exists nowhere, one it may see. */
export interface TimedIds {
  hidden: string;
  missing: string;
  visible: string;
}

export async function measureLookupTiming(
  ask: Ask,
  ids: TimedIds,
  tries: number,
  print: (line: string) => void,
): Promise<void> {
  for (const [name, query] of Object.entries(LOOKUPS)) {
    const hidden: number[] = [];
    const missing: number[] = [];
    const visible: number[] = [];
    const time = async (id: string) => {
      const started = performance.now();
      await ask(query, { id });
      return performance.now() - started;
    };
    await time(ids.hidden);
    await time(ids.missing);
    await time(ids.visible);
    for (let i = 0; i < tries; i++) {
      // Alternate which goes first, so neither always runs on a just-warmed path.
      if (i % 2 === 0) {
        hidden.push(await time(ids.hidden));
        missing.push(await time(ids.missing));
      } else {
        missing.push(await time(ids.missing));
        hidden.push(await time(ids.hidden));
      }
      visible.push(await time(ids.visible));
    }
    const ratio = percentile(hidden, 50) / percentile(missing, 50);
    print(
      `RESULT timing lookup=${name} hidden_p50_ms=${fmt(percentile(hidden, 50))} missing_p50_ms=${fmt(percentile(missing, 50))} ratio=${ratio.toFixed(2)} z=${rankSumZ(hidden, missing).toFixed(1)} visible_p50_ms=${fmt(percentile(visible, 50))} tries=${tries}`,
    );
  }
}
