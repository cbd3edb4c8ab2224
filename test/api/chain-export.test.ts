// Query.chainExport and Query.facilityRecord on the contract's example: an export holds what
// supplyChain answers the same viewer, no more; a hidden root or organization answers exactly as a
// missing one; bad arguments are refused naming the value.
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { withAskedId } from '../support/asked-id.ts';
import { cellsAsRfc4180, readCsv, readGexf, readGraphml } from '../support/chain-files.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const example = () =>
  graph()
    .org('rs', 'PURCHASER')
    .org('oslo', 'PURCHASER', { country: 'NO' })
    .org('atea', 'RESELLER')
    .org('dell', 'BRAND', { country: 'US' })
    .org('f1', 'FACTORY', {
      country: 'CN',
      city: 'Dongguan',
      region: 'Guangdong',
      latitude: 23.02,
      longitude: 113.75,
      osId: 'CN2019F1',
    })
    .org('f2', 'FACTORY', { country: 'CN' })
    .org('ew', 'MONITOR', { country: 'NL' })
    // In the public directory, reached by no one: its card is public, its facility record is not.
    .org('listed', 'FACTORY', { listed: true, city: 'Lund' })
    .link('atea', 'rs', { products: ['laptops'] })
    .link('atea', 'oslo')
    .link('dell', 'atea')
    .link('f1', 'dell')
    .link('f2', 'dell')
    .share('atea', 'rs')
    .share('dell', 'rs')
    .share('dell', 'ew')
    .share('dell', 'rs', { scope: 'DISCLOSURES' })
    .risk('f1', {
      kind: 'WATCHLIST',
      severity: 'CRITICAL',
      source: 'UFLPA Entity List',
      topics: ['FORCED_LABOUR'],
    })
    .disclosure('dell', 'f1', {
      id: 'd-cert',
      kind: 'CERTIFICATE',
      title: 'RBA audit',
      issuer: 'Audit firm',
      standard: 'RBA VAP 7.0',
      documentUrl: 'https://example.org/cert.pdf',
      documentSha256: 'a'.repeat(64),
    })
    .disclosure('dell', 'f1', { id: 'd-plan', kind: 'CORRECTIVE_ACTION_PLAN', title: 'Plan' })
    .disclosure('dell', 'f1', {
      id: 'd-old',
      kind: 'CERTIFICATE',
      title: 'Expired',
      validUntil: '2021-01-01',
    });

const EXPORT = `query($format: ChainExportFormat!, $rootId: ID, $maxDepth: Int, $asOf: DateTime) {
  chainExport(format: $format, rootId: $rootId, maxDepth: $maxDepth, asOf: $asOf) { filename mediaType content } }`;
const CHAIN = `query($rootId: ID) { supplyChain(rootId: $rootId, maxDepth: 20) {
  root { id } tiers { tier organizations { id } } links { id } } }`;
const RECORD = `query($id: ID!) { facilityRecord(organizationId: $id) { filename mediaType content } }`;

type File = { filename: string; mediaType: string; content: string };
type Chain = {
  root: { id: string };
  tiers: { tier: number; organizations: { id: string }[] }[];
  links: { id: string }[];
};

