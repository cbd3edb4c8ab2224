// Values that statements take as parameters, in the types Neo4j compares (decoding goes through
// decode.ts and columns.ts).
import neo4j from 'neo4j-driver';

export const toNeo4jDateTime = (instant: Date) => neo4j.types.DateTime.fromStandardDate(instant);
