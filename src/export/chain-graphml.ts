// GraphML (graphml.graphdrawing.org) for yEd, Gephi, Cytoscape and NetworkX: one node per organization,
// one directed edge per link from supplier to customer, every attribute of chain-attributes.ts as a
// typed key. Edge ids are the link ids, so parallel links of one pair stay apart.
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Attribute } from './chain-attributes.ts';
import type { ChainExport } from './chain-export.ts';
import { xmlDocument, xmlText, xmlValue } from './chain-xml.ts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';
const SCHEMA = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

/** GraphML's attr.type for each attribute type. */
const GRAPHML_TYPES = { string: 'string', integer: 'int', double: 'double' } as const;

/** Key ids: node and edge attributes may share a name (provenance, sources), ids must not. */
export const graphmlKey = (target: 'node' | 'edge', name: string): string => `${target[0]}_${name}`;

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

export function chainToGraphml(chain: ChainExport): string {
  const graphml = xmlDocument(GRAPHML_NAMESPACE, 'graphml', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GRAPHML_NAMESPACE} ${SCHEMA}`,
  });
  declareKeys(graphml, 'node', NODE_ATTRIBUTES);
  declareKeys(graphml, 'edge', EDGE_ATTRIBUTES);
  const graph = graphml.ele('graph', { id: `supply-chain-of-${chain.rootId}`, edgedefault: 'directed' });
  graph.ele('desc').txt(describe(chain));
  for (const node of chain.nodes) {
    addData(graph.ele('node', { id: node.organization.id }), 'node', NODE_ATTRIBUTES, node);
  }
  for (const link of chain.links) {
    const edge = graph.ele('edge', { id: link.id, source: link.supplierId, target: link.customerId });
    addData(edge, 'edge', EDGE_ATTRIBUTES, link);
  }
  return xmlText(graphml);
}

/** One line saying whose view this is and when: an export is only true for that viewer and instant. */
export const describe = (chain: ChainExport): string =>
  `Supply chain of ${chain.rootId} to ${chain.maxDepth} tiers${chain.product === null ? '' : ` through links of ${chain.product}`} ` +
  `as ${chain.viewerId} may see it ` +
  `${chain.asOf === null ? `at ${chain.exportedAt}` : `as of ${chain.asOf}`} (Tiersight export of ${chain.exportedAt})`;
