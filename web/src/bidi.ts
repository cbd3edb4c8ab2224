// Values from the data in the dashboard's sentences (specification, section 4, "Characters").
/** The explicit bidirectional controls: embeddings, overrides and isolates with their terminators. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;
/** A letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, …) or an RTL mark. */
const RIGHT_TO_LEFT =
  /[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * A value from the data (a name, a title, products) as a sentence of the dashboard writes it: a
 * right-to-left name or one holding bidirectional controls (an import keeps texts as stored) would
 * reorder the words after it ("Withdrew the request to" a name with an open override shows the rest of
 * the sentence backwards), so such a value goes between FIRST STRONG ISOLATE and POP DIRECTIONAL
 * ISOLATE, what <bdi> does for an element, with its own controls dropped (a stray one could end the
 * isolate early). Any other value is left as it is: the sentences read, and compare, as before.
 */
export function isolate(value: string): string {
  const plain = value.replace(BIDI_CONTROLS, '');
  return plain === value && !RIGHT_TO_LEFT.test(value) ? value : `\u2068${plain}\u2069`;
}
