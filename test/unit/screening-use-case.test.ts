import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/domain/format.ts';
import type { ScreenedOrganization, ScreeningMatch } from '../../src/modules/screening/match.ts';
import { screen, type ScreeningStore } from '../../src/modules/screening/screen.ts';
import { listEntry as entry } from '../support/watch-list-entries.ts';

/** A store in memory that remembers what it was asked to record. */
function storeOf(organizations: ScreenedOrganization[]) {
  const calls: {
    certain: readonly ScreeningMatch[];
    review: readonly ScreeningMatch[];
    entries: number;
    severity: Severity;
  }[] = [];
  const store: ScreeningStore = {
    organizations: () => Promise.resolve(organizations),
    applyWatchList: (certain, review, listed, { severity }) => {
      calls.push({ certain, review, entries: listed.length, severity });
      return Promise.resolve({
        recorded: certain.length,
        created: 1,
        delisted: 0,
        candidates: review.length,
        newCandidates: 0,
      });
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
    const outcome = await screen(store, entries, {
      threshold: 0.9,
      certain: 0.97,
      apply: false,
      severity: 'HIGH',
    });
    expect(outcome).toMatchObject({ organizations: 2, entries: 2, recorded: null });
    expect(outcome.matches.map((m) => [m.organizationId, m.entry, m.score])).toEqual([
      ['n', 'Nanchang O-Film Tech Co., Ltd.', 1],
    ]);
    expect(calls).toEqual([]);
  });

  it('with apply records the matches at the given severity and returns what was recorded', async () => {
    const { store, calls } = storeOf(organizations);
    const outcome = await screen(store, entries, {
      threshold: 0.9,
      certain: 0.97,
      apply: true,
      severity: 'CRITICAL',
    });
    expect(calls).toEqual([{ certain: outcome.matches, review: [], entries: 2, severity: 'CRITICAL' }]);
    expect(outcome.recorded).toMatchObject({ recorded: 1, created: 1, delisted: 0, candidates: 0 });
  });

  it('with apply and no match still gives the store the list, so that gone entries are delisted', async () => {
    const { store, calls } = storeOf(organizations);
    const outcome = await screen(store, [entry('Hypro Electric')], {
      threshold: 0.9,
      certain: 0.97,
      apply: true,
      severity: 'HIGH',
    });
    expect(outcome).toMatchObject({ matches: [], recorded: { recorded: 0, delisted: 0 } });
    expect(calls).toEqual([{ certain: [], review: [], entries: 1, severity: 'HIGH' }]);
  });

  it('keeps matches below the certain level for review, and records the others', async () => {
    const { store, calls } = storeOf([
      { id: 'n', name: 'Nanchang OFILM Technology' },
      { id: 'f', name: 'Foo Inc.' },
    ]);
    await screen(store, [entry('Nanchang O-Film Tech'), entry('Foo Ltd')], {
      threshold: 0.9,
      certain: 0.97,
      apply: true,
      severity: 'HIGH',
    });
    expect(
      calls.map((c) => [
        c.certain.map((m) => [m.organizationId, m.score]),
        c.review.map((m) => [m.organizationId, m.score]),
      ]),
    ).toEqual([[[['n', 0.97]], [['f', 0.95]]]]);
  });

  it('applies the threshold', async () => {
    const { store } = storeOf(organizations);
    const outcome = await screen(store, [entry('Nanchang O-Film Tech')], {
      threshold: 0.6,
      certain: 0.97,
      apply: false,
      severity: 'HIGH',
    });
    expect(outcome.matches.map((m) => [m.organizationId, m.score])).toEqual([
      ['n', 1],
      ['p', 0.654],
    ]);
  });
});
