// Review today3: the scanner that places an import file's syntax error (src/import/syntax-error-
// position.ts) against what the import itself reads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileItems } from '../../src/import/read-records.ts';

const folder = mkdtempSync(join(tmpdir(), 'tiersight-review-scanner-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function errorOf(path: string): Promise<string> {
  try {
    for await (const _ of readFileItems(path)) void _;
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('a file that starts with a UTF-8 byte order mark', () => {
  it('is read by the import (stream-json drops the mark)', async () => {
    const path = join(folder, 'bom-valid.json');
    writeFileSync(path, '\uFEFF{"format": "tiersight/v1", "organizations": []}');
    expect(await errorOf(path)).toBe('no error');
  });

  it('has a syntax error on line 3 named on line 3, not at the mark', async () => {
    const path = join(folder, 'bom-broken.json');
    // Line 3: `nul` is refused at the `}` after it; the mark is not an error (the import reads past it).
    writeFileSync(path, '\uFEFF{"format": "tiersight/v1",\n "organizations": [],\n "x": nul}\n');
    const message = await errorOf(path);
    expect(message).toContain('not valid tiersight/v1 JSON');
    expect(message).not.toContain('at line 1, column 1 (byte offset 0)');
    expect(message).toMatch(/at line 3, column \d+/);
  });
});

describe('a file with a long run of digits before its syntax error', () => {
  it('is refused within a second (the scanner re-tests the whole number at each digit)', async () => {
    const path = join(folder, 'long-number.json');
    // 50,000 digits: a 50 kB number; the error is the bare x after it.
    writeFileSync(path, `{"format": "tiersight/v1", "n": ${'1'.repeat(50_000)}, x}`);
    const started = performance.now();
    const message = await errorOf(path);
    const took = performance.now() - started;
    expect(message).toContain('at line 1, column 50035 (byte offset 50034)');
    expect(took).toBeLessThan(1000);
  }, 120_000);
});
