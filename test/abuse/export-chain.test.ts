// `tiersight export-chain` on the demo scenario, as a person at a terminal could misuse it: every bad
// argument is refused naming it, before anything is read or written; a root or facility the viewer
// may not see answers with the same words as one that does not exist; a file that cannot be written
// leaves nothing behind. The good path writes files that parse back to the viewer's chain.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captured } from '../support/captured-command.ts';
import { run } from '../../src/cli/commands/export-chain.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { loadDemoScenario } from '../../src/runtime/demo.ts';
import { cellsAsRfc4180, readCsv, readGexf, readGraphml } from '../support/chain-files.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-export-chain-'));
const savedUri = process.env['NEO4J_URI'];
const savedTimeout = process.env['NEO4J_TX_TIMEOUT_MS'];

beforeAll(async () => {
  db = await openTestDatabase();
  process.env['NEO4J_URI'] = neo4jUri();
  // A walk of 20 tiers is planned afresh by each command's new driver; a machine shared with other
  // work may take longer than the 15 s default for that.
  process.env['NEO4J_TX_TIMEOUT_MS'] = '120000';
  await loadDemoScenario(db.imports, true);
});
afterAll(async () => {
  if (savedUri === undefined) delete process.env['NEO4J_URI'];
  else process.env['NEO4J_URI'] = savedUri;
  if (savedTimeout === undefined) delete process.env['NEO4J_TX_TIMEOUT_MS'];
  else process.env['NEO4J_TX_TIMEOUT_MS'] = savedTimeout;
  await db.close();
});

const exportChain = (args: string[]) => captured(run, args);

async function refusal(args: string[]): Promise<CliError> {
  const failure = await exportChain(args).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(failure instanceof CliError)) throw new Error(`expected a CliError, got ${String(failure)}`);
  return failure;
}

const STHLM = 'se-region-stockholm';
const OSLO = 'no-oslo-kommune';

