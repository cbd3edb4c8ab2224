// `tiersight screen LIST`: watch-list screening of every organization (docs/screening.md).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { MAX_TEXT, SEVERITIES, type Severity } from '../../domain/format.ts';
import { DEFAULT_THRESHOLD } from '../../modules/screening/score.ts';
import type { ScreeningMatch } from '../../modules/screening/match.ts';
import { DEFAULT_CERTAIN, needsReview, screen } from '../../modules/screening/screen.ts';
import { ScreeningRepository } from '../../modules/screening/screening-repository.ts';
import { readWatchList as readList } from '../../modules/screening/read-watch-list.ts';
import {
  isWatchListFormat,
  WATCH_LIST_FORMATS,
  type WatchListEntry,
  type WatchListFormat,
} from '../../modules/screening/watch-list-entry.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../environment.ts';
import { quote } from '../../domain/quote.ts';

const DEFAULT_SEVERITY: Severity = 'HIGH';

const HELP = `Usage: tiersight screen LIST [--format F] [--json] [--threshold T] [--certain C] [--apply] [--severity S] [--source TEXT]

Matches the name and aliases of every organization in NEO4J_URI (or the bundled Neo4j when it is
unset) against a watch list: the US Consolidated Screening List (JSON, CSV or TSV), OpenSanctions'
entities.ftm.json or targets.simple.csv, the DHS UFLPA Entity List web page, or Tiersight's CSV with
the columns name,aliases,effective_date,source. Legal forms, punctuation, case, accents, '&'/'and',
hyphenation and qualifiers such as "and subsidiaries" are ignored; a parent, a subsidiary with another
name or a similarly named firm is not a match. See docs/screening.md.

Options:
  --format F       the list's format: ${WATCH_LIST_FORMATS.join(', ')} (default: detected from the content)
  --json           print only a JSON array of { organizationId, organizationName, entry, score,
                   review, explanation }
  --threshold T    lowest score (0 to 1) accepted as a match (default ${DEFAULT_THRESHOLD})
  --certain C      lowest score (threshold to 1) recorded without review (default ${DEFAULT_CERTAIN});
                   matches below it are candidates an analyst confirms or rejects
  --apply          record each certain match as a WATCHLIST risk indicator with the list's source,
                   entry id, date and link (upserted by list entry: applying the same list twice
                   changes nothing), keep the others as candidates for review, and mark delisted
                   the indicators of entries no longer on the list
  --severity S     severity of the recorded indicators: ${SEVERITIES.join(', ')} (default ${DEFAULT_SEVERITY})
  --source TEXT    the list's source for every entry, instead of the list's own`;

interface ScreeningJson {
  organizationId: string;
  organizationName: string;
  entry: string;
  score: number;
  /** Below the certain level: a candidate for review, not an indicator. */
  review: boolean;
  explanation: string[];
}

/** The `--json` output: exactly these fields per match. */
function matchesAsJson(matches: readonly ScreeningMatch[], certain: number): ScreeningJson[] {
  return matches.map((m) => ({
    organizationId: m.organizationId,
    organizationName: m.organizationName,
    entry: m.entry,
    score: m.score,
    review: needsReview(m, certain),
    explanation: m.explanation,
  }));
}

