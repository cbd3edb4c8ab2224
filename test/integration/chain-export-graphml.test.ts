// A GraphML chain export is valid against the schema it names (graphml.graphdrawing.org/xmlns/1.0/
// graphml.xsd, in xsi:schemaLocation), which types the ids of graph, node and edge and an edge's source
// and target as xs:NMTOKEN, while Tiersight ids may hold spaces, '/', '>', '#', '&'…: the file numbers
// them and carries each Tiersight id as `tiersightId` data (docs/exports.md).
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

/** XML 1.0 Nmtoken, ASCII part plus any non-ASCII NameChar approximated by \p{L}\p{N}\p{M}. */
const NMTOKEN = /^[\p{L}\p{N}\p{M}._:\-\u00B7]+$/u;

describe('GraphML export', () => {
  it('is valid against the GraphML schema it names: ids, sources and targets are NMTOKENs', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('se-buyer', 'PURCHASER')
        .org('Acme Corp/Shenzhen', 'FACTORY', { country: 'CN' })
        .org('R&D #2', 'MANUFACTURER')
        .link('R&D #2', 'se-buyer') // link id 'R&D #2>se-buyer'
        .link('Acme Corp/Shenzhen', 'R&D #2')
        .share('R&D #2', 'se-buyer')
        .build(),
    );
    const response = await t.api.query('se-buyer', `{ chainExport(format: GRAPHML) { content } }`);
    expect(response.errors).toBeUndefined();
    const content = (response.data!['chainExport'] as { content: string }).content;
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'node' || name === 'edge',
    }).parse(content) as {
      graphml: {
        graph: {
          id: string;
          node: { id: string }[];
          edge: { id: string; source: string; target: string }[];
        };
      };
    };
    const g = parsed.graphml.graph;
    const typedAsNmtoken = [
      g.id,
      ...g.node.map((n) => n.id),
      ...g.edge.flatMap((e) => [e.id, e.source, e.target]),
    ];
    expect(typedAsNmtoken).toHaveLength(1 + 3 + 2 * 3);
    // 'Acme Corp/Shenzhen', 'R&D #2' and the link ids as ids: xmllint --schema graphml.xsd (or any
    // validating reader) refused the file.
    expect(typedAsNmtoken.filter((value) => !NMTOKEN.test(value))).toEqual([]);
  });
});
