import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FacilityRepository } from '../../src/import/facility-repository.ts';
import { planFacilities, writeFacilities } from '../../src/import/import-facilities.ts';
import {
  FacilitiesFileError,
  formatFacilityProblem,
  readFacilities,
} from '../../src/import/open-supply-hub.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { graph } from '../support/graph-builder.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { countAll, loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
const SAMPLE = readFileSync(join(REPO_ROOT, 'seed/facilities/open-supply-hub-sample.csv'), 'utf8');
const ORIGIN = { source: 'the facilities test file', command: 'import-facilities test' };
const HEADER =
  'os_id,name,address,country_code,lat,lng,sector,contributor,number_of_workers,parent_company,facility_type,processing_type,product_type,is_closed';

/** Reads, plans and writes a file as the command does; returns the plan. */
async function importFacilities(text: string) {
  const { facilities, problems } = readFacilities(text);
  expect(problems.map(formatFacilityProblem)).toEqual([]);
  const facilityRepository = new FacilityRepository(db.executor);
  const plan = await planFacilities(facilities, facilityRepository);
  if (plan.problems.length === 0 && plan.created.length + plan.updated.length > 0) {
    const outcome = await writeFacilities(plan, facilities, facilityRepository, db.imports, {
      origin: ORIGIN,
      settleMs: 0,
    });
    expect(outcome.ok).toBe(true);
  }
  return plan;
}

const organization = async (id: string) => {
  const { records } = await db.driver.executeQuery('MATCH (o:Organization {id: $id}) RETURN o', { id });
  return (records[0]?.get('o') as { properties: Record<string, unknown> } | undefined)?.properties;
};

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await loadGraph(
    db,
    graph()
      .org('brand', 'BRAND')
      .org('known-factory', 'FACTORY', {
        name: 'Silverpine Dongguan',
        country: 'CN',
        city: 'Dongguan',
        osId: 'CN2022301D4E5F6',
        provenance: 'DOCUMENTED',
        sources: ['An audit report'],
      })
      .link('known-factory', 'brand')
      .build(),
  );
});

