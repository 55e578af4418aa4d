import { describe, expect, test } from 'vitest';
import { filtersInUse, withoutFilter, withoutFilters } from '../../src/lib/search/filters-in-use.ts';
import { formState } from '../../src/lib/search/form-state.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';

describe('formState', () => {
  const before = parseSearchState('?q=Zynex&outcome=upheld&page=3');

  test('takes the words trimmed and the boxes ticked, from the first page', () => {
    expect(formState(before, { q: '  lumbar MRI ', scope: 'request', sort: 'relevance', filters: { year: ['2016'] } })).toEqual({
      q: 'lumbar MRI',
      scope: 'request',
      filters: { year: ['2016'] },
      sort: 'relevance',
      page: 1,
    });
  });

  test('lets an order left at its default follow the words', () => {
    // Best match was the default with words; without them the default is newest first.
    expect(formState(before, { q: '', scope: 'items', sort: 'relevance', filters: {} }).sort).toBe('newest');
    // Newest first was the default without words; with them the default is best match.
    expect(formState(parseSearchState(''), { q: 'Norco', scope: 'items', sort: 'newest', filters: {} }).sort).toBe('relevance');
  });

  test('keeps an order the reader picked, except best match with no words to rank by', () => {
    expect(formState(before, { q: 'Norco', scope: 'items', sort: 'oldest', filters: {} }).sort).toBe('oldest');
    expect(formState(parseSearchState('?sort=oldest'), { q: 'Norco', scope: 'items', sort: 'oldest', filters: {} }).sort).toBe('oldest');
    expect(formState(parseSearchState('?q=x&sort=newest'), { q: '', scope: 'items', sort: 'newest', filters: {} }).sort).toBe('newest');
    expect(formState(parseSearchState('?sort=oldest'), { q: ' ', scope: 'items', sort: 'relevance', filters: {} }).sort).toBe('newest');
  });

  test('falls back to the default order for an order it does not know', () => {
    expect(formState(before, { q: 'x', scope: 'items', sort: 'sideways', filters: {} }).sort).toBe('relevance');
    expect(formState(before, { q: '', scope: 'items', sort: 'sideways', filters: {} }).sort).toBe('newest');
  });
});

describe('the filters in use', () => {
  const state = parseSearchState('?q=brace&year=2017&treatment=tens-ems-unit&treatment=brace&sort=oldest&page=2');

  test('lists every selected value, group by group in the order of the page', () => {
    expect(filtersInUse(state)).toEqual([
      { key: 'treatment', value: 'tens-ems-unit' },
      { key: 'treatment', value: 'brace' },
      { key: 'year', value: '2017' },
    ]);
    expect(filtersInUse(parseSearchState('?q=x'))).toEqual([]);
  });

  test('removes one value and goes back to the first page, keeping the rest of the search', () => {
    const left = withoutFilter(state, 'treatment', 'tens-ems-unit');
    expect(left).toEqual({ q: 'brace', scope: 'items', filters: { treatment: ['brace'], year: ['2017'] }, sort: 'oldest', page: 1 });
  });

  test('clears every filter, keeping the words in their default order', () => {
    expect(withoutFilters(state)).toEqual({ q: 'brace', scope: 'items', filters: {}, sort: 'relevance', page: 1 });
    expect(withoutFilters(parseSearchState('?outcome=upheld&sort=oldest&in=request'))).toEqual({
      q: '',
      scope: 'request',
      filters: {},
      sort: 'newest',
      page: 1,
    });
  });
});
