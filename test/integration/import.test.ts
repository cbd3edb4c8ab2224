import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Neo4jError } from 'neo4j-driver';
import { toDomainError } from '../../src/graph/executor.ts';
import { importGraph } from '../../src/import/import-graph.ts';
import { ImportRepository } from '../../src/import/import-repository.ts';
import type { LinkRecord, OrganizationRecord } from '../../src/domain/format.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { formatProblem } from '../../src/import/validate.ts';
import { graph } from '../support/graph-builder.ts';
import {
  countAll,
  loadGraph,
  openTestDatabase,
  TEST_ORIGIN,
  type TestDatabase,
} from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tiersight-import-'));
let fileNo = 0;

const writeFile = (document: unknown): string => {
  const path = join(dir, `file-${fileNo++}.json`);
  writeFileSync(path, typeof document === 'string' ? document : JSON.stringify(document));
  return path;
};
const importDocument = (document: unknown, reset = false) =>
  importGraph(fileSource(writeFile(document)), db.imports, { origin: TEST_ORIGIN, reset, settleMs: 0 });

const base = () =>
  graph()
    .org('p', 'PURCHASER')
    .org('r', 'RESELLER')
    .org('b', 'BRAND', { country: 'US' })
    .link('r', 'p', { products: ['laptops'], validFrom: '2014-09-15' })
    .link('b', 'r')
    .share('r', 'p', { linkIds: ['b>r'] });

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await loadGraph(db, base().build());
});

