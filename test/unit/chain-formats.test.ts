// The chain formats read back by other tools' rules: every node, edge and attribute of a small chain
// with awkward values (markup, quotes, commas, line breaks, formula-like text, missing values, parallel
// links, a cycle) comes back from GraphML, GEXF and CSV as exported; JSON keeps everything.
import { describe, expect, it } from 'vitest';
import { unreadOrganizationDetail } from '../../src/domain/chain-detail.ts';
import type { Organization, RiskIndicator, SupplyLink } from '../../src/domain/model.ts';
import type { DisclosedIndicator } from '../../src/domain/disclosed-indicators.ts';
import type { ChainExport, ExportedDisclosedIndicator } from '../../src/export/chain-export.ts';
import { chainFormat, writeChain } from '../../src/export/chain-formats.ts';
import { buyersChain, readCsv, readGexf, readGraphml, type ReadGraph } from '../support/chain-files.ts';

const org = (id: string, extra: Partial<Organization> = {}): Organization => ({
  id,
  name: `Org ${id}`,
  type: 'MANUFACTURER',
  country: 'SE',
  ...unreadOrganizationDetail(),
  ...extra,
});
const link = (
  id: string,
  supplierId: string,
  customerId: string,
  extra: Partial<SupplyLink> = {},
): SupplyLink => ({
  id,
  supplierId,
  customerId,
  products: [],
  validFrom: null,
  validTo: null,
  recordedAt: '2024-01-01T00:00:00.000Z',
  provenance: null,
  sources: [],
  ...extra,
});
const risk = (
  id: string,
  severity: RiskIndicator['severity'],
  kind: RiskIndicator['kind'],
  source: string,
): RiskIndicator => ({
  id,
  kind,
  source,
  severity,
  topics: [],
  description: null,
  evidenceUrl: null,
  observedAt: null,
  delistedAt: null,
  recordedBy: null,
  redactedAt: null,
  recordedAt: '2024-01-01T00:00:00.000Z',
});

const overdue = (severity: DisclosedIndicator['severity'], id: string): DisclosedIndicator => ({
  kind: 'OVERDUE_ACTION',
  severity,
  disclosureId: 'd-plan',
  version: 2,
  asOf: null,
  description: `Finding ${id}`,
  action: {
    id,
    finding: `Finding ${id}`,
    severity,
    action: 'Fix it',
    dueAt: '2026-06-30T00:00:00.000Z',
    status: 'IN_PROGRESS',
    verification: null,
    closedAt: null,
    overdue: true,
  },
});
const brand = { id: 'brand', name: 'Brand; Co' };
/** What disclosures shared with the viewer flag: kept apart from the public indicators in every format. */
const DISCLOSED: Record<string, ExportedDisclosedIndicator[]> = {
  maker: [
    { indicator: overdue('CRITICAL', 'cap-4'), disclosedBy: brand },
    { indicator: overdue('HIGH', 'cap-3'), disclosedBy: brand },
  ],
  site: [
    {
      indicator: {
        kind: 'EXPIRED_EVIDENCE',
        severity: 'MEDIUM',
        disclosureId: 'd-cert',
        version: 1,
        asOf: null,
        description: 'every visible certificate and audit report expired',
        action: null,
        expiredAt: '2025-06-30T00:00:00.000Z',
      },
      disclosedBy: { id: 'maker', name: 'Org maker' },
    },
  ],
};

const CHAIN: ChainExport = buyersChain(
  [
    {
      organization: org('buyer', { type: 'PURCHASER', name: 'Region <Stockholm> & "Co"' }),
      tier: 0,
      risks: [],
      disclosed: [],
    },
    {
      organization: org('maker', {
        name: '=HYPERLINK("x"), line\nbreak',
        country: 'CN',
        city: 'Nanchang',
        region: 'Jiangxi',
        latitude: 28.68,
        longitude: -115.85,
        osId: 'CN2021ABC',
        provenance: 'DOCUMENTED',
        sources: ['Report A, p. 3', 'Report; B'],
      }),
      tier: 1,
      risks: [
        { ...risk('r1', 'CRITICAL', 'WATCHLIST', 'UFLPA list'), topics: ['FORCED_LABOUR'] },
        { ...risk('r2', 'HIGH', 'REPORT', 'NGO report'), topics: ['CHILD_LABOUR', 'FORCED_LABOUR'] },
      ],
      disclosed: DISCLOSED['maker']!,
    },
    {
      organization: org('site', { type: 'FACTORY', name: 'Fabrik Ø ✓' }),
      tier: 2,
      // A watch-list entry delisted by the export's instant flags nothing: the attributes leave it out.
      risks: [
        { ...risk('r0', 'CRITICAL', 'WATCHLIST', 'Old list'), delistedAt: '2025-01-01T00:00:00.000Z' },
        risk('r3', 'LOW', 'REPORT', 'NGO report'),
      ],
      disclosed: DISCLOSED['site']!,
    },
  ],
  [
    link('l1', 'maker', 'buyer', {
      products: ['laptops', 'screens, 15"'],
      validFrom: '2014-09-15T00:00:00.000Z',
      provenance: 'REPORTED',
      sources: ['declared by buyer'],
    }),
    link('l2', 'maker', 'buyer', { products: ['cables'] }),
    link('l3', 'site', 'maker'),
    link('l4', 'maker', 'site', { validTo: '2030-01-01T00:00:00.000Z' }),
  ],
);

