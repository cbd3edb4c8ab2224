// The Markdown fences of README.md and docs/*.md and the GraphQL operations in them, as the tests of
// the documentation read them: test/unit/documented-operations.test.ts validates each against the
// schema, test/api/documented-examples-on-demo.test.ts runs each on the demo seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/runtime/paths.ts';

const INVALID_ON_PURPOSE = '<!-- graphql: invalid on purpose -->';

export const SHELL = new Set(['sh', 'bash', 'shell', 'console']);

export interface Fence {
  file: string;
  /** Its place among the document's fenced blocks, of any language, from 1. */
  block: number;
  /** The line of its opening fence, from 1. */
  line: number;
  language: string;
  text: string;
  invalidOnPurpose: boolean;
}

export const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`),
];

/** The fenced blocks of a Markdown document, and the markers of intent that precede none. */
export function fencesOf(file: string): { fences: Fence[]; strayMarkers: number[] } {
  const lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n');
  const fences: Fence[] = [];
  const strayMarkers: number[] = [];
  let marker: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = /^( *)(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (open === null) {
      if (line.trim() === INVALID_ON_PURPOSE) {
        if (marker !== null) strayMarkers.push(marker);
        marker = i + 1;
      } else if (line.trim() !== '' && marker !== null) {
        strayMarkers.push(marker);
        marker = null;
      }
      continue;
    }
    const [, indent = '', delimiter = '', language = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? '').trim().startsWith(delimiter); j++) {
      // A fence indented inside a list item: its lines carry the item's indentation.
      const content = lines[j] ?? '';
      body.push(content.startsWith(indent) ? content.slice(indent.length) : content.trimStart());
    }
    fences.push({
      file,
      block: fences.length + 1,
      line: i + 1,
      language: language.toLowerCase(),
      text: body.join('\n'),
      invalidOnPurpose: marker !== null,
    });
    marker = null;
    i = j;
  }
  if (marker !== null) strayMarkers.push(marker);
  return { fences, strayMarkers };
}

/** The operations that curl commands send as JSON bodies (-d, --data, --data-raw, --data-binary). */
export function curlQueries(shell: string): string[] {
  const joined = shell.replace(/\\\n/g, ' ');
  const queries: string[] = [];
  for (const [, json = ''] of joined.matchAll(/(?:^|\s)(?:-d|--data(?:-raw|-binary)?)\s+'([^']*)'/g)) {
    let body: unknown;
    try {
      body = JSON.parse(json);
    } catch {
      continue;
    }
    if (typeof body === 'object' && body !== null && 'query' in body && typeof body.query === 'string') {
      queries.push(body.query);
    }
  }
  return queries;
}
