// The UTF-8 check of both import readers (src/import/utf8.ts): valid text passes whatever the chunking,
// and the first byte that is not UTF-8 is named by its offset in the whole file.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { assertUtf8, firstInvalidUtf8, Utf8Guard } from '../../src/import/utf8.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** Streams `input` through a Utf8Guard in chunks of `size` bytes; what came out, or the error. */
async function guarded(input: Buffer, size: number): Promise<Buffer | string> {
  const chunks = Array.from({ length: Math.ceil(input.length / size) }, (_, i) =>
    input.subarray(i * size, (i + 1) * size),
  );
  const out: Buffer[] = [];
  try {
    await pipeline(
      Readable.from(chunks),
      new Utf8Guard(),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          out.push(chunk);
          done();
        },
      }),
    );
    return Buffer.concat(out);
  } catch (error) {
    return (error as Error).message;
  }
}

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', bytes('{"a":1}'), -1],
    ['two, three and four bytes', bytes('é € 😀'), -1],
    ['a Windows-1252 é', bytes('Caf', [0xe9], ' M'), 3],
    ['an overlong slash', bytes('a', [0xc0, 0xaf]), 1],
    ['a surrogate (CESU-8)', bytes('ab', [0xed, 0xa0, 0x80]), 2],
    ['past U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a character cut off at the end', bytes('x', [0xe2, 0x82]), 1],
    ['a lone continuation byte', bytes('xy', [0x80]), 2],
  ])('%s', (_, input, expected) => {
    expect(firstInvalidUtf8(input)).toBe(expected);
  });
});

describe('assertUtf8 and Utf8Guard agree', () => {
  const text = bytes('{"name":"Café Müller 北京 😀"}');

  it('valid UTF-8 passes unchanged, whatever the chunk boundaries', async () => {
    expect(() => assertUtf8(text)).not.toThrow();
    for (const size of [1, 2, 3, 5, 7, 64]) expect(await guarded(text, size)).toEqual(text);
  });

  it('names the byte offset in the whole file, also when it lies in a later chunk', async () => {
    const bad = bytes('{"name":"Caf', [0xe9], ' M', [0xfc], 'ller"}');
    const message = 'byte 0xE9 at byte offset 12 is not part of a UTF-8 character';
    expect(() => assertUtf8(bad)).toThrow(message);
    for (const size of [1, 3, 5, 64]) expect(await guarded(bad, size)).toContain(message);
  });

  it('names a UTF-16 byte order mark, and a file that ends inside a character', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]);
    expect(() => assertUtf8(utf16)).toThrow('UTF-16 byte order mark');
    expect(await guarded(utf16, 1)).toContain('UTF-16 byte order mark');
    expect(await guarded(bytes('{}', [0xe2, 0x82]), 1)).toContain('ends inside a character (byte offset 2)');
  });
});