/** What every format must carry, written out by hand from the contract's words. */
const EXPECTED: ReadGraph = {
  nodes: [
    {
      id: 'buyer',
      attributes: {
        name: 'Region <Stockholm> & "Co"',
        type: 'PURCHASER',
        country: 'SE',
        tier: 0,
        riskCount: 0,
        riskLevel: 0,
        disclosedRiskCount: 0,
        disclosedRiskLevel: 0,
      },
    },
    {
      id: 'maker',
      attributes: {
        name: '=HYPERLINK("x"), line\nbreak',
        type: 'MANUFACTURER',
        country: 'CN',
        tier: 1,
        city: 'Nanchang',
        region: 'Jiangxi',
        latitude: 28.68,
        longitude: -115.85,
        osId: 'CN2021ABC',
        provenance: 'DOCUMENTED',
        sources: 'Report A, p. 3; Report; B',
        riskCount: 2,
        riskLevel: 4,
        riskSeverity: 'CRITICAL',
        riskKinds: 'WATCHLIST; REPORT',
        riskTopics: 'CHILD_LABOUR; FORCED_LABOUR',
        riskSources: 'UFLPA list; NGO report',
        disclosedRiskCount: 2,
        disclosedRiskLevel: 4,
        disclosedRiskSeverity: 'CRITICAL',
        disclosedRiskKinds: 'OVERDUE_ACTION',
        disclosedBy: 'Brand; Co',
        disclosureIds: 'd-plan',
      },
    },
    {
      id: 'site',
      attributes: {
        name: 'Fabrik Ø ✓',
        type: 'FACTORY',
        country: 'SE',
        tier: 2,
        riskCount: 1,
        riskLevel: 1,
        riskSeverity: 'LOW',
        riskKinds: 'REPORT',
        riskSources: 'NGO report',
        disclosedRiskCount: 1,
        disclosedRiskLevel: 2,
        disclosedRiskSeverity: 'MEDIUM',
        disclosedRiskKinds: 'EXPIRED_EVIDENCE',
        disclosedBy: 'Org maker',
        disclosureIds: 'd-cert',
      },
    },
  ],
  edges: [
    {
      id: 'l1',
      source: 'maker',
      target: 'buyer',
      attributes: {
        products: 'laptops; screens, 15"',
        validFrom: '2014-09-15T00:00:00.000Z',
        recordedAt: '2024-01-01T00:00:00.000Z',
        provenance: 'REPORTED',
        sources: 'declared by buyer',
      },
    },
    {
      id: 'l2',
      source: 'maker',
      target: 'buyer',
      attributes: { products: 'cables', recordedAt: '2024-01-01T00:00:00.000Z' },
    },
    { id: 'l3', source: 'site', target: 'maker', attributes: { recordedAt: '2024-01-01T00:00:00.000Z' } },
    {
      id: 'l4',
      source: 'maker',
      target: 'site',
      attributes: { validTo: '2030-01-01T00:00:00.000Z', recordedAt: '2024-01-01T00:00:00.000Z' },
    },
  ],
};

