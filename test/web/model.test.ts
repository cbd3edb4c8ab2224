// The dashboard's pure logic: columns and aggregation, filters, paths, CSV.
import { describe, expect, it } from 'vitest';
import {
  buildColumns,
  chainToCsv,
  csvCell,
  csvFormatFor,
  highestSeverity,
  NO_FILTERS,
  pathToRoot,
  risksById,
  unhide,
  type Filters,
  type RiskIndicator,
} from '../../web/src/model.ts';
import { bigChain, CHAIN, EXPOSURE, FLAGGED } from './fixtures.ts';

const risks = risksById(CHAIN, null);

describe('buildColumns', () => {
  it('makes one column per tier, flagged organizations first, then by name', () => {
    const columns = buildColumns(CHAIN, NO_FILTERS, risks);
    expect(columns.map((c) => c.tier)).toEqual([1, 2, 3]);
    expect(columns[2]!.shown.map((o) => o.id)).toEqual(['factory-b', 'factory-a']);
    expect(columns.map((c) => c.total)).toEqual([1, 1, 2]);
  });

  it('filters by type, country and name without changing the totals', () => {
    const filters: Filters = { types: new Set(['FACTORY']), country: 'VN', search: '' };
    const columns = buildColumns(CHAIN, filters, risks);
    expect(columns.map((c) => c.matching.map((o) => o.id))).toEqual([[], [], ['factory-a']]);
    expect(columns[2]!.total).toBe(2);
    const search = buildColumns(CHAIN, { ...NO_FILTERS, search: 'BRAND' }, risks);
    expect(search.map((c) => c.matching.length)).toEqual([0, 1, 0]);
  });

  it('aggregates a tier of 5,000 into the first N and a count', () => {
    const chain = bigChain(5000);
    const columns = buildColumns(chain, NO_FILTERS, new Map(), (tier) => (tier === 2 ? 40 : 10));
    expect(columns[1]!.shown).toHaveLength(40);
    expect(columns[1]!.hidden).toBe(4960);
    expect(columns[1]!.shown[0]!.name).toBe('Factory 00000');
  });
});

describe('unhide', () => {
  it('clears only the filters that hide an organization, and names them as the filter bar does', () => {
    const filters: Filters = { types: new Set(['RESELLER', 'FACTORY']), country: 'SE', search: ' reseller ' };
    expect(unhide(FLAGGED, filters)).toEqual({
      filters: { types: filters.types, country: '', search: '' },
      cleared: ['Country SE', 'Search “reseller”'],
    });
    const brand = CHAIN.tiers[1]!.organizations[0]!;
    expect(unhide(brand, { ...NO_FILTERS, types: new Set(['FACTORY']) })).toEqual({
      filters: NO_FILTERS,
      cleared: ['Types (Factory)'],
    });
    expect(unhide(FLAGGED, { ...NO_FILTERS, country: 'CN' })).toEqual({
      filters: { ...NO_FILTERS, country: 'CN' },
      cleared: [],
    });
  });
});

describe('risks', () => {
  it('takes Organization.risks, else the exposure findings', () => {
    expect(risks.get('factory-b')).toHaveLength(2);
    const withoutRisks = {
      ...CHAIN,
      tiers: CHAIN.tiers.map((t) => ({
        ...t,
        organizations: t.organizations.map((o) => ({ ...o, risks: undefined })),
      })),
    };
    expect(risksById(withoutRisks, null).size).toBe(0);
    expect(risksById(withoutRisks, EXPOSURE).get('factory-b')).toHaveLength(2);
    expect(highestSeverity(FLAGGED.risks)).toBe('CRITICAL');
    expect(highestSeverity([])).toBeNull();
  });

  it('leaves out an entry its list removed, as exposure does', () => {
    const delisted = (r: RiskIndicator) => ({ ...r, delistedAt: '2025-01-01T00:00:00.000Z' });
    const chain = {
      ...CHAIN,
      tiers: CHAIN.tiers.map((t) => ({
        ...t,
        organizations: t.organizations.map((o) =>
          o.id === 'factory-b' ? { ...o, risks: [delisted(o.risks![0]!), ...o.risks!.slice(1)] } : o,
        ),
      })),
    };
    expect(risksById(chain, null).get('factory-b')).toEqual(risks.get('factory-b')!.slice(1));
    const allDelisted = {
      ...chain,
      tiers: chain.tiers.map((t) => ({
        ...t,
        organizations: t.organizations.map((o) => ({ ...o, risks: o.risks?.map(delisted) })),
      })),
    };
    expect(risksById(allDelisted, null).size).toBe(0);
  });
});