describe('import of a bad file', () => {
  const cases: [string, (doc: ReturnType<ReturnType<typeof base>['build']>) => unknown, RegExp][] = [
    [
      'unknown reference',
      (d) => ({ ...d, links: [...d.links, { id: 'l-x', supplier: 'ghost', customer: 'p', products: [] }] }),
      /^links\[3\] \(id "l-x"\): supplier "ghost" is not an organization in the file or the database$/,
    ],
    [
      // The API names every event's actor as an organization; one that is none would fail its trail.
      'an audit trail event acting for no organization',
      (d) => ({
        ...d,
        shares: d.shares.map((share) => ({
          ...share,
          events: [{ action: 'GRANTED', at: '2020-01-01', actorUserId: 'u', actorOrganizationId: 'ghost' }],
        })),
      }),
      /^shares\[0\] \(id "[^"]+"\): events\[0\]\.actorOrganizationId "ghost" is not an organization in the file or the database$/,
    ],
    [
      // As the API refuses one (sourcing-end-retry-and-monitor-supplier.test.ts): a MONITOR has no links.
      'a link from a MONITOR',
      (d) => ({
        ...d,
        organizations: [...d.organizations, { id: 'mon', name: 'Watch', type: 'MONITOR', country: 'NL' }],
        links: [...d.links, { id: 'l-m', supplier: 'mon', customer: 'p', products: [] }],
      }),
      /^links\[3\] \(id "l-m"\): supplier "mon" names a MONITOR, which has no supply links$/,
    ],
    [
      'duplicate id',
      (d) => ({
        ...d,
        organizations: [...d.organizations, { id: 'p', name: 'Again', type: 'PURCHASER', country: 'SE' }],
      }),
      /^organizations\[4\] \(id "p"\): duplicate id: organizations\[0\] has the same id$/,
    ],
    [
      'bad type',
      (d) => ({
        ...d,
        organizations: [...d.organizations, { id: 'x', name: 'X', type: 'SUPPLIER', country: 'SE' }],
      }),
      /^organizations\[4\] \(id "x"\): type must be one of PURCHASER, RESELLER, BRAND, MANUFACTURER, FACTORY, MONITOR, got "SUPPLIER"$/,
    ],
    [
      'bad country code',
      (d) => ({
        ...d,
        organizations: [...d.organizations, { id: 'x', name: 'X', type: 'FACTORY', country: 'XX' }],
      }),
      /^organizations\[4\] \(id "x"\): country must be an assigned ISO 3166-1 alpha-2 code .* got "XX"$/,
    ],
    [
      'lower-case country code',
      (d) => ({
        ...d,
        organizations: [...d.organizations, { id: 'x', name: 'X', type: 'FACTORY', country: 'cn' }],
      }),
      /country .* got "cn"/,
    ],
    [
      "share covering another organization's link",
      (d) => ({ ...d, shares: [...d.shares, { id: 's-bad', owner: 'b', recipient: 'p', linkIds: ['r>p'] }] }),
      /^shares\[1\] \(id "s-bad"\): linkIds: link "r>p" has customer "p", not the owner "b"/,
    ],
    [
      'share of an unknown link',
      (d) => ({
        ...d,
        shares: [...d.shares, { id: 's-bad', owner: 'b', recipient: 'p', linkIds: ['nope'] }],
      }),
      /linkIds: "nope" is not a link in the file or the database/,
    ],
    [
      'malformed date',
      (d) => ({
        ...d,
        links: [
          ...d.links,
          { id: 'l-d', supplier: 'b', customer: 'p', products: [], validFrom: '2021-02-30' },
        ],
      }),
      /^links\[3\] \(id "l-d"\): validFrom must be an ISO 8601 date .* got "2021-02-30"$/,
    ],
    [
      'validFrom after validTo',
      (d) => ({
        ...d,
        links: [
          ...d.links,
          {
            id: 'l-d',
            supplier: 'b',
            customer: 'p',
            products: [],
            validFrom: '2020-01-01',
            validTo: '2019-01-01',
          },
        ],
      }),
      /validFrom 2020-01-01 must be before validTo 2019-01-01/,
    ],
    [
      'wrong format',
      (d) => ({ ...d, format: 'tiersight/v2' }),
      /^file: format must be "tiersight\/v1", got "tiersight\/v2"$/,
    ],
    [
      'record that is not an object',
      (d) => ({ ...d, risks: ['oops'] }),
      /^risks\[0\]: must be a JSON object, got "oops"$/,
    ],
    [
      'unknown top-level key',
      (d) => ({ ...d, link: [] }),
      /^file: top-level key "link" is not part of tiersight\/v1$/,
    ],
  ];

  it.each(cases)(
    '%s: reported with its array and index, nothing written',
    async (_name, mutate, expected) => {
      const before = await dumpGraph(db.driver);
      const document = mutate(base().org('new', 'FACTORY', { country: 'CN' }).link('new', 'b').build());
      const outcome = await importDocument(document);
      expect(outcome.ok).toBe(false);
      const lines = outcome.validation.problems.map(formatProblem);
      expect(
        lines.some((line) => expected.test(line)),
        lines.join('\n'),
      ).toBe(true);
      expect(await dumpGraph(db.driver)).toEqual(before);
    },
  );

  it('reports every bad record, not just the first', async () => {
    const document = {
      format: 'tiersight/v1',
      organizations: [
        { id: 'a', name: 'A', type: 'NOPE', country: 'SE' },
        { id: 'b', name: '', type: 'BRAND', country: 'SE' },
        { id: 'c', name: 'C', type: 'BRAND', country: 'ZZ' },
      ],
      links: [{ id: 'l', supplier: 'a', customer: 'missing', products: 'laptops' }],
    };
    const before = await dumpGraph(db.driver);
    const outcome = await importDocument(document, true);
    const lines = outcome.validation.problems.map(formatProblem);
    expect(lines).toEqual([
      `organizations[0] (id "a"): type must be one of PURCHASER, RESELLER, BRAND, MANUFACTURER, FACTORY, MONITOR, got "NOPE"`,
      `organizations[1] (id "b"): name must be a non-empty string of at most 2000 characters, got ""`,
      `organizations[2] (id "c"): country must be an assigned ISO 3166-1 alpha-2 code (e.g. SE, CN), got "ZZ"`,
      `links[0] (id "l"): products must be an array of at most 10000 product names, got "laptops"`,
    ]);
    expect(await dumpGraph(db.driver)).toEqual(before); // --reset did not run either
  });

  it('rejects a file that is not JSON and writes nothing', async () => {
    const before = await dumpGraph(db.driver);
    await expect(importDocument('{"format": "tiersight/v1", "organizations": [')).rejects.toThrow(
      /not valid tiersight\/v1 JSON/,
    );
    expect(await dumpGraph(db.driver)).toEqual(before);
  });
});

