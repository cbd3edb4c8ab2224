// Text bound for a spreadsheet (the dashboard's CSVs, `tiersight export-chain --format csv`): a cell
// that starts like a formula (=, +, -, @, or a tab or carriage return some spreadsheets skip first) is
// run by Excel and LibreOffice when the file is opened, so an organization named "=HYPERLINK(...)" in
// someone's data would act in the analyst's spreadsheet (OWASP's CSV injection). A leading apostrophe
// makes the cell text; both exports promise the same guard.
//
// A file is opened by the spreadsheet of whoever receives it, which splits it at its own list
// separator: a comma-separated file in a Swedish Excel is split at ';', a semicolon-separated one in an
// English Excel at ','. Quotes guard nothing then (a quote opens a quoted cell only as a cell's first
// character, and those cells start mid-cell), so "Acme;=HYPERLINK(...)" would become a cell
// "=HYPERLINK(...)" there. The same guard goes after each ',' or ';' (and each line break, which such a
// reading does not see quoted, and each tab, which LibreOffice's import dialog also splits at by
// default), past any quotes, where a formula character follows.

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_A_SEPARATOR = /(?<=[,;\t\r\n]"*)(?=[=+\-@\t\r])/g;

/** `text`, made inert for a spreadsheet of either dialect where a cell of it could start like a formula. */
export const defusedFormula = (text: string): string =>
  (FORMULA_START.test(text) ? `'${text}` : text).replace(FORMULA_AFTER_A_SEPARATOR, "'");

/**
 * How a spreadsheet reads a CSV opened by a double-click: Excel splits it at the system's list
 * separator, which is `;` wherever the decimal mark is a comma (Swedish, Norwegian, Danish, German,
 * French…), and reads numbers with that mark: a comma-separated file then opens as one column, and
 * 11.03 may become a date. The dashboard's files follow the browser's language; chainExport takes one.
 */
export interface CsvFormat {
  separator: ',' | ';';
  decimal: '.' | ',';
}

/** RFC 4180's: what scripts read. */
export const CSV_COMMAS: CsvFormat = { separator: ',', decimal: '.' };

/**
 * `value` in digits without an exponent: String(1e-7) is "1e-7", which a reader parsing the locale's
 * numbers (Java's NumberFormat, as Gephi's importer does) reads up to the "e": "1,5e-7" as 1,5.
 */
function positional(value: number): string {
  const text = String(value);
  const scientific = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (scientific === null) return text;
  const [, sign = '', first = '', rest = '', exponent = '0'] = scientific;
  const digits = first + rest;
  const power = Number(exponent);
  // String() writes an exponent below 1e-6 and from 1e21 on only, where its 17 digits at most fit.
  return power < 0
    ? `${sign}0.${'0'.repeat(-power - 1)}${digits}`
    : `${sign}${digits.padEnd(power + 1, '0')}`;
}

/**
 * A number as `format` writes it: digits, a leading "-" (a number, never defused), the decimal mark
 * of `format`, no exponent; NaN and infinities, which no spreadsheet reads as numbers and no import
 * stores, as an empty cell, the cell of a missing value.
 */
export const csvNumber = (value: number, format: CsvFormat): string =>
  Number.isFinite(value) ? positional(value).replace('.', format.decimal) : '';
