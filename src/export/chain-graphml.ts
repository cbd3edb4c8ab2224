// GraphML (graphml.graphdrawing.org) for yEd, Gephi, Cytoscape and NetworkX: one node per organization,
// one directed edge per link from supplier to customer, every attribute of chain-attributes.ts as a
// typed key. The schema the file names types the ids of graph, node and edge (and an edge's source and
// target) as xs:NMTOKEN, which a Tiersight id need not be (`Acme Corp/Shenzhen`, `R&D #2>buyer`), so a
// validating reader refused such files: ids are numbered (`n0`, `e0`, in the file's order) and each
// Tiersight id is the `tiersightId` data of its node or edge. Parallel links of one pair stay apart.
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Attribute } from './chain-attributes.ts';
import type { ChainExport } from './chain-export.ts';
import { xmlDocument, xmlText, xmlValue } from './chain-xml.ts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';
const SCHEMA = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

/** GraphML's attr.type for each attribute type. */
const GRAPHML_TYPES = { string: 'string', integer: 'int', double: 'double' } as const;

/** Key ids: node and edge attributes may share a name (provenance, sources), ids must not. */
const graphmlKey = (target: 'node' | 'edge', name: string): string => `${target[0]}_${name}`;

function declareKeys<T>(graphml: XMLBuilder, target: 'node' | 'edge', attributes: readonly Attribute<T>[]) {
  for (const a of attributes) {
    graphml.ele('key', {
      id: graphmlKey(target, a.name),
      for: target,
      'attr.name': a.name,
      'attr.type': GRAPHML_TYPES[a.type],
    });
  }
}

function addData<T>(
  element: XMLBuilder,
  target: 'node' | 'edge',
  attributes: readonly Attribute<T>[],
  item: T,
) {
  for (const a of attributes) {
    const value = a.of(item);
    if (value !== null) element.ele('data', { key: graphmlKey(target, a.name) }).txt(xmlValue(value));
  }
}

/** The Tiersight id of a node or an edge, as a typed key like the attributes. */
const ID_KEY = 'tiersightId';

export function chainToGraphml(chain: ChainExport): string {
  const graphml = xmlDocument(GRAPHML_NAMESPACE, 'graphml', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GRAPHML_NAMESPACE} ${SCHEMA}`,
  });
  for (const target of ['node', 'edge'] as const)
    graphml.ele('key', {
      id: graphmlKey(target, ID_KEY),
      for: target,
      'attr.name': ID_KEY,
      'attr.type': 'string',
    });
  declareKeys(graphml, 'node', NODE_ATTRIBUTES);
  declareKeys(graphml, 'edge', EDGE_ATTRIBUTES);
  const graph = graphml.ele('graph', { id: 'supply-chain', edgedefault: 'directed' });
  graph.ele('desc').txt(describe(chain));
  const numbers = new Map(chain.nodes.map((node, i) => [node.organization.id, `n${i}`]));
  const nodeId = (id: string): string => {
    const number = numbers.get(id);
    if (number === undefined) throw new Error(`link end '${id}' is not an organization of the export`);
    return number;
  };
  const withId = (element: XMLBuilder, target: 'node' | 'edge', id: string) => {
    element.ele('data', { key: graphmlKey(target, ID_KEY) }).txt(xmlValue(id));
    return element;
  };
  for (const node of chain.nodes) {
    const element = graph.ele('node', { id: nodeId(node.organization.id) });
    addData(withId(element, 'node', node.organization.id), 'node', NODE_ATTRIBUTES, node);
  }
  chain.links.forEach((link, i) => {
    const edge = graph.ele('edge', {
      id: `e${i}`,
      source: nodeId(link.supplierId),
      target: nodeId(link.customerId),
    });
    addData(withId(edge, 'edge', link.id), 'edge', EDGE_ATTRIBUTES, link);
  });
  return xmlText(graphml);
}

/** One line saying whose view this is and when: an export is only true for that viewer and instant. */
export const describe = (chain: ChainExport): string =>
  `Supply chain of ${chain.rootId} to ${chain.maxDepth} tiers${chain.product === null ? '' : ` through links of ${chain.product}`} ` +
  `as ${chain.viewerId} may see it ` +
  `${chain.asOf === null ? `at ${chain.exportedAt}` : `as of ${chain.asOf}`} (Tiersight export of ${chain.exportedAt})`;
