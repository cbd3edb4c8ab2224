// The cost of disclosures in a chain (issue 12): the same viewer's supplyChain asked plain and asked
// with every organization's disclosures and their actions, interleaved (each round starts with the
// other query, so drift on a busy machine hits both alike). The aim: asking for disclosures costs at
// most 1.3x the plain chain.
import { signToken } from '../src/auth/tokens.ts';
import { CHAIN, apiChainIds, post } from './clients.ts';
import { sameChain } from './floor.ts';
import { fmt, percentile } from './stats.ts';

export const AIM = 1.3;

/** The bench's chain query, each organization also with what it discloses (contract section 8). */
export const CHAIN_WITH_DISCLOSURES = CHAIN.replace(
  'organizations { id name type country }',
  'organizations { id name type country disclosures { id kind title actions { id status overdue } } }',
);

interface Answer {
  supplyChain: { tiers: { organizations: { disclosures: { actions: { overdue: boolean }[] }[] }[] }[] };
}

/** How many organizations show disclosures, how many disclosures and actions, how many overdue. */
function disclosed(data: unknown) {
  const organizations = (data as Answer).supplyChain.tiers.flatMap((t) => t.organizations);
  const disclosures = organizations.flatMap((o) => o.disclosures);
  const actions = disclosures.flatMap((d) => d.actions);
  return {
    organizations: organizations.length,
    withDisclosures: organizations.filter((o) => o.disclosures.length > 0).length,
    disclosures: disclosures.length,
    actions: actions.length,
    overdue: actions.filter((a) => a.overdue).length,
  };
}

export interface DisclosureBench {
  apiUrl: string;
  /** Which API the line measures, when the bench runs two (BENCH_BASELINE); null otherwise. */
  label: string | null;
  secret: string;
  depth: number;
  log: (line: string) => void;
}

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

/** Times one viewer's two queries and prints a RESULT line; returns 1 when the chains disagree. */
export async function measureDisclosures(
  b: DisclosureBench,
  viewer: string,
  repeat: number,
  print: (line: string) => void,
): Promise<number> {
  const token = await signToken({ sub: 'bench', org: viewer, roles: ['analyst'] }, b.secret, 3600);
  const plain = () => post(b.apiUrl, token, CHAIN, { d: b.depth });
  const withDisclosures = () => post(b.apiUrl, token, CHAIN_WITH_DISCLOSURES, { d: b.depth });
  // Warm-up, which also checks that both answers list the same chain.
  const rich = await withDisclosures();
  const mismatch = !sameChain(apiChainIds(await plain()), apiChainIds(rich));
  if (mismatch) b.log(`MISMATCH: the chain of ${viewer} differs when disclosures are asked for`);
  const seen = disclosed(rich);
  const samples = { plain: [] as number[], with: [] as number[] };
  const runs = [
    async () => void samples.plain.push(await timed(plain)),
    async () => void samples.with.push(await timed(withDisclosures)),
  ];
  for (let i = 0; i < repeat; i++) for (let j = 0; j < runs.length; j++) await runs[(i + j) % 2]!();
  const p = (xs: number[], q: number) => percentile(xs, q);
  const ratio = p(samples.with, 50) / p(samples.plain, 50);
  print(
    `RESULT disclosures ${b.label === null ? '' : `api=${b.label} `}viewer=${viewer} reach=${seen.organizations} ` +
      `plain_p50_ms=${fmt(p(samples.plain, 50))} plain_p95_ms=${fmt(p(samples.plain, 95))} ` +
      `with_p50_ms=${fmt(p(samples.with, 50))} with_p95_ms=${fmt(p(samples.with, 95))} ` +
      `ratio=${ratio.toFixed(2)} p95_ratio=${(p(samples.with, 95) / p(samples.plain, 95)).toFixed(2)} ` +
      `aim=${AIM} ${ratio <= AIM ? 'met' : 'missed'} organizations_with_disclosures=${seen.withDisclosures} ` +
      `disclosures=${seen.disclosures} actions=${seen.actions} overdue=${seen.overdue} samples=${samples.plain.length}`,
  );
  return mismatch ? 1 : 0;
}
