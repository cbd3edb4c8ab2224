import { DEFAULT_NOW, MAX_ORGS } from '../../generator/build.ts';
import { writeGraphFile, type GraphStats } from '../../generator/write.ts';
import { parseCommandArgs, parseWholeNumber } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { terminalProgress } from '../progress.ts';
import { writeFailure } from '../write-errors.ts';

const HELP = `Usage: tiersight generate --orgs N [--seed S] --out FILE

Writes a synthetic tiersight/v1 graph of N organizations (purchasers, resellers, brands,
manufacturers, factories and a few monitors) with supply links, shares and risk indicators.
The same N and seed always give a byte-identical file; dates are relative to ${DEFAULT_NOW.toISOString().slice(0, 10)}.

Options:
  --orgs N     number of organizations, 1 to ${MAX_ORGS.toLocaleString('en')}
  --seed S     any whole number (default 1; negative: --seed=-3)
  --out FILE   where to write the JSON (replaced if it exists)`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(
    'generate',
    args,
    { orgs: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
    HELP,
  );
  const orgs = parseWholeNumber('generate', '--orgs', values.orgs, 1, MAX_ORGS);
  if (orgs === undefined) throw new CliError(`generate: --orgs is required\n\n${HELP}`, 2);
  const seed =
    parseWholeNumber('generate', '--seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) ??
    1;
  const out = values.out;
  if (out === undefined || out.trim() === '')
    throw new CliError(`generate: --out FILE is required\n\n${HELP}`, 2);

  const started = performance.now();
  const progress = terminalProgress();
  // The graph is built in memory first (a few seconds for 1M organizations); the bar starts with the writing.
  if (process.stderr.isTTY) process.stderr.write('\rgenerate: building the graph...');
  let phaseStarted = false;
  let stats: GraphStats;
  try {
    stats = await writeGraphFile({
      orgs,
      seed,
      out,
      onProgress(done, total) {
        if (!phaseStarted) {
          progress.phase('writing', total);
          phaseStarted = true;
        }
        progress.advance(done);
      },
    });
  } catch (error) {
    progress.finish();
    throw writeFailure('generate', out, error) ?? error;
  }
  progress.finish();
  const seconds = (performance.now() - started) / 1000;
  const counts = [
    `${stats.organizations.toLocaleString('en')} organizations`,
    `${stats.links.toLocaleString('en')} links`,
    `${stats.shares.toLocaleString('en')} shares`,
    `${stats.risks.toLocaleString('en')} risks`,
    `${stats.disclosures.toLocaleString('en')} disclosures`,
  ].join(', ');
  const megabytes = (stats.bytes / 1e6).toFixed(1);
  console.error(`Generated ${out}: ${counts} (${megabytes} MB, seed ${seed}) in ${seconds.toFixed(1)} s`);
}
