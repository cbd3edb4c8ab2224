// Viewers grouped by reach (how many organizations their chain holds at the bench's depth), and each
// group timed side by side: the API against the floor at that depth, and the API against the generic
// peer at depth 4, interleaved so that drift on a busy machine hits every contender alike.
import { signToken } from '../src/auth/tokens.ts';
import { CHAIN, TIERS, apiChainIds, peerQuery, peerReached, post } from './clients.ts';
import { spread } from './environment.ts';
import { reachOf, sameChain, type ChainIds } from './floor.ts';
import { fmt, percentile } from './stats.ts';

export const GROUPS = [1, 10, 100, 1_000, 10_000] as const;

/** The group whose reach is nearest on a log scale (null for viewers that reach nobody). */
export function groupOf(reach: number): number | null {
  if (reach < 1) return null;
  return GROUPS.reduce((best, g) =>
    Math.abs(Math.log10(reach / g)) < Math.abs(Math.log10(reach / best)) ? g : best,
  );
}

export interface Contenders {
  apiUrl: string;
  peerUrl: string;
  secret: string;
  depth: number;
  peerDepth: number;
  peerTimeoutMs: number;
  floor: (viewer: string) => Promise<ChainIds>;
  log: (line: string) => void;
}

/** Measures the reach of each candidate and keeps up to `perGroup` of each group, spread over ids. */
export async function groupViewers(
  contenders: Contenders,
  candidates: readonly string[],
  perGroup: number,
): Promise<Map<number, { viewer: string; reach: number }[]>> {
  const found = new Map<number, { viewer: string; reach: number }[]>(GROUPS.map((g) => [g, []]));
  for (const viewer of candidates) {
    const reach = reachOf(await contenders.floor(viewer));
    const group = groupOf(reach);
    if (group !== null) found.get(group)!.push({ viewer, reach });
  }
  return new Map([...found].map(([g, viewers]) => [g, spread(viewers, perGroup)]));
}

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

/** Times one group and prints its RESULT line; returns the number of answers that disagreed. */
export async function measureGroup(
  c: Contenders,
  group: number,
  viewers: readonly { viewer: string; reach: number }[],
  repeat: number,
  print: (line: string) => void,
): Promise<number> {
  const samples = { api: [] as number[], floor: [] as number[], api4: [] as number[], peer: [] as number[] };
  let mismatches = 0;
  // Where the group's slowest API answer fell (viewer and round): one slow answer sets a p99 of 25.
  let slowest = { ms: 0, at: '-' };
  for (const { viewer } of viewers) {
    const token = await signToken({ sub: 'bench', org: viewer, roles: ['analyst'] }, c.secret, 3600);
    // Warm-up, which also checks that the contenders answer alike. The API compiles a query text the
    // second time it runs (src/api/jit-executor.ts), once per process: run twice, so that the first
    // group's timed samples do not hold that one-time cost.
    await post(c.apiUrl, token, TIERS, { d: c.peerDepth });
    await post(c.apiUrl, token, CHAIN, { d: c.depth });
    const api = apiChainIds(await post(c.apiUrl, token, CHAIN, { d: c.depth }));
    if (!sameChain(api, await c.floor(viewer))) {
      mismatches++;
      c.log(`MISMATCH: the API and the floor disagree for ${viewer}`);
    }
    const tiers = apiChainIds(await post(c.apiUrl, token, TIERS, { d: c.peerDepth }))
      .tiers.flat()
      .sort();
    let peerWorks = true;
    try {
      const peer = peerReached(
        await post(
          c.peerUrl,
          token,
          peerQuery(c.peerDepth),
          { id: viewer },
          AbortSignal.timeout(c.peerTimeoutMs),
        ),
        viewer,
      );
      if (JSON.stringify(peer) !== JSON.stringify(tiers)) {
        mismatches++;
        c.log(`MISMATCH: the peer and the API disagree at depth ${c.peerDepth} for ${viewer}`);
      }
    } catch (error) {
      peerWorks = false;
      c.log(`the peer did not answer for ${viewer}: ${String(error)}`);
    }
    let round = 0;
    const runs: (() => Promise<void>)[] = [
      async () => {
        const ms = await timed(() => post(c.apiUrl, token, CHAIN, { d: c.depth }));
        samples.api.push(ms);
        if (ms > slowest.ms) slowest = { ms, at: `${viewer}#${round}` };
      },
      async () => void samples.floor.push(await timed(() => c.floor(viewer))),
      async () => void samples.api4.push(await timed(() => post(c.apiUrl, token, TIERS, { d: c.peerDepth }))),
      ...(peerWorks
        ? [
            async () =>
              void samples.peer.push(
                await timed(() => post(c.peerUrl, token, peerQuery(c.peerDepth), { id: viewer })),
              ),
          ]
        : []),
    ];
    // Each round starts with another contender, so that none always runs first or last.
    for (round = 0; round < repeat; round++)
      for (let j = 0; j < runs.length; j++) await runs[(round + j) % runs.length]!();
  }
  const p50 = (xs: number[]) => percentile(xs, 50);
  const reaches = viewers.map((v) => v.reach);
  print(
    `RESULT group=${group} api_p50_ms=${fmt(p50(samples.api))} floor_p50_ms=${fmt(p50(samples.floor))} ` +
      `ratio=${(p50(samples.api) / p50(samples.floor)).toFixed(2)} ` +
      `peer_ratio=${samples.peer.length ? (p50(samples.api4) / p50(samples.peer)).toFixed(2) : '-'} ` +
      `api_d${c.peerDepth}_p50_ms=${fmt(p50(samples.api4))} peer_p50_ms=${fmt(p50(samples.peer))} ` +
      `api_p99_ms=${fmt(percentile(samples.api, 99))} api_slowest=${fmt(slowest.ms)}@${slowest.at} floor_p99_ms=${fmt(percentile(samples.floor, 99))} viewers=${viewers.length} ` +
      `reach=${Math.min(...reaches)}..${Math.max(...reaches)} samples=${samples.api.length} mismatches=${mismatches}`,
  );
  return mismatches;
}