/** A readable table of the matches (one line each, columns padded). */
function formatMatchTable(matches: readonly ScreeningMatch[], certain: number): string {
  const rows = matches.map((m) => [
    m.score.toFixed(3),
    needsReview(m, certain) ? 'review' : '',
    m.organizationId,
    m.organizationName,
    m.entry,
    m.matchedName === m.organizationName && m.matchedEntryName === m.entry
      ? ''
      : `"${m.matchedName}" ~ "${m.matchedEntryName}"`,
  ]);
  const header = ['SCORE', 'REVIEW', 'ORGANIZATION', 'NAME', 'ENTRY', 'MATCHED NAMES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function parseThreshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_THRESHOLD;
  const threshold = Number(value);
  if (!/^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(value) || !(threshold >= 0 && threshold <= 1)) {
    throw new CliError(`screen: --threshold must be a number from 0 to 1, got ${quote(value)}`, 2);
  }
  return threshold;
}

function parseCertain(value: string | undefined, threshold: number): number {
  if (value === undefined) return Math.max(DEFAULT_CERTAIN, threshold);
  const certain = Number(value);
  if (!/^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(value) || !(certain >= threshold && certain <= 1)) {
    throw new CliError(
      `screen: --certain must be a number from the threshold (${threshold}) to 1, got ${quote(value)}`,
      2,
    );
  }
  return certain;
}

function parseSeverity(value: string | undefined): Severity {
  if (value === undefined) return DEFAULT_SEVERITY;
  const severity = SEVERITIES.find((s) => s === value.trim().toUpperCase());
  if (severity === undefined) {
    throw new CliError(`screen: --severity must be one of ${SEVERITIES.join(', ')}, got ${quote(value)}`, 2);
  }
  return severity;
}

function parseFormat(value: string | undefined): WatchListFormat | undefined {
  if (value === undefined) return undefined;
  const format = value.trim().toLowerCase();
  if (!isWatchListFormat(format)) {
    throw new CliError(
      `screen: --format must be one of ${WATCH_LIST_FORMATS.join(', ')}, got ${quote(value)}`,
      2,
    );
  }
  return format;
}

/** Reads and checks a list file; every problem goes to stderr and the command fails before screening. */
export function readWatchList(file: string, source?: string, format?: WatchListFormat): WatchListEntry[] {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new CliError(`screen: no such file ${quote(file)}`, 2);
  const { entries, problems } = readList(readFileSync(file, 'utf8'), {
    ...(source !== undefined ? { source } : {}),
    ...(format !== undefined ? { format } : {}),
  });
  if (problems.length > 0) {
    for (const problem of problems) console.error(`${file}: ${problem}`);
    throw new CliError(`screen: ${file}: ${problems.length} problem(s) found; nothing was screened.`);
  }
  return entries;
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    'screen',
    args,
    {
      json: { type: 'boolean' },
      threshold: { type: 'string' },
      apply: { type: 'boolean' },
      severity: { type: 'string' },
      source: { type: 'string' },
      format: { type: 'string' },
      certain: { type: 'string' },
    },
    HELP,
    true,
  );
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new CliError(`screen takes exactly one LIST file\n\n${HELP}`, 2);
  const threshold = parseThreshold(values.threshold);
  const certain = parseCertain(values.certain, threshold);
  const format = parseFormat(values.format);
  const severity = parseSeverity(values.severity);
  if (values.source !== undefined && (values.source.trim() === '' || values.source.length > MAX_TEXT)) {
    throw new CliError(
      `screen: --source must be 1..${MAX_TEXT} characters (a risk indicator's source), got ${values.source.length}`,
      2,
    );
  }
  const entries = readWatchList(file, values.source, format);
  const options = { threshold, certain, apply: values.apply === true, severity };

  const outcome = await withDatabase(({ executor }) =>
    screen(new ScreeningRepository(executor), entries, options),
  );

  console.error(
    `Screened ${outcome.organizations.toLocaleString('en')} organization(s) against ` +
      `${outcome.entries.toLocaleString('en')} list entr${outcome.entries === 1 ? 'y' : 'ies'} ` +
      `at threshold ${threshold}: ${outcome.matches.length.toLocaleString('en')} match(es), ` +
      `${outcome.matches.filter((m) => needsReview(m, certain)).length.toLocaleString('en')} to review (below ${certain}).`,
  );
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(matchesAsJson(outcome.matches, certain), null, 2)}\n`);
  } else if (outcome.matches.length > 0) {
    console.log(formatMatchTable(outcome.matches, certain));
  } else {
    console.log(`No organization matches an entry of ${file} at threshold ${threshold}.`);
  }
  if (outcome.recorded) {
    const { recorded, created, delisted, candidates, newCandidates } = outcome.recorded;
    const count = (n: number) => n.toLocaleString('en');
    console.error(
      `Recorded ${count(recorded)} WATCHLIST indicator(s) with severity ${severity} ` +
        `(${count(created)} new, ${count(recorded - created)} already present); ` +
        `${count(candidates)} candidate(s) for review (${count(newCandidates)} new); ` +
        `${count(delisted)} marked delisted.`,
    );
  }
}
