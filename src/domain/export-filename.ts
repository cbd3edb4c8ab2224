// One naming of exported files for the API and the dashboard: `tiersight-<what>-<yyyy-mm-dd>.<ext>`,
// where <what> names what was exported (a root's id, a product it was filtered to) and the day is the
// one it shows (an asOf day, or the day of the export): once a file has left the page, a 2016 view
// must not read as today's, nor a laptops-only chain as the whole one.

/** A product's name is cut to this many characters in a file name (names run to 200). */
const PRODUCT_IN_NAME = 60;

/** Letters, digits, `_` and `-` only: safe on every file system and in a Content-Disposition. */
const safe = (part: string) => part.replace(/[^a-zA-Z0-9_-]+/g, '_');

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
