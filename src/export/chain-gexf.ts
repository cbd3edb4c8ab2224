// GEXF 1.3 (gexf.net) for Gephi: the same nodes, edges and attributes as GraphML, with the organization's
// name as the node label and the link's products as the edge label.
import { EDGE_ATTRIBUTES, LIST_SEPARATOR, NODE_ATTRIBUTES, type Attribute } from './chain-attributes.ts';
import type { ChainExport } from './chain-export.ts';
import { describe } from './chain-graphml.ts';
import { xmlDocument, xmlText, xmlValue } from './chain-xml.ts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

const GEXF_NAMESPACE = 'http://gexf.net/1.3';

function declare<T>(graph: XMLBuilder, target: 'node' | 'edge', attributes: readonly Attribute<T>[]) {
  const declared = graph.ele('attributes', { class: target });
  for (const a of attributes) declared.ele('attribute', { id: a.name, title: a.name, type: a.type });
}

function addValues<T>(element: XMLBuilder, attributes: readonly Attribute<T>[], item: T) {
  const values = element.ele('attvalues');
  for (const a of attributes) {
    const value = a.of(item);
    if (value !== null) values.ele('attvalue', { for: a.name, value: xmlValue(value) });
  }
}

export function chainToGexf(chain: ChainExport): string {
  const gexf = xmlDocument(GEXF_NAMESPACE, 'gexf', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GEXF_NAMESPACE} http://gexf.net/1.3/gexf.xsd`,
    version: '1.3',
  });
  const meta = gexf.ele('meta', { lastmodifieddate: chain.exportedAt.slice(0, 10) });
  meta.ele('creator').txt('Tiersight');
  meta.ele('description').txt(describe(chain));
  const graph = gexf.ele('graph', { defaultedgetype: 'directed', mode: 'static' });
  declare(graph, 'node', NODE_ATTRIBUTES);
  declare(graph, 'edge', EDGE_ATTRIBUTES);
  const nodes = graph.ele('nodes', { count: String(chain.nodes.length) });
  for (const node of chain.nodes) {
    const element = nodes.ele('node', { id: node.organization.id, label: node.organization.name });
    addValues(element, NODE_ATTRIBUTES, node);
  }
  const edges = graph.ele('edges', { count: String(chain.links.length) });
  for (const link of chain.links) {
    const element = edges.ele('edge', {
      id: link.id,
      source: link.supplierId,
      target: link.customerId,
      label: link.products.join(LIST_SEPARATOR),
    });
    addValues(element, EDGE_ATTRIBUTES, link);
  }
  return xmlText(gexf);
}
