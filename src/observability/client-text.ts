// Text a client chose (an operation name, a request path, what an error quotes of a request) ends up
// in log lines and metric labels. One request must not be able to write a line of a megabyte (an
// operation name is one parser token however long, so the body limit is its only bound), so every such
// field passes through here, bounded, on its way out.

/** Longest operation name kept whole: in the access log, and the longest that gets a metric label. */
export const MAX_OPERATION_NAME = 64;
/**
 * Longest organization kept whole in the access log: a token's claim, which an identity provider's
 * token may fill with any text (an organization id the API accepts has at most 200 characters).
 */
export const MAX_LOGGED_ORGANIZATION = 200;
/** Longest request path kept whole in the access log. */
export const MAX_LOGGED_PATH = 256;
/** Longest error message kept whole in an error line. */
export const MAX_LOGGED_MESSAGE = 1_000;

/** Longest stack (its frames, below the bounded message) kept whole in a debug line. */
export const MAX_LOGGED_STACK = 8_000;

/** `text` whole when it has at most `max` characters, else its first `max` and how long it was. */
export function bounded(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
