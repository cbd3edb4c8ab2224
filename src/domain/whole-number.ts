// Every whole-number range the project checks (GraphQL arguments, environment variables, CLI flags,
// generator options) is checked here, so that each says the same thing the same way: the name, the
// range and the value as it was given. The surfaces differ only in how they carry the message
// (BAD_USER_INPUT, a CliError, a start-up configuration problem); they wrap WholeNumberError.
import { badInput } from './errors.ts';
import { quote } from './quote.ts';

/** A value that is not a whole number in its range; the message names it and the value given. */
export class WholeNumberError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'WholeNumberError';
  }
}

const UNBOUNDED_BELOW = Number.MIN_SAFE_INTEGER;
const UNBOUNDED_ABOVE = Number.MAX_SAFE_INTEGER;

function rangeText(min: number, max: number): string {
  if (min === UNBOUNDED_BELOW && max === UNBOUNDED_ABOVE) return 'a whole number';
  if (max === UNBOUNDED_ABOVE) return `a whole number of at least ${min}`;
  if (min === UNBOUNDED_BELOW) return `a whole number of at most ${max}`;
  return `a whole number from ${min} to ${max}`;
}

/**
 * `value` as a whole number from `min` to `max` (inclusive), or a WholeNumberError. Text (an
 * environment variable, a flag) must be written as digits with an optional minus sign: '1e3', '0x10'
 * and ' 5' are refused although Number() would read them. Pass Number.MIN_SAFE_INTEGER or
 * Number.MAX_SAFE_INTEGER for a side without a bound.
 */
export function wholeNumberIn(
  name: string,
  value: number | string | null,
  min: number = UNBOUNDED_BELOW,
  max: number = UNBOUNDED_ABOVE,
): number {
  const n = typeof value === 'string' ? (/^-?\d+$/.test(value) ? Number(value) : NaN) : (value ?? NaN);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new WholeNumberError(`${name} must be ${rangeText(min, max)}, got ${quote(value)}`);
  }
  return n;
}

/** The same check for an argument of the API: a bad value is BAD_USER_INPUT with the same message. */
export function wholeNumberArgument(name: string, value: number | null, min: number, max: number): number {
  try {
    return wholeNumberIn(name, value, min, max);
  } catch (error) {
    if (error instanceof WholeNumberError) throw badInput(error.message);
    throw error;
  }
}
