// What an id may be, wherever one comes in: a record of an import file (src/import/record-rules.ts)
// and every ID argument of the API (src/api/malformed-arguments.ts). An id that breaks the rule can never
// have been stored, so refusing it says nothing about what exists (visibility rule 6).

const MAX_ID_LENGTH = 200;

/** The rule as messages state it, after "must be". */
export const idRule = (max: number = MAX_ID_LENGTH): string =>
  `a non-empty string of at most ${max} characters without surrounding spaces, control characters or unpaired surrogates`;

const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * Whether `value` may be an id: not empty, not longer than `max`, no surrounding spaces or controls, and
 * well-formed UTF-16. An unpaired surrogate cannot be stored: the driver sends it to Neo4j as U+FFFD,
 * so two ids the client told apart would become one, stored under an id nobody sent.
 */
export const isWellFormedId = (value: string, max: number = MAX_ID_LENGTH): boolean =>
  value.length > 0 &&
  value.length <= max &&
  value.trim() === value &&
  !CONTROL_CHARACTER.test(value) &&
  value.isWellFormed();
