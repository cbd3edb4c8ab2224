import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/domain/format.ts';
import type { ScreenedOrganization, ScreeningMatch } from '../../src/modules/screening/match.ts';
import { screen, type ScreeningStore } from '../../src/modules/screening/screen.ts';
import { listEntry as entry } from '../support/watch-list-entries.ts';

/** A store in memory that remembers what it was asked to record. */
function storeOf(organizations: ScreenedOrganization[]) {
  const calls: { matches: readonly ScreeningMatch[]; entries: number; severity: Severity }[] = [];
  const store: ScreeningStore = {
    organizations: () => Promise.resolve(organizations),
    applyWatchList: (matches, listed, { severity }) => {
      calls.push({ matches, entries: listed.length, severity });
      return Promise.resolve({ recorded: matches.length, created: 1, delisted: 0 });
    },
  };
  return { store, calls };
}

const organizations = [
  { id: 'n', name: 'OFILM, Nanchang', aliases: ['Nanchang O-Film Tech'] },
  { id: 'p', name: 'O-Film Technology' },
];
const entries = [entry('Nanchang O-Film Tech Co., Ltd.'), entry('Hypro Electric')];

describe('the screen use case', () => {
  it('screens every organization and writes nothing without apply', async () => {
    const { store, calls } = storeOf(organizations);
    const outcome = await screen(store, entries, { threshold: 0.9, apply: false, severity: 'HIGH' });
    expect(outcome).toMatchObject({ organizations: 2, entries: 2, recorded: null });
    expect(outcome.matches.map((m) => [m.organizationId, m.entry, m.score])).toEqual([
      ['n', 'Nanchang O-Film Tech Co., Ltd.', 1],
    ]);
    expect(calls).toEqual([]);
  });

  it('with apply records the matches at the given severity and returns what was recorded', async () => {
    const { store, calls } = storeOf(organizations);
    const outcome = await screen(store, entries, { threshold: 0.9, apply: true, severity: 'CRITICAL' });
    expect(calls).toEqual([{ matches: outcome.matches, entries: 2, severity: 'CRITICAL' }]);
    expect(outcome.recorded).toEqual({ recorded: 1, created: 1, delisted: 0 });
  });

  it('with apply and no match still gives the store the list, so that gone entries are delisted', async () => {
    const { store, calls } = storeOf(organizations);
    const outcome = await screen(store, [entry('Hypro Electric')], {
      threshold: 0.9,
      apply: true,
      severity: 'HIGH',
    });
    expect(outcome).toMatchObject({ matches: [], recorded: { recorded: 0, created: 1, delisted: 0 } });
    expect(calls).toEqual([{ matches: [], entries: 1, severity: 'HIGH' }]);
  });

  it('applies the threshold', async () => {
    const { store } = storeOf(organizations);
    const outcome = await screen(store, [entry('Nanchang O-Film Tech')], {
      threshold: 0.6,
      apply: false,
      severity: 'HIGH',
    });
    expect(outcome.matches.map((m) => [m.organizationId, m.score])).toEqual([
      ['n', 1],
      ['p', 0.654],
    ]);
  });
});
