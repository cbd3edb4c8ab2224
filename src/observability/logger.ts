// Structured logs: one JSON object per line (pino, the de-facto standard fast JSON logger for Node),
// so a log pipeline can index request ids, operations and codes without parsing prose. Secrets never
// reach a line: the only places that see tokens do not log them, and the redact list is a backstop.
import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { bounded, MAX_LOGGED_MESSAGE, MAX_LOGGED_STACK } from './client-text.ts';

export type { Logger };

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'tiersight' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['authorization', 'headers.authorization', 'token', 'password', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options, pino.destination(2));
}

/**
 * How loud an error is logged: `warn` for a refusal by design (an UnavailableError: an unfinished
 * import, a merge between two reads); Neo4j away, a timeout and faults stay `error` (src/api/errors.ts).
 */
export type ErrorLevel = 'error' | 'warn';

/**
 * The one line an error gets at `level` (`error` unless told): its code and the first line of its
 * message (bounded: a message may quote what the client sent); the stack only at `debug`, bounded the
 * same way.
 */
export function logError(
  logger: Logger,
  fields: Record<string, unknown>,
  error: unknown,
  message: string,
  level: ErrorLevel = 'error',
): void {
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const cause = causeCode(error);
  const err = {
    type: error instanceof Error ? error.name : typeof error,
    message: bounded(text, MAX_LOGGED_MESSAGE),
    ...(cause === null ? {} : { cause }),
  };
  const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
  logger[level]({ ...fields, code, err }, message);
  if (logger.isLevelEnabled('debug') && error instanceof Error)
    logger.debug({ ...fields, stack: boundedStack(error, err.message) }, message);
}

/**
 * The code of the error's cause (Neo4j's, such as `Neo.TransientError.Transaction.BookmarkTimeout`),
 * never its message, which may quote data: "The database is unavailable" alone does not tell an
 * operator whether Neo4j is down, busy, or waiting for transactions of a store since replaced.
 */
function causeCode(error: unknown): string | null {
  if (!(error instanceof Error) || typeof error.cause !== 'object' || error.cause === null) return null;
  const { cause } = error;
  return 'code' in cause && typeof cause.code === 'string' ? bounded(cause.code, MAX_CAUSE_CODE) : null;
}

/** Neo4j's codes are under 80 characters; a longer one is a library's own text. */
const MAX_CAUSE_CODE = 120;

/**
 * `error.stack` with its message bounded as in the error line: V8's stack starts with the whole
 * message, so a message quoting a megabyte of request wrote a megabyte at `debug`. The frames after it
 * are the server's own (ten by default), bounded as well in case a library wrote its own stack.
 */
function boundedStack(error: Error, message: string): string {
  const stack = error.stack ?? '';
  const header = error.message === '' ? error.name : `${error.name}: ${error.message}`;
  return stack.startsWith(header)
    ? `${error.name}: ${message}${bounded(stack.slice(header.length), MAX_LOGGED_STACK)}`
    : bounded(stack, MAX_LOGGED_STACK);
}
