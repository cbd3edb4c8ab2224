// The one whole-number range check, and how each surface carries its message.
import { describe, expect, it } from 'vitest';
import { checkDepth } from '../../src/domain/chain-arguments.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { WholeNumberError, wholeNumberArgument, wholeNumberIn } from '../../src/domain/whole-number.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { parseWholeNumber } from '../../src/cli/args.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { checkOptions } from '../../src/generator/build.ts';

const problem = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    if (error instanceof Error) return `${error.constructor.name}: ${error.message}`;
  }
  throw new Error('expected the check to fail');
};

describe('wholeNumberIn', () => {
  it('returns numbers and digit strings in range, bounds included', () => {
    expect(wholeNumberIn('n', 1, 1, 3)).toBe(1);
    expect(wholeNumberIn('n', 3, 1, 3)).toBe(3);
    expect(wholeNumberIn('n', '2', 1, 3)).toBe(2);
    expect(wholeNumberIn('seed', '-3')).toBe(-3);
    expect(wholeNumberIn('n', '007', 0, 10)).toBe(7);
  });

  it('names the value and the range, quoting text as it was given', () => {
    expect(problem(() => wholeNumberIn('limit', 0, 1, 500))).toBe(
      'WholeNumberError: limit must be a whole number from 1 to 500, got 0',
    );
    expect(problem(() => wholeNumberIn('PORT', 'eighty', 0, 65535))).toBe(
      'WholeNumberError: PORT must be a whole number from 0 to 65535, got "eighty"',
    );
    expect(problem(() => wholeNumberIn('--orgs', '0', 1))).toBe(
      'WholeNumberError: --orgs must be a whole number of at least 1, got "0"',
    );
    expect(problem(() => wholeNumberIn('n', 5, Number.MIN_SAFE_INTEGER, 4))).toBe(
      'WholeNumberError: n must be a whole number of at most 4, got 5',
    );
    expect(problem(() => wholeNumberIn('seed', 1.5))).toBe(
      'WholeNumberError: seed must be a whole number, got 1.5',
    );
  });

  it('refuses what Number() would read but is not written as a whole number', () => {
    for (const text of ['', ' 5', '5 ', '1e3', '0x10', '1.0', '+1', 'Infinity', '9007199254740993']) {
      expect(() => wholeNumberIn('n', text), JSON.stringify(text)).toThrow(WholeNumberError);
    }
    for (const value of [NaN, Infinity, 2 ** 53]) {
      expect(() => wholeNumberIn('n', value), String(value)).toThrow(WholeNumberError);
    }
  });

  it('is a RangeError, so code that throws RangeError for bad options keeps doing so', () => {
    expect(() => wholeNumberIn('n', 0, 1, 2)).toThrow(RangeError);
    expect(() => checkOptions({ orgs: 0, seed: 1 })).toThrow(RangeError);
    expect(() => checkOptions({ orgs: 0, seed: 1 })).toThrow(
      'orgs must be a whole number from 1 to 5000000, got 0',
    );
  });
});

describe('each surface carries the same message', () => {
  it('the API: BAD_USER_INPUT', () => {
    const error = (() => {
      try {
        return wholeNumberArgument('limit', 501, 1, 500);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'limit must be a whole number from 1 to 500, got 501',
    });
    expect(() => checkDepth(0)).toThrow(
      new DomainError('BAD_USER_INPUT', 'maxDepth must be a whole number from 1 to 20, got 0'),
    );
  });

  it('the CLI: a usage error (exit code 2) prefixed with the command', () => {
    expect(parseWholeNumber('db', '--port', undefined, 1, 65535)).toBeUndefined();
    expect(parseWholeNumber('db', '--port', '7688', 1, 65535)).toBe(7688);
    try {
      parseWholeNumber('db', '--port', '70000', 1, 65535);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect(error).toMatchObject({
        message: 'db: --port must be a whole number from 1 to 65535, got "70000"',
        exitCode: 2,
      });
    }
  });

  it('the configuration: one start-up problem per variable', () => {
    try {
      loadConfig({ PORT: '1e3', HTTP_MAX_CONNECTIONS: '0' }, { dataDir: '/tmp/data' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'PORT must be a whole number from 0 to 65535, got "1e3"',
        'HTTP_MAX_CONNECTIONS must be a whole number from 1 to 1000000, got "0"',
      ]);
    }
  });
});
