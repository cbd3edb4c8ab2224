// What a reader is shown where a text its author erased stood (redactDisclosureVersion, redactFinding):
// the erasure keeps required texts as empty strings, which a label would otherwise show as a gap.

/**
 * A title, finding or source as a label, a risk indicator's description or a suggested step quotes it:
 * empty only once its author erased it, which a reader is told rather than shown a gap.
 */
export const quotedText = (text: string): string => (text === '' ? '(text redacted)' : text);
