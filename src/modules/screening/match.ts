// Screening many organizations against many list entries: every (organization, entry) pair whose best
// pair of names, weighed with the country and identifiers both give, reaches the threshold; each with
// the explanation of its score.
import { candidates, NameIndex } from './name-index.ts';
import { explainNames, DEFAULT_THRESHOLD } from './score.ts';
import { normalizeNameVariants, type NormalizedName } from '../../domain/normalize-name.ts';
import type { WatchListEntry } from './watch-list-entry.ts';
import { byWords } from '../../domain/text-order.ts';

export interface ScreenedOrganization {
  id: string;
  name: string;
  aliases?: readonly string[];
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  /** Open Supply Hub id. */
  osId?: string | null;
}

export interface ScreeningMatch {
  organizationId: string;
  organizationName: string;
  /** The entry's `name`. */
  entry: string;
  /** 0..1, three decimals: the name score weighed with country and identifiers. */
  score: number;
  /** The score of the best pair of names alone. */
  nameScore: number;
  /** The organization's name or alias that matched best. */
  matchedName: string;
  /** The entry's name or alias that matched best. */
  matchedEntryName: string;
  /** Why the score is what it is: the names compared, each rule that applied, the result. */
  explanation: string[];
  listEntry: WatchListEntry;
}

/** An organization outside every country the list gives for the entry: a namesake more likely. */
const COUNTRY_MISMATCH_FACTOR = 0.85;
/** The entry's Open Supply Hub id is not the organization's: another site more likely. */
const IDENTIFIER_MISMATCH_FACTOR = 0.8;

const byScoreThenName = (x: ScreeningMatch, y: ScreeningMatch) =>
  y.score - x.score ||
  byWords(x.organizationName, y.organizationName) ||
  byWords(x.organizationId, y.organizationId) ||
  byWords(x.entry, y.entry) ||
  x.listEntry.line - y.listEntry.line ||
  byWords(x.listEntry.source, y.listEntry.source);

/**
 * Identifiers compared without case, spaces, dots, dashes or slashes (registers write them all ways),
 * in full-width forms too (NFKC: Chinese and Japanese registers write "ＣＮ２０１９"), and without what
 * shows as nothing (a soft hyphen or zero-width space left by the page it was copied from).
 */
const identifierKey = (value: string) =>
  value
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\-/\p{Pd}]/gu, '');

const floor3 = (score: number) => Math.floor(score * 1000 + 1e-6) / 1000;

/** The country and identifier rules: what they do to a name score, and why. */
function weigh(org: ScreenedOrganization, entry: WatchListEntry, nameScore: number) {
  const rules: string[] = [];
  const osId = org.osId ? identifierKey(org.osId) : null;
  const same = osId !== null && entry.identifiers.find((id) => identifierKey(id.value) === osId);
  if (same) {
    rules.push(
      `identifier: the list's ${same.scheme} ${same.value} is the organization's os_id (raised to 1)`,
    );
    return { score: 1, rules };
  }
  let score = nameScore;
  const listedOsIds = entry.identifiers.filter((id) => id.scheme === 'os_id');
  if (osId !== null && listedOsIds.length > 0) {
    score *= IDENTIFIER_MISMATCH_FACTOR;
    rules.push(
      `identifier: the organization's os_id ${org.osId ?? ''} is not the list's ` +
        `${listedOsIds.map((id) => id.value).join(', ')} (×${IDENTIFIER_MISMATCH_FACTOR})`,
    );
  }
  if (org.country && entry.countries.length > 0) {
    if (entry.countries.includes(org.country)) {
      rules.push(`country: ${org.country} is the list's (no change: a country alone identifies no one)`);
    } else {
      score *= COUNTRY_MISMATCH_FACTOR;
      rules.push(
        `country: ${org.country} is not the list's ${entry.countries.join(', ')} (×${COUNTRY_MISMATCH_FACTOR})`,
      );
    }
  }
  return { score: floor3(score), rules };
}

interface NamePair {
  written: string;
  normalized: NormalizedName;
}

/** The entry's names and aliases, normalized. */
const namesOf = (entry: WatchListEntry): NamePair[] =>
  [entry.name, ...entry.aliases].flatMap((written) =>
    normalizeNameVariants(written).map((normalized) => ({ written, normalized })),
  );

/**
 * Every (organization, entry) pair scoring at least `threshold` (and above 0), sorted by score (highest
 * first), then organization name. One result per pair. Pairs are found by name (through the index) and
 * by identifier (an entry that gives the organization's os_id, whatever its name).
 */
export function screenNames(
  orgs: readonly ScreenedOrganization[],
  entries: readonly WatchListEntry[],
  threshold = DEFAULT_THRESHOLD,
): ScreeningMatch[] {
  const index = new NameIndex(
    entries.flatMap((entry) => candidates(entry, [entry.name, ...entry.aliases])),
    threshold,
  );
  const byIdentifier = new Map<string, WatchListEntry[]>();
  for (const entry of entries) {
    for (const id of entry.identifiers) {
      const key = identifierKey(id.value);
      byIdentifier.set(key, [...(byIdentifier.get(key) ?? []), entry]);
    }
  }
  const results: ScreeningMatch[] = [];
  for (const org of orgs) {
    const mine = candidates(org, [org.name, ...(org.aliases ?? [])]);
    const best = new Map<
      WatchListEntry,
      { nameScore: number; rules: string[]; mine: NamePair; theirs: NamePair }
    >();
    const consider = (entry: WatchListEntry, own: NamePair, theirs: NamePair) => {
      const { score, rules } = explainNames(own.normalized, theirs.normalized);
      const previous = best.get(entry);
      if (!previous || previous.nameScore < score)
        best.set(entry, { nameScore: score, rules, mine: own, theirs });
    };
    for (const own of mine) {
      for (const position of index.candidates(own.normalized)) {
        const theirs = index.names[position];
        if (theirs) consider(theirs.owner, own, theirs);
      }
    }
    for (const entry of org.osId ? (byIdentifier.get(identifierKey(org.osId)) ?? []) : []) {
      for (const own of mine) for (const theirs of namesOf(entry)) consider(entry, own, theirs);
    }
    for (const [entry, pair] of best) {
      const { score, rules } = weigh(org, entry, pair.nameScore);
      if (score <= 0 || score < threshold) continue;
      results.push({
        organizationId: org.id,
        organizationName: org.name,
        entry: entry.name,
        score,
        nameScore: pair.nameScore,
        matchedName: pair.mine.written,
        matchedEntryName: pair.theirs.written,
        explanation: [
          `names: "${pair.mine.written}" ~ "${pair.theirs.written}"` +
            (pair.theirs.written === entry.name ? '' : ` (a name of the entry "${entry.name}")`),
          `name score ${pair.nameScore.toFixed(3)}: ${pair.rules.join(', ')}`,
          ...rules,
          `score ${score.toFixed(3)}`,
        ],
        listEntry: entry,
      });
    }
  }
  return results.sort(byScoreThenName);
}