/** Stops its `stopAt`-th batch of links as Neo4j stops one of two deadlocked transactions, once. */
class DeadlockingImports extends ImportRepository {
  linkBatches: string[][] = [];
  constructor(
    db: TestDatabase,
    private readonly stopAt: number,
  ) {
    super(db.executor);
  }
  override async upsertLinks(records: LinkRecord[], importedAt: Date, intoEmpty?: boolean): Promise<void> {
    this.linkBatches.push(records.map((r) => r.id));
    if (this.linkBatches.length === this.stopAt) {
      const code = 'Neo.TransientError.Transaction.DeadlockDetected';
      throw toDomainError(
        'import.createLinks',
        new Neo4jError('deadlock detected', code, '50N05', 'deadlock'),
      );
    }
    await super.upsertLinks(records, importedAt, intoEmpty);
  }
}

describe('import into an emptied store, two batches at a time', () => {
  it('writes a batch that a deadlock stopped once more, alone, and loses nothing', async () => {
    let built = base();
    for (let i = 0; i < 20; i++) built = built.org(`f${i}`, 'FACTORY').link(`f${i}`, i % 2 ? 'b' : 'r');
    const document = built.build();
    const imports = new DeadlockingImports(db, 2);
    const outcome = await importGraph(fileSource(writeFile(document)), imports, {
      origin: TEST_ORIGIN,
      reset: true,
      settleMs: 0,
      batchSize: 5,
    });
    expect(outcome.ok).toBe(true);
    expect(await countAll(db)).toEqual({ organizations: 23, links: 22, shares: 1, risks: 0 });
    // Five batches of links, the second of them twice: last, once the others had ended.
    const batches = imports.linkBatches;
    expect(batches).toHaveLength(6);
    expect(batches.at(-1)).toEqual(batches[1]);
    expect(new Set(batches.flat())).toEqual(new Set(document.links.map((l) => l.id)));
  });
});

