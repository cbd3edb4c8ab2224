// Reads chain exports back the way other tools would: GraphML and GEXF through an XML parser
// (fast-xml-parser) following each format's own rules (typed keys, attvalues), CSV through csv-parse.
// Each gives the same shape, so a test compares formats with each other and with what was exported.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NODE_ATTRIBUTES } from '../../src/export/chain-attributes.ts';
import { CSV_COMMAS, type CsvFormat } from '../../src/domain/spreadsheet-text.ts';
import type { ChainExport } from '../../src/export/chain-export.ts';

export type Value = string | number;
export interface ReadNode {
  id: string;
  attributes: Record<string, Value>;
}
export interface ReadEdge {
  id: string;
  source: string;
  target: string;
  attributes: Record<string, Value>;
}
export interface ReadGraph {
  nodes: ReadNode[];
  edges: ReadEdge[];
}

type Element = Record<string, unknown>;
const ARRAYS = new Set(['key', 'node', 'edge', 'data', 'attribute', 'attributes', 'attvalue']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

function element(value: unknown, what: string): Element {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`no ${what}`);
  return value as Element;
}
const elements = (value: unknown): Element[] =>
  Array.isArray(value) ? value.map((v) => element(v, 'item')) : [];
const text = (e: Element, name: string): string => {
  const value = e[name];
  if (typeof value !== 'string') throw new Error(`${name} is not text: ${JSON.stringify(value)}`);
  return value;
};
const typed = (type: string, value: string): Value =>
  ['int', 'long', 'integer', 'double', 'float'].includes(type) ? Number(value) : value;

function parsed(xml: string, root: string): Element {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return element(parser.parse(xml)[root], root);
}

export function readGraphml(xml: string): ReadGraph {
  const graphml = parsed(xml, 'graphml');
  if (graphml['@xmlns'] !== 'http://graphml.graphdrawing.org/xmlns') throw new Error('not GraphML');
  const keys = new Map(elements(graphml['key']).map((k) => [text(k, '@id'), k]));
  const attributes = (e: Element, target: string) =>
    Object.fromEntries(
      elements(e['data']).map((d) => {
        const key = keys.get(text(d, '@key'));
        if (key === undefined || text(key, '@for') !== target) throw new Error(`undeclared key ${d['@key']}`);
        return [text(key, '@attr.name'), typed(text(key, '@attr.type'), text(d, '#text'))];
      }),
    );
  const graph = element(graphml['graph'], 'graph');
  if (graph['@edgedefault'] !== 'directed') throw new Error('not directed');
  // Node and edge ids are numbered NMTOKENs; the Tiersight ids are their `tiersightId` data.
  const tiersight = (e: Element, target: string) => {
    const { tiersightId, ...rest } = attributes(e, target);
    if (typeof tiersightId !== 'string') throw new Error(`${target} ${text(e, '@id')} has no tiersightId`);
    return { id: tiersightId, attributes: rest };
  };
  const nodes = elements(graph['node']).map((n) => ({ number: text(n, '@id'), ...tiersight(n, 'node') }));
  const byNumber = new Map(nodes.map((n) => [n.number, n.id]));
  const end = (number: string) => {
    const id = byNumber.get(number);
    if (id === undefined) throw new Error(`edge end ${number} is no node`);
    return id;
  };
  return {
    nodes: nodes.map(({ id, attributes }) => ({ id, attributes })),
    edges: elements(graph['edge']).map((e) => ({
      ...tiersight(e, 'edge'),
      source: end(text(e, '@source')),
      target: end(text(e, '@target')),
    })),
  };
}

export function readGexf(xml: string): ReadGraph & { labels: Map<string, string> } {
  const gexf = parsed(xml, 'gexf');
  if (gexf['@xmlns'] !== 'http://gexf.net/1.3' || gexf['@version'] !== '1.3') throw new Error('not GEXF 1.3');
  const graph = element(gexf['graph'], 'graph');
  const declared = new Map(
    elements(graph['attributes']).map((a) => [
      text(a, '@class'),
      new Map(elements(a['attribute']).map((d) => [text(d, '@id'), d])),
    ]),
  );
  const attributes = (e: Element, target: string) => {
    const values = e['attvalues'] === '' ? [] : elements(element(e['attvalues'], 'attvalues')['attvalue']);
    return Object.fromEntries(
      values.map((v) => {
        const d = declared.get(target)?.get(text(v, '@for'));
        if (d === undefined) throw new Error(`undeclared attribute ${v['@for']}`);
        return [text(d, '@title'), typed(text(d, '@type'), text(v, '@value'))];
      }),
    );
  };
  const nodes = elements(element(graph['nodes'], 'nodes')['node']);
  const edges = graph['edges'] === '' ? [] : elements(element(graph['edges'], 'edges')['edge']);
  return {
    labels: new Map(nodes.map((n) => [text(n, '@id'), text(n, '@label')])),
    nodes: nodes.map((n) => ({ id: text(n, '@id'), attributes: attributes(n, 'node') })),
    edges: edges.map((e) => ({
      id: text(e, '@id'),
      source: text(e, '@source'),
      target: text(e, '@target'),
      attributes: attributes(e, 'edge'),
    })),
  };
}

/** CSV rows by the header; empty cells left out, numeric columns as numbers. */
/** `format`: the dialect the file was written in (chainExport's `csv`). */
export function readCsv(csv: string, format: CsvFormat = CSV_COMMAS): ReadGraph & { header: string[] } {
  const rows: string[][] = parseCsv(csv, { record_delimiter: '\r\n', delimiter: format.separator });
  const [header = [], ...body] = rows;
  const NUMERIC = new Set(NODE_ATTRIBUTES.filter((a) => a.type !== 'string').map((a) => a.name));
  const records = body.map((row) =>
    Object.fromEntries(
      header.flatMap((column, i) => {
        const cell = row[i] ?? '';
        return cell === ''
          ? []
          : [[column, NUMERIC.has(column) ? Number(cell.replace(format.decimal, '.')) : cell]];
      }),
    ),
  );
  const strip = (r: Record<string, Value>, drop: string[]) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k)));
  return {
    header,
    nodes: records
      .filter((r) => r['record'] === 'organization')
      .map((r) => ({ id: String(r['id']), attributes: strip(r, ['record', 'id']) })),
    edges: records
      .filter((r) => r['record'] === 'link')
      .map((r) => ({
        id: String(r['id']),
        source: String(r['supplier']),
        target: String(r['customer']),
        attributes: strip(r, ['record', 'id', 'supplier', 'customer']),
      })),
  };
}

/**
 * The cells of a chain CSV written in `format`, its decimal commas read back as points: what the
 * RFC 4180 file of the same chain holds, cell for cell.
 */
export function cellsAsRfc4180(csv: string, format: CsvFormat = CSV_COMMAS): string[][] {
  const rows = parseCsv(csv, { delimiter: format.separator, record_delimiter: '\r\n' }) as string[][];
  return format.decimal === '.'
    ? rows
    : rows.map((row) => row.map((cell) => (/^-?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell)));
}

/** The chain of the viewer `buyer` from itself, 20 tiers, now: what the format tests write out. */
export const buyersChain = (nodes: ChainExport['nodes'], links: ChainExport['links'] = []): ChainExport => ({
  viewerId: 'buyer',
  rootId: 'buyer',
  maxDepth: 20,
  asOf: null,
  product: null,
  exportedAt: '2026-12-02T07:00:00.000Z',
  nodes,
  links,
});