describe('import-facilities', () => {
  it('creates listed factories keyed by os_id, updates the one it knows, and changes nothing the second time', async () => {
    const first = await importFacilities(SAMPLE);
    expect(first.created.map((r) => r.id)).toEqual([
      'osh-CN2023117A1B2C3',
      'osh-VN2024045G7H8J9',
      'osh-MY2021210K1L2M3',
      'osh-CZ2020155N4P5Q6',
    ]);
    expect(first.updated.map((r) => r.id)).toEqual(['known-factory']);

    expect(await organization('osh-CN2023117A1B2C3')).toMatchObject({
      name: 'Lantern Bay Precision Electronics (Kunshan) Co. Ltd.',
      type: 'FACTORY',
      country: 'CN',
      osId: 'CN2023117A1B2C3',
      listed: true,
      provenance: 'REPORTED',
      latitude: 31.3857,
      longitude: 120.9581,
      address: 'No. 88 Qingyang Road, Kunshan Development Zone, Kunshan, Jiangsu 215300',
      sectors: ['Electronics'],
      productTypes: ['Laptops', 'Notebook computers'],
      facilityTypes: ['Final Product Assembly'],
      processingTypes: ['Assembly'],
      parentCompanies: ['Lantern Bay Holdings'],
      numberOfWorkers: '1001-5000',
      closed: false,
      sources: [
        'Open Supply Hub https://opensupplyhub.org/facilities/CN2023117A1B2C3',
        'Open Supply Hub contributor: Northwind Computers (Brand)',
        'Open Supply Hub contributor: Fairwork Audit Network (Auditor)',
      ],
    });
    expect((await organization('osh-CZ2020155N4P5Q6'))?.['closed']).toBe(true);
    // Listed, so the directory finds it by its terms.
    expect((await organization('osh-CN2023117A1B2C3'))?.['directoryTerms']).toEqual(expect.any(Array));
    // The known factory keeps its id, name, city, provenance, listing and other sources; the file's name
    // becomes an alias; its links stay.
    const known = await organization('known-factory');
    expect(known).toMatchObject({
      name: 'Silverpine Dongguan',
      city: 'Dongguan',
      provenance: 'DOCUMENTED',
      aliases: ['Silverpine Power Supplies, Dongguan'],
      parentCompanies: ['Silverpine Group', 'Silverpine Electronic (HK) Ltd.'],
      sources: [
        'An audit report',
        'Open Supply Hub https://opensupplyhub.org/facilities/CN2022301D4E5F6',
        'Open Supply Hub contributor: Northwind Computers (Brand)',
      ],
    });
    expect(known?.['listed']).not.toBe(true);
    expect((await countAll(db)).links).toBe(1);

    const before = await dumpGraph(db.driver);
    const second = await importFacilities(SAMPLE);
    expect({
      created: second.created.length,
      updated: second.updated.length,
      unchanged: second.unchanged,
    }).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('names every bad row by row, column and value, and writes nothing', async () => {
    const before = await dumpGraph(db.driver);
    const file = [
      HEADER,
      'CN2023117A1B2C3,Good,Somewhere 1,CN,31.1,120.1,Electronics,,,,,,,',
      'cn-not-an-os-id,Bad id,Somewhere 2,CN,,,,,,,,,,',
      'CN2023117A1B2C4,,Somewhere 3,XX,95,120,,,,,,,,maybe',
      'CN2023117A1B2C5,Half a place,Somewhere 4,CN,31.2,,,,about fifty,,,,,',
      'CN2023117A1B2C3,Twice,Somewhere 5,CN,,,,,,,,,,',
      'CN2023117A1B2C6,Short row,Somewhere 6',
    ].join('\n');
    const { facilities, problems } = readFacilities(file);
    expect(facilities).toEqual([]);
    expect(problems.map(formatFacilityProblem)).toEqual([
      'row 3, column os_id ("cn-not-an-os-id"): must be an Open Supply Hub OS ID such as CN2019303BQ3FZP',
      'row 4, column name (""): must not be empty',
      'row 4, column country_code ("XX"): must be an ISO 3166-1 alpha-2 code such as CN',
      'row 4, column lat ("95"): must be a number from -90 to 90',
      'row 4, column is_closed ("maybe"): must be true, false or empty',
      'row 5, column lng (""): must be given with the other coordinate',
      'row 5, column number_of_workers ("about fifty"): must be a head count or a range such as 1001-5000',
      'row 6, column os_id ("CN2023117A1B2C3"): row 2 has the same os_id',
      'row 7: has 3 cells, the header has 14',
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('refuses rows that conflict with the store, writing nothing', async () => {
    await loadGraph(
      db,
      graph()
        .org('a-brand', 'BRAND', { osId: 'CN2023117A1B2C3' })
        .org('twin-1', 'FACTORY', { osId: 'VN2024045G7H8J9', country: 'VN' })
        .org('twin-2', 'FACTORY', { osId: 'VN2024045G7H8J9', country: 'VN' })
        .org('elsewhere', 'FACTORY', { osId: 'MY2021210K1L2M3', country: 'TH' })
        .build(),
    );
    const before = await dumpGraph(db.driver);
    const plan = await planFacilities(readFacilities(SAMPLE).facilities, new FacilityRepository(db.executor));
    expect(plan.problems.map(formatFacilityProblem)).toEqual([
      'row 2, column os_id ("CN2023117A1B2C3"): belongs to a-brand, a BRAND, not a FACTORY',
      'row 4, column os_id ("VN2024045G7H8J9"): is carried by several organizations (twin-1, twin-2); merge them first',
      'row 5, column country_code ("MY"): os_id MY2021210K1L2M3 belongs to elsewhere in TH',
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('refuses, writing nothing, when an organization took one of the os_ids between the plan and the write', async () => {
    const { facilities } = readFacilities(SAMPLE);
    const facilityRepository = new FacilityRepository(db.executor);
    const plan = await planFacilities(facilities, facilityRepository);
    expect(plan.created.map((r) => r.id)).toContain('osh-CN2023117A1B2C3');
    // What an API declaration of a new supplier with that os_id writes, before the import's run holds
    // API writes off.
    await db.driver.executeQuery(
      `CREATE (:Organization {id: 'declared', name: 'Declared', type: 'FACTORY', country: 'CN', osId: 'CN2023117A1B2C3'})`,
    );
    const outcome = await writeFacilities(plan, facilities, facilityRepository, db.imports, {
      origin: ORIGIN,
      settleMs: 0,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.validation.problems.map((p) => p.message)).toEqual([
      'the store changed while the import began: run it again',
    ]);
    expect(await organization('osh-CN2023117A1B2C3')).toBeUndefined();
    expect((await db.imports.runs.list()).filter((run) => run.finishedAt === null)).toEqual([]);
  });

  it('reports a file that is not CSV or lacks the columns of a download', () => {
    expect(() => readFacilities('os_id,name\n"unclosed,quote\n')).toThrow(FacilitiesFileError);
    expect(() => readFacilities('id,name\nx,y\n')).toThrow(
      'the header row lacks the column(s) os_id, address, country_code of an Open Supply Hub download',
    );
  });
});
