// An option that takes one value, given twice on a command line: node's parseArgs keeps the last one,
// so a long command line that says `--product laptops … --product servers` would export servers'
// chain without a word. Every command refuses it, naming the option and both values.
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.ts';
import { CliError } from '../../src/cli/cli-error.ts';

const OPTIONS = {
  product: { type: 'string' },
  reset: { type: 'boolean' },
  role: { type: 'string', multiple: true },
} as const;

const parse = (args: string[]) => parseCommandArgs('export-chain', args, OPTIONS, 'usage: …');

const refusal = (args: string[]) => {
  try {
    parse(args);
  } catch (error) {
    if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('an option given twice', () => {
  it('is refused naming both values, as a usage error', () => {
    expect(refusal(['--product', 'laptops', '--product', 'servers'])).toEqual({
      message: 'export-chain: --product is given twice ("laptops" and "servers"); give it once\n\nusage: …',
      exitCode: 2,
    });
    expect(refusal(['--product=laptops', '--product', 'laptops']).message).toMatch(
      /^export-chain: --product is given twice \("laptops" and "laptops"\)/,
    );
  });

  it('is refused for a flag too', () => {
    expect(refusal(['--reset', '--reset']).message).toMatch(
      /^export-chain: --reset is given twice; give it once/,
    );
  });

  it('is taken for an option that lists values', () => {
    expect(parse(['--role', 'analyst', '--role', 'supplier_admin']).values.role).toEqual([
      'analyst',
      'supplier_admin',
    ]);
    expect(parse(['--product', 'laptops', '--reset']).values).toEqual({ product: 'laptops', reset: true });
  });
});