describe('export-chain refuses bad arguments, naming them', { timeout: 120_000 }, () => {
  it.each([
    [['--format', 'graphml'], /--org names the viewer and is required/],
    [['--org', ' ', '--format', 'graphml'], /--org names the viewer/],
    [['--org', STHLM], /--format is required: graphml, gexf, csv, json/],
    [['--org', STHLM, '--format', 'xlsx'], /unknown --format "xlsx"; use graphml, gexf, csv, json/],
    [
      ['--org', STHLM, '--format', 'graphml', '--as-of', 'yesterday'],
      /--as-of must be an ISO 8601 .*"yesterday"/,
    ],
    [['--org', STHLM, '--format', 'graphml', '--max-depth', '0'], /--max-depth/],
    [['--org', STHLM, '--format', 'graphml', '--max-depth', '21'], /--max-depth/],
    [['--org', STHLM, '--format', 'graphml', '--out', ''], /--out must name a file/],
    [
      ['--org', STHLM, '--facility', 'us-dell', '--format', 'json'],
      /--facility writes one record; drop --format/,
    ],
    [['--org', STHLM, '--format', 'json', '--colour', 'red'], /colour/],
    [
      ['--org', STHLM, '--format', 'graphml', '--csv-separator', 'semicolon'],
      /--csv-separator "semicolon": only --format csv has a separator or decimal mark, got --format "graphml"/,
    ],
    [
      ['--org', STHLM, '--format', 'JSON', '--decimal-mark', 'comma', '--csv-separator', 'semicolon'],
      /--csv-separator "semicolon" and --decimal-mark "comma": only --format csv .*, got --format "json"/,
    ],
    [
      ['--org', STHLM, '--format', 'csv', '--csv-separator', 'tab'],
      /unknown --csv-separator "tab"; use comma or semicolon/,
    ],
    [
      ['--org', STHLM, '--format', 'csv', '--decimal-mark', '.'],
      /unknown --decimal-mark "\."; use point or comma/,
    ],
    [
      ['--org', STHLM, '--format', 'csv', '--decimal-mark', 'comma'],
      /--decimal-mark comma needs --csv-separator semicolon/,
    ],
    [
      ['--org', STHLM, '--facility', 'us-dell', '--decimal-mark', 'comma'],
      /--facility writes one record; drop --decimal-mark/,
    ],
  ])('%j', async (args, message) => {
    const error = await refusal(args);
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(2);
  });

  it('an unknown viewer is named', async () => {
    const error = await refusal(['--org', 'no-such-org', '--format', 'json']);
    expect(error.message).toBe(`export-chain: --org "no-such-org": no such organization`);
  });

  it('a root the viewer may not use answers with the same words as a missing one', async () => {
    // Dell is in Region Stockholm's chain but not in Oslo kommune's (Atea AS shares nothing of Dell's).
    const hidden = await refusal(['--org', OSLO, '--format', 'graphml', '--root', 'us-dell']);
    const missing = await refusal(['--org', OSLO, '--format', 'graphml', '--root', 'no-such-org']);
    expect(hidden.message).toBe(`export-chain: --root "us-dell": no root "${OSLO}" may use`);
    expect(hidden.message.replace('us-dell', 'X')).toBe(missing.message.replace('no-such-org', 'X'));
    expect(hidden.exitCode).toBe(missing.exitCode);
  });

  it('a facility the viewer may not look up answers with the same words as a missing one', async () => {
    const hidden = await refusal(['--org', OSLO, '--facility', 'cn-ofilm-nanchang']);
    const missing = await refusal(['--org', OSLO, '--facility', 'no-such-org']);
    expect(hidden.message.replace('cn-ofilm-nanchang', 'X')).toBe(
      missing.message.replace('no-such-org', 'X'),
    );
  });

  it('an --out it cannot write is named, and nothing is left behind', async () => {
    const out = join(dir, 'missing-dir', 'chain.graphml');
    const error = await refusal(['--org', STHLM, '--format', 'graphml', '--out', out]);
    expect(error.message).toBe(`export-chain: cannot write "${out}": its directory does not exist`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('export-chain writes what the viewer may query', { timeout: 120_000 }, () => {
  it('--out FILE: GraphML, GEXF and CSV of one chain hold the same organizations and links', async () => {
    const read = { graphml: readGraphml, gexf: readGexf, csv: readCsv };
    const graphs = [];
    for (const format of ['graphml', 'gexf', 'csv'] as const) {
      const out = join(dir, `sthlm.${format}`);
      const { stdout, stderr } = await exportChain(['--org', STHLM, '--format', format, '--out', out]);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^Wrote ${format} to ${out} \\([\\d,]+ bytes\\)`, 'm'));
      graphs.push(read[format](readFileSync(out, 'utf8')));
    }
    const ids = graphs.map((g) => ({ nodes: g.nodes.map((n) => n.id), edges: g.edges.map((e) => e.id) }));
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    // The demo's documented chain: Atea at tier 1, Dell at tier 2, its five factories at tier 3.
    const tiers = Object.fromEntries(graphs[0]!.nodes.map((n) => [n.id, n.attributes['tier']]));
    expect(tiers).toMatchObject({ [STHLM]: 0, 'se-atea': 1, 'us-dell': 2, 'cn-hipro-dongguan': 3 });
    expect(Object.keys(tiers)).not.toContain('cn-ofilm-nanchang');
  });

  it('--csv-separator semicolon --decimal-mark comma: the same cells for a Swedish or Norwegian Excel', async () => {
    const csvAs = async (...dialect: string[]) =>
      (await exportChain(['--org', STHLM, '--format', 'csv', ...dialect])).stdout;
    const rfc = await csvAs();
    const nordic = await csvAs('--csv-separator', 'semicolon', '--decimal-mark', 'comma');
    expect(nordic.split('\r\n')[0]).toBe(rfc.split('\r\n')[0]!.replaceAll(',', ';'));
    expect(cellsAsRfc4180(nordic, { separator: ';', decimal: ',' })).toEqual(cellsAsRfc4180(rfc));
  });

  it('without --out the file goes to stdout; --as-of and --root are honoured', async () => {
    const { stdout } = await exportChain([
      '--org',
      STHLM,
      '--root',
      'us-dell',
      '--format',
      'json',
      '--as-of',
      '2016-01-01',
    ]);
    const json = JSON.parse(stdout) as {
      root: string;
      asOf: string;
      organizations: { id: string; tier: number }[];
    };
    expect(json.root).toBe('us-dell');
    expect(json.asOf).toBe('2016-01-01T00:00:00.000Z');
    expect(json.organizations[0]).toMatchObject({ id: 'us-dell', tier: 0 });
  });

  it('--facility writes a UNTP facility record of an organization the viewer may look up', async () => {
    const { stdout } = await exportChain(['--org', STHLM, '--facility', 'cn-hipro-dongguan']);
    expect(JSON.parse(stdout)).toMatchObject({
      type: ['DigitalFacilityRecord', 'VerifiableCredential'],
      credentialSubject: { name: 'Hipro Electronics, Dongguan', countryOfOperation: 'CN' },
    });
    expect(existsSync(join(dir, 'cn-hipro-dongguan'))).toBe(false);
  });
});
