// OpenSanctions' simplified export, targets.simple.csv: one row per target with `;`-separated aliases,
// countries and identifiers. Organizations only (schema Company, Organization, LegalEntity, PublicBody).
import type { ReadList, WatchListEntry } from '../watch-list-entry.ts';
import { readDelimited, semicolonList } from './delimited.ts';
import { countryCodes, hasName, listDate, otherNames } from './fields.ts';
import { OPENSANCTIONS_SOURCE, openSanctionsUrl } from './ftm.ts';
import { openSanctionsTopics } from './opensanctions-topics.ts';

const ORGANIZATION_SCHEMATA = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);
const REQUIRED = ['id', 'schema', 'name', 'aliases', 'countries', 'identifiers', 'dataset'];

export function readOpenSanctionsCsv(text: string): ReadList {
  const { columns, rows, problems } = readDelimited(text, ',');
  if (problems.length > 0) return { entries: [], problems };
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return { entries: [], problems: [`the targets.simple.csv header lacks ${missing.join(', ')}`] };
  }
  const entries: WatchListEntry[] = [];
  for (const { cell, row } of rows) {
    if (!ORGANIZATION_SCHEMATA.has(cell('schema'))) continue;
    const name = cell('name');
    if (cell('id') === '' || !hasName(name)) {
      problems.push(`row ${row}: an entry needs an id and a name`);
      continue;
    }
    const firstSeen = cell('first_seen');
    // The simplified export has no topics column: its dataset titles are all it says.
    const topics = openSanctionsTopics([], semicolonList(cell('dataset')));
    entries.push({
      listEntryId: cell('id'),
      name,
      aliases: otherNames(name, semicolonList(cell('aliases'))),
      countries: countryCodes(semicolonList(cell('countries'))),
      source: OPENSANCTIONS_SOURCE,
      program: semicolonList(cell('program_ids')).join('; ') || cell('dataset') || null,
      listedAt: firstSeen === '' ? null : listDate(firstSeen),
      sourceUrl: openSanctionsUrl(cell('id')),
      // The simplified export gives bare numbers without their kind.
      identifiers: semicolonList(cell('identifiers')).map((value) => ({ scheme: 'identifier', value })),
      ...(topics === undefined ? {} : { topics }),
      format: 'opensanctions-csv',
      line: row,
    });
  }
  return { entries, problems };
}
