// Screening quality and speed (issue 14; docs/screening.md, "Screening quality"):
// - precision and recall of `screen` at the default threshold over the labelled set
//   seed/watchlists/labelled-set.json (true matches in legal-form, transliteration, word-order,
//   abbreviation, alias and identifier variants; hard negatives: parents, subsidiaries, namesakes in
//   other countries or at other sites, look-alikes), with every miss and false match named;
// - the time to screen 100,000 synthetic organizations against 30,000 synthetic list entries
//   (in process: the matching itself, which is what grows with both; reading the organizations from
//   Neo4j is one query).
// Run alone with `npx tsx bench/screening.ts` or as part of `npm run bench` (BENCH_ONLY=screening).
import { readFileSync } from 'node:fs';
import { Random } from '../src/generator/random.ts';
import { fakeWord } from '../src/generator/vocabulary.ts';
import { screenNames, type ScreenedOrganization } from '../src/modules/screening/match.ts';
import { isObject, textOf, textsOf } from '../src/modules/screening/readers/json-values.ts';
import { DEFAULT_THRESHOLD } from '../src/modules/screening/score.ts';
import type { WatchListEntry } from '../src/modules/screening/watch-list-entry.ts';

/** The aims the issue sets. */
export const QUALITY_AIM = 0.9;
export const TIME_AIM_SECONDS = 60;

const LABELLED_SET = new URL('../seed/watchlists/labelled-set.json', import.meta.url);

const entryOf = (
  fields: Partial<WatchListEntry> & Pick<WatchListEntry, 'listEntryId' | 'name'>,
  line: number,
) => ({
  aliases: [],
  countries: [],
  source: 'Labelled set',
  program: null,
  listedAt: null,
  sourceUrl: null,
  identifiers: [],
  format: 'tiersight' as const,
  line,
  ...fields,
});

interface Labelled {
  organization: ScreenedOrganization;
  kind: string;
  /** The entry the organization is, or null for a hard negative. */
  is: string | null;
}

function readLabelledSet(): { entries: WatchListEntry[]; organizations: Labelled[] } {
  const data: unknown = JSON.parse(readFileSync(LABELLED_SET, 'utf8'));
  if (!isObject(data) || !Array.isArray(data['entries']) || !Array.isArray(data['organizations'])) {
    throw new Error(`${LABELLED_SET.pathname}: expected { entries: [...], organizations: [...] }`);
  }
  const entries = data['entries'].filter(isObject).map((e, i) =>
    entryOf(
      {
        listEntryId: textOf(e['id']),
        name: textOf(e['name']),
        aliases: textsOf(e['aliases']),
        countries: textsOf(e['countries']),
        identifiers: (Array.isArray(e['identifiers']) ? e['identifiers'] : [])
          .filter(isObject)
          .map((id) => ({ scheme: textOf(id['scheme']), value: textOf(id['value']) })),
      },
      i + 1,
    ),
  );
  const organizations = data['organizations'].filter(isObject).map((o) => ({
    organization: {
      id: textOf(o['id']),
      name: textOf(o['name']),
      aliases: textsOf(o['aliases']),
      country: textOf(o['country']) || null,
      osId: textOf(o['osId']) || null,
    },
    kind: textOf(o['kind']),
    is: textOf(o['is']) || null,
  }));
  return { entries, organizations };
}

export interface Quality {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: string[];
  misses: string[];
  byKind: Map<string, { cases: number; right: number }>;
}

/** Precision and recall of screening at `threshold` over the labelled set. */
export function measureQuality(threshold = DEFAULT_THRESHOLD): Quality {
  const { entries, organizations } = readLabelledSet();
  const matches = screenNames(
    organizations.map((o) => o.organization),
    entries,
    threshold,
  );
  const found = new Map(matches.map((m) => [`${m.organizationId}|${m.listEntry.listEntryId}`, m]));
  const falsePositives: string[] = [];
  const misses: string[] = [];
  const byKind = new Map<string, { cases: number; right: number }>();
  let truePositives = 0;
  for (const { organization, kind, is } of organizations) {
    const mine = matches.filter((m) => m.organizationId === organization.id);
    const right =
      is === null ? mine.length === 0 : found.has(`${organization.id}|${is}`) && mine.length === 1;
    const tally = byKind.get(kind) ?? { cases: 0, right: 0 };
    byKind.set(kind, { cases: tally.cases + 1, right: tally.right + (right ? 1 : 0) });
    if (is !== null && found.has(`${organization.id}|${is}`)) truePositives++;
    else if (is !== null) misses.push(`${kind}: "${organization.name}" is not found as ${is}`);
    for (const m of mine) {
      if (m.listEntry.listEntryId !== is) {
        falsePositives.push(`${kind}: "${organization.name}" matched "${m.entry}" at ${m.score.toFixed(3)}`);
      }
    }
  }
  const gold = organizations.filter((o) => o.is !== null).length;
  return {
    precision: matches.length === 0 ? 1 : truePositives / matches.length,
    recall: gold === 0 ? 1 : truePositives / gold,
    truePositives,
    falsePositives,
    misses,
    byKind,
  };
}

