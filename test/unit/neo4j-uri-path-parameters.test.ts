// Review (operator): NEO4J_URI with parameters or a path passed start-up's checks.
//
// `NEO4J_URI=bolt://db:7687?policy=eu` made `tiersight serve` die with the driver's stack trace
// ("Error: Parameters are not supported with none routed scheme"), outside the configuration report;
// `NEO4J_URI=bolt://db:7687/tiersight` was accepted and the path ignored, so the API used the server's
// default database rather than the one the operator named.
//
// Expected: both refused at start-up, naming NEO4J_URI and its value; a neo4j:// URI keeps its routing
// parameters, and a trailing slash is no path.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, { dataDir: '/tmp/data' });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('NEO4J_URI', () => {
  it('with parameters on a direct bolt:// URI is refused, naming the variable and value', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://db:7687?policy=eu' })).toEqual([
      'NEO4J_URI has parameters (?…), which only a neo4j:// routing URI takes, got "bolt://db:7687?policy=eu"',
    ]);
    expect(problemsOf({ NEO4J_URI: 'bolt+s://u:pw@db:7687?x=1' })).toEqual([
      'NEO4J_URI has parameters (?…), which only a neo4j:// routing URI takes, got "bolt+s://db:7687?x=1"',
    ]);
  });

  it('with a path is refused: the database is NEO4J_DATABASE', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://db:7687/tiersight' })).toEqual([
      'NEO4J_URI has a path (name the database in NEO4J_DATABASE), got "bolt://db:7687/tiersight"',
    ]);
    expect(problemsOf({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io/neo4j' })).toHaveLength(1);
  });

  it('keeps routing parameters on neo4j://, and a trailing slash', () => {
    expect(problemsOf({ NEO4J_URI: 'neo4j://db:7687?policy=eu' })).toEqual([]);
    expect(problemsOf({ NEO4J_URI: 'bolt://db:7687/' })).toEqual([]);
    expect(problemsOf({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io' })).toEqual([]);
  });
});