describe('import of a good file', () => {
  it('is idempotent: importing the same file twice leaves the same graph', async () => {
    const document = base()
      .org('f', 'FACTORY', { country: 'CN', city: 'Dongguan' })
      .link('f', 'b')
      .risk('f')
      .build();
    const first = await importDocument(document);
    expect(first.ok).toBe(true);
    expect(await countAll(db)).toEqual({ organizations: 4, links: 3, shares: 1, risks: 1 });
    const afterFirst = await dumpGraph(db.driver);
    await importDocument(document);
    expect(await dumpGraph(db.driver)).toEqual(afterFirst);
  });

  it('resolves references to what the database already holds (incremental import)', async () => {
    const outcome = await importDocument({
      format: 'tiersight/v1',
      organizations: [{ id: 'f', name: 'F', type: 'FACTORY', country: 'CN' }],
      links: [{ id: 'f>b', supplier: 'f', customer: 'b', products: [] }],
      shares: [{ id: 's-b', owner: 'b', recipient: 'p', linkIds: ['f>b'] }],
    });
    expect(outcome.ok, outcome.validation.problems.map(formatProblem).join('\n')).toBe(true);
    expect(await countAll(db)).toEqual({ organizations: 4, links: 3, shares: 2, risks: 0 });
  });

  it('accepts organizations listed after the links that use them', async () => {
    const built = base().build();
    const outcome = await importDocument(
      {
        format: 'tiersight/v1',
        links: built.links,
        shares: built.shares,
        organizations: built.organizations,
      },
      true,
    );
    expect(outcome.ok).toBe(true);
    expect(await countAll(db)).toEqual({ organizations: 3, links: 2, shares: 1, risks: 0 });
  });

  it('keeps the listing an organization chose when a record does not say, and its terms follow the record', async () => {
    const listing = async () => {
      const { records } = await db.driver.executeQuery(
        `MATCH (o:Organization {id: 'b'}) RETURN o.listed AS listed, o.directoryTerms AS terms`,
      );
      return records[0]!.toObject() as { listed: boolean | null; terms: string[] | null };
    };
    const withB = (fields: Record<string, unknown>) => {
      const document = base().build();
      const organizations = document.organizations.map((o) => (o.id === 'b' ? { ...o, ...fields } : o));
      return { ...document, organizations };
    };
    expect((await importDocument(withB({ listed: true, name: 'Brand Ltd', city: 'Austin' }))).ok).toBe(true);
    expect(await listing()).toEqual({ listed: true, terms: expect.arrayContaining(['brand', 'austin']) });
    expect((await importDocument(withB({ name: 'Marque', city: 'Round Rock' }))).ok).toBe(true);
    const kept = await listing();
    expect(kept.listed).toBe(true);
    expect(kept.terms).toEqual(expect.arrayContaining(['marque', 'round', 'rock']));
    expect(kept.terms).not.toContain('austin');
    expect((await importDocument(withB({ listed: false }))).ok).toBe(true);
    expect(await listing()).toEqual({ listed: false, terms: null });
    expect((await importDocument(withB({}))).ok).toBe(true);
    expect(await listing()).toEqual({ listed: false, terms: null });
  });

  it('creates organizations with --reset as an import without it stores them: every field, listed or not', async () => {
    const full: Partial<OrganizationRecord> = {
      city: 'Shenzhen',
      region: 'Guangdong',
      latitude: 22.5,
      longitude: 114.1,
      osId: 'CN2020001ABCDEF',
      aliases: ['Old name'],
      provenance: 'REPORTED',
      sources: ['DanWatch 2024'],
      address: '1 Road',
      sectors: ['Electronics'],
      productTypes: ['Laptops'],
      facilityTypes: ['Final assembly'],
      processingTypes: ['Assembly'],
      parentCompanies: ['Parent Ltd'],
      numberOfWorkers: '1001-5000',
      closed: false,
    };
    const document = graph()
      .org('listed', 'FACTORY', { ...full, listed: true, listedAt: '2024-05-01T08:00:00+02:00' })
      .org('unlisted', 'FACTORY', { ...full, osId: 'CN2020001GHIJKL', listed: false })
      .org('plain', 'BRAND', { aliases: [] })
      .build();
    const stored = async () =>
      (
        await db.driver.executeQuery(
          'MATCH (o:Organization) RETURN o.id AS id, properties(o) AS properties ORDER BY id',
        )
      ).records.map((r) => r.toObject());
    expect((await importDocument(document, true)).ok).toBe(true);
    const created = await stored();
    await loadGraph(db, graph().build());
    expect((await importDocument(document, false)).ok).toBe(true);
    expect(created).toEqual(await stored());
    // listed: 4 + 16 fields, its listing, when it was listed and its terms; plain: 4 and its empty
    // aliases; unlisted: 4 + 16 and listed false, no terms, no listedAt.
    expect(created.map((o) => Object.keys(o['properties'] as object).length)).toEqual([23, 5, 21]);
  });

  it.each([false, true])(
    "stores a link's dates as Neo4j's datetime() reads their text (reset: %s)",
    async (reset) => {
      const texts = [
        '2014-09-15',
        '2022-08-11T10:05Z',
        '2022-08-11T10:05:07.123Z',
        '2022-08-11T10:05:07.5+02:00',
        '2022-08-11T10:05:07.123456789-05:30',
      ];
      const document = base().build();
      const links = texts.map((text, i) => ({
        id: `dated-${i}`,
        supplier: 'b',
        customer: 'p',
        products: [],
        validFrom: text,
        validTo: '2030-01-01',
        recordedAt: text,
      }));
      const outcome = await importDocument({ ...document, links: [...document.links, ...links] }, reset);
      expect(outcome.ok).toBe(true);
      const { records } = await db.driver.executeQuery(
        `UNWIND $links AS expected
         MATCH ()-[l:SUPPLIES {id: expected.id}]->()
         RETURN expected.id AS id,
                [toString(l.validFrom), toString(l.validTo), toString(l.recordedAt)] AS stored,
                [toString(datetime(expected.validFrom)), toString(datetime(expected.validTo)),
                 toString(datetime(expected.recordedAt))] AS read`,
        { links },
      );
      expect(records).toHaveLength(texts.length);
      for (const r of records) expect(r.get('stored'), r.get('id')).toEqual(r.get('read'));
    },
  );

  it('--reset replaces the database with the file', async () => {
    const outcome = await importDocument(graph().org('solo', 'MONITOR').build(), true);
    expect(outcome.ok).toBe(true);
    expect(await countAll(db)).toEqual({ organizations: 1, links: 0, shares: 0, risks: 0 });
  });

  it('moves a link whose id now names other ends, and updates fields in place', async () => {
    const moved = base().build();
    moved.links[1] = { id: 'b>r', supplier: 'b', customer: 'p', products: ['servers'] };
    // The share of r that listed the link is restated without it: a stored share may not go on
    // listing a link that is no longer its owner's (import-moved-link.test.ts).
    moved.shares = moved.shares.map((share) => ({ ...share, linkIds: null }));
    expect((await importDocument(moved)).ok).toBe(true);
    const { records } = await db.driver.executeQuery(
      `MATCH (s)-[l:SUPPLIES {id: 'b>r'}]->(c) RETURN s.id AS s, c.id AS c, l.products AS products`,
    );
    expect(records.map((r) => r.toObject())).toEqual([{ s: 'b', c: 'p', products: ['servers'] }]);
  });

  it("replaces a share's audit trail when the record carries one, and keeps it when it does not", async () => {
    const trail = async () => {
      const { records } = await db.driver.executeQuery(
        `MATCH (e:ShareEvent)-[:OF]->(:Share {id: 'r=>p#0'})
         RETURN e.action AS action, toString(e.at) AS at, e.actorUserId AS user ORDER BY e.at`,
      );
      return records.map((r) => r.toObject());
    };
    const withTrail = base().build();
    withTrail.shares[0]!.events = [
      { action: 'GRANTED', at: '2020-01-01T00:00:00+01:00', actorUserId: 'u1', actorOrganizationId: 'r' },
      { action: 'REVOKED', at: '2021-01-01T00:00:00Z', actorUserId: 'u2', actorOrganizationId: 'r' },
    ];
    await importDocument(withTrail);
    const expected = [
      { action: 'GRANTED', at: '2020-01-01T00:00:00+01:00', user: 'u1' },
      { action: 'REVOKED', at: '2021-01-01T00:00:00Z', user: 'u2' },
    ];
    expect(await trail()).toEqual(expected);
    await importDocument(withTrail);
    expect(await trail()).toEqual(expected);
    await importDocument(base().build());
    expect(await trail()).toEqual(expected);
    withTrail.shares[0]!.events = [];
    await importDocument(withTrail);
    expect(await trail()).toEqual([]);
  });

  it('records the trail of a share whose record carries none: granted then, revoked then, by the import', async () => {
    const trail = async () => {
      const { records } = await db.driver.executeQuery(
        `MATCH (e:ShareEvent)-[:OF]->(:Share {id: 'r=>p#0'})
         RETURN e.action AS action, toString(e.at) AS at, e.actorUserId AS user, e.actorOrganizationId AS org
         ORDER BY e.at`,
      );
      return records.map((r) => r.toObject());
    };
    const revoked = base().build();
    revoked.shares[0]!.createdAt = '2020-01-01T00:00:00Z';
    revoked.shares[0]!.revokedAt = '2021-01-01T00:00:00Z';
    const expected = [
      { action: 'GRANTED', at: '2020-01-01T00:00:00Z', user: 'tiersight-import', org: 'r' },
      { action: 'REVOKED', at: '2021-01-01T00:00:00Z', user: 'tiersight-import', org: 'r' },
    ];
    for (const reset of [true, false]) {
      if (!reset)
        await db.driver.executeQuery(
          `MATCH (s:Share) OPTIONAL MATCH (e:ShareEvent)-[:OF]->(s) DETACH DELETE s, e`,
        );
      await importDocument(revoked, reset);
      expect(await trail()).toEqual(expected);
      // Importing it again finds the share: its trail stays as it is.
      await importDocument(revoked);
      expect(await trail()).toEqual(expected);
    }
    // A share whose trail is none or the import's own follows its record: rebuilt, as it was.
    await db.driver.executeQuery(`MATCH (e:ShareEvent) DETACH DELETE e`);
    await importDocument(revoked);
    expect(await trail()).toEqual(expected);
    // A share a user of the API granted and revoked keeps its trail; a record that makes it active
    // again adds the GRANTED that says so (at the import's instant), so the trail does not end in a
    // revoke of an active share.
    await db.driver.executeQuery(`MATCH (e:ShareEvent) SET e.actorUserId = 'anna@r'`);
    await importDocument(revoked);
    expect((await trail()).map((e) => e['user'])).toEqual(['anna@r', 'anna@r']);
    const before = new Date().toISOString();
    await importDocument(base().build());
    const active = await trail();
    expect(active.map((e) => [e['action'], e['user']])).toEqual([
      ['GRANTED', 'anna@r'],
      ['REVOKED', 'anna@r'],
      ['GRANTED', 'tiersight-import'],
    ]);
    expect(Date.parse(String(active[2]!['at']))).toBeGreaterThanOrEqual(Date.parse(before));
    // And a record that revokes it again adds the REVOKED: every revoke is kept as a share event. Its
    // stated revocation is before the trail's last event, so it is dated when the import learned of it.
    await importDocument(revoked);
    const again = await trail();
    expect(again.map((e) => [e['action'], e['user']])).toEqual([
      ['GRANTED', 'anna@r'],
      ['REVOKED', 'anna@r'],
      ['GRANTED', 'tiersight-import'],
      ['REVOKED', 'tiersight-import'],
    ]);
    // As instants: Neo4j writes a whole second without its fraction, which sorts after any fraction as text.
    expect(Date.parse(String(again[3]!['at']))).toBeGreaterThan(Date.parse(String(again[2]!['at'])));
  });
});

