import { foldLetters } from '../../domain/normalize-name.ts';

/** A readable, id-safe form of a name: folded, letters and digits joined by '-', at most `max` long. */
export const slugOf = (text: string, max = 60): string =>
  foldLetters(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '') || 'entry';
