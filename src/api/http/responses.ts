// Answers written by the HTTP layer itself (before or beside Apollo), in the same shape as GraphQL
// errors so that a client handles one format.
import type { ServerResponse } from 'node:http';
import { retryAfterForCodes, STATUS_BY_CODE, type HttpErrorCode } from './status.ts';

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * A GraphQL-shaped error with the status of its code, and Retry-After where it applies: the code's
 * default unless `headers` give one (a rate limiter knows how long the wait is).
 */
export function sendError(
  response: ServerResponse,
  code: HttpErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const retryAfter = retryAfterForCodes([code]);
  sendJson(
    response,
    STATUS_BY_CODE[code],
    { errors: [{ message, extensions: { code } }] },
    { ...(retryAfter === null ? {} : { 'retry-after': retryAfter }), ...headers },
  );
}
