// Organization names as watch lists and supplier registers write them, reduced to what tells one company
// from another. Pure functions, no I/O; docs/screening.md explains the rules.
//
//   "Nanchang O-Film Tech Co., Ltd. and its subsidiaries"
//     fold:        nanchang o-film tech co., ltd. and its subsidiaries
//     qualifiers:  "and its subsidiaries" dropped
//     legal form:  "co ltd" -> legalForm 'ltd' (not a distinguishing word)
//     hyphens:     o-film -> ofilm (the matcher also tries "o film" against "ofilm")
//     core:        nanchang ofilm technology   (tech -> technology: a known abbreviation)
//
// Former names and "a.k.a." names written inside a name are split off as separate names, and
// parenthetical notes such as "(Pegatron subsidiary)" are not part of the name at all. Geographic words
// stay distinctive: "Nanchang O-Film Tech" is the Nanchang entity, not its parent "O-Film Technology".

export interface NormalizedName {
  /** The text this was made from (one name: former names already split off). */
  readonly text: string;
  /** Distinctive words in order, with known abbreviations expanded (tech -> technology). */
  readonly core: readonly string[];
  /** The same words as written (after folding), for telling an exact match from an abbreviation. */
  readonly surface: readonly string[];
  /** The canonical legal form of the outermost one found ('ltd', 'inc', 'gmbh', ...), or null. */
  readonly legalForm: string | null;
}

interface NameVariants {
  /** The name itself, without former names, aliases or notes written inside it. */
  readonly name: string;
  /** Former and alternative names written inside it: "(formerly X)", "(X until 2019)", "a.k.a. X". */
  readonly otherNames: readonly string[];
}

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/**
 * Unicode NFKC, lower case, accents and ligatures folded to plain Latin letters where one exists, and
 * the characters that show as nothing (zero-width spaces and joiners, soft hyphens, bidirectional
 * controls, variation selectors, tags: Unicode's default-ignorable code points) dropped, as UTS #39's
 * confusable skeleton drops them: a list's "Hoshine" must match a name stored with a zero-width space
 * inside (an import keeps names as they are, and lists arrive from elsewhere).
 */
export const foldText = (text: string): string =>
  foldLetters(
    text
      // Persian writes the non-joiner between the parts of a word where it also writes a space
      // (فناوری‌های, فناوری های): after an Arabic letter it parts words, as a space does.
      .replace(/(?<=\p{Script=Arabic}\p{M}*)\u200c/gu, ' ')
      .replace(/\p{Default_Ignorable_Code_Point}/gu, ''),
  );

/**
 * foldText keeping the characters that show as nothing, as it did before it dropped them: what an id is
 * made of (screening's list entry slugs, src/modules/screening/slug.ts) stays what older versions made,
 * since an indicator and its candidate are found again, and a rejection kept, by that id.
 */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßłđðþıħ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFC');
}

// ---------------------------------------------------------------------------------------------------
// Names inside a name

const ALIAS_MARKERS =
  'formerly known as|formerly|previously known as|previously|former names?|also known as|' +
  'doing business as|trading as|a\\.?k\\.?a\\.?|a/k/a|f\\.?k\\.?a\\.?|f/k/a|d\\.?b\\.?a\\.?|d/b/a|t/a';
/** "(formerly X)", "(f/k/a X)", "(a.k.a. X)" and the like: the text after the marker is another name. */
const MARKED_NAME = new RegExp(`^(?:${ALIAS_MARKERS})(?:\\s*:\\s*|\\s+)(.+)$`, 'u');
/** "(Stockholms läns landsting until 2019)": a former name with the year it stopped. */
const DATED_FORMER_NAME = /^(.+?),?\s+(?:until|before|prior to|to|till)\s+(?:\d{1,2}\s+\p{L}+\s+)?\d{4}$/u;
/** Notes about the organization rather than part of its name: "(Pegatron subsidiary)". */
const RELATION_NOTE =
  /\b(?:subsidiary|subsidiaries|affiliate|affiliated|division|owned by|part of|member of|branch of|unit of|a unit|joint venture)\b/u;
/** Markers outside parentheses: "Foo Ltd, formerly Bar Ltd" or "Foo Ltd a.k.a. Bar". */
const INLINE_MARKER = new RegExp(`(?:\\s*[,;]\\s*|\\s+)(?:${ALIAS_MARKERS})(?:\\s*:\\s*|\\s+)`, 'u');