async function exported(viewer: string, variables: Record<string, unknown>): Promise<File> {
  const response = await t.api.query(viewer, EXPORT, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!['chainExport'] as File;
}

async function chain(viewer: string, rootId?: string) {
  const response = await t.api.query(viewer, CHAIN, { rootId });
  expect(response.errors).toBeUndefined();
  const c = response.data!['supplyChain'] as Chain;
  return {
    nodes: [
      { id: c.root.id, tier: 0 },
      ...c.tiers.flatMap((x) => x.organizations.map((o) => ({ id: o.id, tier: x.tier }))),
    ],
    links: c.links.map((l) => l.id).sort(),
  };
}

beforeAll(async () => {
  await loadGraph(t.db, example().build());
});

describe('chainExport', () => {
  it.each([
    ['rs', undefined],
    ['rs', 'dell'],
    ['oslo', undefined],
    ['ew', 'dell'],
    ['f1', undefined],
  ])('%s (root %s): every format holds exactly what supplyChain answers', async (viewer, rootId) => {
    const expected = await chain(viewer, rootId);
    const json = JSON.parse((await exported(viewer, { format: 'JSON', rootId })).content) as {
      organizations: { id: string; tier: number }[];
      links: { id: string }[];
    };
    expect(json.organizations.map(({ id, tier }) => ({ id, tier }))).toEqual(expected.nodes);
    expect(json.links.map((l) => l.id)).toEqual(expected.links);
    for (const [format, read] of [
      ['GRAPHML', readGraphml],
      ['GEXF', readGexf],
      ['CSV', readCsv],
    ] as const) {
      const graphRead = read((await exported(viewer, { format, rootId })).content);
      expect(graphRead.nodes.map((n) => ({ id: n.id, tier: n.attributes['tier'] }))).toEqual(expected.nodes);
      expect(graphRead.edges.map((e) => e.id)).toEqual(expected.links);
    }
  });

  it("carries tiers, types, countries, location and risks; Oslo's view has none of Dell's side", async () => {
    const file = await exported('rs', { format: 'GRAPHML' });
    expect(file.mediaType).toBe('application/graphml+xml');
    expect(file.filename).toMatch(/^tiersight-chain-rs-\d{4}-\d{2}-\d{2}\.graphml$/);
    const f1 = readGraphml(file.content).nodes.find((n) => n.id === 'f1');
    expect(f1?.attributes).toMatchObject({
      type: 'FACTORY',
      country: 'CN',
      tier: 3,
      city: 'Dongguan',
      latitude: 23.02,
      osId: 'CN2019F1',
      riskLevel: 4,
      riskSeverity: 'CRITICAL',
      riskTopics: 'FORCED_LABOUR',
      riskSources: 'UFLPA Entity List',
    });
    const oslo = (await exported('oslo', { format: 'JSON' })).content;
    for (const hidden of ['dell', 'f1', 'f2', 'rs', 'dell>atea', 'f1>dell']) {
      expect(oslo).not.toContain(`"${hidden}"`);
    }
    expect(oslo).not.toContain('UFLPA');
  });

  it('writes a CSV in the dialect a spreadsheet reads: semicolons and decimal commas; refused for other formats', async () => {
    const WITH_DIALECT = `query($format: ChainExportFormat!, $csv: CsvDialect) {
      chainExport(format: $format, csv: $csv) { filename mediaType content } }`;
    const csvAs = async (csv: unknown) => {
      const response = await t.api.query('rs', WITH_DIALECT, { format: 'CSV', csv });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return (response.data!['chainExport'] as File).content;
    };
    const rfc = await csvAs(null);
    const nordic = await csvAs({ separator: 'SEMICOLON', decimalMark: 'COMMA' });
    const swiss = await csvAs({ separator: 'SEMICOLON' });
    // The same cells but for the decimal mark of the numbers with decimals.
    expect(cellsAsRfc4180(nordic, { separator: ';', decimal: ',' })).toEqual(cellsAsRfc4180(rfc));
    expect(cellsAsRfc4180(swiss, { separator: ';', decimal: '.' })).toEqual(cellsAsRfc4180(rfc));
    expect(nordic.split('\r\n')[0]).toMatch(/^record;id;name;type;country;tier;/);
    expect(nordic).toContain(';23,02;113,75;');
    expect(swiss).toContain(';23.02;113.75;');
    expect(rfc).toContain(',23.02,113.75,');

    const refused = await t.api.query('rs', WITH_DIALECT, {
      format: 'GRAPHML',
      csv: { separator: 'SEMICOLON' },
    });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toBe('csv applies to format CSV only, got format GRAPHML');
    const ambiguous = await t.api.query('rs', WITH_DIALECT, { format: 'CSV', csv: { decimalMark: 'COMMA' } });
    expect(codes(ambiguous)).toEqual(['BAD_USER_INPUT']);
    expect(ambiguous.errors![0]!.message).toContain('decimalMark COMMA needs separator SEMICOLON');
  });

  it('asOf exports the chain as it stood then, with the risks recorded by then', async () => {
    const json = JSON.parse((await exported('rs', { format: 'JSON', asOf: '2000-01-01' })).content) as {
      asOf: string;
      organizations: { id: string }[];
      links: unknown[];
    };
    // The links were recorded by this test's import: in 2000 nothing was there yet.
    expect(json).toMatchObject({
      asOf: '2000-01-01T00:00:00.000Z',
      organizations: [{ id: 'rs' }],
      links: [],
    });
  });

  it('a root the viewer may not use answers exactly as a missing one', async () => {
    const hidden = await t.api.query('oslo', EXPORT, { format: 'GRAPHML', rootId: 'dell' });
    const missing = await t.api.query('oslo', EXPORT, { format: 'GRAPHML', rootId: 'no-such-org' });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(withAskedId(hidden, 'dell')).toEqual(withAskedId(missing, 'no-such-org'));
    // A direct customer may be looked up, but it is no root.
    expect(codes(await t.api.query('dell', EXPORT, { format: 'CSV', rootId: 'atea' }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it.each([
    [{ format: 'XLSX' }, /XLSX/],
    [{ format: 'graphml' }, /graphml/],
    [{ format: 'GRAPHML', maxDepth: 0 }, /maxDepth.*0/],
    [{ format: 'GRAPHML', maxDepth: 21 }, /maxDepth.*21/],
    [{ format: 'GRAPHML', asOf: 'yesterday' }, /yesterday/],
  ])('refuses %j naming the bad value', async (variables, message) => {
    const response = await t.api.query('rs', EXPORT, variables);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(message);
  });

  it('counts as a supply chain against the limit of 5 per operation', async () => {
    const six = Array.from({ length: 6 }, (_, i) => `c${i}: chainExport(format: JSON) { filename }`).join(
      ' ',
    );
    const response = await t.api.query('rs', `{ ${six} }`);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors![0]!.message).toContain('more than 5 supply chains');
  });

  it('needs a valid token', async () => {
    const response = await t.api.query({}, EXPORT, { format: 'JSON' });
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
  });
});

describe('facilityRecord', () => {
  it('a UNTP facility record of a visible factory, with the viewer-visible certificate as its one claim', async () => {
    const response = await t.api.query('rs', RECORD, { id: 'f1' });
    expect(response.errors).toBeUndefined();
    const file = response.data!['facilityRecord'] as File;
    expect(file.mediaType).toBe('application/ld+json');
    expect(file.filename).toMatch(/^tiersight-facility-f1-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const record = JSON.parse(file.content) as Record<string, unknown>;
    expect(record).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://test.uncefact.org/vocabulary/untp/dfr/0.5.0/',
      ],
      type: ['DigitalFacilityRecord', 'VerifiableCredential'],
      issuer: { id: 'urn:tiersight:organization:rs', name: 'Org rs' },
      credentialSubject: {
        type: ['Facility'],
        id: 'https://opensupplyhub.org/facilities/CN2019F1',
        name: 'Org f1',
        registeredId: 'CN2019F1',
        idScheme: { id: 'https://opensupplyhub.org' },
        otherIdentifier: [{ registeredId: 'f1', idScheme: { id: 'urn:tiersight:organization' } }],
        countryOfOperation: 'CN',
        address: { addressLocality: 'Dongguan', addressRegion: 'Guangdong', addressCountry: 'CN' },
        locationInformation: { geoLocation: { type: 'Point', coordinates: [113.75, 23.02] } },
        conformityClaim: [
          {
            id: 'urn:tiersight:disclosure:d-cert',
            conformityTopic: 'social.labour',
            referenceStandard: { name: 'RBA VAP 7.0', issuingParty: { name: 'Audit firm' } },
            conformityEvidence: {
              type: ['SecureLink', 'Link'],
              linkURL: 'https://example.org/cert.pdf',
              hashDigest: 'a'.repeat(64),
              hashMethod: 'SHA-256',
            },
          },
        ],
      },
    });
    // A factory's operator is not recorded: left out rather than guessed.
    expect(record['credentialSubject']).not.toHaveProperty('operatedByParty');
    expect(file.content).not.toContain('d-plan');
    expect(file.content).not.toContain('d-old');
  });

  it('a viewer without the disclosure share sees the facility without claims', async () => {
    const response = await t.api.query('ew', RECORD, { id: 'f1' });
    const record = JSON.parse((response.data!['facilityRecord'] as File).content) as {
      credentialSubject: Record<string, unknown>;
    };
    expect(record.credentialSubject['conformityClaim']).toEqual([]);
  });

  it('an organization operates its own premises; Tiersight ids where there is no Open Supply Hub id', async () => {
    const response = await t.api.query('rs', RECORD, { id: 'dell' });
    const record = JSON.parse((response.data!['facilityRecord'] as File).content) as {
      credentialSubject: Record<string, unknown>;
    };
    expect(record.credentialSubject).toMatchObject({
      id: 'urn:tiersight:organization:dell',
      registeredId: 'dell',
      idScheme: { id: 'urn:tiersight:organization' },
      operatedByParty: { registeredId: 'dell', name: 'Org dell' },
      address: { addressCountry: 'US' },
    });
    expect(record.credentialSubject).not.toHaveProperty('locationInformation');
  });

  it('null for an organization the viewer may not look up, exactly as for a missing one', async () => {
    const missing = await t.api.query('oslo', RECORD, { id: 'no-such-org' });
    expect(missing).toEqual({ status: 200, data: { facilityRecord: null } });
    // A listed organization's directory card is anyone's to see; the record is not.
    for (const id of ['f1', 'listed']) expect(await t.api.query('oslo', RECORD, { id })).toEqual(missing);
    expect((await t.api.query('oslo', '{ organization(id: "listed") { id } }')).data).toEqual({
      organization: { id: 'listed' },
    });
    // Its own direct customer is lookable (rule 5), so it has a record.
    expect((await t.api.query('atea', RECORD, { id: 'oslo' })).data!['facilityRecord']).not.toBeNull();
  });
});
