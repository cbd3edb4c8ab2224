// How alike two organization names are, 0..1: the score and its factors. docs/screening.md explains the
// scoring and why each factor keeps the default threshold from accepting a parent or a namesake.
import {
  legalFormFamily,
  normalizeNameVariants,
  tokenWeight,
  type NormalizedName,
} from '../../domain/normalize-name.ts';

/** The lowest score accepted as a match unless the caller says otherwise. */
export const DEFAULT_THRESHOLD = 0.9;

/** How two words were paired: the same word, an abbreviation, joined/split, or a near-identical spelling. */
type PairKind = 'exact' | 'variant' | 'joined' | 'spelling';

/** A single unmatched distinctive word multiplies the score by this (one missing word: below 0.9). */
export const MISSING_WORD_FACTOR = 0.9;
/** An unmatched generic industry word ("Technology", "Trading"). */
const MISSING_DESCRIPTOR_FACTOR = 0.95;
/** Words equal only after abbreviation expansion (Tech / Technology). */
const ABBREVIATION_FACTOR = 0.97;
/** Words equal only once joined ("O Film" / "OFILM"). */
const JOINED_FACTOR = 0.98;
/** Both names carry a legal form and the forms differ (Inc. / Ltd.). */
const LEGAL_FORM_FACTOR = 0.95;
/** Credit for a word spelled one edit away (Mingshuo / Mingshou). */
const SPELLING_CREDIT = 0.9;
/** A pair that needs a spelling variant is a candidate for review, never an automatic match at 0.9. */
export const SPELLING_CAP = 0.89;
/** A spelling variant is tried only for distinctive words at least this long. */
export const MIN_SPELLING_LENGTH = 5;
/** The most adjacent words of one name that may be joined to pair one word of the other. */
export const MAX_JOINED_PARTS = 4;

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

/** How two names paired up: what the score is made of, and the rules that made it. */
interface NameComparison {
  /** 0..1, three decimals, rounded down. */
  score: number;
  /** Each rule that applied, in words: "unpaired word 'nanchang' (×0.9)", "abbreviation (×0.97)", … */
  rules: string[];
}

/**
 * How alike two names are, with the rules applied. Every word of one name is paired with a word of the
 * other (same word, abbreviation, joined/split, or a near-identical spelling); the score is the share
 * of word weight that pairs up (distinctive words weigh 1, generic industry words 0.5), reduced for
 * every word left over and for each kind of variant needed. Identical distinctive words give 1.0.
 */
export function explainNames(a: NormalizedName, b: NormalizedName): NameComparison {
  if (a.core.length === 0 || b.core.length === 0) return { score: 0, rules: ['a name without words'] };
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

  const rules: string[] = [];
  let total = 0;
  let matched = 0;
  let factor = 1;
  const kinds = new Set<PairKind>();
  for (const side of [left, right]) {
    side.name.core.forEach((word, i) => {
      const weight = tokenWeight(word);
      const kind = side.paired[i] ?? null;
      total += weight;
      if (kind === null) {
        const missing = weight < 1 ? MISSING_DESCRIPTOR_FACTOR : MISSING_WORD_FACTOR;
        factor *= missing;
        rules.push(`unpaired ${weight < 1 ? 'generic ' : ''}word '${word}' (×${missing})`);
      } else {
        kinds.add(kind);
        matched += kind === 'spelling' ? weight * SPELLING_CREDIT : weight;
      }
    });
  }
  if (kinds.has('variant')) {
    factor *= ABBREVIATION_FACTOR;
    rules.push(`abbreviation (×${ABBREVIATION_FACTOR})`);
  }
  if (kinds.has('joined')) {
    factor *= JOINED_FACTOR;
    rules.push(`words joined or split (×${JOINED_FACTOR})`);
  }
  if (a.legalForm && b.legalForm && legalFormFamily(a.legalForm) !== legalFormFamily(b.legalForm)) {
    factor *= LEGAL_FORM_FACTOR;
    rules.push(`legal forms differ: ${a.legalForm} / ${b.legalForm} (×${LEGAL_FORM_FACTOR})`);
  }
  let score = (matched / total) * factor;
  if (spelling) {
    score = Math.min(score, SPELLING_CAP);
    rules.push(`spelling variant (capped at ${SPELLING_CAP})`);
  }
  if (rules.length === 0) rules.push('same words');
  // Rounded down, so that a score just under the threshold never rounds up to it.
  return { score: Math.floor(score * 1000 + 1e-6) / 1000, rules };
}

/** How alike two names are, 0..1 (explainNames without the explanation). */
export const compareNames = (a: NormalizedName, b: NormalizedName): number => explainNames(a, b).score;

/** Best score over every name written in `a` and `b` (former names and "a.k.a." names included). */
export function nameSimilarity(a: string, b: string): number {
  let best = 0;
  for (const x of normalizeNameVariants(a)) {
    for (const y of normalizeNameVariants(b)) best = Math.max(best, compareNames(x, y));
  }
  return best;
}
