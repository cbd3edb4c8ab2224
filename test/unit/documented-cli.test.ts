// The command lines the documentation writes, against the CLI:
// every `tiersight <command> …` in README.md and docs/*.md, in a shell fence or in running text, names
// a command that exists and only options that the command's --help lists (the same table parseArgs
// reads: an option missing from help is one a user cannot learn of, and one the docs name but the
// command does not take is refused with exit code 2).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { DOCUMENTS } from '../support/documented-examples.ts';

const COMMANDS = [
  'serve',
  'db',
  'import',
  'import-facilities',
  'export',
  'export-chain',
  'migrate',
  'seed',
  'generate',
  'token',
  'merge-organizations',
  'screen',
  'user-activity',
];

/** Each documented use of a command: where, which command, the options it writes. */
function documentedUses(): { where: string; command: string; options: string[] }[] {
  const uses: { where: string; command: string; options: string[] }[] = [];
  for (const file of DOCUMENTS) {
    const lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n');
    let inFence = false;
    lines.forEach((line, i) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      // Code only: a fence's lines, or the code spans of running text.
      const code = inFence
        ? [line.replace(/(^|\s)#.*$/, '')]
        : [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      // The README's Command line table writes each command without "tiersight": `db [--port P] …`.
      const row = /^\| `([a-z-]+)((?:\\\||[^`])*)` \|/.exec(line);
      if (row && COMMANDS.includes(row[1]!)) code.push(`tiersight ${row[1]}${row[2]}`);
      // A use ends at the end of its code span, a comment, a table cell, or the next command.
      for (const m of code.flatMap((c) => [
        ...c.matchAll(/\btiersight(?:\.js)? ([a-z][a-z:-]*)((?:\\\||[^#|&;)])*)/g),
      ])) {
        const [, command = '', rest = ''] = m;
        if (!/^[a-z-]+$/.test(command) || ['v1', 'v2'].includes(command)) continue;
        uses.push({
          where: `${file}:${i + 1}`,
          command,
          options: [...rest.matchAll(/(?:^|[\s[])(--[a-z][a-z-]*)/g)].map((o) => o[1]!),
        });
      }
    });
  }
  return uses;
}

const help = new Map<string, string>();
const helpOf = (command: string): string => {
  if (!help.has(command)) {
    const run = spawnSync(process.execPath, ['bin/tiersight.js', command, '--help'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      // `serve --help` loads the whole app through tsx: 31 s once on a 2-core machine at load 15.
      timeout: 100_000,
    });
    help.set(command, `${run.stdout}${run.stderr}`);
  }
  return help.get(command)!;
};

const USES = documentedUses();

describe('the command lines of the documentation', () => {
  it('finds them', () => {
    expect(USES.length).toBeGreaterThan(60);
  });

  it('name only commands that exist', () => {
    const unknown = USES.filter((use) => !COMMANDS.includes(use.command) && use.command !== 'db:install');
    // "tiersight/v1" and the like are the format's name, not a command.
    expect(unknown.filter((use) => !/^v\d/.test(use.command)).map((u) => `${u.where} ${u.command}`)).toEqual(
      [],
    );
  });

  it.each(COMMANDS)(
    'tiersight %s: every documented option is one its --help lists',
    (command) => {
      const text = helpOf(command);
      expect(text).toMatch(new RegExp(`Usage: tiersight ${command}\\b`));
      const missing = USES.filter((use) => use.command === command).flatMap((use) =>
        use.options
          .filter((option) => option !== '--help' && !new RegExp(`${option}\\b`).test(text))
          .map((option) => `${use.where} ${option}`),
      );
      expect(missing).toEqual([]);
    },
    120_000,
  );
});
