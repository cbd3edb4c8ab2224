// The DHS UFLPA Entity List as its web page publishes it: tables under headings that name the legal
// basis, one row per listing with the entity's name (its "also known as" names and the subsidiaries
// the listing includes written in the text) and the date it was added. Parsed with cheerio.
import { load } from 'cheerio';
import { slugOf } from '../slug.ts';
import type { ReadList, WatchListEntry } from '../watch-list-entry.ts';
import { hasName, listDate, otherNames } from './fields.ts';
import { quote } from '../../../domain/quote.ts';

const UFLPA_SOURCE = 'DHS UFLPA Entity List';
const UFLPA_URL = 'https://www.dhs.gov/uflpa-entity-list';

/** ", including two subsidiaries: A; B" or " and its subsidiaries: A; and B": the named subsidiaries. */
const SUBSIDIARIES = /,?\s+(?:including|and its)\s+(?:[\w-]+\s+){0,3}subsidiar(?:y|ies)\s*:\s*(.+)$/iu;
/** "(also known as X; Y)", "(a.k.a. X)", "(formerly X)": other names of the entity. */
const OTHER_NAMES = /\s*\((?:also known as|a\.k\.a\.|formerly(?: known as)?)\s+([^()]+)\)/giu;

interface Listed {
  name: string;
  aliases: string[];
}

/** The name, other names and subsidiaries written in one cell. */
function splitCell(text: string): { entity: Listed; subsidiaries: Listed[] } {
  const whole = text.replace(/\s+/g, ' ').trim();
  const subsidiaryMatch = SUBSIDIARIES.exec(whole);
  const head = subsidiaryMatch ? whole.slice(0, subsidiaryMatch.index) : whole;
  const listed = (part: string): Listed => {
    const aliases: string[] = [];
    const name = part
      .trim()
      .replace(OTHER_NAMES, (_all, names: string) => {
        aliases.push(...names.split(';'));
        return '';
      })
      .replace(/^and\s+/iu, '')
      .replace(/[\s;,]+$/u, '')
      .trim();
    return { name, aliases: otherNames(name, aliases) };
  };
  const subsidiaries = subsidiaryMatch?.[1] ? subsidiaryMatch[1].split(';').map(listed) : [];
  return { entity: listed(head), subsidiaries: subsidiaries.filter((s) => hasName(s.name)) };
}

export function readUflpaHtml(html: string): ReadList {
  const $ = load(html);
  const entries: WatchListEntry[] = [];
  const problems: string[] = [];
  let program: string | null = null;
  let row = 0;
  $('h1, h2, h3, h4, table').each((_, element) => {
    const node = $(element);
    if (element.tagName !== 'table') {
      program = node.text().replace(/\s+/g, ' ').trim() || program;
      return;
    }
    const headers = node
      .find('tr')
      .first()
      .find('th')
      .toArray()
      .map((th) => $(th).text().trim());
    const nameAt = Math.max(
      0,
      headers.findIndex((h) => /entity|name/i.test(h)),
    );
    const dateAt = headers.findIndex((h) => /date/i.test(h));
    node.find('tr').each((_i, tr) => {
      const cells = $(tr).find('td').toArray();
      if (cells.length === 0) return;
      row++;
      const cellText = (at: number) => (at >= 0 && cells[at] ? $(cells[at]).text() : '');
      const { entity, subsidiaries } = splitCell(cellText(nameAt));
      const dateText = cellText(dateAt).trim();
      const listedAt = dateText === '' ? null : listDate(dateText);
      if (!hasName(entity.name)) problems.push(`table row ${row}: the entity name is empty`);
      if (dateText !== '' && listedAt === null)
        problems.push(`table row ${row}: ${quote(dateText)} is not a date`);
      if (!hasName(entity.name) || (dateText !== '' && listedAt === null)) return;
      const id = `uflpa:${slugOf(entity.name, 120)}`;
      const entry = (listedEntity: Listed, listEntryId: string, note: string | null): WatchListEntry => ({
        listEntryId,
        name: listedEntity.name,
        aliases: listedEntity.aliases,
        countries: [],
        source: UFLPA_SOURCE,
        program: [program, note].filter((p) => p !== null).join('; ') || null,
        listedAt,
        sourceUrl: UFLPA_URL,
        identifiers: [],
        // The Uyghur Forced Labor Prevention Act lists entities for forced labour and nothing else.
        topics: ['FORCED_LABOUR'],
        format: 'uflpa-html',
        line: row,
      });
      entries.push(entry(entity, id, null));
      for (const subsidiary of subsidiaries) {
        entries.push(
          entry(
            subsidiary,
            `${id}/${slugOf(subsidiary.name, 120)}`,
            `subsidiary named in the listing of ${entity.name}`,
          ),
        );
      }
    });
  });
  if (row === 0) problems.push('no table rows found: is this the UFLPA Entity List page?');
  return { entries, problems };
}
