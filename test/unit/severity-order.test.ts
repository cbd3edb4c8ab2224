import { describe, expect, it } from 'vitest';
import { highestSeverity, mostSevereFirst } from '../../src/domain/severity.ts';

describe('mostSevereFirst', () => {
  it('puts the most severe first and equally severe ones in order of id, whatever order they came in', () => {
    const read = [
      { id: 'factory-transfers', severity: 'CRITICAL' as const },
      { id: 'a-low', severity: 'LOW' as const },
      { id: 'f-0d17', severity: 'CRITICAL' as const },
      { id: 'b-high', severity: 'HIGH' as const },
    ];
    // Code-unit order, as Cypher's ORDER BY: '-' before 'a' (a locale's collation would skip the '-').
    const expected = ['f-0d17', 'factory-transfers', 'b-high', 'a-low'];
    expect(mostSevereFirst(read).map((r) => r.id)).toEqual(expected);
    expect(mostSevereFirst([...read].reverse()).map((r) => r.id)).toEqual(expected);
  });

  it('answers the highest severity, and LOW for none', () => {
    expect(highestSeverity([{ severity: 'MEDIUM' }, { severity: 'HIGH' }])).toBe('HIGH');
    expect(highestSeverity([])).toBe('LOW');
  });
});