describe('pathToRoot', () => {
  it('finds a shortest path through the links, root first', () => {
    expect(pathToRoot(CHAIN, 'factory-a')?.map((o) => o.id)).toEqual([
      'root',
      'reseller',
      'brand',
      'factory-a',
    ]);
    expect(pathToRoot(CHAIN, 'root')?.map((o) => o.id)).toEqual(['root']);
    expect(pathToRoot(CHAIN, 'nowhere')).toBeNull();
  });
});

describe('CSV', () => {
  it('quotes and defuses cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(null)).toBe('');
  });

  it("follows the spreadsheet of the browser's language: semicolons and decimal commas where decimals take a comma", () => {
    const swedish = csvFormatFor('sv-SE');
    expect(swedish).toEqual({ separator: ';', decimal: ',' });
    expect(csvFormatFor('nb-NO')).toEqual(swedish);
    expect(csvFormatFor('en-GB')).toEqual({ separator: ',', decimal: '.' });
    expect(csvFormatFor('not a locale')).toEqual({ separator: ',', decimal: '.' });
    // Switzerland: decimal points, but lists separated by semicolons as in Germany and Italy.
    expect(csvFormatFor('de-CH')).toEqual({ separator: ';', decimal: '.' });
    expect(csvFormatFor('it-CH')).toEqual({ separator: ';', decimal: '.' });
    expect(csvCell(11.03, swedish)).toBe('11,03');
    expect(csvCell(-2.5, swedish)).toBe('-2,5');
    expect(csvCell('Smith; Jones AB', swedish)).toBe('"Smith; Jones AB"');
    expect(csvCell('Smith, Jones AB', swedish)).toBe('Smith, Jones AB');
  });

  it('writes what disclosures shared with the viewer flag, as the cards badge it', () => {
    const disclosed = new Map([
      [
        'brand',
        [
          {
            kind: 'OVERDUE_ACTION' as const,
            severity: 'HIGH' as const,
            description: 'Overdue corrective action',
            disclosure: {
              id: 'd-1',
              kind: 'CORRECTIVE_ACTION_PLAN' as const,
              title: 'CAP 2016',
              owner: { id: 'brand', name: 'Brand Inc' },
            },
          },
        ],
      ],
    ]);
    const csv = chainToCsv(CHAIN, buildColumns(CHAIN, NO_FILTERS, risks), risks, disclosed);
    expect(csv.split('\r\n')[3]).toBe('2,brand,Brand Inc,BRAND,US,DOCUMENTED,,,HIGH,Brand Inc,reseller');
  });

  it('writes the root and every matching organization with risks and customers', () => {
    const csv = chainToCsv(CHAIN, buildColumns(CHAIN, NO_FILTERS, risks), risks);
    expect(csv.split('\r\n')).toEqual([
      'tier,id,name,type,country,provenance,highest_risk,risk_sources,disclosed_risk,disclosed_by,supplies_to',
      '0,root,Root Buyer,PURCHASER,SE,DOCUMENTED,,,,,',
      '1,reseller,Reseller AB,RESELLER,SE,DOCUMENTED,,,,,root',
      '2,brand,Brand Inc,BRAND,US,DOCUMENTED,,,,,reseller',
      '3,factory-b,B Factory,FACTORY,CN,DOCUMENTED,CRITICAL,NGO report 2013; Entity List 2020,,,brand',
      '3,factory-a,A Factory,FACTORY,VN,DOCUMENTED,,,,,brand',
      '',
    ]);
  });
});
