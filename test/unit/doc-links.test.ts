// Links between the project's own documents: a page moved or a heading reworded leaves a link that
// GitHub renders as a dead end, and nothing else notices. Anchors follow GitHub's heading slugs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped but hyphens, spaces as hyphens. */
const slug = (heading: string): string =>
  heading
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The anchors of a document's headings (a repeated heading's later anchors get -1, -2, …). */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} +(.+)$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  return found;
}

/** Every relative link of a document (outside code), as [target file, anchor or ''] from the repo root. */
function links(file: string): { target: string; anchor: string; written: string }[] {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, written]) => written!)
    .filter((written) => !/^[a-z]+:/i.test(written))
    .map((written) => {
      const [path, anchor = ''] = written.split('#', 2) as [string, string?];
      const target = path === '' ? file : relative(ROOT, join(ROOT, dirname(file), path));
      return { target, anchor, written };
    });
}

describe('links between the documents', () => {
  it('finds links to check', () => {
    expect(DOCUMENTS.flatMap(links).length).toBeGreaterThan(50);
  });

  it.each(DOCUMENTS)('%s links only to files and headings that exist', (file) => {
    const dead = links(file).filter(({ target, anchor }) => {
      if (!existsSync(join(ROOT, target))) return true;
      if (anchor === '' || !target.endsWith('.md')) return false;
      return !anchors(readFileSync(join(ROOT, target), 'utf8')).has(anchor);
    });
    expect(dead.map((d) => d.written)).toEqual([]);
  });

  it('makes GitHub’s anchors', () => {
    expect(slug('9. Sourcing maintained by its parties, and the directory')).toBe(
      '9-sourcing-maintained-by-its-parties-and-the-directory',
    );
    expect(slug('Risk assessment (issue 15)')).toBe('risk-assessment-issue-15');
    expect(slug('6. Bulk data: `tiersight/v1`')).toBe('6-bulk-data-tiersightv1');
  });
});
