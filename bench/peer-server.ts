// The generic peer of `npm run bench`: the Neo4j GraphQL Library on the same database, with the best
// per-hop `@cypher` field we could write for contract section 2 (it has no way to express the rule
// otherwise, nor smallest tiers or the links of rule 4). The viewer comes from the JWT, as in the
// API. Started by bench/processes.ts; prints its URL on stderr.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

// One hop from `this` (a customer) to its suppliers through links disclosed to the viewer (rule 1)
// that hold now: the viewer is the customer or the supplier, or an active share of the customer to
// the viewer covers the link. The customer's shares to the viewer are read once per customer, before
// any link.
const SUPPLIERS = `
MATCH (v:Organization {id: $jwt.org})
OPTIONAL MATCH (this)-[:GRANTED]->(sh:Share)-[:TO]->(v)
  WHERE sh.scope = 'SOURCING' AND sh.revokedAt IS NULL AND (sh.expiresAt IS NULL OR datetime() < sh.expiresAt)
WITH this, v, collect(sh) AS shares
WITH this, v, this = v OR any(sh IN shares WHERE sh.linkIds IS NULL) AS open,
     [sh IN shares WHERE sh.linkIds IS NOT NULL | sh.linkIds] AS partial
MATCH (this)<-[l:SUPPLIES]-(supplier:Organization)
WHERE (open OR supplier = v OR any(ids IN partial WHERE l.id IN ids))
  AND (l.validFrom IS NULL OR l.validFrom <= datetime()) AND (l.validTo IS NULL OR datetime() < l.validTo)
RETURN DISTINCT supplier`;

const typeDefs = /* GraphQL */ `
  type Organization @node {
    id: ID!
    name: String!
    type: String!
    country: String!
    suppliers: [Organization!]! @cypher(statement: """${SUPPLIERS}""", columnName: "supplier")
  }
`;

const driver = neo4j.driver(env('NEO4J_URI'), neo4j.auth.basic(env('NEO4J_USER'), env('NEO4J_PASSWORD')));
const schema = await new Neo4jGraphQL({
  typeDefs,
  driver,
  features: { authorization: { key: env('JWT_SECRET') } },
}).getSchema();
const server = new ApolloServer({
  schema,
  plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
});
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: 0 },
  context: ({ req }) => Promise.resolve({ token: req.headers.authorization }),
});
console.error(`peer GraphQL at ${url}`);
const stop = () => {
  void server
    .stop()
    .then(() => driver.close())
    .then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