describe('chain formats', () => {
  it('GraphML: every node, edge and typed attribute comes back', () => {
    const file = writeChain(CHAIN, 'graphml');
    expect(file).toMatchObject({
      mediaType: 'application/graphml+xml',
      filename: 'tiersight-chain-buyer-2026-12-02.graphml',
    });
    expect(readGraphml(file.content)).toEqual(EXPECTED);
  });

  it('GEXF: the same, with names as labels', () => {
    const file = writeChain(CHAIN, 'gexf');
    const read = readGexf(file.content);
    expect({ nodes: read.nodes, edges: read.edges }).toEqual(EXPECTED);
    expect(read.labels.get('buyer')).toBe('Region <Stockholm> & "Co"');
  });

  it('CSV: one row per organization and per link; formula-like text is defused with an apostrophe', () => {
    const file = writeChain(CHAIN, 'csv');
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    expect(file.content.split('\r\n')[0]).toBe(
      'record,id,name,type,country,tier,city,region,latitude,longitude,osId,provenance,sources,riskCount,riskLevel,riskSeverity,riskKinds,riskTopics,riskSources,disclosedRiskCount,disclosedRiskLevel,disclosedRiskSeverity,disclosedRiskKinds,disclosedBy,disclosureIds,supplier,customer,products,validFrom,validTo,recordedAt',
    );
    const read = readCsv(file.content);
    const defused = structuredClone(EXPECTED);
    defused.nodes[1]!.attributes['name'] = `'${String(EXPECTED.nodes[1]!.attributes['name'])}`;
    expect({ nodes: read.nodes, edges: read.edges }).toEqual(defused);
  });

  it('CSV for a Swedish Excel: the same cells, split at semicolons, decimals with a comma', () => {
    const nordic = { separator: ';', decimal: ',' } as const;
    const file = writeChain(CHAIN, 'csv', nordic);
    const rfc = readCsv(writeChain(CHAIN, 'csv').content);
    const read = readCsv(file.content, nordic);
    expect(read).toEqual(rfc);
    const maker = file.content.split('\r\n').find((line) => line.startsWith('organization;maker;'))!;
    // A text holding the separator is quoted, one holding a comma needs no quotes; a negative number
    // keeps its sign and is not defused (it is a number, not a formula); an integer has no mark.
    expect(maker).toContain(';"Report A, p. 3; Report; B";');
    expect(maker).toContain(';CN;1;Nanchang;Jiangxi;28,68;-115,85;');
    expect(maker).not.toContain("'-115");
  });

  it('JSON keeps every field, risk indicators and disclosed indicators in full', () => {
    const json: unknown = JSON.parse(writeChain(CHAIN, 'json').content);
    const [cap4, cap3] = DISCLOSED['maker']!.map((d) => d.indicator);
    expect(json).toMatchObject({
      format: 'tiersight-chain/v1',
      viewer: 'buyer',
      root: 'buyer',
      asOf: null,
      organizations: CHAIN.nodes.map((n) => ({ ...n.organization, tier: n.tier, risks: n.risks })),
      links: CHAIN.links.map(({ supplierId, customerId, ...l }) => ({
        ...l,
        supplier: supplierId,
        customer: customerId,
      })),
    });
    const disclosedOf = (id: string) =>
      (json as { organizations: { id: string; disclosedIndicators: unknown }[] }).organizations.find(
        (o) => o.id === id,
      )?.disclosedIndicators;
    expect(disclosedOf('buyer')).toEqual([]);
    expect(disclosedOf('maker')).toEqual(
      [cap4!, cap3!].map((i) => ({
        kind: 'OVERDUE_ACTION',
        severity: i.severity,
        description: i.description,
        disclosureId: 'd-plan',
        version: 2,
        disclosedBy: brand,
        action: i.action,
        expiredAt: null,
      })),
    );
    expect(disclosedOf('site')).toEqual([
      {
        kind: 'EXPIRED_EVIDENCE',
        severity: 'MEDIUM',
        description: 'every visible certificate and audit report expired',
        disclosureId: 'd-cert',
        version: 1,
        disclosedBy: { id: 'maker', name: 'Org maker' },
        action: null,
        expiredAt: '2025-06-30T00:00:00.000Z',
      },
    ]);
  });

  it('characters XML cannot hold become U+FFFD rather than an unreadable file', () => {
    const odd: ChainExport = {
      ...CHAIN,
      nodes: [{ ...CHAIN.nodes[0]!, organization: org('buyer', { name: 'A\u0001B' }) }],
      links: [],
    };
    expect(readGraphml(writeChain(odd, 'graphml').content).nodes[0]!.attributes['name']).toBe('A\uFFFDB');
    expect(readGexf(writeChain(odd, 'gexf').content).labels.get('buyer')).toBe('A\uFFFDB');
  });

  it('format names: any case, trimmed; anything else is unknown', () => {
    expect(chainFormat(' GraphML ')).toBe('graphml');
    expect(chainFormat('xlsx')).toBeNull();
    expect(chainFormat('')).toBeNull();
  });
});
