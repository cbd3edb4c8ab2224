// OpenSanctions' FollowTheMoney export, entities.ftm.json: one JSON entity per line. Companies and other
// organizations that are targets of a dataset become entries; their Sanction entities (which point back
// through `properties.entity`) give the programme, the listing date and a link. Persons, vessels and
// the non-target entities an export carries for context (owners, addresses) are skipped.
import type { EntryIdentifier, ReadList, WatchListEntry } from '../watch-list-entry.ts';
import { countryCodes, hasName, httpUrl, listDate, otherNames } from './fields.ts';
import { isObject, textOf, textsOf } from './json-values.ts';
import { openSanctionsTopics } from './opensanctions-topics.ts';

/** FollowTheMoney schemata that are organizations. */
const ORGANIZATION_SCHEMATA = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);
/** FollowTheMoney identifier properties and the scheme each is. */
const FTM_IDENTIFIERS: Readonly<Record<string, string>> = {
  registrationNumber: 'registration number',
  taxNumber: 'tax number',
  innCode: 'inn',
  ogrnCode: 'ogrn',
  leiCode: 'lei',
  uscCode: 'unified social credit code',
  swiftBic: 'swift/bic',
};
export const OPENSANCTIONS_SOURCE = 'OpenSanctions';

interface Entity {
  id: string;
  schema: string;
  properties: Record<string, unknown>;
  datasets: string[];
  target: boolean;
  firstSeen: string;
  line: number;
}

const firstDate = (texts: string[]): string | null => {
  for (const text of texts) {
    const date = listDate(text);
    if (date !== null) return date;
  }
  return null;
};

export const openSanctionsUrl = (id: string): string =>
  `https://www.opensanctions.org/entities/${encodeURIComponent(id)}/`;

export function readFtm(text: string): ReadList {
  const problems: string[] = [];
  const entities: Entity[] = [];
  // Any line ending, a lone CR too (an old Mac editor): JSON holds none of them raw inside an entity.
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not a JSON entity`);
      return;
    }
    if (!isObject(value) || textOf(value['id']) === '' || textOf(value['schema']) === '') {
      problems.push(`line ${i + 1}: an entity needs an id and a schema`);
      return;
    }
    entities.push({
      id: textOf(value['id']),
      schema: textOf(value['schema']),
      properties: isObject(value['properties']) ? value['properties'] : {},
      datasets: textsOf(value['datasets']),
      target: value['target'] !== false,
      firstSeen: textOf(value['first_seen']),
      line: i + 1,
    });
  });
  const sanctionsOf = new Map<string, Entity[]>();
  for (const entity of entities) {
    if (entity.schema !== 'Sanction') continue;
    for (const target of textsOf(entity.properties['entity'])) {
      sanctionsOf.set(target, [...(sanctionsOf.get(target) ?? []), entity]);
    }
  }
  const entries: WatchListEntry[] = [];
  for (const entity of entities) {
    if (!ORGANIZATION_SCHEMATA.has(entity.schema) || !entity.target) continue;
    const p = (name: string) => textsOf(entity.properties[name]);
    const sanctions = sanctionsOf.get(entity.id) ?? [];
    const fromSanctions = (name: string) => sanctions.flatMap((s) => textsOf(s.properties[name]));
    const [name = '', ...moreNames] = p('name');
    if (!hasName(name)) {
      problems.push(`line ${entity.line}: ${entity.schema} ${entity.id} has no name`);
      continue;
    }
    const identifiers: EntryIdentifier[] = Object.entries(FTM_IDENTIFIERS).flatMap(([property, scheme]) =>
      p(property).map((value) => ({ scheme, value })),
    );
    const programs = [...new Set(fromSanctions('program'))];
    const topics = openSanctionsTopics(p('topics'), entity.datasets);
    entries.push({
      listEntryId: entity.id,
      name,
      aliases: otherNames(name, [...moreNames, ...p('alias'), ...p('previousName')]),
      countries: countryCodes([...p('country'), ...p('jurisdiction'), ...p('mainCountry')]),
      source: OPENSANCTIONS_SOURCE,
      program: (programs.length > 0 ? programs : entity.datasets).join('; ') || null,
      listedAt: firstDate([...fromSanctions('listingDate'), ...fromSanctions('startDate'), entity.firstSeen]),
      sourceUrl:
        [...p('sourceUrl'), ...fromSanctions('sourceUrl')].map(httpUrl).find((u) => u !== null) ??
        openSanctionsUrl(entity.id),
      identifiers,
      ...(topics === undefined ? {} : { topics }),
      format: 'ftm',
      line: entity.line,
    });
  }
  return { entries, problems };
}
