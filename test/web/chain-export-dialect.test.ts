// @vitest-environment happy-dom
/// <reference lib="dom" />
// Export file asks for the CSV dialect of the user's spreadsheet only where the server has
// `chainExport(csv:)`: a pod not yet upgraded refuses any query that names CsvDialect, which would fail
// the export of every format, GraphML and JSON too, during a rolling upgrade.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, printSchema, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../web/src/api.ts';
import { chainExportOperation, type ChainExportFormat } from '../../web/src/chain-export.ts';
import type { CsvFormat, Query } from '../../web/src/model.ts';
import { fakeApi } from './fake-api.ts';

const SWEDISH: CsvFormat = { separator: ';', decimal: ',' };
const QUERY: Query = { rootId: 'se-region-stockholm', maxDepth: 5, asOf: '', product: 'bärbara datorer' };

const schemaText = readFileSync('schema/tiersight.graphql', 'utf8');
/** The schema of a server from before `csv` (the argument gone, as it was). */
const OLDER = buildSchema(
  schemaText.replace(/^\s*"""\n\s*For format CSV only[^"]*"""\n\s*csv: CsvDialect\n/m, ''),
);

const errorsOn = (format: ChainExportFormat, csv: CsvFormat | null) =>
  validate(OLDER, parse(chainExportOperation(format, QUERY, csv).query)).map((e) => e.message);

describe('Export file against a server without chainExport(csv:)', () => {
  it('is refused there when the dialect is named (the reason for asking first)', () => {
    expect(printSchema(OLDER)).not.toContain('csv: CsvDialect');
    expect(errorsOn('CSV', SWEDISH)).not.toEqual([]);
  });

  it('names no dialect for another format than CSV, nor where the server has none', () => {
    for (const format of ['GRAPHML', 'GEXF', 'JSON'] as const) {
      expect(errorsOn(format, SWEDISH)).toEqual([]);
      expect(chainExportOperation(format, QUERY, SWEDISH).variables).not.toHaveProperty('csv');
    }
    expect(errorsOn('CSV', null)).toEqual([]);
    expect(chainExportOperation('CSV', QUERY, null).variables).not.toHaveProperty('csv');
    expect(chainExportOperation('CSV', QUERY, SWEDISH).variables).toMatchObject({
      csv: { separator: 'SEMICOLON', decimalMark: 'COMMA' },
      product: 'bärbara datorer',
    });
  });
});

describe('the capability', () => {
  let chainExportArgs: string[] = [];
  fakeApi(() => ({
    data: {
      query: {
        fields: [{ name: 'chainExport', args: chainExportArgs.map((name) => ({ name })) }],
      },
    },
  }));

  it('is read from chainExport’s arguments', async () => {
    chainExportArgs = ['format', 'rootId', 'maxDepth', 'asOf', 'product', 'csv'];
    expect(await capabilities('token')).toMatchObject({ csvDialect: true });
    chainExportArgs = ['format', 'rootId', 'maxDepth', 'asOf', 'product'];
    expect(await capabilities('token')).toMatchObject({ csvDialect: false });
  });
});
