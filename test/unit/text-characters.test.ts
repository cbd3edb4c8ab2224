// The characters a text a user writes may hold (src/domain/optional-text.ts, TextCharacters): one line
// holds no control character; several lines hold line breaks and tabs too; a stored text (a backup's)
// is kept as it is. One check behind every free text the API writes: checkText (a disclosure, a
// finding), optionalTextArgument (a message, a reason, a note, a city), product names.
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/domain/disclosures.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { checkText } from '../../src/domain/field-checks.ts';
import { checkFinding } from '../../src/domain/findings.ts';
import { characterProblem, optionalTextArgument } from '../../src/domain/optional-text.ts';
import { checkedProducts, productsArgument } from '../../src/domain/products.ts';
import { checkDeclaration } from '../../src/domain/sourcing.ts';
import { checkDisclosure } from '../../src/import/disclosure-rules.ts';
import { checkRisk } from '../../src/import/record-rules.ts';

const NOW = new Date('2026-04-01T00:00:00Z');

/** Each control character the rule names, and how a message shows it. */
const CONTROLS: [string, string, string][] = [
  ['NUL', '\u0000', '\\u0000'],
  ['BEL', '\u0007', '\\u0007'],
  ['ESC', '\u001b', '\\u001b'],
  ['DEL', '\u007f', '\\u007f'],
  ['C1 PAD', '\u0080', '\\u0080'],
  ['C1 NEL', '\u0085', '\\u0085'],
  ['C1 APC', '\u009f', '\\u009f'],
];

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('characterProblem', () => {
  it.each(CONTROLS)('refuses %s in one line and in several, showing it', (_name, c, shown) => {
    const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    expect(characterProblem('input.title', `ab${c}d`, 'one-line')).toBe(
      `input.title must be one line without control characters, got "ab${shown}d" (U+${code} at character 3)`,
    );
    expect(characterProblem('input.summary', `ab${c}d`, 'multi-line')).toBe(
      `input.summary must be text without control characters other than line breaks and tabs, got "ab${shown}d" (U+${code} at character 3)`,
    );
  });

  it('keeps line breaks and tabs in several lines only', () => {
    for (const c of ['\n', '\r', '\t']) {
      expect(characterProblem('summary', `a${c}b`, 'multi-line')).toBeNull();
      expect(characterProblem('title', `a${c}b`, 'one-line')).toContain('must be one line');
    }
    expect(
      characterProblem('summary', 'Findings:\r\n\t1. overtime\n\t2. fire exits', 'multi-line'),
    ).toBeNull();
  });

  it('accepts every printable character, whatever its script', () => {
    const text = 'Fábrica «Ünï» 工厂 😀 \u00a0non-breaking';
    expect(characterProblem('title', text, 'one-line')).toBeNull();
    expect(characterProblem('summary', text, 'multi-line')).toBeNull();
  });

  it('keeps the joiners scripts and emoji need, and variation selectors, in one line too', () => {
    // Persian with a zero-width non-joiner, Malayalam with a joiner, a family emoji, an ideographic variant.
    const text = 'شرکت می\u200cسازد · \u0d28\u0d4d\u200d · 👨\u200d👩\u200d👧 · 葛\u{e0100} · ❤\ufe0f';
    expect(characterProblem('name', text, 'one-line')).toBeNull();
    expect(characterProblem('summary', text, 'multi-line')).toBeNull();
  });

  it('refuses a joiner where no script joins: "De\\u200cll" shows as "Dell" and is another name', () => {
    for (const name of ['De\u200cll', 'Dell\u200d', '\u200cDell', 'Ab 1\u200d2', 'Δέλ\u200cλ', 'Делл\u200d'])
      expect(characterProblem('newSupplier.name', name, 'one-line'), name).toMatch(
        /^newSupplier\.name must be text without invisible formatting characters .* \(U\+200[CD] at character \d+\)$/,
      );
    // Where scripts and emoji need them: after an Arabic letter, a virama, a pictograph, a skin tone, VS16.
    for (const name of ['می\u200cسازد', '\u0d28\u0d4d\u200d', '👩\u200d💻', '👨🏽\u200d💻', '❤\ufe0f\u200d🔥'])
      expect(characterProblem('newSupplier.name', name, 'one-line'), name).toBeNull();
    // Prose keeps them wherever they are.
    expect(characterProblem('summary', 'De\u200cll', 'multi-line')).toBeNull();
  });

  /** Characters that show as nothing or move what follows, and whether several lines may hold them. */
  const UNSEEN: [string, string, string, boolean][] = [
    ['zero-width space', '\u200b', '200B', true],
    ['soft hyphen', '\u00ad', '00AD', true],
    ['word joiner', '\u2060', '2060', true],
    ['byte order mark', '\ufeff', 'FEFF', true],
    ['left-to-right mark', '\u200e', '200E', true],
    ['Arabic letter mark', '\u061c', '061C', true],
    ['right-to-left override', '\u202e', '202E', false],
    ['left-to-right embedding', '\u202a', '202A', false],
    ['pop directional formatting', '\u202c', '202C', false],
    ['right-to-left isolate', '\u2067', '2067', false],
    ['tag latin capital A', '\u{e0041}', 'E0041', false],
  ];

  it.each(UNSEEN)('refuses a %s in one line, showing it escaped', (_name, c, code) => {
    const shown = c.split('').map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(characterProblem('newSupplier.name', `Del${c}l`, 'one-line')).toBe(
      `newSupplier.name must be text without invisible formatting characters (bidirectional marks and controls, zero-width spaces, soft hyphens, tags), got "Del${shown.join('')}l" (U+${code} at character 4)`,
    );
  });

  it.each(UNSEEN)(
    'a %s in several lines: kept where prose uses it, refused where it moves the text or hides some',
    (_name, c, code, prose) => {
      const problem = characterProblem('input.summary', `Audit ${c}passed`, 'multi-line');
      if (prose) expect(problem).toBeNull();
      else
        expect(problem).toMatch(
          new RegExp(
            `^input\\.summary must be text without bidirectional embeddings, overrides or isolates, or tag characters, got "Audit \\\\u[0-9a-f]{4}.*" \\(U\\+${code} at character 7\\)$`,
          ),
        );
    },
  );

  it('keeps one line to one line: no line or paragraph separator', () => {
    expect(characterProblem('title', 'Audit\u2028report', 'one-line')).toBe(
      'title must be one line without line or paragraph separators, got "Audit\\u2028report" (U+2028 at character 6)',
    );
    expect(characterProblem('summary', 'Audit\u2028report\u2029', 'multi-line')).toBeNull();
  });

  it('names where the first one is, counted in characters, beyond what the quote shows', () => {
    const text = `😀${'x'.repeat(2_998)}\u0000 and \u001b`;
    const problem = characterProblem('input.description', text, 'multi-line')!;
    expect(problem).toContain('(U+0000 at character 3000)');
    expect(problem).toContain(`"😀${'x'.repeat(74)}...`);
  });

  it('keeps a stored text as it is', () => {
    expect(characterProblem('title', 'a\u0000\u001b\u0085b', 'as-stored')).toBeNull();
  });
});

