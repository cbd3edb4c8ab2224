// A CSV is opened by the spreadsheet of whoever receives it, which splits it at its own list separator:
// the API's RFC 4180 file in a Swedish Excel (split at ';'), the dashboard's Swedish file mailed to an
// English colleague (split at ','). Quotes then guard nothing: a quote only opens a quoted cell at the
// start of one, and the other separator's cells start mid-cell. A name such as
// `Acme;=HYPERLINK(...)` must not become a cell that starts like a formula in either reading, in the
// server's chain CSV (both dialects) or the dashboard's CSVs.
import { describe, expect, it } from 'vitest';
import { unreadOrganizationDetail } from '../../src/domain/chain-detail.ts';
import type { CsvFormat } from '../../src/domain/spreadsheet-text.ts';
import type { ChainExport } from '../../src/export/chain-export.ts';
import { writeChain } from '../../src/export/chain-formats.ts';
import { csvLine } from '../../web/src/model.ts';
import { buyersChain } from '../support/chain-files.ts';

/**
 * The cells of `text` as a spreadsheet splitting at `separator` reads them when opened by a
 * double-click: a quote opens a quoted cell only as a cell's first character (`""` inside is one
 * quote, any other quote closes it); elsewhere quotes are text, and an unquoted line break ends a row.
 */
function spreadsheetCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let start = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (start && c === '"') {
      quoted = true;
      start = false;
      continue;
    }
    if (c === separator || c === '\n' || c === '\r') {
      cells.push(cell);
      cell = '';
      start = true;
      continue;
    }
    cell += c;
    start = false;
  }
  cells.push(cell);
  return cells;
}

/** A cell a spreadsheet runs: it starts like a formula and is not a number. */
const runs = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+([.,]\d+)?(e[-+]?\d+)?$/i.test(cell);

const HOSTILE = [
  'Acme;=HYPERLINK("https://evil.example","Open")',
  'Acme,=1+2',
  "Acme;+cmd|' /C calc'!A0",
  'Acme,-2+3',
  'Acme;@SUM(1+1)',
  'Acme,\t=1+1',
  'x;"=1+1"',
  'x,""=1+1',
  'Acme\n=1+1',
  'Acme\r\n@SUM(1)',
  'Acme\r-1+1',
  'Acme\t=1+1',
];

const DIALECTS: CsvFormat[] = [
  { separator: ',', decimal: '.' },
  { separator: ';', decimal: ',' },
  { separator: ';', decimal: '.' },
];

const chain = (name: string): ChainExport =>
  buyersChain([
    {
      organization: {
        id: 'buyer',
        name,
        type: 'PURCHASER',
        country: 'SE',
        ...unreadOrganizationDetail(),
        city: name,
        latitude: 59.33,
        longitude: -18.07,
        sources: [name],
      },
      tier: 0,
      risks: [],
      disclosed: [],
    },
  ]);

describe('CSV injection through the other dialect', () => {
  for (const format of DIALECTS)
    for (const reader of [',', ';', '\t'])
      it(`the chain CSV in '${format.separator}' '${format.decimal}' read split at '${reader}' runs no formula`, () => {
        for (const name of HOSTILE) {
          const content = writeChain(chain(name), 'csv', format).content;
          expect(spreadsheetCells(content, reader).filter(runs), JSON.stringify(name)).toEqual([]);
        }
      });

  for (const format of DIALECTS)
    for (const reader of [',', ';', '\t'])
      it(`the dashboard's CSV line in '${format.separator}' read split at '${reader}' runs no formula`, () => {
        for (const name of HOSTILE) {
          const line = csvLine([1, 'id', name, -2.5, name], format);
          expect(spreadsheetCells(line, reader).filter(runs), JSON.stringify(name)).toEqual([]);
        }
      });

  it('the file still reads back, in its own dialect, to the text with one apostrophe per place it was cut', () => {
    const line = csvLine(['Acme;=1+2', 'a,-b', 'Tel;+46 8 123', 'plain; text, -not cut'], {
      separator: ';',
      decimal: ',',
    });
    expect(line).toBe(`"Acme;'=1+2";a,'-b;"Tel;'+46 8 123";"plain; text, -not cut"`);
  });
});
