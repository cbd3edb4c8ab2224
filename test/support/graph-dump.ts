// A canonical text dump of everything Tiersight keeps in the database (the bookkeeping of migrations,
// import runs and locks aside): one line per node and per relationship, properties sorted, temporal values
// as Neo4j writes them (offset and fraction kept), nodes named by label and id (or by their properties
// when they have no id). Two databases hold the same graph exactly when their dumps are equal. An
// audit event's `key` is left out: it is random, made where the event is written, and a restore makes
// new ones (it only breaks ties in a trail's order, as the element id did before it).
import neo4j, { type Driver } from 'neo4j-driver';

function canonical(value: unknown): unknown {
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value))
    return `@${value.toString()}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

const text = (value: unknown) => JSON.stringify(canonical(value));

const EVENT_LABELS = new Set(['ShareEvent', 'SupplyLinkEvent']);

export async function dumpGraph(driver: Driver): Promise<string[]> {
  const { records: nodes } = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:TiersightMigration AND NOT n:ImportRun AND NOT n:TiersightLock
     RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS properties`,
  );
  const names = new Map<string, string>();
  const lines: string[] = [];
  for (const node of nodes) {
    const labels = (node.get('labels') as string[]).sort().join(':');
    const { key: _, ...rest } = node.get('properties') as Record<string, unknown>;
    const properties = EVENT_LABELS.has(labels) ? rest : (node.get('properties') as Record<string, unknown>);
    const id = properties['id'];
    names.set(node.get('element') as string, `(${labels} ${typeof id === 'string' ? id : text(properties)})`);
    lines.push(`(${labels} ${text(properties)})`);
  }
  const { records: relationships } = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE NOT (a:TiersightMigration OR a:ImportRun OR b:TiersightMigration OR b:ImportRun)
     RETURN elementId(a) AS a, type(r) AS type, properties(r) AS properties, elementId(b) AS b`,
  );
  for (const r of relationships) {
    const from = names.get(r.get('a') as string);
    const to = names.get(r.get('b') as string);
    lines.push(`${from}-[:${r.get('type') as string} ${text(r.get('properties'))}]->${to}`);
  }
  return lines.sort();
}
