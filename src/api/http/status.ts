// One HTTP status per error code, wherever the error arises (HTTP layer, context, validation or a
// resolver), so a client, a load balancer and a dashboard of status codes all read the same thing.
//
// Codes that belong to a GraphQL result (a resolver refused one field: NOT_FOUND, FORBIDDEN,
// BAD_USER_INPUT, TIMEOUT) are 200 like any result; PERSISTED_QUERY_NOT_FOUND is 200 because that is
// how automatic persisted queries tell a client to send the full query (Tiersight turns the protocol
// off, src/api/apollo.ts: PERSISTED_QUERY_NOT_SUPPORTED). Everything that stops the request as a
// whole has the status that says why.

export const STATUS_BY_CODE = {
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  UNAUTHENTICATED: 401,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  PERSISTED_QUERY_NOT_FOUND: 200,
  NOT_FOUND: 200,
  FORBIDDEN: 200,
  BAD_USER_INPUT: 200,
  TIMEOUT: 200,
} as const;

export type HttpErrorCode = keyof typeof STATUS_BY_CODE;

const isHttpErrorCode = (code: unknown): code is HttpErrorCode =>
  typeof code === 'string' && Object.hasOwn(STATUS_BY_CODE, code);

/** Seconds a client should wait before retrying a 429 or 503. */
const RETRY_AFTER_SECONDS = { RATE_LIMITED: 1, SERVICE_UNAVAILABLE: 2 } as const;

/**
 * The status of a response carrying these error codes: the highest of their statuses (a request
 * refused for two reasons reports the more serious one), 200 when there are none.
 */
export function statusForCodes(codes: Iterable<unknown>): number {
  let status = 200;
  for (const code of codes) {
    status = Math.max(
      status,
      isHttpErrorCode(code) ? STATUS_BY_CODE[code] : STATUS_BY_CODE.INTERNAL_SERVER_ERROR,
    );
  }
  return status;
}

/** The Retry-After header value for these codes, if any asks for one. */
export function retryAfterForCodes(codes: Iterable<unknown>): string | null {
  let seconds: number | null = null;
  for (const code of codes) {
    if (code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE') {
      seconds = Math.max(seconds ?? 0, RETRY_AFTER_SECONDS[code]);
    }
  }
  return seconds === null ? null : String(seconds);
}
