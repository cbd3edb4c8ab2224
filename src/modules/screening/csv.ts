// RFC 4180 records with the physical line each one starts on, so that every bad row of a watch list can be
// reported by its line. Hand-written because the libraries tried lose exactly that: csv-parse 7 counts a
// CRLF inside a quoted field as two lines and papaparse 5 gives row numbers only, and after a malformed
// quote both read the rest of the file as one quoted field, leaving the rows after it unchecked. This
// reader reports the malformed record and resumes at the next line.

interface CsvRecord {
  fields: string[];
  /** The physical line (from 1) the record starts on. */
  line: number;
}

/**
 * RFC 4180 records: comma-separated fields, quoted fields may hold commas, line breaks and doubled
 * quotes; records end with CRLF or LF. A leading byte-order mark is ignored; blank lines are skipped.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: string[] } {
  const records: CsvRecord[] = [];
  const problems: string[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let broken = false;
    for (;;) {
      const c = input[i];
      if (quoted) {
        if (c === undefined) {
          problems.push(`line ${startLine}: a quoted field is not closed before the end of the file`);
          broken = true;
          break;
        }
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
            const next = input[i];
            if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
              problems.push(`line ${line}: unexpected text after a closing quote`);
              // Stop here: reading on would end the record on the next line break and then skip the line
              // after it unread.
              broken = true;
              break;
            }
          }
          continue;
        }
        if (c === '\n') line++;
        field += c;
        i++;
        continue;
      }
      if (c === '"' && field === '') {
        quoted = true;
        i++;
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        i++;
        continue;
      }
      if (c === undefined || c === '\n' || (c === '\r' && input[i + 1] === '\n')) {
        fields.push(field);
        if (c !== undefined) {
          i += c === '\r' ? 2 : 1;
          line++;
        }
        break;
      }
      field += c;
      i++;
    }
    if (broken) {
      // Skip to the end of the physical line and go on with the next record.
      while (i < input.length && input[i] !== '\n') i++;
      if (i < input.length) {
        i++;
        line++;
      }
      continue;
    }
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') continue;
    records.push({ fields, line: startLine });
  }
  return { records, problems };
}
