import { describe, expect, it } from 'vitest';
import { bounded, MAX_LOGGED_MESSAGE } from '../../src/observability/client-text.ts';
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
});
