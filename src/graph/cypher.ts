// A named Cypher statement. Names travel as transaction metadata (visible in `SHOW TRANSACTIONS` and the
// query log) and in error messages, so a slow or failing query can be traced to its repository.
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

export function cypher(name: string, text: string): CypherQuery {
  return { name, text };
}
