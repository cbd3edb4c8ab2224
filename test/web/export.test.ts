// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The PNG export's reading of the tier view (the drawing itself needs a canvas: test/e2e/dashboard):
// the words a badge shows, and the legend that names what the marks drawn mean; and the chain file
// "Export file" saves.
import { afterEach, describe, expect, it } from 'vitest';
import { disclosedBadge } from '../../web/src/evidence.ts';
import { csvDialect, exportedBlob } from '../../web/src/chain-export.ts';
import { pngLegend, shownText } from '../../web/src/export.ts';
import {
  buildColumns,
  csvFormatFor,
  NO_FILTERS,
  risksById,
  type DisclosedIndicator,
} from '../../web/src/model.ts';
import { renderTierView, riskBadge } from '../../web/src/tier-view.ts';
import { CHAIN, FLAGGED } from './fixtures.ts';

const DISCLOSED: DisclosedIndicator[] = [
  {
    kind: 'OVERDUE_ACTION',
    severity: 'CRITICAL',
    description: 'Overdue',
    disclosure: {
      id: 'd-1',
      kind: 'CORRECTIVE_ACTION_PLAN',
      title: 'Plan',
      owner: { id: 'brand', name: 'Brand Inc' },
    },
  },
];

const tiers = (extra: { disclosed?: boolean; scores?: boolean } = {}) => {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const risks = risksById(CHAIN, null);
  renderTierView(
    container,
    {
      chain: CHAIN,
      columns: buildColumns(CHAIN, NO_FILTERS, risks),
      risks,
      selected: null,
      highlighted: new Set(),
      disclosed: new Map(extra.disclosed ? [['brand', DISCLOSED]] : []),
      scores: new Map(extra.scores ? [['brand', 35.5]] : []),
    },
    { select: () => {}, showMore: () => {} },
  );
  return container.querySelector<HTMLElement>('.tiers')!;
};
afterEach(() => document.body.replaceChildren());

describe('the PNG export', () => {
  it('writes what a badge shows, not the words only screen readers get', () => {
    expect(shownText(riskBadge(FLAGGED.risks)!)).toBe('⚠ CRITICAL');
    expect(shownText(disclosedBadge(DISCLOSED)!)).toBe('◆ CRITICAL');
  });

  it('explains under its title only the marks it draws, naming disclosed evidence as such', () => {
    expect(pngLegend(tiers(), 'Root Buyer')).toBe('⚠ highest public risk indicator');
    expect(pngLegend(tiers({ disclosed: true, scores: true }), 'Root Buyer')).toBe(
      '⚠ highest public risk indicator · ◆ highest indicator in what was disclosed to Root Buyer · ' +
        'number and right edge: risk score 0–100 and its band (high from 40, dark red; medium from 20, amber; low below 20, green)',
    );
  });
});

describe('the chain file the page saves ("Export file")', () => {
  const file = (mediaType: string) => ({
    filename: 'f',
    mediaType,
    content: 'record,name\r\nx,Sykehusinnkjøp\r\n',
  });
  const bytes = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];
  const utf8 = (text: string) => [...new TextEncoder().encode(text)];

  it('starts a CSV with the byte order mark Excel needs to read UTF-8, the API’s text after it unchanged', async () => {
    const csv = file('text/csv; charset=utf-8');
    expect(await bytes(exportedBlob(csv))).toEqual([0xef, 0xbb, 0xbf, ...utf8(csv.content)]);
  });

  it('saves the other formats as they came', async () => {
    for (const mediaType of ['application/graphml+xml', 'application/gexf+xml', 'application/json']) {
      const blob = exportedBlob(file(mediaType));
      expect(await bytes(blob)).toEqual(utf8(file(mediaType).content));
      expect(blob.type).toBe(mediaType);
    }
  });
});

describe('Export file → CSV', () => {
  it('asks the API for the dialect the browser language’s spreadsheet reads, as the page’s own CSVs are written', () => {
    const dialect = (locale: string) => csvDialect(csvFormatFor(locale));
    expect(dialect('sv-SE')).toEqual({ separator: 'SEMICOLON', decimalMark: 'COMMA' });
    expect(dialect('nb-NO')).toEqual({ separator: 'SEMICOLON', decimalMark: 'COMMA' });
    expect(dialect('de-CH')).toEqual({ separator: 'SEMICOLON', decimalMark: 'POINT' });
    expect(dialect('en-US')).toEqual({ separator: 'COMMA', decimalMark: 'POINT' });
  });
});
