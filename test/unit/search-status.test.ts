import { describe, expect, test } from 'vitest';
import { resultPage } from '../../src/lib/search/pager.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import type { WordCounts } from '../../src/lib/search/item-search.ts';
import { partialStatus, searchStatus } from '../../src/lib/search/search-status.ts';

/** The status line for the search in `query` with `items` matching items in `letters` letters, on the page it asks for. */
const status = (query: string, items: number, letters = items) => {
  const state = parseSearchState(query);
  return searchStatus(state, { items, letters }, resultPage(letters, state.page));
};

/** What the words matched, scope aside: requested items (upheld, overturned), mentioned, letters by their own text. */
const words = (upheld: number, overturned: number, mentioned = 0, letterOnly = 0): WordCounts => ({
  requested: { items: upheld + overturned, upheld, overturned },
  mentioned,
  letterOnly,
  started: { items: 0, letters: [] },
});

describe('the status line above the results', () => {
  test('says there is nothing, naming the filters that found nothing', () => {
    expect(status('', 0)).toBe('No disputed item matches.');
    expect(status('?outcome=overturned', 0)).toBe('No disputed item matches with these filters.');
  });

  test('with words: how many items request them, with their outcomes, how many more mention them, then what is listed', () => {
    const at = resultPage(40, 1);
    const lumbar = parseSearchState('?q=lumbar MRI');
    expect(searchStatus(lumbar, { items: 55, letters: 40, words: words(22, 0, 33) }, at)).toBe(
      '22 items request “lumbar MRI”: 22 upheld, 0 overturned · 33 more mention it. Listed: 55 disputed items in 40 determinations (requests and mentions).',
    );
    expect(
      searchStatus(parseSearchState('?q=lumbar MRI&in=request&sort=newest'), { items: 22, letters: 18, words: words(22, 0, 33) }, at),
    ).toBe(
      '22 items request “lumbar MRI”: 22 upheld, 0 overturned · 33 more mention it. Listed: 22 disputed items in 18 determinations (the requests), newest first.',
    );
    expect(searchStatus(parseSearchState('?q=zynex&in=all'), { items: 1, letters: 2, words: words(1, 0, 0, 1) }, at)).toBe(
      '1 item requests “zynex”: 1 upheld, 0 overturned · 1 letter has it only in the letter’s own text. Listed: 1 disputed item in 2 determinations (requests, mentions and letters).',
    );
    expect(
      searchStatus(parseSearchState('?q=TENS&outcome=overturned&in=request'), { items: 0, letters: 0, words: words(0, 0, 27) }, at),
    ).toBe('No item requests “TENS” · 27 more mention it.');
    expect(searchStatus(parseSearchState('?q=xyz'), { items: 0, letters: 0, words: words(0, 0) }, at)).toBe('No item requests “xyz”.');
  });

  test('names the order, and what the results match when filters alone chose them', () => {
    expect(status('', 7, 5)).toBe('7 disputed items in 5 determinations, newest first.');
    expect(status('?sort=oldest', 7, 5)).toBe('7 disputed items in 5 determinations, oldest first.');
    expect(status('?treatment=tens-ems-unit&sort=oldest', 2)).toBe('2 disputed items in 2 determinations match the filters, oldest first.');
    expect(status('?treatment=tens-ems-unit&year=2017', 1)).toBe('1 disputed item in 1 determination matches the filters, newest first.');
  });

  test('tells which determinations a page shows when there is more than one page', () => {
    expect(status('', 100, 50)).toBe('100 disputed items in 50 determinations, newest first.');
    expect(status('', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 1–50.');
    expect(status('?page=2', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 51–100.');
    expect(status('?page=3', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 101–115.');
    // A page past the last shows the last.
    expect(status('?page=9', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 101–115.');
  });

  test('says how many letters hold three words or more as a phrase', () => {
    const three = parseSearchState('?q=mri of the');
    expect(searchStatus(three, { items: 7, letters: 5, phrase: 2, words: words(3, 1, 3) }, resultPage(5, 1))).toBe(
      '4 items request “mri of the”: 3 upheld, 1 overturned · 3 more mention it. Listed: 7 disputed items in 5 determinations (requests and mentions). 2 letters hold the exact phrase.',
    );
  });

  test('says when a word is only found as the start of longer words, or not at all', () => {
    const at = resultPage(2, 1);
    expect(searchStatus(parseSearchState('?q=lumba'), { items: 0, letters: 0, words: words(0, 0), prefixOnly: ['lumba'] }, at)).toBe(
      'No item requests “lumba”. No letter holds ‘lumba’ as typed.',
    );
    expect(searchStatus(parseSearchState('?q=lumbar xyzzyq'), { items: 0, letters: 0, missing: ['xyzzyq'] }, at)).toBe(
      'No disputed item matches “lumbar xyzzyq”: no letter has a word like ‘xyzzyq’.',
    );
  });
});

describe('the status line of first results', () => {
  const covered = { first: '2026-10-01', last: '2026-10-30' };
  test('says what the shards searched first hold so far, among which letters, and that the rest is being searched', () => {
    expect(partialStatus(parseSearchState('?q=lumbar MRI'), { items: 4, letters: 3 }, covered)).toBe(
      'So far 4 disputed items in 3 determinations match “lumbar MRI” among the letters decided since October 1, 2026. Searching earlier years…',
    );
    expect(partialStatus(parseSearchState('?outcome=upheld'), { items: 1, letters: 1 }, covered)).toBe(
      'So far 1 disputed item in 1 determination matches the filters among the letters decided since October 1, 2026. Searching earlier years…',
    );
    expect(partialStatus(parseSearchState(''), { items: 9, letters: 5 }, covered)).toBe(
      'So far 9 disputed items in 5 determinations among the letters decided since October 1, 2026. Searching earlier years…',
    );
  });

  test('says when nothing matches yet, and which way the search goes for oldest first', () => {
    expect(partialStatus(parseSearchState('?q=zynex'), { items: 0, letters: 0 }, covered)).toBe(
      'Nothing yet matches “zynex” among the letters decided since October 1, 2026. Searching earlier years…',
    );
    expect(
      partialStatus(parseSearchState('?q=zynex&sort=oldest'), { items: 2, letters: 1 }, { first: '0000-00-00', last: '2014-12-31' }),
    ).toBe(
      'So far 2 disputed items in 1 determination match “zynex” among the letters decided up to December 31, 2014. Searching later years…',
    );
  });
});
