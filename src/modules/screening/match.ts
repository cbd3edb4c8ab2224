// Watch-list screening as pure functions: reading a list (CSV), scoring two names, and matching every
// organization against every entry. docs/screening.md explains the scoring and its precision rules.
import { parseInstant } from '../../domain/instants.ts';
import {
  legalFormFamily,
  normalizeNameVariants,
  tokenWeight,
  type NormalizedName,
} from './normalize-name.ts';

export const DEFAULT_THRESHOLD = 0.9;

export interface WatchListEntry {
  /** The entry's name as the list writes it. */
  name: string;
  aliases: string[];
  /** ISO 8601 date (or zoned date-time) the entry took effect, or null when the list gives none. */
  effectiveDate: string | null;
  /** The list and its publisher, stored as the indicator's source. */
  source: string;
  /** An http(s) link to the entry or the list (optional `url` column), or null. */
  url: string | null;
  /** Line of the CSV file where the entry starts. */
  line: number;
}

export interface ScreenedOrganization {
  id: string;
  name: string;
  aliases?: readonly string[];
}

export interface ScreeningMatch {
  organizationId: string;
  organizationName: string;
  /** The entry's `name`. */
  entry: string;
  /** 0..1, three decimals. */
  score: number;
  /** The organization's name or alias that matched best. */
  matchedName: string;
  /** The entry's name or alias that matched best. */
  matchedEntryName: string;
  listEntry: WatchListEntry;
}

// ---------------------------------------------------------------------------------------------------
// Scoring two names

/** How two words were paired: the same word, an abbreviation, joined/split, or a near-identical spelling. */
type PairKind = 'exact' | 'variant' | 'joined' | 'spelling';

/** A single unmatched distinctive word multiplies the score by this (one missing word: below 0.9). */
export const MISSING_WORD_FACTOR = 0.9;
/** An unmatched generic industry word ("Technology", "Trading"). */
export const MISSING_DESCRIPTOR_FACTOR = 0.95;
/** Words equal only after abbreviation expansion (Tech / Technology). */
export const ABBREVIATION_FACTOR = 0.97;
/** Words equal only once joined ("O Film" / "OFILM"). */
export const JOINED_FACTOR = 0.98;
/** Both names carry a legal form and the forms differ (Inc. / Ltd.). */
export const LEGAL_FORM_FACTOR = 0.95;
/** Credit for a word spelled one edit away (Mingshuo / Mingshou). */
export const SPELLING_CREDIT = 0.9;
/** A pair that needs a spelling variant is a candidate for review, never an automatic match at 0.9. */
export const SPELLING_CAP = 0.89;
const MIN_SPELLING_LENGTH = 5;
const MAX_JOINED_PARTS = 4;

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}

interface Side {
  name: NormalizedName;
  /** Pairing kind for each core word, or null while unmatched. */
  paired: (PairKind | null)[];
}

