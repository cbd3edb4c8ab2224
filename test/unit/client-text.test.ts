import { describe, expect, it } from 'vitest';
import { bounded, MAX_LOGGED_MESSAGE, MAX_LOGGED_STACK } from '../../src/observability/client-text.ts';
import { logError } from '../../src/observability/logger.ts';
import { captureLogger } from '../support/logs.ts';

describe('client text in logs', () => {
  it('is kept whole within the bound, else cut with its length', () => {
    expect(bounded('abc', 3)).toBe('abc');
    expect(bounded('abcd', 3)).toBe('abc… (4 characters)');
  });

  it('bounds the message of an error line', () => {
    const capture = captureLogger();
    logError(capture.logger, {}, new Error(`Unknown "${'x'.repeat(500_000)}"`), 'GraphQL error');
    const line = capture.lines[0]!;
    expect(JSON.stringify(line).length).toBeLessThan(MAX_LOGGED_MESSAGE + 500);
    expect(line['err']).toMatchObject({
      message: expect.stringMatching(/^Unknown "x+… \(500010 characters\)$/),
    });
  });

  it('bounds the stack of a debug line, keeping its frames', () => {
    const capture = captureLogger('debug');
    logError(
      capture.logger,
      {},
      new TypeError(`Unknown "${'x'.repeat(500_000)}"\nsecond line`),
      'GraphQL error',
    );
    const debug = capture.lines.find((line) => line['level'] === 'debug')!;
    expect(JSON.stringify(debug).length).toBeLessThan(MAX_LOGGED_MESSAGE + MAX_LOGGED_STACK + 500);
    const stack = String(debug['stack']);
    expect(stack).toMatch(/^TypeError: Unknown "x+… \(500010 characters\)\n/);
    expect(stack).toContain('client-text.test.ts');
  });

  it('bounds a stack a library wrote in its own form', () => {
    const capture = captureLogger('debug');
    const error = new Error('short');
    error.stack = `Custom trace ${'y'.repeat(100_000)}`;
    logError(capture.logger, {}, error, 'GraphQL error');
    const stack = String(capture.lines.find((line) => line['level'] === 'debug')!['stack']);
    expect(stack).toBe(bounded(error.stack, MAX_LOGGED_STACK));
  });

  it("names the code of an error's cause, never its message", () => {
    const capture = captureLogger();
    const cause = Object.assign(new Error('waiting for bookmark of tx 4711 by anna@example.org'), {
      code: 'Neo.TransientError.Transaction.BookmarkTimeout',
    });
    logError(capture.logger, {}, new Error('The database is unavailable', { cause }), 'GraphQL error');
    expect(capture.lines[0]!['err']).toMatchObject({
      message: 'The database is unavailable',
      cause: 'Neo.TransientError.Transaction.BookmarkTimeout',
    });
    expect(JSON.stringify(capture.lines)).not.toContain('anna@');
    logError(capture.logger, {}, new Error('no code', { cause: new Error('plain') }), 'GraphQL error');
    expect(capture.lines[1]!['err']).not.toHaveProperty('cause');
  });
});
