// The search state <-> URL round trip, with the odd things a shared or hand-edited URL can hold.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FILTER_KEYS } from '../../src/lib/search/filter-keys.ts';
import { parseSearchState, SCOPES, searchQuery, SORTS, type SearchState } from '../../src/lib/search/search-state.ts';

/** Text as the page holds it: trimmed, not empty; any script, and the characters URLs treat specially. */
const text = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.constantFrom('&', '=', '+', '%', '%26', '#', '?', 'a b', 'Physical Medicine & Rehabilitation', '“Zynex”', 'Norco 10/325 mg #60'),
  )
  .map((s) => s.trim())
  .filter((s) => s !== '');

const states: fc.Arbitrary<SearchState> = fc.record({
  q: fc.oneof(fc.constant(''), text),
  scope: fc.constantFrom(...SCOPES),
  filters: fc.dictionary(fc.constantFrom(...FILTER_KEYS), fc.uniqueArray(text, { minLength: 1, maxLength: 3 })),
  sort: fc.constantFrom(...SORTS),
  page: fc.integer({ min: 1, max: 1_000_000 }),
});

/** Query strings as people and programs mangle them. */
const queries = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '?',
        '&',
        '=',
        'q=',
        'outcome=',
        'year=',
        'sort=',
        'in=',
        'request',
        'all',
        'page=',
        'upheld',
        'oldest',
        '%',
        '%2',
        '%26',
        '%E0%A4',
        '+',
        ' ',
        '-1',
        '2.5',
        '1e3',
        '0x10',
        'Infinity',
      ),
      fc.string(),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('search state in the URL, round trip', () => {
  test('reads back every state it writes, whatever the words and filter values hold', () => {
    fc.assert(
      fc.property(states, (state) => {
        expect(parseSearchState(searchQuery(state))).toEqual(state);
      }),
    );
  });

  test('writes any query string it reads as one that reads the same', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const state = parseSearchState(query);
        expect(parseSearchState(searchQuery(state))).toEqual(state);
        expect(searchQuery(parseSearchState(searchQuery(state)))).toBe(searchQuery(state));
      }),
    );
  });

  test('keeps characters that mean something in a URL as part of the values', () => {
    const state = parseSearchState('?q=a%26b%3Dc+d%2B&specialty=Physical+Medicine+%26+Rehabilitation&treatment=%23hash');
    expect(state).toEqual({
      q: 'a&b=c d+',
      scope: 'items',
      filters: { treatment: ['#hash'], specialty: ['Physical Medicine & Rehabilitation'] },
      sort: 'relevance',
      page: 1,
    });
    expect(searchQuery(state)).toBe('?q=a%26b%3Dc+d%2B&treatment=%23hash&specialty=Physical+Medicine+%26+Rehabilitation');
  });

  test('reads a page that is not a whole number above 1 as the first page', () => {
    for (const page of ['0', '-2', '2.5', 'two', '', 'Infinity', '1e400']) expect(parseSearchState(`?page=${page}`).page).toBe(1);
  });

  test('reads broken percent escapes and parameter names in the wrong case without failing', () => {
    expect(parseSearchState('?q=%E0%A4%A&Outcome=upheld&SORT=oldest&IN=request')).toEqual({
      q: '\uFFFD%A',
      scope: 'items',
      filters: {},
      sort: 'relevance',
      page: 1,
    });
  });

  test('keeps the scope of the words as `in`, leaving the default out and an unknown one as the default', () => {
    expect(searchQuery(parseSearchState('?q=TENS&in=request'))).toBe('?q=TENS&in=request');
    expect(searchQuery(parseSearchState('?q=TENS&in=items'))).toBe('?q=TENS');
    expect(parseSearchState('?q=TENS&in=letters').scope).toBe('items');
    expect(parseSearchState('?in=all').scope).toBe('all');
  });
});
