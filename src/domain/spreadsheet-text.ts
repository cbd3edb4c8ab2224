// Text bound for a spreadsheet (the dashboard's CSVs, `tiersight export-chain --format csv`): a cell
// that starts like a formula (=, +, -, @, or a tab or carriage return some spreadsheets skip first) is
// run by Excel and LibreOffice when the file is opened, so an organization named "=HYPERLINK(...)" in
// someone's data would act in the analyst's spreadsheet (OWASP's CSV injection). A leading apostrophe
// makes the cell text; both exports promise the same guard.

const FORMULA_START = /^[=+\-@\t\r]/;

/** `text`, made inert for a spreadsheet when it starts like a formula. */
export const defusedFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
