// The documentation's GraphQL examples, kept true to the schema: every operation in README.md and
// docs/*.md is parsed and validated against schema/tiersight.graphql, the SDL clients read (no server,
// no database). Checked: ```graphql fences (one or several operations, or a bare selection set) and the
// JSON bodies of curl commands in ```sh fences (-d '{"query":"…"}'). Fences in other languages are not
// read; the last test fails if one of them holds an operation, so that this list stays true. Deprecated
// fields and arguments count as errors; the server's own checks (operation limits, the form of ids) do
// not apply, so placeholders such as "sc-…" may stand where an id goes.
// An example that shows a refusal is marked `<!-- graphql: invalid on purpose -->` just before its
// fence: it must stay invalid, so that it keeps showing what it says it shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  GraphQLError,
  isTypeSystemDefinitionNode,
  isTypeSystemExtensionNode,
  LoneAnonymousOperationRule,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { curlQueries, DOCUMENTS, fencesOf, SHELL, type Fence } from '../support/documented-examples.ts';

const schema = buildSchema(readFileSync(join(REPO_ROOT, 'schema/tiersight.graphql'), 'utf8'));

// A block lists operations that are each sent on their own, so several anonymous ones may share it. A
// deprecated field or argument is refused too: an example should teach what replaced it.
const RULES = [
  ...specifiedRules.filter((rule) => rule !== LoneAnonymousOperationRule),
  NoDeprecatedCustomRule,
];

/** Text in a fence of another language that would be an operation: a JSON "query" key, a gql tag. */
const OPERATION_HINT = /"query"\s*:|\bquery\s*:\s*[`'"]|\bgql\s*`/g;

interface Example {
  name: string;
  fence: Fence;
  source: string;
  /** Where the source's line 1 is in the document; null when its lines are not the document's. */
  firstLine: number | null;
}

const documented = DOCUMENTS.map((file) => ({ file, ...fencesOf(file) }));
const fences = documented.flatMap((d) => d.fences);

const where = (fence: Fence) => `${fence.file}, block ${fence.block} (line ${fence.line})`;

const examples: Example[] = fences.flatMap((fence): Example[] => {
  if (fence.language === 'graphql') {
    return [{ name: where(fence), fence, source: fence.text, firstLine: fence.line + 1 }];
  }
  if (!SHELL.has(fence.language)) return [];
  const queries = curlQueries(fence.text);
  return queries.map((source, n) => ({
    name: `${where(fence)}, curl${queries.length > 1 ? ` ${n + 1}` : ''}`,
    fence,
    source,
    firstLine: null,
  }));
});

// A block of type definitions (an excerpt of the SDL) is no operation: it is left out, not validated.
const isSdlExcerpt = (document: DocumentNode) =>
  document.definitions.every((d) => isTypeSystemDefinitionNode(d) || isTypeSystemExtensionNode(d));

/** The parser's or the validator's complaints, each with the document line it points at. */
function problems(example: Example, document: DocumentNode | GraphQLError): string[] {
  const errors = document instanceof GraphQLError ? [document] : validate(schema, document, RULES);
  return errors.map((error) => {
    const at = error.locations?.[0];
    const line = at && example.firstLine !== null ? `line ${example.firstLine + at.line - 1}: ` : '';
    return `${line}${error.message}`;
  });
}

function parsed(source: string): DocumentNode | GraphQLError {
  try {
    return parse(source);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

// Named by a string of their own: vitest shortens the values it writes into a title from an object.
const operations = examples
  .map((example) => ({ example, document: parsed(example.source) }))
  .filter(({ document }) => document instanceof GraphQLError || !isSdlExcerpt(document))
  .map((operation) => [operation.example.name, operation] as const);
const valid = operations.filter(([, { example }]) => !example.fence.invalidOnPurpose);
const refusals = operations.filter(([, { example }]) => example.fence.invalidOnPurpose);

describe("the documentation's GraphQL examples", () => {
  // A Markdown reader that found nothing would pass every other test.
  it('finds examples in README.md and docs/', () => {
    expect(new Set(operations.map(([, { example }]) => example.fence.file))).toContain('README.md');
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(valid)('%s', (_, { example, document }) => {
    expect(problems(example, document)).toEqual([]);
  });

  it.each(refusals)('%s: invalid on purpose', (_, { example, document }) => {
    expect(problems(example, document)).not.toEqual([]);
  });

  it('finds every invalid-on-purpose mark just before a fence', () => {
    const stray = documented.flatMap(({ file, strayMarkers }) =>
      strayMarkers.map((line) => `${file}:${line}`),
    );
    expect(stray).toEqual([]);
  });

  it('reads every operation written in another fence (or this header must say it does not)', () => {
    const unread = fences
      .filter((fence) => fence.language !== 'graphql')
      .filter((fence) => {
        const hints = fence.text.match(OPERATION_HINT)?.length ?? 0;
        const read = SHELL.has(fence.language) ? curlQueries(fence.text).length : 0;
        return hints > read;
      })
      .map(where);
    expect(unread).toEqual([]);
  });
});
