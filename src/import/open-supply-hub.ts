// Reads an Open Supply Hub facilities download (CSV, one facility per row, several values in a cell
// separated by `|`) into facilities, or names every bad cell by row, column and value. The column
// mapping is explained in docs/open-supply-hub.md. CSV syntax comes from csv-parse: a quoted cell may
// hold commas, line breaks and doubled quotes, which a split on commas would get wrong.
import { CsvError, parse } from 'csv-parse/sync';
import { isCountryCode } from '../domain/countries.ts';
import { MAX_TEXT } from '../domain/format.ts';
import { quote } from '../domain/quote.ts';

/** One facility as Open Supply Hub describes it. */
export interface Facility {
  /** The spreadsheet row it came from (the header is row 1). */
  row: number;
  osId: string;
  name: string;
  address: string;
  country: string;
  latitude?: number;
  longitude?: number;
  sectors: string[];
  contributors: string[];
  parentCompanies: string[];
  facilityTypes: string[];
  processingTypes: string[];
  productTypes: string[];
  numberOfWorkers?: string;
  closed: boolean;
}

export interface FacilityProblem {
  row: number;
  column: string | null;
  /** The cell as the file has it, when a cell is at fault. */
  value?: string;
  message: string;
}

export const formatFacilityProblem = (p: FacilityProblem): string =>
  `row ${p.row}${p.column === null ? '' : `, column ${p.column}`}` +
  `${p.value === undefined ? '' : ` (${quote(p.value)})`}: ${p.message}`;

export class FacilitiesFileError extends Error {}

const REQUIRED = ['os_id', 'name', 'address', 'country_code'] as const;
/** Columns read; any other column of the download (country_name, contribution_date, …) is left out. */
const MULTI = {
  sector: 'sectors',
  contributor: 'contributors',
  parent_company: 'parentCompanies',
  facility_type: 'facilityTypes',
  processing_type: 'processingTypes',
  product_type: 'productTypes',
} as const;
/** Some downloads name the contributor column after its list form. */
const ALIASES: Record<string, string> = { 'contributor (list)': 'contributor' };

// An OS ID: the country code, the year and day of the year it was first seen, and six letters or digits.
const OS_ID = /^[A-Z]{2}\d{7}[A-Z0-9]{6}$/;
const WORKERS = /^\d[\d,]*(\s*-\s*\d[\d,]*|\+)?$/;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0', '']);

/** Every facility of the file, or every problem in it (then no facility). */
export function readFacilities(text: string): { facilities: Facility[]; problems: FacilityProblem[] } {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    if (error instanceof CsvError) throw new FacilitiesFileError(`not a readable CSV file: ${error.message}`);
    throw error;
  }
  const [header, ...body] = rows;
  if (header === undefined) throw new FacilitiesFileError('the file is empty: it needs a header row');
  const columns = header.map((name) => {
    const key = name.trim().toLowerCase();
    return ALIASES[key] ?? key;
  });
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0)
    throw new FacilitiesFileError(
      `the header row lacks the column(s) ${missing.join(', ')} of an Open Supply Hub download`,
    );
  const problems: FacilityProblem[] = [];
  const facilities: Facility[] = [];
  const firstRow = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length !== columns.length) {
      problems.push({
        row,
        column: null,
        message: `has ${cells.length} cells, the header has ${columns.length}`,
      });
      return;
    }
    const cell = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
    const facility = readRow(row, cell, problems);
    if (facility === null) return;
    const first = firstRow.get(facility.osId);
    if (first !== undefined) {
      problems.push({
        row,
        column: 'os_id',
        value: facility.osId,
        message: `row ${first} has the same os_id`,
      });
      return;
    }
    firstRow.set(facility.osId, row);
    facilities.push(facility);
  });
  return problems.length > 0 ? { facilities: [], problems } : { facilities, problems };
}

function readRow(row: number, cell: (name: string) => string, problems: FacilityProblem[]): Facility | null {
  const before = problems.length;
  const bad = (column: string, message: string) =>
    problems.push({ row, column, value: cell(column), message });
  const text = (column: string, required: boolean): string | undefined => {
    const value = cell(column);
    if (value === '') {
      if (required) bad(column, 'must not be empty');
      return undefined;
    }
    if (value.length > MAX_TEXT) bad(column, `must be at most ${MAX_TEXT} characters`);
    return value;
  };
  const osId = text('os_id', true) ?? '';
  if (osId !== '' && !OS_ID.test(osId))
    bad('os_id', 'must be an Open Supply Hub OS ID such as CN2019303BQ3FZP');
  const name = text('name', true) ?? '';
  const address = text('address', true) ?? '';
  const country = cell('country_code').toUpperCase();
  if (!isCountryCode(country)) bad('country_code', 'must be an ISO 3166-1 alpha-2 code such as CN');
  const latitude = coordinate('lat', 90);
  const longitude = coordinate('lng', 180);
  if ((latitude === undefined) !== (longitude === undefined) && problems.length === before)
    bad(latitude === undefined ? 'lat' : 'lng', 'must be given with the other coordinate');
  const numberOfWorkers = text('number_of_workers', false);
  if (numberOfWorkers !== undefined && !WORKERS.test(numberOfWorkers))
    bad('number_of_workers', 'must be a head count or a range such as 1001-5000');
  const closedCell = cell('is_closed').toLowerCase();
  if (!TRUE.has(closedCell) && !FALSE.has(closedCell)) bad('is_closed', 'must be true, false or empty');
  const lists = Object.fromEntries(
    Object.entries(MULTI).map(([column, field]) => [field, values(cell(column))]),
  ) as Record<(typeof MULTI)[keyof typeof MULTI], string[]>;
  for (const [column, field] of Object.entries(MULTI)) {
    if (lists[field].some((v) => v.length > MAX_TEXT))
      bad(column, `each value must be at most ${MAX_TEXT} characters`);
  }
  if (problems.length > before) return null;
  return {
    row,
    osId,
    name,
    address,
    country,
    ...(latitude !== undefined && longitude !== undefined ? { latitude, longitude } : {}),
    ...lists,
    ...(numberOfWorkers !== undefined ? { numberOfWorkers } : {}),
    closed: TRUE.has(closedCell),
  };

  function coordinate(column: string, limit: number): number | undefined {
    const value = cell(column);
    if (value === '') return undefined;
    const number = Number(value);
    if (!Number.isFinite(number) || Math.abs(number) > limit) {
      bad(column, `must be a number from -${limit} to ${limit}`);
      return undefined;
    }
    return number;
  }
}

/** The values of a `|`-separated cell, trimmed, without empty ones or repeats. */
function values(cellText: string): string[] {
  return [
    ...new Set(
      cellText
        .split('|')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
}
