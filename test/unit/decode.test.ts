// Decoders check what Neo4j returns and name the place of a mismatch; columns decode their projection.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  LINK,
  LINK_ROW,
  LINK_ROW_AS_ASKED,
  ORGANIZATION,
  ORGANIZATION_DIRECTORY,
  ORGANIZATION_IDENTITY,
  ORGANIZATION_ROW,
  ORGANIZATION_ROW_AS_ASKED,
  RISK,
  SHARE,
} from '../../src/graph/columns.ts';
import { statement } from '../../src/graph/cypher.ts';
import { unreadOrganizationDetail } from '../../src/domain/chain-detail.ts';
import {
  bool,
  epochInstant,
  fields,
  float,
  instant,
  list,
  nullable,
  oneOf,
  positional,
  text,
  texts,
  UnexpectedRecordError,
  integer,
  literalRow,
  tuple,
} from '../../src/graph/decode.ts';

const at = (iso: string) => neo4j.types.DateTime.fromStandardDate(new Date(iso));

describe('decoders', () => {
  it('return values of the expected type', () => {
    expect(text('a', 'x')).toBe('a');
    expect(bool(false, 'x')).toBe(false);
    expect(float(1.5, 'x')).toBe(1.5);
    expect(integer(3, 'x')).toBe(3);
    expect(integer(neo4j.int(7), 'x')).toBe(7);
    expect(instant(at('2024-05-01T10:00:00.000Z'), 'x')).toBe('2024-05-01T10:00:00.000Z');
    expect(oneOf(['LOW', 'HIGH'])('HIGH', 'x')).toBe('HIGH');
    expect(nullable(text)(null, 'x')).toBeNull();
    expect(nullable(text)(undefined, 'x')).toBeNull();
  });

  it.each([
    [text, 1, 'x: expected a string, got number 1'],
    [bool, 'true', 'x: expected a boolean, got string "true"'],
    [float, null, 'x: expected a number, got null'],
    [integer, 1.5, 'x: expected a whole number, got number 1.5'],
    [integer, neo4j.int('9007199254740993'), 'x: expected a number'],
    [instant, '2024-05-01T10:00:00Z', 'x: expected a DateTime, got string "2024-05-01T10:00:00Z"'],
    [oneOf(['LOW', 'HIGH']), 'MEDIUM', 'x: expected one of LOW, HIGH, got string "MEDIUM"'],
    [text, undefined, 'x: expected a string, got undefined'],
  ])('%o refuses %o', (decode, value, message) => {
    expect(() => decode(value, 'x')).toThrow(UnexpectedRecordError);
    expect(() => decode(value, 'x')).toThrow(message);
  });

  it('name the field and list position of a mismatch', () => {
    const decode = list(fields({ id: text, tier: integer }));
    expect(decode([{ id: 'a', tier: 1, extra: true }], 'reached')).toEqual([{ id: 'a', tier: 1 }]);
    expect(() =>
      decode(
        [
          { id: 'a', tier: 1 },
          { id: 'b', tier: '2' },
        ],
        'reached',
      ),
    ).toThrow('reached[1].tier: expected a number, got string "2"');
    expect(() => decode({ id: 'a' }, 'reached')).toThrow('reached: expected a list');
    expect(() => fields({ id: text })([], 'root')).toThrow('root: expected a map');
  });

  it("keep the driver's own array for a list of strings, and name the position of a non-string", () => {
    const products = ['laptop computers', 'monitors'];
    expect(texts(products, 'products')).toBe(products);
    expect(texts([], 'products')).toEqual([]);
    expect(() => texts(['a', 2], 'products')).toThrow(
      new UnexpectedRecordError('products[1]: expected a string, got number 2'),
    );
    expect(() => texts('a', 'products')).toThrow('products: expected a list, got string "a"');
  });

  it('name every position of a mismatch in nested lists of positional items', () => {
    const decode = list(list(positional({ id: text, tier: integer })));
    expect(decode([[['a', 1]], [], [['b', 2]]], 'tiers')).toEqual([
      [{ id: 'a', tier: 1 }],
      [],
      [{ id: 'b', tier: 2 }],
    ]);
    expect(() =>
      decode(
        [
          [['a', 1]],
          [
            ['b', 2],
            ['c', 'x'],
          ],
        ],
        'tiers',
      ),
    ).toThrow(new UnexpectedRecordError('tiers[1][1].tier: expected a number, got string "x"'));
    expect(() => decode([['a', 1]], 'tiers')).toThrow('tiers[0][0]: expected a list of 2 items');
  });
});

const organization = {
  id: 'o1',
  name: 'Acme',
  type: 'FACTORY',
  country: 'SE',
  city: null,
  region: 'Skåne',
  latitude: 55.6,
  longitude: null,
  osId: null,
  provenance: 'DOCUMENTED',
  sources: ['https://example.org'],
};