/** Splits former names, "a.k.a." names and notes off a name written as lists and registers write them. */
export function splitNameVariants(raw: string): NameVariants {
  const otherNames: string[] = [];
  // Innermost brackets first, so "(formerly X (Shenzhen))" still comes apart sensibly.
  let name = foldText(raw);
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = name.replace(/[([{]([^()[\]{}]*)[)\]}]/gu, (_whole, inner: string) => {
      const content = inner.trim();
      const marked = MARKED_NAME.exec(content);
      if (marked?.[1]) {
        otherNames.push(...marked[1].split(/\s*;\s*/u));
        return ' ';
      }
      const dated = DATED_FORMER_NAME.exec(content);
      if (dated?.[1]) {
        otherNames.push(dated[1]);
        return ' ';
      }
      if (RELATION_NOTE.test(content)) return ' ';
      // Anything else in brackets is part of the name ("MSI Computer (Shenzhen) Co., Ltd."), kept as its
      // own segment so that legal forms and qualifiers at its end are recognized.
      return ` , ${content} , `;
    });
  }
  const [primary = '', ...inline] = name.split(INLINE_MARKER);
  otherNames.push(...inline);
  return {
    name: primary.trim(),
    otherNames: otherNames.map((n) => n.trim()).filter((n) => /[\p{L}\p{N}]/u.test(n)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Legal forms, qualifiers, stop words and abbreviations

/** Legal forms (as tokens after folding and punctuation removal) and their canonical form. */
const LEGAL_FORM_LIST: readonly (readonly [string, string])[] = [
  ['gmbh and co kg', 'kg'],
  ['aktiebolag', 'ab'],
  ['aktieselskab', 'as'],
  ['aksjeselskap', 'as'],
  ['sp zoo', 'spzoo'],
  ['public limited company', 'plc'],
  ['public company limited', 'plc'],
  ['limited liability company', 'llc'],
  ['limited liability partnership', 'llp'],
  ['private limited company', 'ltd'],
  ['joint stock company', 'jsc'],
  ['joint stock co', 'jsc'],
  // Hyphenated words are joined: Joint-Stock Company.
  ['jointstock company', 'jsc'],
  ['jointstock co', 'jsc'],
  ['public co ltd', 'plc'],
  ['sendirian berhad', 'ltd'],
  ['kabushiki kaisha', 'kk'],
  ['company limited', 'ltd'],
  ['company ltd', 'ltd'],
  ['co limited', 'ltd'],
  ['co ltd', 'ltd'],
  ['corp ltd', 'ltd'],
  ['corporation limited', 'ltd'],
  ['limited company', 'ltd'],
  ['ltd co', 'ltd'],
  ['private limited', 'ltd'],
  ['private ltd', 'ltd'],
  ['pvt ltd', 'ltd'],
  ['pte ltd', 'ltd'],
  ['pte limited', 'ltd'],
  ['pty ltd', 'ltd'],
  ['pty limited', 'ltd'],
  ['sdn bhd', 'ltd'],
  ['ab publ', 'ab'],
  ['bhd', 'ltd'],
  ['berhad', 'ltd'],
  ['pte', 'ltd'],
  ['pvt', 'ltd'],
  ['pty', 'ltd'],
  ['ltd', 'ltd'],
  ['limited', 'ltd'],
  ['incorporated', 'inc'],
  ['inc', 'inc'],
  ['corporation', 'corp'],
  ['corp', 'corp'],
  ['company', 'co'],
  ['co', 'co'],
  ['plc', 'plc'],
  // Thailand's public company limited.
  ['pcl', 'plc'],
  ['llc', 'llc'],
  ['llp', 'llp'],
  ['lp', 'lp'],
  ['gmbh', 'gmbh'],
  ['mbh', 'gmbh'],
  ['ag', 'ag'],
  ['kg', 'kg'],
  ['publ', 'ab'],
  ['ab', 'ab'],
  ['asa', 'asa'],
  ['as', 'as'],
  ['aps', 'aps'],
  ['oyj', 'oyj'],
  ['oy', 'oy'],
  ['hf', 'hf'],
  ['sa', 'sa'],
  ['sau', 'sa'],
  ['sas', 'sas'],
  ['sarl', 'sarl'],
  ['srl', 'srl'],
  ['spa', 'spa'],
  ['nv', 'nv'],
  ['bv', 'bv'],
  ['se', 'se'],
  ['sl', 'sl'],
  ['kk', 'kk'],
  ['jsc', 'jsc'],
  ['ojsc', 'jsc'],
  ['pjsc', 'jsc'],
  ['cjsc', 'jsc'],
  ['tbk', 'tbk'],
  // Indonesian companies are also written with the form last: "Foo Palm Oil PT".
  ['pt', 'pt'],
];
/** Legal forms written before the name: "PT Foo", "AB Volvo", "A/S Foo", "OOO Foo", "JSC Foo". */
const LEGAL_FORM_PREFIXES: readonly (readonly [string, string])[] = [
  ['pt', 'pt'],
  ['ab', 'ab'],
  ['as', 'as'],
  ['ooo', 'llc'],
  ['oao', 'jsc'],
  ['zao', 'jsc'],
  ['pao', 'jsc'],
  ['ao', 'jsc'],
  ['jsc', 'jsc'],
  ['ojsc', 'jsc'],
  ['pjsc', 'jsc'],
  ['cjsc', 'jsc'],
];

/** Words that say the entry covers more than the named company: dropped from the end of a name. */
const QUALIFIERS: readonly string[] = [
  'and its subsidiaries',
  'and its affiliates',
  'and subsidiaries',
  'and affiliates',
  'and affiliated companies',
  'and subsidiary companies',
  'including subsidiaries',
  'including its subsidiaries',
  'with subsidiaries',
  'its subsidiaries',
  'et al',
];
/** Words that qualify a name only when they stand alone in brackets or after a comma: "Foo (Group)". */
const SEGMENT_QUALIFIERS = new Set(['group', 'the group']);

const STOP_WORDS = new Set([
  'the',
  'and',
  'of',
  'for',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'el',
  'und',
  'och',
  'og',
  'et',
]);

/** Common abbreviations and inflections, mapped to one spelling. co/corp are legal forms, handled above. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  tech: 'technology',
  techn: 'technology',
  techs: 'technology',
  technologies: 'technology',
  intl: 'international',
  internatl: 'international',
  elec: 'electronics',
  electronic: 'electronics',
  electrical: 'electric',
  mfg: 'manufacturing',
  mfr: 'manufacturing',
  manufacture: 'manufacturing',
  manufacturer: 'manufacturing',
  manufacturers: 'manufacturing',
  industries: 'industry',
  industrial: 'industry',
  indl: 'industry',
  equip: 'equipment',
  inds: 'industry',
  hldg: 'holdings',
  hldgs: 'holdings',
  holding: 'holdings',
  grp: 'group',
  svc: 'services',
  svcs: 'services',
  service: 'services',
  sys: 'systems',
  system: 'systems',
  solution: 'solutions',
  product: 'products',
  comm: 'communications',
  comms: 'communications',
  communication: 'communications',
  telecom: 'telecommunications',
  telecommunication: 'telecommunications',
  info: 'information',
  engg: 'engineering',
  engr: 'engineering',
  enterprise: 'enterprises',
  natl: 'national',
  bros: 'brothers',
  mgmt: 'management',
  mgt: 'management',
  ctr: 'center',
  centre: 'center',
  computers: 'computer',
  networks: 'network',
  sciences: 'science',
  semicon: 'semiconductor',
  semiconductors: 'semiconductor',
  optoelectronic: 'optoelectronics',
  devices: 'device',
  component: 'components',
};

/**
 * Generic industry words: they count, but half as much as a distinctive word, so that two names agreeing
 * only on "Electronics" are far apart while "Foo Technology" and "Foo Trading" still differ.
 */
const DESCRIPTORS: ReadonlySet<string> = new Set([
  'technology',
  'electronics',
  'electric',
  'industry',
  'manufacturing',
  'international',
  'holdings',
  'group',
  'trading',
  'services',
  'systems',
  'solutions',
  'products',
  'communications',
  'telecommunications',
  'information',
  'engineering',
  'development',
  'enterprises',
  'computer',
  'digital',
  'network',
  'software',
  'components',
  'device',
  'equipment',
  'materials',
  'precision',
  'optical',
  'optoelectronics',
  'semiconductor',
  'science',
  'logistics',
  'global',
  'investment',
  'management',
  'commercial',
  'import',
  'export',
  'factory',
  'plant',
  'branch',
]);

const toPattern = (text: string) => text.split(' ');
const LEGAL_FORMS = LEGAL_FORM_LIST.map(([form, canonical]) => ({ tokens: toPattern(form), canonical })).sort(
  (a, b) => b.tokens.length - a.tokens.length,
);
const PREFIXES = LEGAL_FORM_PREFIXES.map(([form, canonical]) => ({ tokens: toPattern(form), canonical }));
const QUALIFIER_PATTERNS = QUALIFIERS.map(toPattern).sort((a, b) => b.length - a.length);

const endsWith = (tokens: readonly string[], pattern: readonly string[]) =>
  pattern.length <= tokens.length &&
  pattern.every((p, i) => tokens[tokens.length - pattern.length + i] === p);

/** Runs of single letters are one word: "s a" (from S.A.) -> "sa", "i b m" -> "ibm", "a s" (A/S) -> "as". */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length > 0) out.push(run);
    run = '';
  };
  for (const token of tokens) {
    if (/^\p{L}$/u.test(token)) run += token;
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

/** Words of one segment (text between commas and brackets), punctuation removed, hyphenated words joined. */
function segmentTokens(segment: string): string[] {
  const text = segment
    // Apostrophes vanish (int'l -> intl, McDonald's -> mcdonalds); hyphens inside a word join it (o-film).
    .replace(/['’ʼ`´]/gu, '')
    .replace(/(?<=[\p{L}\p{N}])[-‐‑‒](?=[\p{L}\p{N}])/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return text === '' ? [] : joinInitials(text.split(' '));
}

/** Normalizes one name (former names written inside it are ignored: see normalizeNameVariants). */
export function normalizeName(raw: string): NormalizedName {
  return normalizeSingle(raw, splitNameVariants(raw).name);
}

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * The name and every former or alternative name written inside it, each normalized. A name with German
 * umlauts is also read with them as digraphs, the other way German is written: Müller and Mueller.
 */
export function normalizeNameVariants(raw: string): NormalizedName[] {
  const spellings = /[äöüÄÖÜ]/u.test(raw) ? [raw, raw.replace(/[äöüÄÖÜ]/gu, (c) => UMLAUTS[c] ?? c)] : [raw];
  return spellings.flatMap((spelling) => {
    const { name, otherNames } = splitNameVariants(spelling);
    return [normalizeSingle(spelling, name), ...otherNames.map((other) => normalizeSingle(other, other))];
  });
}

function normalizeSingle(text: string, folded: string): NormalizedName {
  const ampersands = foldText(folded).replace(/&/gu, ' and ');
  // Commas, semicolons and brackets end a segment; legal forms and qualifiers are found at segment ends
  // ("Foo Co., Ltd." is the segments "foo co" and "ltd").
  const segments = ampersands
    .split(/[,;:()[\]{}|]/u)
    .map(segmentTokens)
    .filter((tokens) => tokens.length > 0);

  const legalForms: string[] = [];
  const stripEnd = (tokens: string[]): string[] => {
    for (let changed = true; changed && tokens.length > 0;) {
      changed = false;
      const qualifier = QUALIFIER_PATTERNS.find((p) => endsWith(tokens, p));
      if (qualifier) {
        tokens = tokens.slice(0, tokens.length - qualifier.length);
        changed = true;
        continue;
      }
      const form = LEGAL_FORMS.find((f) => endsWith(tokens, f.tokens));
      if (form) {
        legalForms.push(form.canonical);
        tokens = tokens.slice(0, tokens.length - form.tokens.length);
        changed = true;
      }
    }
    return tokens;
  };

  // Segments from the last to the first, so that the outermost legal form is found first.
  const kept: string[][] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    let tokens = stripEnd(segments[i] ?? []);
    if (i > 0 && SEGMENT_QUALIFIERS.has(tokens.join(' '))) tokens = [];
    kept.unshift(tokens);
  }
  const first = kept[0];
  if (first && first.length > 1) {
    const prefix = PREFIXES.find((p) => p.tokens.every((t, i) => first[i] === t));
    if (prefix) {
      kept[0] = first.slice(prefix.tokens.length);
      legalForms.push(prefix.canonical);
    }
  }

  let surface = kept.flat().filter((t) => !STOP_WORDS.has(t));
  let legalForm = legalForms[0] ?? null;
  // A name that is nothing but a legal form or stop words ("Limited", "AS") keeps its words.
  if (surface.length === 0) {
    surface = segments.flat();
    legalForm = null;
  }
  return { text, core: surface.map((t) => ABBREVIATIONS[t] ?? t), surface, legalForm };
}

/** Weight of a core word in the score: 1 for a distinctive word, 0.5 for a generic industry word. */
export function tokenWeight(token: string): number {
  return DESCRIPTORS.has(token) ? 0.5 : 1;
}

/** Legal forms that differ only in wording (Inc. and Corp.) are one family. */
export function legalFormFamily(form: string): string {
  return form === 'inc' || form === 'corp' || form === 'co' ? 'corp' : form;
}
