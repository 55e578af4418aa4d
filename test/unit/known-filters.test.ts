import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FILTER_KEYS } from '../../src/lib/search/filter-keys.ts';
import { droppedNote, keepKnownFilters, keepKnownSections, type FilterLabels } from '../../src/lib/search/known-filters.ts';
import { parseSearchState, searchQuery } from '../../src/lib/search/search-state.ts';

// The values of the fixture site's search page: its checkboxes, and "other", a treatment type of
// the catalogue no letter has.
const LABELS: FilterLabels = {
  outcome: new Map([
    ['upheld', 'Upheld'],
    ['overturned', 'Overturned'],
  ]),
  treatment: new Map([
    ['tens-ems-unit', 'TENS / EMS units'],
    ['brace', 'brace'],
    ['other', 'Other'],
  ]),
  year: new Map([
    ['2017', '2017'],
    ['2016', '2016'],
    ['2015', '2015'],
    ['2014', '2014'],
  ]),
  specialty: new Map([['Physical Medicine & Rehabilitation', 'Physical Medicine & Rehabilitation']]),
};
const known = (query: string) => keepKnownFilters(parseSearchState(query), LABELS);

describe('keepKnownFilters', () => {
  test('keeps a search whose values the site has as it is', () => {
    const state = parseSearchState('?q=Zynex&outcome=upheld&treatment=other&year=2014&sort=oldest&page=2');
    expect(keepKnownFilters(state, LABELS)).toEqual({ state, dropped: [] });
  });

  test('drops values the site does not have, keeping the others of their group, and lists them in page order', () => {
    const { state, dropped } = known('?year=1999&treatment=no-such-type&treatment=tens-ems-unit&outcome=Uphold&q=brace');
    expect(state).toEqual({ q: 'brace', scope: 'items', filters: { treatment: ['tens-ems-unit'] }, sort: 'relevance', page: 1 });
    expect(dropped).toEqual([
      { key: 'outcome', value: 'Uphold' },
      { key: 'treatment', value: 'no-such-type' },
      { key: 'year', value: '1999' },
    ]);
    expect(searchQuery(state)).toBe('?q=brace&treatment=tens-ems-unit');
  });

  test('compares values exactly, and knows no value of a group without labels', () => {
    expect(known('?outcome=UPHELD&treatment=Brace&specialty=physical medicine %26 rehabilitation').state.filters).toEqual({});
    expect(known('?priority=standard&guideline=mtus-chronic-pain-2009').dropped.map((d) => d.key)).toEqual(['guideline', 'priority']);
  });

  test('takes no name of an object property for a value', () => {
    const { state, dropped } = known('?treatment=constructor&treatment=__proto__&year=toString&outcome=hasOwnProperty');
    expect(state.filters).toEqual({});
    expect(dropped).toHaveLength(4);
  });

  test('gives a search whose filters are all known, and drops nothing a second time', () => {
    const value = fc.oneof(
      fc.constantFrom('upheld', 'other', '2014', 'brace', 'Physical Medicine & Rehabilitation'),
      fc.string({ minLength: 1 }),
    );
    const filters = fc.dictionary(fc.constantFrom(...FILTER_KEYS), fc.uniqueArray(value, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(filters, (f) => {
        const { state, dropped } = keepKnownFilters({ q: '', scope: 'items', filters: f, sort: 'newest', page: 1 }, LABELS);
        for (const key of FILTER_KEYS)
          for (const v of state.filters[key] ?? []) expect(key === 'section' || LABELS[key]?.has(v)).toBe(true);
        const kept = Object.values(state.filters).flat().length;
        expect(kept + dropped.length).toBe(Object.values(f).flat().length);
        expect(keepKnownFilters(state, LABELS)).toEqual({ state, dropped: [] });
      }),
    );
  });
});

describe('keepKnownSections', () => {
  test('keeps cited sections for the index to check, then leaves out those the whole index lacks', () => {
    const state = parseSearchState('?section=mtus-chronic-pain-2009/page-121&section=odg-pain/no-such-section&outcome=upheld');
    expect(keepKnownFilters(state, LABELS)).toEqual({ state, dropped: [] });
    const checked = keepKnownSections(state, { 'mtus-chronic-pain-2009/page-121': 'MTUS Chronic Pain 2009, page 121' });
    expect(checked.state.filters).toEqual({ section: ['mtus-chronic-pain-2009/page-121'], outcome: ['upheld'] });
    expect(droppedNote(checked.dropped)).toBe(
      'Section or page cited “odg-pain/no-such-section” is not a filter value on this site, so it was left out.',
    );
  });
});

describe('droppedNote', () => {
  test('says nothing when nothing was dropped', () => {
    expect(droppedNote([])).toBe('');
  });

  test('names each value left out with the legend of its group', () => {
    expect(droppedNote(known('?treatment=tens').dropped)).toBe(
      'Treatment type “tens” is not a filter value on this site, so it was left out.',
    );
    expect(droppedNote(known('?treatment=no-such-type&year=1999').dropped)).toBe(
      'Treatment type “no-such-type” and Decision year “1999” are not filter values on this site, so they were left out.',
    );
    expect(droppedNote(known('?outcome=Uphold&guideline=acoem&priority=urgent').dropped)).toBe(
      'Outcome “Uphold”, Guideline cited “acoem” and Priority “urgent” are not filter values on this site, so they were left out.',
    );
  });
});