describe('columns', () => {
  it('decode an organization; a missing sources list is the empty list', () => {
    expect(ORGANIZATION.decode(organization, 'root')).toEqual(organization);
    expect(ORGANIZATION.decode({ ...organization, sources: null }, 'root').sources).toEqual([]);
    expect(() => ORGANIZATION.decode({ ...organization, type: 'SUPPLIER' }, 'root')).toThrow('root.type');
  });

  it('decode rows: positional lists in the order of the map columns, times as epoch milliseconds', () => {
    const row = Object.values(organization);
    expect(ORGANIZATION_ROW.decode(row, 'organization')).toEqual(ORGANIZATION.decode(organization, 'o'));
    // The list names the map column's fields in the same order (o.id, o.name, …).
    const projected = (text: string) => [...text.matchAll(/\.(\w+)/g)].map((m) => m[1]);
    expect(projected(statement('test.organizationRow', ORGANIZATION_ROW.projection).text)).toEqual(
      projected(statement('test.organization', ORGANIZATION.projection).text),
    );
    const epoch = Date.parse('2020-01-01T00:00:00Z');
    const link = ['l1', 's', 'c', ['x'], epoch, null, epoch + 1, 'DOCUMENTED', null];
    expect(LINK_ROW.decode(link, 'link')).toEqual({
      id: 'l1',
      supplierId: 's',
      customerId: 'c',
      products: ['x'],
      validFrom: '2020-01-01T00:00:00.000Z',
      validTo: null,
      recordedAt: '2020-01-01T00:00:00.001Z',
      provenance: 'DOCUMENTED',
      sources: [],
    });
    expect(epochInstant(-86_400_000, 'x')).toBe('1969-12-31T00:00:00.000Z');
    expect(() => LINK_ROW.decode(link.slice(1), 'link')).toThrow('link: expected a list of 9 items');
    expect(() => positional({ a: text })([1], 'row')).toThrow('row.a: expected a string');
  });

  it('decode rows read as asked: in full, or as cards whose unread fields hold their empty value', () => {
    const row = Object.values(organization);
    expect(ORGANIZATION_ROW_AS_ASKED.decode(row, 'o')).toEqual(ORGANIZATION_ROW.decode(row, 'o'));
    expect(ORGANIZATION_ROW_AS_ASKED.decode(row.slice(0, 4), 'o')).toEqual({
      ...ORGANIZATION_ROW.decode(row, 'o'),
      ...unreadOrganizationDetail(),
    });
    expect(() => ORGANIZATION_ROW_AS_ASKED.decode(row.slice(0, 5), 'o')).toThrow(
      'o: expected a list of 11 items',
    );
    const link = ['l1', 's', 'c', ['x'], 0, null, 1, 'DOCUMENTED', ['https://example.org']];
    expect(LINK_ROW_AS_ASKED.decode(link, 'l')).toEqual(LINK_ROW.decode(link, 'l'));
    expect(LINK_ROW_AS_ASKED.decode(link.slice(0, 4), 'l')).toEqual({
      id: 'l1',
      supplierId: 's',
      customerId: 'c',
      products: ['x'],
      validFrom: null,
      validTo: null,
      recordedAt: '',
      provenance: null,
      sources: [],
    });
    // Each card is a prefix of its full row, in the same order.
    const text = statement(
      'test.asAsked',
      ORGANIZATION_ROW_AS_ASKED.projection,
      LINK_ROW_AS_ASKED.projection,
    ).text;
    const lists = [...text.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    expect(lists).toHaveLength(4);
    expect(lists[0]!.startsWith(lists[1]!)).toBe(true);
    expect(lists[2]!.startsWith(lists[3]!)).toBe(true);
  });

  it('name the field of a mismatch in rows decoded in one literal, full or as cards', () => {
    const row = Object.values(organization);
    const wrong = (values: unknown[], at: number, value: unknown) =>
      values.map((v, i) => (i === at ? value : v));
    expect(() => ORGANIZATION_ROW.decode(wrong(row, 1, 7), 'o')).toThrow(
      'o.name: expected a string, got number 7',
    );
    expect(() => ORGANIZATION_ROW_AS_ASKED.decode(wrong(row.slice(0, 4), 2, 'SUPPLIER'), 'o')).toThrow(
      'o.type',
    );
    const link = ['l1', 's', 'c', ['x'], 0, null, 1, 'DOCUMENTED', []];
    expect(() => LINK_ROW.decode(wrong(link, 6, null), 'l')).toThrow('l.recordedAt: expected a number');
    expect(() => LINK_ROW_AS_ASKED.decode(wrong(link.slice(0, 4), 3, 'x'), 'l')).toThrow(
      'l.products: expected a list',
    );
  });

  it('give every epoch instant its ISO text, however many and however often', () => {
    // More distinct instants than the decoder keeps, each asked for twice, some interleaved.
    const instants = Array.from({ length: 40_000 }, (_, i) => 1_600_000_000_000 + (i % 20_000) * 86_399_999);
    for (const ms of [...instants, ...instants.reverse()])
      expect(epochInstant(ms, 'x')).toBe(new Date(ms).toISOString());
    expect(() => epochInstant(1.5, 'x')).toThrow('x: expected a whole number');
    expect(() => epochInstant(8.64e15 + 1, 'x')).toThrow(RangeError);
  });

  it('decode an identity card as identity only', () => {
    const card = { id: 'o1', name: 'Acme', type: 'FACTORY', country: 'SE' };
    expect(ORGANIZATION_IDENTITY.decode(card, 'organization')).toMatchObject({
      ...card,
      city: null,
      sources: [],
      identityOnly: true,
    });
  });

  it('decode a directory card as a card whose public risk indicators are answered', () => {
    const card = { id: 'o1', name: 'Acme', type: 'FACTORY', country: 'SE', city: 'Lund', osId: null };
    expect(ORGANIZATION_DIRECTORY.decode(card, 'organization')).toMatchObject({
      ...card,
      region: null,
      sources: [],
      identityOnly: true,
      directoryCard: true,
    });
    expect(ORGANIZATION_IDENTITY.decode(card, 'organization')).not.toHaveProperty('directoryCard');
  });

  it('require the recording time of a link and an indicator', () => {
    const link = {
      id: 'l1',
      supplierId: 's',
      customerId: 'c',
      products: ['x'],
      validFrom: at('2020-01-01T00:00:00Z'),
      validTo: null,
      recordedAt: at('2021-01-01T00:00:00Z'),
      provenance: null,
      sources: null,
    };
    expect(LINK.decode(link, 'link')).toMatchObject({
      validFrom: '2020-01-01T00:00:00.000Z',
      recordedAt: '2021-01-01T00:00:00.000Z',
      sources: [],
    });
    expect(() => LINK.decode({ ...link, recordedAt: null }, 'links[0]')).toThrow(
      'links[0].recordedAt: expected a DateTime, got null',
    );
    const risk = {
      id: 'r',
      kind: 'REPORT',
      source: 's',
      severity: 'LOW',
      recordedAt: at('2021-01-01T00:00:00Z'),
      topics: [],
    };
    expect(RISK.decode(risk, 'risk')).toMatchObject({ description: null, observedAt: null, topics: [] });
    expect(() => RISK.decode({ ...risk, recordedAt: undefined }, 'risk')).toThrow('risk.recordedAt');
  });

  it("decode an indicator's topics, and refuse a word that is no topic", () => {
    const risk = {
      id: 'r',
      kind: 'REPORT',
      source: 's',
      severity: 'LOW',
      recordedAt: at('2021-01-01T00:00:00Z'),
      topics: ['FORCED_LABOUR', 'WAGES_AND_HOURS'],
    };
    expect(RISK.decode(risk, 'risk').topics).toEqual(['FORCED_LABOUR', 'WAGES_AND_HOURS']);
    // The projection always gives a list (coalesce(risk.topics, [])): a missing one is a broken read.
    expect(() => RISK.decode({ ...risk, topics: null }, 'risk')).toThrow('risk.topics');
    expect(() => RISK.decode({ ...risk, topics: ['SLAVERY'] }, 'risk')).toThrow('risk.topics');
  });

  it('require the creation time of a share, where an empty string used to stand in', () => {
    const share = {
      id: 's1',
      ownerId: 'a',
      recipientId: 'b',
      scope: 'SOURCING',
      linkIds: null,
      disclosureIds: null,
      expiresAt: null,
      revokedAt: null,
      createdAt: at('2024-01-01T00:00:00Z'),
    };
    expect(SHARE.decode(share, 'share')).toEqual({ ...share, createdAt: '2024-01-01T00:00:00.000Z' });
    expect(() => SHARE.decode({ ...share, createdAt: null }, 'share')).toThrow(
      'share.createdAt: expected a DateTime, got null',
    );
  });
});

describe('literalRow (src/graph/decode.ts), the one-literal decoder of the biggest rows', () => {
  it('refuses a row its literal cannot read even when its positional decoder can (the two are out of step)', () => {
    const shape = { id: text, name: text };
    // A literal still counting the row before `name` was added to it.
    const stale = literalRow<{ id: string; name: string }>((value, at) => {
      const v = tuple(value, at, 1);
      return { id: text(v[0], at), name: '' };
    }, positional(shape));
    expect(() => stale(['o1', 'Acme'], 'o')).toThrow(UnexpectedRecordError);
  });

  it('still names the field when the row is wrong for both', () => {
    const shape = { id: text, name: text };
    const row = literalRow((value, at) => {
      const v = tuple(value, at, 2);
      return { id: text(v[0], at), name: text(v[1], at) };
    }, positional(shape));
    expect(row(['o1', 'Acme'], 'o')).toEqual({ id: 'o1', name: 'Acme' });
    expect(() => row(['o1', 7], 'o')).toThrow('o.name: expected a string, got number 7');
  });
});