describe('an imported share without a trail, imported again', () => {
  const trail = async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (e:ShareEvent)-[:OF]->(:Share {id: 'r=>p#0'})
       RETURN e.action AS action, toString(e.at) AS at ORDER BY e.at, e.action`,
    );
    return records.map((r) => r.toObject());
  };

  it('a later import that revokes it records the REVOKED its state now shows (as a request record’s trail follows it)', async () => {
    const active = base().build();
    active.shares[0]!.createdAt = '2020-01-01T00:00:00Z';
    expect((await importDocument(active, true)).ok).toBe(true);
    expect(await trail()).toEqual([{ action: 'GRANTED', at: '2020-01-01T00:00:00Z' }]);
    const revoked = base().build();
    revoked.shares[0]!.createdAt = '2020-01-01T00:00:00Z';
    revoked.shares[0]!.revokedAt = '2021-01-01T00:00:00Z';
    expect((await importDocument(revoked)).ok).toBe(true);
    const { records } = await db.driver.executeQuery(
      `MATCH (s:Share {id: 'r=>p#0'}) RETURN toString(s.revokedAt) AS revokedAt`,
    );
    expect(records[0]!.get('revokedAt')).toBe('2021-01-01T00:00:00Z');
    // The share is revoked, and its history says it was granted and never revoked.
    expect(await trail()).toEqual([
      { action: 'GRANTED', at: '2020-01-01T00:00:00Z' },
      { action: 'REVOKED', at: '2021-01-01T00:00:00Z' },
    ]);
  });

  it('a later import that moves it to another owner records the grant for its new owner, not the former one (no party of it now)', async () => {
    const first = base().build();
    first.shares[0]!.createdAt = '2020-01-01T00:00:00Z';
    expect((await importDocument(first, true)).ok).toBe(true);
    const moved = base().build();
    moved.shares[0] = {
      id: 'r=>p#0',
      owner: 'p',
      recipient: 'b',
      linkIds: ['r>p'],
      createdAt: '2020-01-01T00:00:00Z',
    };
    expect((await importDocument(moved)).ok).toBe(true);
    const { records } = await db.driver.executeQuery(
      `MATCH (owner)-[:GRANTED]->(s:Share {id: 'r=>p#0'})<-[:OF]-(e:ShareEvent)
       RETURN owner.id AS owner, e.actorOrganizationId AS actor`,
    );
    expect(records.map((r) => r.toObject())).toEqual([{ owner: 'p', actor: 'p' }]);
  });
});
