// The tables of the risk model's inherent component (country, product category, activity) and how an
// organization is looked up in them. Their default values ship in seed/risk/ (docs/risk-model.md): each
// either names its public source and date or says it is an assumption. No I/O: the risk module reads
// the files and decodes them here.
import { ORGANIZATION_TYPES, type OrganizationType } from './format.ts';
import { parseInstant } from './instants.ts';

interface TableValue {
  /** 0 (lowest risk) to 1 (highest). */
  value: number;
  /** True when the value is the project's (or the operator's) judgement rather than a source's. */
  assumption: boolean;
  /** What the source says that the value stands for. */
  basis: string | null;
  source: string | null;
  /** When the source was published (ISO 8601 date). */
  date: string | null;
  note: string | null;
}

export interface ProductCategory extends TableValue {
  name: string;
  /** Lower-case words; a product that names one (`mentions`) is in the category. */
  keywords: string[];
}

export interface RiskTables {
  countries: Record<string, TableValue>;
  defaultCountry: TableValue;
  /** Riskiest first once decoded, so that the first match is the riskiest. */
  categories: ProductCategory[];
  defaultCategory: ProductCategory;
  /** By organization type; decoding checks that every type has one. */
  activities: Record<string, TableValue>;
}

/** What an input of the model says about where a table value comes from. */
export const provenanceOf = (entry: TableValue): string =>
  entry.assumption
    ? `assumption${entry.note === null ? '' : `: ${entry.note}`}`
    : `${entry.source ?? 'unnamed source'}${entry.date === null ? '' : `, ${entry.date}`}`;

export const countryOf = (tables: RiskTables, country: string): TableValue =>
  tables.countries[country.toUpperCase()] ?? tables.defaultCountry;

const NO_ACTIVITY: TableValue = {
  value: 1,
  assumption: true,
  basis: null,
  source: null,
  date: null,
  note: null,
};

export const activityOf = (tables: RiskTables, type: OrganizationType): TableValue =>
  tables.activities[type] ?? NO_ACTIVITY;

/** Matchers by keyword, made on first use: the tables hold a few dozen keywords. */
const wordMatchers = new Map<string, RegExp>();

/**
 * Whether `product` (in lower case) names `keyword` as a word of its own, or its plural in s or es:
 * "thread" is in "sewing threads", not in "threadripper workstations", and "display" in "display
 * panels", not in "displayport cables". A keyword found anywhere in a name put products in categories
 * that their words do not name, which no explanation of the score could justify.
 */
export function mentions(product: string, keyword: string): boolean {
  let matcher = wordMatchers.get(keyword);
  if (matcher === undefined) {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    matcher = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, 'u');
    wordMatchers.set(keyword, matcher);
  }
  return matcher.test(product);
}

/**
 * The index in `tables.categories` (riskiest first) of the first category a product falls in, or -1.
 * A chain names a few dozen products over a thousand links: each product's words are tested against
 * the keywords once per set of tables, not once per organization that supplies it.
 */
const categoryIndexes = new WeakMap<RiskTables, Map<string, number>>();
const MAX_REMEMBERED_PRODUCTS = 10_000;

function categoryIndexOf(tables: RiskTables, product: string): number {
  let known = categoryIndexes.get(tables);
  if (known === undefined) {
    known = new Map();
    categoryIndexes.set(tables, known);
  }
  let index = known.get(product);
  if (index === undefined) {
    // Bounded without bookkeeping, as a store's product names are not.
    if (known.size >= MAX_REMEMBERED_PRODUCTS) known.clear();
    const lowered = product.toLowerCase();
    index = tables.categories.findIndex((category) => category.keywords.some((k) => mentions(lowered, k)));
    known.set(product, index);
  }
  return index;
}

/** The riskiest category any of `products` falls in, with the first product that put it there. */
export function categoryOf(
  tables: RiskTables,
  products: readonly string[],
): { category: ProductCategory; product: string | null } {
  let best: { index: number; product: string } | null = null;
  for (const product of products) {
    const index = categoryIndexOf(tables, product);
    if (index >= 0 && (best === null || index < best.index)) best = { index, product };
  }
  const category = best === null ? undefined : tables.categories[best.index];
  return category === undefined || best === null
    ? { category: tables.defaultCategory, product: null }
    : { category, product: best.product };
}

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys of every table entry; a category adds its name and keywords. */
const ENTRY_KEYS = ['value', 'assumption', 'basis', 'source', 'date', 'note'] as const;
const FALLBACK_CATEGORY_KEYS = [...ENTRY_KEYS, 'name'] as const;
const CATEGORY_KEYS = [...FALLBACK_CATEGORY_KEYS, 'keywords'] as const;

/** A calendar day as ISO 8601 writes it (2025-06-01), and one that exists. */
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseInstant(text) !== null;

/**
 * A table entry from JSON: value in 0..1, and either a source with its date or `assumption: true`.
 * A key it does not know is refused rather than dropped: a misspelt `keywords` or `source` would
 * otherwise leave a category that matches nothing, or a source no input shows, without a word.
 */
