// What a client sees of an error: domain errors and GraphQL's own (validation, bad variables) keep
// their code and message; anything else becomes INTERNAL_SERVER_ERROR with no stack, Cypher or driver
// text, and is logged on the server instead.
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, UnavailableError } from '../domain/errors.ts';
import type { ErrorLevel } from '../observability/logger.ts';

/**
 * The error a resolver threw, under GraphQL's wrapping. Duck-typed rather than `instanceof
 * GraphQLError`: graphql ships both CommonJS and ESM builds, and a class from one is not the other's.
 */
function unwrap(error: unknown): unknown {
  let current = error;
  while (
    typeof current === 'object' &&
    current !== null &&
    'originalError' in current &&
    current.originalError
  ) {
    current = current.originalError;
  }
  return current;
}

const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
]);

/** Codes of server-side trouble a client may act on (retry later), with a message of ours. */
const SERVER_CODES = new Set(['SERVICE_UNAVAILABLE', 'TIMEOUT']);

/**
 * Apollo refuses some requests with a GraphQL error that has an HTTP 4xx status but no code (a
 * persisted query whose hash does not match its text): a client's mistake, not a server fault.
 */
function isUncodedClientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return false;
  const extensions: unknown = error.extensions;
  if (typeof extensions !== 'object' || extensions === null) return false;
  if ('code' in extensions && extensions.code !== undefined) return false;
  const http: unknown = 'http' in extensions ? extensions.http : undefined;
  const status: unknown =
    typeof http === 'object' && http !== null && 'status' in http ? http.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown, level: ErrorLevel) => void,
): GraphQLFormattedError {
  const original = unwrap(error);
  const code =
    original instanceof DomainError
      ? original.code
      : isUncodedClientError(original)
        ? 'BAD_REQUEST'
        : String(formatted.extensions?.['code'] ?? '');
  const base = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (CLIENT_CODES.has(code) || SERVER_CODES.has(code)) {
    const message = original instanceof DomainError ? original.message : formatted.message;
    // A refusal by design (UnavailableError: an import unfinished, a merge between two reads) is worth
    // a line, not an error alert per refused request; Neo4j away or a timeout stays an error.
    if (SERVER_CODES.has(code)) log(original, original instanceof UnavailableError ? 'warn' : 'error');
    return { ...base, message, extensions: { code } };
  }
  log(original, 'error');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
