// Shared option parsing for the commands: node's parseArgs with errors turned into CliErrors that name
// the bad option, and helpers for the typed values several commands take.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { WholeNumberError, wholeNumberIn } from '../domain/whole-number.ts';
import { CliError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  help: string,
  allowPositionals = false,
) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(help);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${command}: ${message}\n\n${help}`, 2);
  }
}

/**
 * A flag's whole number from `min` to `max` (undefined when the flag is absent); a bad one is a usage
 * error naming the flag and the value (src/domain/whole-number.ts words it).
 */
export function parseWholeNumber(
  command: string,
  option: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  try {
    return wholeNumberIn(option, value, min, max);
  } catch (error) {
    if (error instanceof WholeNumberError) throw new CliError(`${command}: ${error.message}`, 2);
    throw error;
  }
}