function tableValue(
  raw: Json,
  at: string,
  problems: string[],
  known: readonly string[] = ENTRY_KEYS,
): TableValue | null {
  if (!isObject(raw)) {
    problems.push(`${at} must be an object, got ${JSON.stringify(raw)}`);
    return null;
  }
  const unknown = Object.keys(raw).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    problems.push(
      `${at} has unknown ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.map((k) => JSON.stringify(k)).join(', ')} (known: ${known.join(', ')})`,
    );
    return null;
  }
  const value = raw['value'];
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    problems.push(`${at}.value must be a number from 0 to 1, got ${JSON.stringify(value)}`);
    return null;
  }
  const string = (key: string): string | null => {
    const field = raw[key];
    if (field === undefined || field === null) return null;
    if (typeof field === 'string' && field.trim() !== '') return field;
    problems.push(`${at}.${key} must be a non-empty string, got ${JSON.stringify(field)}`);
    return null;
  };
  const flag = raw['assumption'];
  if (flag !== undefined && typeof flag !== 'boolean') {
    problems.push(`${at}.assumption must be true or false, got ${JSON.stringify(flag)}`);
    return null;
  }
  const assumption = flag === true;
  const entry = {
    value,
    assumption,
    basis: string('basis'),
    source: string('source'),
    date: string('date'),
    note: string('note'),
  };
  // Inputs show the date beside the source as the day a reader can look the value up for.
  if (entry.date !== null && !isDay(entry.date)) {
    problems.push(`${at}.date must be an ISO 8601 date (2025-06-01), got ${JSON.stringify(entry.date)}`);
    return null;
  }
  if (!assumption && (entry.source === null || entry.date === null)) {
    problems.push(`${at} must name its source and date, or say "assumption": true`);
    return null;
  }
  return entry;
}

/**
 * A product category; `fallback`: the default one, which takes the products no category names and so
 * has no keywords, where every other category needs at least one to match anything.
 */
function category(raw: Json, at: string, problems: string[], fallback = false): ProductCategory | null {
  const entry = tableValue(raw, at, problems, fallback ? FALLBACK_CATEGORY_KEYS : CATEGORY_KEYS);
  if (entry === null || !isObject(raw)) return null;
  const name = raw['name'];
  const keywords = fallback ? [] : raw['keywords'];
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push(`${at}.name must be a non-empty string, got ${JSON.stringify(name)}`);
    return null;
  }
  if (
    !Array.isArray(keywords) ||
    (!fallback && keywords.length === 0) ||
    !keywords.every((k) => typeof k === 'string' && k.trim() !== '')
  ) {
    problems.push(
      `${at}.keywords must be a list of one or more non-empty strings, got ${JSON.stringify(keywords)}`,
    );
    return null;
  }
  return { ...entry, name, keywords: keywords.map((k: string) => k.toLowerCase()) };
}

function entries(raw: Json, at: string, problems: string[]): Record<string, TableValue> {
  if (!isObject(raw)) {
    problems.push(`${at} must be an object, got ${JSON.stringify(raw)}`);
    return {};
  }
  const decoded: Record<string, TableValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    const entry = tableValue(value, `${at}.${key}`, problems);
    if (entry !== null) decoded[key] = entry;
  }
  return decoded;
}

/** The files' shapes (seed/risk/*.json), and an operator's overrides of them (RISK_MODEL). */
interface TableFiles {
  countries: Json;
  productCategories: Json;
  activities: Json;
}

interface TableOverrides {
  /** Entries added to or replacing the country table's. */
  countries?: Json;
  /** Replaces the category list. */
  productCategories?: Json;
  /** Entries replacing the activity table's. */
  activities?: Json;
}

/** Decodes the default tables with an operator's overrides; problems name the file part and value. */
export function decodeTables(files: TableFiles, overrides: TableOverrides, problems: string[]): RiskTables {
  const countryFile = isObject(files.countries) ? files.countries : {};
  const countries = {
    ...entries(countryFile['countries'], 'countries.countries', problems),
    ...(overrides.countries === undefined
      ? {}
      : entries(overrides.countries, 'RISK_MODEL countries', problems)),
  };
  for (const code of Object.keys(countries)) {
    if (!/^[A-Z]{2}$/.test(code)) problems.push(`country ${JSON.stringify(code)} must be ISO 3166-1 alpha-2`);
  }
  const defaultCountry = tableValue(countryFile['default'], 'countries.default', problems);

  const categoryFile = isObject(files.productCategories) ? files.productCategories : {};
  const categoryList = (raw: Json, at: string): ProductCategory[] => {
    if (!Array.isArray(raw)) {
      problems.push(`${at} must be a list, got ${JSON.stringify(raw)}`);
      return [];
    }
    return raw.flatMap((c, i) => category(c, `${at}[${i}]`, problems) ?? []);
  };
  const categories =
    overrides.productCategories === undefined
      ? categoryList(categoryFile['categories'], 'productCategories.categories')
      : categoryList(overrides.productCategories, 'RISK_MODEL productCategories');
  const defaultCategory = category(categoryFile['default'], 'productCategories.default', problems, true);

  const activityFile = isObject(files.activities) ? files.activities : {};
  const activities = {
    ...entries(activityFile['activities'], 'activities.activities', problems),
    ...(overrides.activities === undefined
      ? {}
      : entries(overrides.activities, 'RISK_MODEL activities', problems)),
  };
  for (const type of ORGANIZATION_TYPES) {
    if (activities[type] === undefined) problems.push(`activities must give a value for ${type}`);
  }
  for (const type of Object.keys(activities)) {
    if (!(ORGANIZATION_TYPES as readonly string[]).includes(type))
      problems.push(`activities names ${JSON.stringify(type)}, not an organization type`);
  }
  const fallback: TableValue = {
    value: 0.5,
    assumption: true,
    basis: null,
    source: null,
    date: null,
    note: null,
  };
  return {
    countries,
    defaultCountry: defaultCountry ?? fallback,
    // A stable sort: equally risky categories keep the file's order.
    categories: [...categories].sort((a, b) => b.value - a.value),
    defaultCategory: defaultCategory ?? { ...fallback, name: 'unclassified', keywords: [] },
    activities,
  };
}
