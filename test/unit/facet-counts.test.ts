import { describe, expect, test } from 'vitest';
import { facetCounts, optionCount, type FilterCounts } from '../../src/lib/search/facet-counts.ts';
import { parseSearchState, type SearchState } from '../../src/lib/search/search-state.ts';

// Pagefind's filter counts over the fixture site (five letters): all of them, then "Zynex"
// (the 2014 letter), then "Zynex" with the upheld outcome.
const ALL: FilterCounts = {
  outcome: { upheld: 4, overturned: 3 },
  treatment: { 'tens-ems-unit': 2, brace: 1, opioids: 2, 'physical-therapy': 1 },
  year: { '2014': 1, '2015': 1, '2016': 2, '2017': 1 },
};
const ZYNEX: FilterCounts = { outcome: { upheld: 1, overturned: 0 }, treatment: { 'tens-ems-unit': 1 }, year: { '2014': 1 } };

describe('facetCounts', () => {
  test('shows the counts of the search itself when no filter is selected, without another search', async () => {
    const asked: SearchState[] = [];
    const counts = await facetCounts(parseSearchState('?q=Zynex'), ZYNEX, async (s) => (asked.push(s), {}));
    expect(asked).toEqual([]);
    expect(counts.outcome).toEqual({ upheld: 1, overturned: 0 });
    expect(counts.treatment).toEqual({ 'tens-ems-unit': 1 });
    // A group the index has no counts for shows none.
    expect(counts.priority).toEqual({});
  });

  test('counts a group with a selection as if that group were not selected, so its other values stay choosable', async () => {
    const asked: string[] = [];
    const state = parseSearchState('?q=Zynex&outcome=upheld&year=2014');
    const withUpheld: FilterCounts = { outcome: { upheld: 1 }, treatment: { 'tens-ems-unit': 1 }, year: { '2014': 1 } };
    const counts = await facetCounts(state, withUpheld, async (others) => {
      asked.push(JSON.stringify(others.filters));
      // Without the year: every year Zynex with upheld items has; without the outcome: ZYNEX.
      return others.filters.outcome?.length ? { ...withUpheld, year: { '2014': 1, '2015': 0, '2016': 0, '2017': 0 } } : ZYNEX;
    });
    // One search per group with a selection, each without that group's values only.
    expect(asked).toEqual([JSON.stringify({ outcome: [], year: ['2014'] }), JSON.stringify({ outcome: ['upheld'], year: [] })]);
    expect(counts.outcome).toEqual({ upheld: 1, overturned: 0 });
    expect(counts.year).toEqual({ '2014': 1, '2015': 0, '2016': 0, '2017': 0 });
    expect(counts.treatment).toEqual({ 'tens-ems-unit': 1 });
  });

  test('keeps the words, order and page of the search in the searches without a group', async () => {
    const asked: SearchState[] = [];
    await facetCounts(parseSearchState('?q=lumbar&treatment=brace&sort=oldest&page=2'), ALL, async (s) => (asked.push(s), ALL));
    expect(asked).toEqual([{ q: 'lumbar', filters: { treatment: [] }, sort: 'oldest', page: 2 }]);
  });
});

describe('optionCount', () => {
  test('greys out a value no result has, unless the reader ticked it', () => {
    const counts = { outcome: { upheld: 1, overturned: 0 } };
    expect(optionCount(counts, 'outcome', 'upheld', false)).toEqual({ count: 1, zero: false });
    expect(optionCount(counts, 'outcome', 'overturned', false)).toEqual({ count: 0, zero: true });
    expect(optionCount(counts, 'outcome', 'overturned', true)).toEqual({ count: 0, zero: false });
    // A value missing from the counts has none.
    expect(optionCount(counts, 'year', '2014', false)).toEqual({ count: 0, zero: true });
  });
});
