// Every place the docs list what counts towards the limit of 5 chains per operation names every field
// that counts (TRAVERSAL_FIELDS): a researcher asking chainsReaching beside four other chains is
// refused, and the docs must say so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRAVERSAL_FIELDS } from '../../src/api/limits.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The text from `start` to the first closing bracket or table cell end after it, line breaks as spaces. */
const listAfter = (text: string, start: string): string => {
  const at = text.indexOf(start);
  if (at < 0) throw new Error(`"${start}" not found`);
  const rest = text.slice(at + start.length).replace(/\n/g, ' ');
  return rest.slice(0, rest.search(/\)|\|/));
};

describe('the documented list of traversals', () => {
  it.each([
    ['README.md', 'supply chains ('],
    ['docs/analyst-guide.md', 'at most 5 chains ('],
    ['docs/operations.md', '| supply chains | 5 |'],
    ['docs/specification.md', '5 traversals ('],
  ])('%s names every field that counts', (path, start) => {
    const list = listAfter(read(path), start);
    for (const field of TRAVERSAL_FIELDS) expect(list, `${path}: ${field}`).toContain(`\`${field}\``);
  });
});
