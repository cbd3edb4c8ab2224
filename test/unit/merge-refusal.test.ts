import { describe, expect, it } from 'vitest';
import { mergeRefusal } from '../../src/modules/merging/merge-refusal.ts';
import type { MergeCheck } from '../../src/modules/merging/merge-repository.ts';

const found: MergeCheck = {
  keepFound: true,
  mergeFound: true,
  keepMergedInto: null,
  mergeMergedInto: null,
  linksBetween: [],
  sharesBetween: [],
  requestsBetween: [],
  openTwice: [],
  linksIntoMonitor: [],
  findingsOutOfMonitor: [],
};

describe('mergeRefusal', () => {
  it('lets a merge of two unrelated organizations go ahead', () => {
    expect(mergeRefusal('k', 'm', found)).toBeNull();
  });

  it('names an unknown id, or where a merged one went', () => {
    expect(mergeRefusal('k', 'm', { ...found, keepFound: false })).toBe(
      'unknown keepId "k": no organization has that id',
    );
    expect(mergeRefusal('k', 'm', { ...found, mergeFound: false, mergeMergedInto: 'x' })).toBe(
      'mergeId "m" was merged into "x" already: name "x" instead',
    );
  });

  it('names what joins the two, links first', () => {
    const both = { ...found, linksBetween: ['l1', 'l2'], sharesBetween: ['s1'] };
    expect(mergeRefusal('k', 'm', both)).toMatch(
      /^supply link "l1", "l2" between "k" and "m" would become ones of "k" with itself/,
    );
    expect(mergeRefusal('k', 'm', { ...found, requestsBetween: ['r1'] })).toMatch(/^access request "r1" /);
    const many = Array.from({ length: 12 }, (_, i) => `s${i}`);
    expect(mergeRefusal('k', 'm', { ...found, sharesBetween: many })).toContain('"s9" and 2 more');
  });

  it('names two open requests that would become two of one requester to one target for one scope', () => {
    const twice: [string, string][] = [
      ['ar-1', 'ar-2'],
      ['ar-3', 'ar-4'],
    ];
    expect(mergeRefusal('k', 'm', { ...found, openTwice: twice })).toBe(
      'open access requests "ar-1" (with "k") and "ar-2" (with "m") would become two open requests between ' +
        'the same organizations for the same scope (BOTH counts as either), where one may be open (and 1 more such pair): one must ' +
        'be answered or withdrawn before the merge',
    );
  });

  it('names both ids and the links of one merged into a MONITOR, which has none', () => {
    expect(mergeRefusal('w', 'm', { ...found, linksIntoMonitor: ['l1'] })).toBe(
      'keepId "w" is a MONITOR, which has no supply links, and mergeId "m" has supply link "l1": merged, it ' +
        `would be the monitor's; if they are one organization, keep "m" and merge "w" into it`,
    );
  });

  it("names both ids and a monitor's findings that would move to an organization that is no MONITOR", () => {
    expect(mergeRefusal('b', 'w', { ...found, findingsOutOfMonitor: ['f-1', 'f-2'] })).toBe(
      'keepId "b" is no MONITOR, and mergeId "w" recorded 2 findings "f-1", "f-2": merged, they would be ' +
        'recorded by an organization that may record none; if they are one organization, keep "w" and merge "b" into it',
    );
  });
});