describe('checkText', () => {
  it('lists the character problem with the others of the input, for required and optional texts', () => {
    const problems: string[] = [];
    expect(checkText(problems, 'title', 'Audit\u0007', 200, true, 'one-line')).toBeNull();
    expect(checkText(problems, 'summary', '  one\n\ttwo  ', 4_000, false, 'multi-line')).toBe('one\n\ttwo');
    expect(checkText(problems, 'issuer', ' ACME\u001b ', 200, false, 'one-line')).toBeNull();
    expect(checkText(problems, 'standard', 'x'.repeat(201), 200, false, 'one-line')).toBeNull();
    expect(problems).toEqual([
      'title must be one line without control characters, got "Audit\\u0007" (U+0007 at character 6)',
      'issuer must be one line without control characters, got "ACME\\u001b" (U+001B at character 5)',
      'standard must be at most 200 characters, got 201',
    ]);
  });
});

describe('optionalTextArgument', () => {
  it('refuses a control character with BAD_USER_INPUT naming the field, and keeps lines and tabs where it may', () => {
    const error = refusal(() => optionalTextArgument('message', 'Hello\u0000', 2_000, 'multi-line'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'message must be text without control characters other than line breaks and tabs, got "Hello\\u0000" (U+0000 at character 6)',
    );
    expect(optionalTextArgument('message', ' Dear supplier,\n\tplease share. ', 2_000, 'multi-line')).toBe(
      'Dear supplier,\n\tplease share.',
    );
    expect(refusal(() => optionalTextArgument('city', 'Shen\tzhen', 200, 'one-line')).message).toContain(
      'city must be one line',
    );
    // Surrounding line breaks are trimmed as spaces are: what is kept is one line.
    expect(optionalTextArgument('city', '\nShenzhen\r\n', 200, 'one-line')).toBe('Shenzhen');
  });
});

describe('product names', () => {
  it('are one line, each bad one named by its index, as the API sends them', () => {
    expect(checkedProducts('products', ['ok', 'lap\ttops', 'x\u0085'], 'one-line').problems).toEqual([
      'products[1] must be one line without control characters, got "lap\\ttops" (U+0009 at character 4)',
      'products[2] must be one line without control characters, got "x\\u0085" (U+0085 at character 2)',
    ]);
    expect(refusal(() => productsArgument('products', ['a\u0000'])).message).toContain('products[0]');
  });

  it('are kept as they are in a backup', () => {
    expect(checkedProducts('products', ['lap\ttops'], 'as-stored')).toEqual({
      products: ['lap\ttops'],
      problems: [],
    });
  });
});

describe('what the API writes', () => {
  const PLAN = {
    title: 'Plan\u001b[31m',
    summary: 'Found:\n\t- overtime\u0000',
    issuer: 'Audit firm',
    products: ['laptops', 'pho\u0007nes'],
    issuedAt: '2026-01-01',
    actions: [
      {
        id: 'a-1',
        finding: 'Overtime\r\n\tweekly',
        severity: 'HIGH' as const,
        action: 'Cap\u007f',
        dueAt: '2026-06-01',
      },
    ],
  };

  it("a disclosure's content: every text, each problem listed with the content's others", () => {
    const checked = checkContent(
      'CORRECTIVE_ACTION_PLAN',
      { ...PLAN, validUntil: '2025-01-01' },
      NOW,
      'sent',
    );
    expect(checked.problems).toEqual([
      'title must be one line without control characters, got "Plan\\u001b[31m" (U+001B at character 5)',
      'summary must be text without control characters other than line breaks and tabs, got "Found:\\n\\t- overtime\\u0000" (U+0000 at character 19)',
      'products[1] must be one line without control characters, got "pho\\u0007nes" (U+0007 at character 4)',
      'validUntil must be after issuedAt ("2026-01-01"), got "2025-01-01"',
      'actions[0].action must be text without control characters other than line breaks and tabs, got "Cap\\u007f" (U+007F at character 4)',
    ]);
  });

  it("a disclosure's content with line breaks and tabs where it may hold them", () => {
    const checked = checkContent(
      'CORRECTIVE_ACTION_PLAN',
      {
        ...PLAN,
        title: 'Plan',
        summary: 'Found:\n\t- overtime',
        products: ['laptops'],
        actions: [{ ...PLAN.actions[0]!, action: 'Cap hours\n\tat 60' }],
      },
      NOW,
      'sent',
    );
    expect(checked.problems).toEqual([]);
    expect(checked.content?.summary).toBe('Found:\n\t- overtime');
    expect(checked.content?.actions[0]?.finding).toBe('Overtime\r\n\tweekly');
  });

  it("a stored version's texts are kept as they are (the importer's and an action update's check)", () => {
    const checked = checkContent('CORRECTIVE_ACTION_PLAN', PLAN, NOW, 'stored');
    expect(checked.problems).toEqual([]);
    expect(checked.content?.title).toBe('Plan\u001b[31m');
    expect(checked.content?.products).toEqual(['laptops', 'pho\u0007nes']);
  });

  it("a finding: a one-line source and a description of several lines, listed with the finding's other problems", () => {
    const finding = { kind: 'REPORT' as const, severity: 'HIGH' as const, source: 'EW report' };
    expect(
      refusal(() =>
        checkFinding(
          { ...finding, source: 'EW\treport', description: 'Night\u0000shifts', evidenceUrl: 'ftp://x' },
          NOW,
        ),
      ).message,
    ).toBe(
      'Invalid finding: input.source must be one line without control characters, got "EW\\treport" (U+0009 at character 3); ' +
        'input.description must be text without control characters other than line breaks and tabs, got "Night\\u0000shifts" (U+0000 at character 6); ' +
        'input.evidenceUrl must be an http(s) URL of at most 2000 characters, got "ftp://x"',
    );
    expect(checkFinding({ ...finding, description: 'Night shifts:\n\t- interns' }, NOW).description).toBe(
      'Night shifts:\n\t- interns',
    );
  });

  it("a new supplier's name, city and address are one line", () => {
    const supplier = { name: 'Factory', type: 'FACTORY' as const, country: 'CN' };
    for (const field of ['name', 'city', 'address'])
      expect(
        refusal(() => checkDeclaration({ newSupplier: { ...supplier, [field]: 'A\u001bB' } })).message,
      ).toBe(
        `newSupplier.${field} must be one line without control characters, got "A\\u001bB" (U+001B at character 2)`,
      );
  });
});

describe('what the importer accepts (nothing an older version exported is refused on restore)', () => {
  it("a disclosure's texts and products with control characters, as stored", () => {
    const checked = checkDisclosure({
      id: 'd-1',
      owner: 'o',
      subject: 'o',
      kind: 'CORRECTIVE_ACTION_PLAN',
      title: 'Old\u0000title',
      summary: 'Bell\u0007',
      products: ['lap\ttops'],
      issuedAt: '2020-01-01',
      actions: [{ id: 'a', finding: 'F\u0085', severity: 'LOW', action: 'A\u001b', dueAt: '2020-02-01' }],
      history: [{ title: 'Older\u007f', issuedAt: '2020-01-01', recordedAt: '2020-01-01' }],
    });
    expect(checked.problems).toEqual([]);
    expect(checked.record).toMatchObject({
      title: 'Old\u0000title',
      summary: 'Bell\u0007',
      products: ['lap\ttops'],
    });
  });

  it("a risk indicator's (a finding's) source and description with control characters", () => {
    const checked = checkRisk({
      id: 'r',
      organization: 'o',
      kind: 'REPORT',
      source: 'Two\nlines',
      severity: 'LOW',
      description: 'Esc\u001b',
    });
    expect(checked.problems).toEqual([]);
  });

  it('but no unpaired surrogate, as before', () => {
    expect(
      checkRisk({ id: 'r', organization: 'o', kind: 'REPORT', source: 'x\ud800', severity: 'LOW' }).problems,
    ).toEqual(['source must be well-formed Unicode text (it has an unpaired surrogate), got "x\\ud800"']);
  });
});
