// Every Cypher statement the code can run, written to one checked-in file: a change to any query, or to
// a fragment that many queries share, shows up in review as a change to that file (in the manner of
// neo4j/graphql's translation tests). Run `npx vitest run test/unit/statements.test.ts -u` to accept
// an intended change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registeredStatements, type Statement } from '../../src/graph/cypher.ts';
import { MAX_DEPTH } from '../../src/domain/viewer-scope.ts';

const SRC = join(import.meta.dirname, '../../src');

/** Every source file that makes statements: those that import the cypher tag or the visibility fragments. */
const statementModules = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(SRC, file))
  .filter((path) => /from '(\.\.?\/)+(graph\/)?(visibility-)?cypher\.ts'/.test(readFileSync(path, 'utf8')))
  .sort();

async function allStatements(): Promise<Statement[]> {
  for (const path of statementModules) await import(pathToFileURL(path).href);
  return [...registeredStatements()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

const DEPTH = /^(.*)\.depth(\d+)$/;

/** A walk unrolled tier by tier (visibility-cypher.ts `chainWalk`): each step starts with this line. */
const TIER_STEP = '\n// tier\n';
const unrolled = (text: string) => text.includes(TIER_STEP);

/** The text at each depth, given depth 1 and depth 2: depth 1 with its one step repeated. */
function repeatStep(first: string, second: string) {
  const start = first.indexOf(TIER_STEP);
  const step = first.slice(start, start + second.length - first.length);
  expect(second).toBe(first.slice(0, start) + step + first.slice(start));
  return (depth: number) => first.slice(0, start) + step.repeat(depth) + first.slice(start + step.length);
}

describe('Cypher statements', () => {
  it('finds the modules that make statements', () => {
    expect(statementModules.map((path) => path.slice(SRC.length + 1))).toEqual(
      expect.arrayContaining([
        'graph/migrations.ts',
        'modules/supply-chain/supply-chain-repository.ts',
        'modules/sharing/share-repository.ts',
      ]),
    );
  });

  it('differ by depth only in the upper bound of their walks', async () => {
    const byName = new Map((await allStatements()).map((s) => [s.name, s.text]));
    const families = [...byName.keys()].flatMap((name) => DEPTH.exec(name)?.[1] ?? []);
    expect(new Set(families)).toEqual(
      new Set([
        'analysis.chainsReaching',
        'analysis.exposure',
        'analysis.paths',
        'analysis.risk',
        'visibility.supplyChain',
        'visibility.supplyChain.withDisclosures',
        'visibility.supplyChain.withDisclosuresAndRisks',
        'visibility.supplyChain.withRisks',
      ]),
    );
    for (const family of new Set(families)) {
      const first = byName.get(`${family}.depth1`)!;
      // A statement may both walk tier by tier and search with a quantified path pattern (paths).
      const second = byName.get(`${family}.depth2`)!.replaceAll('){1,2}(', '){1,1}(');
      const steps = unrolled(first) ? repeatStep(first, second) : () => first;
      if (!unrolled(first)) expect(first).toContain('){1,1}(');
      for (let depth = 1; depth <= MAX_DEPTH; depth++) {
        expect(byName.get(`${family}.depth${depth}`), `${family}.depth${depth}`).toBe(
          steps(depth).replaceAll('){1,1}(', `){1,${depth}}(`),
        );
      }
    }
  });

  it('are pinned in __snapshots__/statements.cypher', async () => {
    const shown = (await allStatements())
      .filter((s) => {
        const depth = DEPTH.exec(s.name)?.[2];
        return depth === undefined || depth === '1';
      })
      .map((s) => {
        const others = [
          ...(unrolled(s.text) ? ['the tier step N times'] : []),
          ...(s.text.includes('){1,1}(') ? ['{1,N} for {1,1}'] : []),
        ].join(', ');
        const name = DEPTH.test(s.name) ? `${s.name} (and depth2..${MAX_DEPTH}: ${others})` : s.name;
        return `// ---- ${name}\n${s.text.trim()}\n`;
      });
    await expect(shown.join('\n')).toMatchFileSnapshot('./__snapshots__/statements.cypher');
  });
});
