// A tiersight/v1 file is UTF-8 (RFC 8259). Node's decoders put U+FFFD in place of bytes that are not,
// so a file saved as Windows-1252 ("Café Müller") would be stored as "Caf\uFFFD M\uFFFDller" without
// a word; both readers (read-records.ts) check the bytes first and refuse the file, naming where.
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

/** The bytes are not UTF-8; the message says where, for "FILE is not UTF-8: …". */
export class NotUtf8Error extends Error {
  /**
   * `offset`: of the first byte that is not UTF-8 in the whole file; `byte`: that byte, or undefined
   * when the file ends inside a character.
   */
  constructor(offset: number, byte: number | undefined) {
    const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    super(
      byte === undefined
        ? `it ends inside a character (byte offset ${offset}); save it as UTF-8`
        : offset === 0 && (byte === 0xff || byte === 0xfe)
          ? // Never UTF-8, and how a UTF-16 file starts (FF FE, or FE FF).
            `it starts with byte ${hex(byte)}, as a UTF-16 byte order mark does; save it as UTF-8`
          : `byte ${hex(byte)} at byte offset ${offset} is not part of a UTF-8 character ` +
            `(saved in another encoding, such as Windows-1252?); save it as UTF-8`,
    );
    this.name = 'NotUtf8Error';
  }
}

/**
 * Where the first sequence of `bytes` that is not UTF-8 starts (the Unicode Standard's table 3-7: no
 * overlong forms, no surrogates, nothing past U+10FFFF), or -1 when there is none.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b === 0xe0) [length, low] = [3, 0xa0];
    else if (b === 0xed) [length, high] = [3, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) length = 3;
    else if (b === 0xf0) [length, low] = [4, 0x90];
    else if (b === 0xf4) [length, high] = [4, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) length = 4;
    else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** Throws NotUtf8Error unless all of `bytes` (a whole file) is UTF-8. */
export function assertUtf8(bytes: Uint8Array): void {
  if (isUtf8(bytes)) return;
  const at = Math.max(firstInvalidUtf8(bytes), 0);
  throw new NotUtf8Error(at, bytes[at]);
}

/** How many bytes at the end of `bytes` begin a character that the next chunk completes (0 to 3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > k ? k : 0;
  }
  return 0;
}

/**
 * Passes a stream's chunks on unchanged, failing with NotUtf8Error (at the byte offset in the whole
 * stream) at the first that is not UTF-8. A character split between two chunks is checked whole.
 */
export class Utf8Guard extends Transform {
  /** Bytes checked before `carry`. */
  private offset = 0;
  private carry: Uint8Array = new Uint8Array(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const whole = bytes.subarray(0, bytes.length - incompleteTail(bytes));
    if (!isUtf8(whole)) {
      const at = Math.max(firstInvalidUtf8(whole), 0);
      done(new NotUtf8Error(this.offset + at, whole[at]));
      return;
    }
    this.offset += whole.length;
    this.carry = Uint8Array.from(bytes.subarray(whole.length));
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.carry.length === 0) done();
    else done(new NotUtf8Error(this.offset, undefined));
  }
}
