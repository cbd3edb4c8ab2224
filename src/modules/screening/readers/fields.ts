// Field conversions every reader shares: list dates to ISO 8601, country codes, names without
// duplicates, links. Lists write these in their own ways; the entry keeps one spelling.
import { isCountryCode } from '../../../domain/countries.ts';
import { parseInstant } from '../../../domain/instants.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The day of a list's date as ISO 8601 (`2020-07-22`), or null when it is none of the spellings lists
 * use: ISO 8601 (a time after the day is dropped: lists date listings by the day, and exporters write
 * times without a zone), `July 22, 2020`, `22 July 2020`, `07/22/2020` (US order).
 */
export function listDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value)?.[1];
  if (iso !== undefined) return parseInstant(iso) === null ? null : iso;
  let year: number;
  let month: number;
  let day: number;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const worded =
    /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(value) ??
    /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(value);
  if (us) [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
  else if (worded) {
    const [monthText, dayText] = /^\d/.test(worded[1] ?? '')
      ? [worded[2], worded[1]]
      : [worded[1], worded[2]];
    const lower = (monthText ?? '').toLowerCase();
    month = MONTHS.findIndex((m) => lower.length >= 3 && m.startsWith(lower)) + 1;
    day = Number(dayText);
    year = Number(worded[3]);
  } else return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return month > 0 && parseInstant(date) !== null ? date : null;
}

/** The valid ISO 3166-1 alpha-2 codes among `codes` (any case), upper case, each once. */
export function countryCodes(codes: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    const upper = code.trim().toUpperCase();
    if (isCountryCode(upper)) out.add(upper);
  }
  return [...out];
}

/** Other names of an entry: trimmed, not empty, not the name itself, each once. */
export function otherNames(name: string, names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const alias = raw.trim();
    if (alias !== '' && alias !== name) out.add(alias);
  }
  return [...out];
}

/** `text` if it is an http(s) link, else null. */
export function httpUrl(text: string | null | undefined): string | null {
  const value = (text ?? '').trim();
  return /^https?:\/\/\S+$/.test(value) ? value : null;
}

/** A name with a letter or digit in it: lists sometimes carry empty or punctuation-only rows. */
export const hasName = (name: string): boolean => /[\p{L}\p{N}]/u.test(name);
