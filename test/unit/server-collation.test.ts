// The API's lists sorted by name for people to read use one collation whatever the machine's
// language: `localeCompare` without a locale follows LANG, so a pod started with sv_SE and one with
// en_US answered the same ranking's ties, or the same exposure's findings, in two orders.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/runtime/paths.ts';

const NAMES = ['Östra', 'Ovik', 'Zeta', 'adda', 'Åkers'];

/** How `byWords` sorts NAMES in a Node process started with `lang`. */
function sortedUnder(lang: string): string {
  const script = `import { byWords } from './src/domain/text-order.ts';
console.log(${JSON.stringify(NAMES)}.sort(byWords).join(' '));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, LANG: lang, LC_ALL: lang },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('the server’s order of names', () => {
  it('is English collation under any LANG', () => {
    const english = 'adda Åkers Östra Ovik Zeta';
    for (const lang of ['C', 'en_US.UTF-8', 'sv_SE.UTF-8', 'nb_NO.UTF-8'])
      expect(sortedUnder(lang)).toBe(english);
  });
});
