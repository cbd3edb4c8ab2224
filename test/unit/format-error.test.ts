import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DomainError, UnavailableError } from '../../src/domain/errors.ts';
import { toDomainError } from '../../src/graph/executor.ts';
import { formatError } from '../../src/api/errors.ts';

const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ['supplyChain'], originalError: original });
const format = (error: GraphQLError) => {
  const logged: unknown[] = [];
  const formatted = formatError(error.toJSON(), error, (e) => logged.push(e));
  return { formatted, logged };
};

describe('what clients see of errors', () => {
  it('driver and Cypher failures become INTERNAL_SERVER_ERROR with nothing internal, and are logged', () => {
    const neo4jError = new Neo4jError(
      'Invalid input MATCH (v:Organization {id: $viewer})',
      'Neo.ClientError.Statement.SyntaxError',
      '42001',
      'syntax error',
    );
    const { formatted, logged } = format(resolverError(toDomainError('visibility.supplyChain', neo4jError)));
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['supplyChain'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
  });

  it('an unexpected exception is INTERNAL_SERVER_ERROR without its message or stack', () => {
    const { formatted } = format(
      resolverError(new TypeError("Cannot read properties of undefined (reading 'id')")),
    );
    expect(JSON.stringify(formatted)).not.toMatch(/Cannot read|stack|\.ts/);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('domain errors keep their code and message', () => {
    const { formatted, logged } = format(
      resolverError(new DomainError('NOT_FOUND', 'Organization not found')),
    );
    expect(formatted).toMatchObject({ message: 'Organization not found', extensions: { code: 'NOT_FOUND' } });
    expect(logged).toEqual([]);
  });

  it('timeouts and an unavailable database say so, with our own words', () => {
    const timeout = new Neo4jError(
      'tx timed out after 15000ms',
      'Neo.ClientError.Transaction.TransactionTimedOut',
      '25N06',
      '',
    );
    const { formatted } = format(resolverError(toDomainError('x', timeout)));
    expect(formatted).toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(formatted.message).not.toContain('15000ms');
  });

  it('a database still starting (Bolt up, store recovering) is unavailable, not an internal error', () => {
    const starting = new Neo4jError(
      "Database 'neo4j' is unavailable.",
      'Neo.TransientError.General.DatabaseUnavailable',
      '51N33',
      '',
    );
    expect(toDomainError('x', starting)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('logs a refusal by design (an import unfinished) at warn, Neo4j away, a timeout and a fault at error', () => {
    const levels: string[] = [];
    const log = (_error: unknown, level: string) => void levels.push(level);
    formatError({ message: 'x' }, new UnavailableError('Import in progress or incomplete.', 10), log);
    formatError(
      { message: 'x' },
      new DomainError('SERVICE_UNAVAILABLE', 'The database is unavailable.'),
      log,
    );
    formatError({ message: 'x' }, new DomainError('TIMEOUT', 'Took too long.'), log);
    formatError({ message: 'x' }, new TypeError('broken'), log);
    formatError({ message: 'x' }, new DomainError('NOT_FOUND', 'Organization not found'), log);
    expect(levels).toEqual(['warn', 'error', 'error', 'error']);
  });
});
