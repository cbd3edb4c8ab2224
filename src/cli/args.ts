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
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${command}: ${message}\n\n${help}`, 2);
  }
  const repeated = repeatedOption(parsed.tokens, options);
  if (repeated !== null) throw new CliError(`${command}: ${repeated}\n\n${help}`, 2);
  return parsed;
}

/**
 * An option given twice that takes one value, said with both values: parseArgs keeps the last one, so
 * `--product laptops … --product servers` in a long command line would export servers' chain without a
 * word. Null when there is none.
 */
function repeatedOption(tokens: ReturnType<typeof parseArgs>['tokens'], options: Options): string | null {
  const seen = new Map<string, string | undefined>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) {
      const values = [seen.get(token.name), token.value].filter((v) => v !== undefined);
      const given = values.length === 2 ? ` (${values.map((v) => JSON.stringify(v)).join(' and ')})` : '';
      return `--${token.name} is given twice${given}; give it once`;
    }
    seen.set(token.name, token.value);
  }
  return null;
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
