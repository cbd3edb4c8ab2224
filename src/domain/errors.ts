// Domain errors carry the contract's error codes (section 4) so that every layer can raise them and
// the GraphQL layer can pass the code on without knowing where the error came from.
import { quote } from './quote.ts';

type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

/**
 * `Organization "f-123" not found`: names the id the client sent (never one it stands for, such as the
 * kept organization of a merged id), so that a hidden id and a missing one answer alike but for it.
 * `among` says where it was looked for, when that helps the client.
 */
export const notFound = (what: string, id: string, among?: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${quote(id)} not found${among === undefined ? '' : ` ${among}`}`);
export const badInput = (message: string): DomainError => new DomainError('BAD_USER_INPUT', message);
/** Refuses every problem of an input in one BAD_USER_INPUT, joined with "; "; nothing when there is none. */
export function refuseProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw badInput(problems.join('; '));
}
export const forbidden = (message: string): DomainError => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message: string): DomainError => new DomainError('UNAUTHENTICATED', message);

/** The service cannot answer now; the client may try again after `retryAfterSeconds` (HTTP Retry-After). */
export class UnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('SERVICE_UNAVAILABLE', message);
  }
}

/** A verified token whose organization no longer exists (merged away, removed by an import). */
export const unknownTokenOrganization = (): DomainError =>
  unauthenticated('The token names an organization that does not exist.');
