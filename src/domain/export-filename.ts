// One naming of exported files for the API and the dashboard: `tiersight-<what>-<yyyy-mm-dd>.<ext>`,
// where <what> names what was exported (a root's id, a product it was filtered to) and the day is the
// one it shows (an asOf day, or the day of the export): once a file has left the page, a 2016 view
// must not read as today's, nor a laptops-only chain as the whole one.

/** A product's name is cut to this many characters in a file name (names run to 200). */
const PRODUCT_IN_NAME = 60;

/**
 * Letters and digits of any script, `_` and `-` only: safe on every file system (no separator, dot,
 * quote or wildcard), while a product named "bärbara datorer", "kjøleskap" or "东莞" keeps its name
 * rather than read "b_rbara_datorer". NFC first, so that a name typed decomposed (macOS) is one letter
 * per letter; a file name is never a header here (the API answers it in JSON, the page saves a blob).
 */
const safe = (part: string) => part.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '_');

/**
 * `parts` in order (empty ones left out), then `product` when the export was filtered to one, then the
 * day of `instant` (ISO 8601).
 */
export function exportFilename(
  parts: readonly string[],
  product: string | null,
  instant: string,
  extension: string,
): string {
  const named = product?.trim().slice(0, PRODUCT_IN_NAME) ?? '';
  const what = [...parts, named].filter((part) => part !== '').map(safe);
  return `tiersight-${what.join('-')}-${instant.slice(0, 10)}.${extension}`;
}