/** Pairs the first unmatched word of `one` with a run of 2..4 adjacent unmatched words of `other`. */
function pairJoined(one: Side, other: Side): boolean {
  const { core, surface } = other.name;
  for (let i = 0; i < one.name.core.length; i++) {
    if (one.paired[i] !== null) continue;
    const word = one.name.surface[i];
    const canonical = one.name.core[i];
    for (let length = 2; length <= MAX_JOINED_PARTS; length++) {
      for (let start = 0; start + length <= core.length; start++) {
        const run = other.paired.slice(start, start + length);
        if (run.some((p) => p !== null)) continue;
        const joinedSurface = surface.slice(start, start + length).join('');
        const joinedCore = core.slice(start, start + length).join('');
        if (joinedSurface === word || joinedCore === canonical) {
          one.paired[i] = 'joined';
          for (let k = start; k < start + length; k++) other.paired[k] = 'joined';
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * How alike two names are, 0..1. Every word of one name is paired with a word of the other (same word,
 * abbreviation, joined/split, or a near-identical spelling); the score is the share of word weight that
 * pairs up (distinctive words weigh 1, generic industry words 0.5), reduced for every word left over and
 * for each kind of variant needed. Identical distinctive words give 1.0.
 */
export function compareNames(a: NormalizedName, b: NormalizedName): number {
  if (a.core.length === 0 || b.core.length === 0) return 0;
  const left: Side = { name: a, paired: a.core.map(() => null) };
  const right: Side = { name: b, paired: b.core.map(() => null) };

  // Same word (after abbreviation expansion), as a multiset.
  for (let i = 0; i < a.core.length; i++) {
    for (let j = 0; j < b.core.length; j++) {
      if (right.paired[j] === null && a.core[i] === b.core[j]) {
        const kind = a.surface[i] === b.surface[j] ? 'exact' : 'variant';
        left.paired[i] = kind;
        right.paired[j] = kind;
        break;
      }
    }
  }
  // Joined on one side, split on the other: OFILM / O Film.
  for (let found = true; found;) found = pairJoined(left, right) || pairJoined(right, left);
  // Near-identical spellings of distinctive words only: generic words have fixed spellings, and
  // "Electric" one edit from "Electronic" would be a false friend.
  let spelling = false;
  for (let i = 0; i < a.core.length; i++) {
    const word = a.core[i] ?? '';
    if (left.paired[i] !== null || tokenWeight(word) < 1 || word.length < MIN_SPELLING_LENGTH) continue;
    for (let j = 0; j < b.core.length; j++) {
      const other = b.core[j] ?? '';
      if (right.paired[j] !== null || tokenWeight(other) < 1 || other.length < MIN_SPELLING_LENGTH) continue;
      if (editDistance(word, other, 1) <= 1) {
        left.paired[i] = 'spelling';
        right.paired[j] = 'spelling';
        spelling = true;
        break;
      }
    }
  }

  let total = 0;
  let matched = 0;
  let factor = 1;
  const kinds = new Set<PairKind>();
  for (const side of [left, right]) {
    side.name.core.forEach((word, i) => {
      const weight = tokenWeight(word);
      const kind = side.paired[i] ?? null;
      total += weight;
      if (kind === null) factor *= weight < 1 ? MISSING_DESCRIPTOR_FACTOR : MISSING_WORD_FACTOR;
      else {
        kinds.add(kind);
        matched += kind === 'spelling' ? weight * SPELLING_CREDIT : weight;
      }
    });
  }
  if (kinds.has('variant')) factor *= ABBREVIATION_FACTOR;
  if (kinds.has('joined')) factor *= JOINED_FACTOR;
  if (a.legalForm && b.legalForm && legalFormFamily(a.legalForm) !== legalFormFamily(b.legalForm)) {
    factor *= LEGAL_FORM_FACTOR;
  }
  let score = (matched / total) * factor;
  if (spelling) score = Math.min(score, SPELLING_CAP);
  // Rounded down, so that a score just under the threshold never rounds up to it.
  return Math.floor(score * 1000 + 1e-6) / 1000;
}

/** Best score over every name written in `a` and `b` (former names and "a.k.a." names included). */
export function nameSimilarity(a: string, b: string): number {
  let best = 0;
  for (const x of normalizeNameVariants(a)) {
    for (const y of normalizeNameVariants(b)) best = Math.max(best, compareNames(x, y));
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------
// Screening many names against many entries

interface Candidate<T> {
  owner: T;
  /** The name or alias as written. */
  written: string;
  normalized: NormalizedName;
}

function candidates<T>(owner: T, names: readonly string[]): Candidate<T>[] {
  const seen = new Set<string>();
  const out: Candidate<T>[] = [];
  for (const written of names) {
    if (written.trim() === '') continue;
    for (const normalized of normalizeNameVariants(written)) {
      const key = `${normalized.core.join(' ')}|${normalized.surface.join(' ')}|${normalized.legalForm ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ owner, written, normalized });
    }
  }
  return out;
}

/** Keys of one word: itself, the joins of adjacent words it is part of, and (optionally) its one-letter deletions. */
function wordKeys(name: NormalizedName, i: number, spellings: boolean): string[] {
  const word = name.core[i] ?? '';
  const keys = [word, name.surface[i] ?? word];
  if (spellings && word.length >= MIN_SPELLING_LENGTH && tokenWeight(word) === 1) {
    keys.push(`~${word}`);
    for (let k = 0; k < word.length; k++) keys.push(`~${word.slice(0, k)}${word.slice(k + 1)}`);
  }
  for (let length = 2; length <= MAX_JOINED_PARTS; length++) {
    for (let start = Math.max(0, i - length + 1); start <= i && start + length <= name.core.length; start++) {
      keys.push(
        name.surface.slice(start, start + length).join(''),
        name.core.slice(start, start + length).join(''),
      );
    }
  }
  return keys;
}

/**
 * How many distinctive words of a name may stay unpaired in a pair that still reaches `threshold`: each
 * one multiplies the score by MISSING_WORD_FACTOR, and the score is then strictly below that power.
 */
function maxUnpairedWords(threshold: number): number {
  let k = 0;
  while (k < 64 && MISSING_WORD_FACTOR ** (k + 1) > threshold) k++;
  return k;
}

/** The keys of each distinctive word of a name. */
function distinctiveWordKeys(name: NormalizedName, spellings: boolean): string[][] {
  return name.core.flatMap((word, i) =>
    tokenWeight(word) === 1 ? [[...new Set(wordKeys(name, i, spellings))]] : [],
  );
}

/** Every key of every word of a name. */
function allWordKeys(name: NormalizedName, spellings: boolean): Set<string> {
  const keys = new Set<string>();
  name.core.forEach((_, i) => {
    for (const key of wordKeys(name, i, spellings)) keys.add(key);
  });
  return keys;
}

interface IndexedName<T> extends Candidate<T> {
  /** Keys of each distinctive word. */
  words: string[][];
  /** Every key of every word. */
  allKeys: Set<string>;
}

/**
 * An index of list names by word keys (blocking). Two names with a word paired by compareNames share a
 * key of that word, and every distinctive word left unpaired (on either side) multiplies the score by
 * MISSING_WORD_FACTOR, so a pair can reach the threshold only if at most k distinctive words of the two
 * names together share no key with the other name (k from maxUnpairedWords: 0 at the default
 * threshold). Candidates come from the postings of the organization name's k+1 rarest distinctive
 * words and are then checked word by word, which is cheap; only candidates that pass are scored. This
 * is lossless for names with a distinctive word; names made only of generic words are looked up by all
 * their words.
 */
class NameIndex<T> {
  private readonly postings = new Map<string, number[]>();
  private readonly spellings: boolean;
  private readonly unpaired: number;
  readonly names: IndexedName<T>[];

  constructor(names: readonly Candidate<T>[], threshold: number) {
    // A pair that needs a spelling variant scores at most SPELLING_CAP.
    this.spellings = threshold <= SPELLING_CAP;
    this.unpaired = maxUnpairedWords(threshold);
    this.names = names.map((candidate, position) => {
      const allKeys = allWordKeys(candidate.normalized, this.spellings);
      for (const key of allKeys) {
        const list = this.postings.get(key);
        if (list) list.push(position);
        else this.postings.set(key, [position]);
      }
      return { ...candidate, words: distinctiveWordKeys(candidate.normalized, this.spellings), allKeys };
    });
  }

  /** Positions of the list names that may score at least the threshold against `name`. */
  candidates(name: NormalizedName): number[] {
    const words = distinctiveWordKeys(name, this.spellings);
    const allKeys = allWordKeys(name, this.spellings);
    const cost = (keys: Iterable<string>) => {
      let sum = 0;
      for (const key of keys) sum += this.postings.get(key)?.length ?? 0;
      return sum;
    };
    // A name made only of generic words is looked up by all of them.
    const lookups =
      words.length > 0
        ? words
            .map((keys) => ({ keys, cost: cost(keys) }))
            .sort((a, b) => a.cost - b.cost)
            .slice(0, this.unpaired + 1)
        : [{ keys: [...allKeys], cost: 0 }];
    const found = new Set<number>();
    for (const { keys } of lookups) {
      for (const key of keys) for (const position of this.postings.get(key) ?? []) found.add(position);
    }
    const limit = this.unpaired;
    const unpairedWithin = (mine: string[][], theirs: Set<string>, budget: number) => {
      let unpaired = 0;
      for (const keys of mine) {
        if (!keys.some((key) => theirs.has(key)) && ++unpaired > budget) return unpaired;
      }
      return unpaired;
    };
    return [...found].filter((position) => {
      const theirs = this.names[position];
      if (!theirs) return false;
      const unpaired = unpairedWithin(words, theirs.allKeys, limit);
      return unpaired <= limit && unpairedWithin(theirs.words, allKeys, limit - unpaired) <= limit - unpaired;
    });
  }
}

const byScoreThenName = (x: ScreeningMatch, y: ScreeningMatch) =>
  y.score - x.score ||
  x.organizationName.localeCompare(y.organizationName, 'en') ||
  x.organizationId.localeCompare(y.organizationId, 'en') ||
  x.entry.localeCompare(y.entry, 'en') ||
  x.listEntry.line - y.listEntry.line;

/**
 * Every (organization, entry) pair whose best name pair scores at least `threshold` (and above 0),
 * sorted by score (highest first), then organization name. One result per pair.
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
  const results: ScreeningMatch[] = [];
  for (const org of orgs) {
    const best = new Map<WatchListEntry, ScreeningMatch>();
    for (const mine of candidates(org, [org.name, ...(org.aliases ?? [])])) {
      for (const position of index.candidates(mine.normalized)) {
        const theirs = index.names[position];
        if (!theirs) continue;
        const score = compareNames(mine.normalized, theirs.normalized);
        if (score <= 0 || score < threshold) continue;
        const previous = best.get(theirs.owner);
        if (previous && previous.score >= score) continue;
        best.set(theirs.owner, {
          organizationId: org.id,
          organizationName: org.name,
          entry: theirs.owner.name,
          score,
          matchedName: mine.written,
          matchedEntryName: theirs.written,
          listEntry: theirs.owner,
        });
      }
    }
    results.push(...best.values());
  }
  return results.sort(byScoreThenName);
}

// ---------------------------------------------------------------------------------------------------
// Reading a list

export const WATCH_LIST_COLUMNS = ['name', 'aliases', 'effective_date', 'source'] as const;

interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * RFC 4180 records: comma-separated fields, quoted fields may hold commas, line breaks and doubled
 * quotes; records end with CRLF or LF. A leading byte-order mark is ignored; blank lines are skipped.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: string[] } {
  const records: CsvRecord[] = [];
  const problems: string[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let broken = false;
    for (;;) {
      const c = input[i];
      if (quoted) {
        if (c === undefined) {
          problems.push(`line ${startLine}: a quoted field is not closed before the end of the file`);
          broken = true;
          break;
        }
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
            const next = input[i];
            if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
              problems.push(`line ${line}: unexpected text after a closing quote`);
              broken = true;
            }
          }
          continue;
        }
        if (c === '\n') line++;
        field += c;
        i++;
        continue;
      }
      if (c === '"' && field === '') {
        quoted = true;
        i++;
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        i++;
        continue;
      }
      if (c === undefined || c === '\n' || (c === '\r' && input[i + 1] === '\n')) {
        fields.push(field);
        if (c !== undefined) {
          i += c === '\r' ? 2 : 1;
          line++;
        }
        break;
      }
      field += c;
      i++;
    }
    if (broken) {
      // Skip to the end of the physical line and go on with the next record.
      while (i < input.length && input[i] !== '\n') i++;
      if (i < input.length) {
        i++;
        line++;
      }
      continue;
    }
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') continue;
    records.push({ fields, line: startLine });
  }
  return { records, problems };
}

/**
 * Reads a watch list in CSV with the columns name, aliases, effective_date, source (any order, any case;
 * an optional `url` column and other columns are allowed). `aliases` are separated by `;`. Every bad row
 * is reported with its line number. `sourceLabel`, when given, replaces the source of every entry.
 */
export function parseWatchList(
  csvText: string,
  sourceLabel?: string,
): { entries: WatchListEntry[]; problems: string[] } {
  const { records, problems } = parseCsv(csvText);
  const entries: WatchListEntry[] = [];
  const [header, ...rows] = records;
  if (!header) {
    problems.push(`the list is empty: it needs the header ${WATCH_LIST_COLUMNS.join(',')}`);
    return { entries, problems };
  }
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const position = new Map<string, number>();
  columns.forEach((column, i) => {
    if (position.has(column) && column !== '')
      problems.push(`line ${header.line}: column '${column}' appears twice`);
    else position.set(column, i);
  });
  const missing = WATCH_LIST_COLUMNS.filter((c) => !position.has(c));
  if (missing.length > 0) {
    problems.push(
      `line ${header.line}: the header must name the columns ${WATCH_LIST_COLUMNS.join(',')} ` +
        `(any order); missing ${missing.join(', ')}`,
    );
    return { entries, problems };
  }
  const label = sourceLabel?.trim() || undefined;
  const cell = (fields: string[], column: string) => {
    const i = position.get(column);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };

  for (const { fields, line } of rows) {
    const rowProblems: string[] = [];
    if (fields.length !== columns.length) {
      rowProblems.push(`has ${fields.length} field(s), the header has ${columns.length}`);
    }
    const name = cell(fields, 'name');
    if (name === '' || !/[\p{L}\p{N}]/u.test(name)) rowProblems.push('name is empty');
    const date = cell(fields, 'effective_date');
    if (date !== '' && parseInstant(date) === null) {
      rowProblems.push(`effective_date must be an ISO 8601 date (2020-07-22), got '${date}'`);
    }
    const source = label ?? cell(fields, 'source');
    if (source === '') rowProblems.push('source is empty (give it in the file or with --source)');
    const url = cell(fields, 'url');
    if (url !== '' && !/^https?:\/\/\S+$/.test(url))
      rowProblems.push(`url must be an http(s) URL, got '${url}'`);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems.map((p) => `line ${line}: ${p}`));
      continue;
    }
    const aliases = [
      ...new Set(
        cell(fields, 'aliases')
          .split(';')
          .map((a) => a.trim())
          .filter((a) => a !== '' && a !== name),
      ),
    ];
    entries.push({ name, aliases, effectiveDate: date === '' ? null : date, source, url: url || null, line });
  }
  return { entries, problems };
}
