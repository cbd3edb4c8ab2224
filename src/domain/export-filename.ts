// One naming of exported files for the API and the dashboard: `tiersight-<what>-<yyyy-mm-dd>.<ext>`,
// where <what> names what was exported (a root's id, a product it was filtered to) and the day is the
// one it shows (an asOf day, or the day of the export): once a file has left the page, a 2016 view
// must not read as today's, nor a laptops-only chain as the whole one.

/** A product's name is cut to this many characters in a file name (names run to 200). */
const PRODUCT_IN_NAME = 60;

/**
 * A whole name's most bytes (UTF-8). File systems take 255 (ext4, APFS; NTFS 255 UTF-16 units), but
 * Firefox first writes `<name>.part` and a browser adds " (1)" to a second download of a name, and an
 * id may be 200 characters of any script (600 bytes in Chinese).
 */
const MOST_BYTES = 200;

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * Letters and digits of any script, `_` and `-` only: safe on every file system (no separator, dot,
 * quote or wildcard), while a product named "bärbara datorer", "kjøleskap" or "东莞" keeps its name
 * rather than read "b_rbara_datorer". NFC first, so that a name typed decomposed (macOS) is one letter
 * per letter; what shows as nothing (soft hyphens, joiners, bidirectional marks, Hangul fillers, which
 * are letters) is left out, so that no name reads as another's. A file name is never a header here
 * (the API answers it in JSON, the page saves a blob).
 */
const safe = (part: string) =>
  part
    .normalize('NFC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '_');

/** `parts` cut, the longest first, a character at a time, until they fit `room` bytes joined by '-'. */
function fitted(parts: readonly string[], room: number): string[] {
  const characters = parts.map((part) => [...part]);
  const size = () => bytes(characters.map((c) => c.join('')).join('-'));
  while (size() > room) {
    const longest = characters.reduce((a, b) => (bytes(b.join('')) > bytes(a.join('')) ? b : a));
    longest.pop();
  }
  return characters.map((c) => c.join(''));
}

/**
 * `parts` in order (empty ones left out), then `product` when the export was filtered to one, then the
 * day of `instant` (ISO 8601); at most MOST_BYTES, the longest parts cut first.
 */
export function exportFilename(
  parts: readonly string[],
  product: string | null,
  instant: string,
  extension: string,
): string {
  const named = [...(product?.trim() ?? '')].slice(0, PRODUCT_IN_NAME).join('');
  const what = [...parts, named].map(safe).filter((part) => part !== '');
  const day = instant.slice(0, 10);
  const room = MOST_BYTES - bytes(`tiersight--${day}.${extension}`);
  return `tiersight-${fitted(what, room).join('-')}-${day}.${extension}`;
}
