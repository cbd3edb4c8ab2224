// An index of watch-list names by the keys of their words, so that screening compares only the pairs
// that can reach the threshold instead of every organization with every entry.
import { normalizeNameVariants, tokenWeight, type NormalizedName } from '../../domain/normalize-name.ts';
import { MAX_JOINED_PARTS, MIN_SPELLING_LENGTH, MISSING_WORD_FACTOR, SPELLING_CAP } from './score.ts';

/** One name or alias of an owner (an organization or a list entry), normalized. */
export interface Candidate<T> {
  owner: T;
  /** The name or alias as written. */
  written: string;
  normalized: NormalizedName;
}

/** Every distinct normalized name of an owner: each written name and the former names inside it. */
export function candidates<T>(owner: T, names: readonly string[]): Candidate<T>[] {
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
export class NameIndex<T> {
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
