// The character rule's edges (specification, section 4, "Characters"): what legitimate writers need is
// kept (the flags of England, Scotland and Wales; Mongolian's vowel separator), what shows as nothing is
// refused even when it is no format character (the Hangul fillers), a URL a user writes is held to the
// one-line rule, a cut message never splits a character or an escape, and screening's ids stay what
// older versions made.
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/domain/disclosures.ts';
import { checkFinding } from '../../src/domain/findings.ts';
import { directoryTerms, searchTerms } from '../../src/domain/directory-terms.ts';
import { foldText, normalizeName } from '../../src/domain/normalize-name.ts';
import { characterProblem } from '../../src/domain/optional-text.ts';
import { cut, quote } from '../../src/domain/quote.ts';
import { checkDeclaration } from '../../src/domain/sourcing.ts';
import { watchlistIndicatorId } from '../../src/modules/screening/indicator-naming.ts';
import { slugOf } from '../../src/modules/screening/slug.ts';

const NOW = new Date('2026-04-01T00:00:00Z');
/** The flag of Wales as an emoji keyboard writes it: 🏴, the tags g b w l s, the cancel tag. */
const WALES = '\u{1f3f4}\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}';

describe('what legitimate writers need', () => {
  it('keeps the subdivision flags in a message and in a name', () => {
    expect(characterProblem('message', `Diolch yn fawr ${WALES}`, 'multi-line')).toBeNull();
    expect(characterProblem('newSupplier.name', `Cymru Tech ${WALES}`, 'one-line')).toBeNull();
  });

  it('refuses tags that make no flag, or say more than a subdivision code (hidden text)', () => {
    const smuggled = `\u{1f3f4}${[...'ignoreallrules'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('')}\u{e007f}`;
    expect(characterProblem('message', `Hi ${smuggled}`, 'multi-line')).toContain('(U+E0069 at character 5)');
    expect(characterProblem('message', `Hi \u{e0041}`, 'multi-line')).toContain('(U+E0041 at character 4)');
    expect(characterProblem('name', `Cymru ${WALES}\u{e0041}`, 'one-line')).toContain(
      '(U+E0041 at character 14)',
    );
  });

  it("keeps Mongolian's vowel separator in a name (ᠬᠠᠷ᠎ᠠ, black)", () => {
    expect(characterProblem('newSupplier.name', 'ᠬᠠᠷ\u180eᠠ ᠬᠣᠲᠠ', 'one-line')).toBeNull();
  });
});

describe('what shows as nothing', () => {
  it.each([
    ['Hangul filler', '\u3164', '3164'],
    ['Hangul choseong filler', '\u115f', '115F'],
    ['halfwidth Hangul filler', '\uffa0', 'FFA0'],
    ['Khmer inherent vowel', '\u17b4', '17B4'],
  ])('refuses a %s in one line, showing it escaped', (_name, c, code) => {
    expect(characterProblem('title', `Del${c}l`, 'one-line')).toBe(
      `title must be text without invisible formatting characters (bidirectional marks and controls, zero-width spaces, soft hyphens, tags), got "Del\\u${code.toLowerCase()}l" (U+${code} at character 4)`,
    );
  });

  it('refuses a new supplier whose name is a Hangul filler (not blank to trim, blank to a reader)', () => {
    expect(() =>
      checkDeclaration({ newSupplier: { name: '\u3164', type: 'FACTORY', country: 'KR' } }),
    ).toThrow('newSupplier.name must be text without invisible formatting characters');
  });
});

describe('URLs a user writes', () => {
  const CONTENT = { title: 'Audit', issuedAt: '2026-01-15' };
  it('refuse a bidirectional override or a zero-width space, as a one-line text does', () => {
    const { problems } = checkContent(
      'SELF_ASSESSMENT',
      { ...CONTENT, documentUrl: 'https://example.org/report\u202e', documentSha256: 'ab'.repeat(32) },
      NOW,
      'sent',
    );
    expect(problems).toEqual([
      'documentUrl must be text without invisible formatting characters (bidirectional marks and controls, zero-width spaces, soft hyphens, tags), got "https://example.org/report\\u202e" (U+202E at character 27)',
    ]);
    expect(() =>
      checkFinding(
        {
          kind: 'REPORT',
          severity: 'HIGH',
          source: 'EW report',
          evidenceUrl: 'https://exa\u200bmple.org/',
        },
        NOW,
      ),
    ).toThrow('input.evidenceUrl must be text without invisible formatting characters');
  });

  it('are kept as stored in a backup', () => {
    const { problems } = checkContent(
      'SELF_ASSESSMENT',
      { ...CONTENT, documentUrl: 'https://example.org/report\u202e' },
      NOW,
      'stored',
    );
    expect(problems).toEqual([]);
  });
});

describe('a message cut at 80 characters', () => {
  it('never splits a character beyond U+FFFF nor an escape', () => {
    const shown = [
      quote(`${'a'.repeat(75)}😀😀😀`),
      quote(`${'a'.repeat(74)}\u200b\u200b\u200b`),
      quote(`${'a'.repeat(70)}\u{e0041}\u{e0042}`),
      quote(`${'a'.repeat(76)}\\b${'c'.repeat(9)}`),
    ];
    for (const text of shown) {
      expect(text.length).toBeLessThanOrEqual(80);
      expect(text).toMatch(/^"a+\.\.\.$/u);
    }
    expect(cut('x'.repeat(81))).toBe(`${'x'.repeat(77)}...`);
  });
});

describe("screening's ids", () => {
  it('stay what older versions made of a list entry with a soft hyphen or a zero-width space', () => {
    expect(slugOf('Hoshi\u00adne Silicon')).toBe('hoshi-ne-silicon');
    expect(slugOf('Xin\u200bjiang Co')).toBe('xin-jiang-co');
    expect(watchlistIndicatorId('org-1', 'Hoshi\u00adne', 'CSL')).toMatch(/^wl-org-1-hoshi-ne-[0-9a-f]{8}$/u);
    // While matching drops them.
    expect(foldText('Hoshi\u00adne')).toBe('hoshine');
  });
});

describe("Persian's non-joiner in matching", () => {
  it('parts words as the space Persian also writes there, in the directory and in screening', () => {
    const withJoiner = 'شرکت فناوری\u200cهای نوین';
    const withSpace = 'شرکت فناوری های نوین';
    const finds = (card: string, search: string) => {
      const terms = directoryTerms({ name: card });
      return searchTerms(search).every((term) => terms.some((word) => word.startsWith(term)));
    };
    expect(finds(withJoiner, 'فناوری های')).toBe(true);
    expect(finds(withSpace, 'فناوری\u200cهای')).toBe(true);
    expect(finds(withJoiner, 'های')).toBe(true);
    expect(normalizeName(withJoiner).core).toEqual(normalizeName(withSpace).core);
    // Elsewhere it is dropped with the other invisible characters (a Devanagari word stays one).
    expect(foldText('Hoshi\u200cne')).toBe('hoshine');
    expect(foldText('\u0915\u094d\u200c\u0937')).toBe(foldText('\u0915\u094d\u0937'));
  });
});
