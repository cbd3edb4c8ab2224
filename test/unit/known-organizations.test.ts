import { expect, it } from 'vitest';
import { KnownOrganizations } from '../../src/modules/organizations/known-organizations.ts';

it('remembers an organization for ttlMs, and stays bounded', () => {
  const known = new KnownOrganizations(1_000, 2);
  known.remember('a', 0);
  expect(known.has('a', 999)).toBe(true);
  expect(known.has('a', 1_000)).toBe(false);
  expect(known.has('b', 0)).toBe(false);
  known.remember('b', 0);
  known.remember('c', 0); // over the bound: starts afresh
  expect([known.has('a', 1), known.has('b', 1), known.has('c', 1)]).toEqual([false, false, true]);
});
