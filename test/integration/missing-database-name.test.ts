// Review (operator): NEO4J_DATABASE naming a database the server does not have.
//
// README, Configuration: every bad value is reported with its name. With NEO4J_DATABASE=nosuch,
// `tiersight serve` (and every command that opens the database) printed a stack trace of
// "DomainError: Database operation 'migration.applied' failed" with the driver's
// Neo.ClientError.Database.DatabaseNotFound inside, naming neither the variable nor what to do.
//
// Expected: a one-line refusal that names NEO4J_DATABASE and its value (DatabaseUnreachableError, which
// the CLI prints as `tiersight: …` and exits with 1), and the driver closed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DatabaseUnreachableError } from '../../src/graph/driver.ts';
import { openDatabase } from '../../src/runtime/database.ts';
import { neo4jUri } from '../support/neo4j-uri.ts';

describe('NEO4J_DATABASE naming no database', () => {
  it('is refused with a message that names the variable and its value', async () => {
    const config = loadConfig(
      {
        NEO4J_URI: neo4jUri(),
        NEO4J_USER: process.env['NEO4J_USER'] ?? 'neo4j',
        NEO4J_PASSWORD: process.env['NEO4J_PASSWORD'] ?? '',
        NEO4J_DATABASE: 'nosuch',
      },
      { dataDir: '.data' },
    );
    const opened = openDatabase(config, () => {});
    await expect(opened).rejects.toBeInstanceOf(DatabaseUnreachableError);
    await expect(opened).rejects.toThrow(
      /^NEO4J_DATABASE names no database of Neo4j at bolt:\/\/.*, got "nosuch"/,
    );
  });
});
