// `tiersight import-facilities`: Open Supply Hub facilities become FACTORY organizations keyed by
// os_id (docs/open-supply-hub.md says which fields come from the file and which stay as they were).
// Rows are turned into tiersight/v1 organization records and written through the same validated,
// batched import as `tiersight import` (import-graph.ts), inside an import run; only records that
// differ from what is stored are written, so a second run of the same file changes nothing.
import { isDeepStrictEqual } from 'node:util';
import { FORMAT_V1, type OrganizationRecord } from '../domain/format.ts';
import type { FacilityRepository } from './facility-repository.ts';
import { importGraph, type ImportOptions, type ImportOutcome } from './import-graph.ts';
import type { ImportRepository } from './import-repository.ts';
import { formatFacilityProblem, type Facility, type FacilityProblem } from './open-supply-hub.ts';
import type { Problem } from './validate.ts';
import { documentSource } from './read-records.ts';

const facilityId = (osId: string) => `osh-${osId}`;
const facilityUrl = (osId: string) => `https://opensupplyhub.org/facilities/${osId}`;
const OSH_SOURCE = 'Open Supply Hub';
const CONTRIBUTOR_SOURCE = 'Open Supply Hub contributor: ';
const fromOpenSupplyHub = (source: string) =>
  source.startsWith(`${OSH_SOURCE} `) || source.startsWith(CONTRIBUTOR_SOURCE);

interface FacilitiesPlan {
  created: OrganizationRecord[];
  updated: OrganizationRecord[];
  unchanged: number;
  problems: FacilityProblem[];
}

/** What the file changes, or the rows that conflict with what is stored. */
export async function planFacilities(
  facilities: Facility[],
  facilityRepository: FacilityRepository,
): Promise<FacilitiesPlan> {
  const stored = await facilityRepository.existing(
    facilities.map((f) => ({ osId: f.osId, id: facilityId(f.osId) })),
  );
  const plan: FacilitiesPlan = { created: [], updated: [], unchanged: 0, problems: [] };
  for (const facility of facilities) {
    const matches = stored.get(facility.osId) ?? [];
    const bad = (column: string | null, message: string) =>
      plan.problems.push({ row: facility.row, column, ...(column ? { value: facility.osId } : {}), message });
    if (matches.length > 1) {
      bad(
        'os_id',
        `is carried by several organizations (${matches.map((m) => m.id).join(', ')}); merge them first`,
      );
      continue;
    }
    const [current] = matches;
    if (current === undefined) {
      plan.created.push(facilityRecord(facility, undefined));
      continue;
    }
    if (current.osId !== facility.osId) {
      bad('os_id', `the id it would get, ${current.id}, belongs to an organization with another os_id`);
      continue;
    }
    if (current.type !== 'FACTORY') {
      bad('os_id', `belongs to ${current.id}, a ${current.type}, not a FACTORY`);
      continue;
    }
    if (current.country !== facility.country) {
      plan.problems.push({
        row: facility.row,
        column: 'country_code',
        value: facility.country,
        message: `os_id ${facility.osId} belongs to ${current.id} in ${current.country}`,
      });
      continue;
    }
    const record = facilityRecord(facility, current);
    if (isDeepStrictEqual(record, current)) plan.unchanged++;
    else plan.updated.push(record);
  }
  return plan;
}

/**
 * The organization record of a facility: a new one is listed, REPORTED and named as Open Supply Hub
 * names it; an existing one keeps its id, listing, provenance, city and region, and keeps its name
 * unless the file created it (another name becomes an alias).
 */
function facilityRecord(facility: Facility, current: OrganizationRecord | undefined): OrganizationRecord {
  const ownName = current === undefined || current.id === facilityId(facility.osId);
  const aliases = [...(current?.aliases ?? [])];
  const name = ownName ? facility.name : current.name;
  if (!ownName && facility.name !== current.name && !aliases.includes(facility.name))
    aliases.push(facility.name);
  const sources = [
    ...(current?.sources ?? []).filter((s) => !fromOpenSupplyHub(s)),
    `${OSH_SOURCE} ${facilityUrl(facility.osId)}`,
    ...facility.contributors.map((c) => `${CONTRIBUTOR_SOURCE}${c}`),
  ];
  return {
    id: current?.id ?? facilityId(facility.osId),
    name,
    type: 'FACTORY',
    country: facility.country,
    ...(current?.city ? { city: current.city } : {}),
    ...(current?.region ? { region: current.region } : {}),
    ...(facility.latitude !== undefined && facility.longitude !== undefined
      ? { latitude: facility.latitude, longitude: facility.longitude }
      : {}),
    osId: facility.osId,
    ...(aliases.length > 0 ? { aliases } : {}),
    listed: current === undefined ? true : (current.listed ?? false),
    provenance: current?.provenance ?? 'REPORTED',
    sources,
    address: facility.address,
    ...nonEmpty('sectors', facility.sectors),
    ...nonEmpty('productTypes', facility.productTypes),
    ...nonEmpty('facilityTypes', facility.facilityTypes),
    ...nonEmpty('processingTypes', facility.processingTypes),
    ...nonEmpty('parentCompanies', facility.parentCompanies),
    ...(facility.numberOfWorkers !== undefined ? { numberOfWorkers: facility.numberOfWorkers } : {}),
    closed: facility.closed,
  };
}

const nonEmpty = <K extends string>(key: K, list: string[]) =>
  list.length > 0 ? ({ [key]: list } as Record<K, string[]>) : {};

/** Writes the plan's created and updated records as one import (the caller skips an empty plan). */
/**
 * Writes `plan`, made from `facilities` and the store, through an import run. Once API writes are held
 * off, the plan is made again: an organization listed or declared with one of the os_ids meanwhile
 * would otherwise be written beside the planned record (two organizations with one os_id), so a plan
 * that changed refuses the import, which writes nothing.
 */
export function writeFacilities(
  plan: FacilitiesPlan,
  facilities: Facility[],
  facilityRepository: FacilityRepository,
  repository: ImportRepository,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const organizations = [...plan.created, ...plan.updated];
  const checkAgain = async (): Promise<Problem[]> => {
    const again = await planFacilities(facilities, facilityRepository);
    const changed = !isDeepStrictEqual(
      [...again.created, ...again.updated].map((o) => o.id),
      organizations.map((o) => o.id),
    );
    return [
      ...again.problems.map((p) => ({ section: null, message: formatFacilityProblem(p) })),
      ...(changed && again.problems.length === 0
        ? [{ section: null, message: 'the store changed while the import began: run it again' }]
        : []),
    ];
  };
  return importGraph(documentSource({ format: FORMAT_V1, organizations }), repository, {
    ...options,
    checkAgain,
  });
}
