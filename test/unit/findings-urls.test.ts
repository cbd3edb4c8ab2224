// Review of monitors' findings: an evidence URL (and a disclosure's documentUrl, which shares the check)
// is one http(s) URL. A control character in it (NUL, a line break's cousins, DEL) is in no URL: it was
// stored and then shown as a link on the dashboard and written into CSV cells and exports.
import { describe, expect, it } from 'vitest';
import { checkFinding } from '../../src/domain/findings.ts';

const NOW = new Date('2026-12-06T12:00:00Z');
const FINDING = { kind: 'REPORT', severity: 'HIGH', source: 'Electronics Watch, 2026' } as const;

describe('a finding’s evidenceUrl', () => {
  it.each(['https://example.org/a\u0000b', 'https://example.org/\u007f', 'https://example.org/\u0085x'])(
    'refuses %j, naming it',
    (evidenceUrl) => {
      expect(() => checkFinding({ ...FINDING, evidenceUrl }, NOW)).toThrow(
        'input.evidenceUrl must be an http(s) URL of at most 2000 characters',
      );
    },
  );

  it('keeps one with non-ASCII letters', () => {
    const evidenceUrl = 'https://example.org/rapport-för-2026.pdf';
    expect(checkFinding({ ...FINDING, evidenceUrl }, NOW).evidenceUrl).toBe(evidenceUrl);
  });
});