const INDUSTRY = [
  'Electronics',
  'Precision',
  'Textile',
  'Solar',
  'Battery',
  'Garment',
  'Metal',
  'Plastics',
  'Optical',
];
const FORMS = ['Co., Ltd.', 'Company Limited', 'Inc.', 'GmbH', 'Corp.', 'LLC', 'Sdn. Bhd.', 'JSC', ''];
const PLACES = [
  'Shenzhen',
  'Dongguan',
  'Suzhou',
  'Hefei',
  'Penang',
  'Hanoi',
  'Ningbo',
  'Xiamen',
  'Chennai',
  'Bursa',
];

/** A synthetic company name: [place] word [word] industry [legal form], from the generator's syllables. */
function syntheticName(rng: Random): string {
  const parts = [
    rng.chance(0.4) ? rng.pick(PLACES) : '',
    fakeWord(rng),
    rng.chance(0.3) ? fakeWord(rng) : '',
    rng.pick(INDUSTRY),
    rng.pick(FORMS),
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** Seconds to screen `orgCount` synthetic organizations against `entryCount` synthetic entries. */
export function measureSpeed(orgCount: number, entryCount: number): { seconds: number; matches: number } {
  const rng = new Random(14, 2026);
  const entries: WatchListEntry[] = Array.from({ length: entryCount }, (_, i) =>
    entryOf(
      { listEntryId: `E-${i}`, name: syntheticName(rng), countries: [rng.pick(['CN', 'VN', 'MY', 'IN'])] },
      i + 1,
    ),
  );
  const organizations: ScreenedOrganization[] = Array.from({ length: orgCount }, (_, i) => {
    // One in a hundred is a listed company (in its country, under another legal form), the rest
    // made-up names from the same syllables, so that many share words with entries.
    const listed = i % 100 === 0 ? entries[i % entryCount] : undefined;
    return {
      id: `o-${i}`,
      name: listed ? `${listed.name} Limited` : syntheticName(rng),
      aliases: i % 10 === 0 ? [syntheticName(rng)] : [],
      country: listed?.countries[0] ?? rng.pick(['CN', 'VN', 'MY', 'IN', 'TW']),
    };
  });
  const started = performance.now();
  const matches = screenNames(organizations, entries, DEFAULT_THRESHOLD);
  return { seconds: (performance.now() - started) / 1000, matches: matches.length };
}

/** Prints the RESULT lines; returns whether both aims were met. */
export function runScreeningBench(
  print: (line: string) => void,
  log: (line: string) => void,
  sizes = { organizations: 100_000, entries: 30_000 },
): boolean {
  const quality = measureQuality();
  for (const [kind, { cases, right }] of quality.byKind) log(`screening ${kind}: ${right}/${cases} right`);
  for (const miss of quality.misses) log(`screening miss: ${miss}`);
  for (const wrong of quality.falsePositives) log(`screening false match: ${wrong}`);
  const qualityMet = quality.precision >= QUALITY_AIM && quality.recall >= QUALITY_AIM;
  print(
    `RESULT screening precision=${quality.precision.toFixed(3)} recall=${quality.recall.toFixed(3)} ` +
      `true_matches=${quality.truePositives} false_matches=${quality.falsePositives.length} ` +
      `misses=${quality.misses.length} threshold=${DEFAULT_THRESHOLD} aim=${QUALITY_AIM} ${qualityMet ? 'met' : 'missed'}`,
  );
  const speed = measureSpeed(sizes.organizations, sizes.entries);
  const speedMet = speed.seconds < TIME_AIM_SECONDS;
  print(
    `RESULT screening_time organizations=${sizes.organizations} entries=${sizes.entries} ` +
      `seconds=${speed.seconds.toFixed(1)} matches=${speed.matches} aim=<${TIME_AIM_SECONDS}s ${speedMet ? 'met' : 'missed'}`,
  );
  return qualityMet && speedMet;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const orgs = Number(process.env['BENCH_SCREENING_ORGS'] ?? 100_000);
  const entries = Number(process.env['BENCH_SCREENING_ENTRIES'] ?? 30_000);
  runScreeningBench(
    (line) => console.log(line),
    (line) => console.error(`[bench] ${line}`),
    { organizations: orgs, entries },
  );
}
