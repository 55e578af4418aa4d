import { describe, expect, test } from 'vitest';
import { resultPage } from '../../src/lib/search/result-page.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import { partialStatus, searchStatus } from '../../src/lib/search/search-status.ts';

/** The status line for the search in `query` with `items` matching items in `letters` letters, on the page it asks for. */
const status = (query: string, items: number, letters = items) => {
  const state = parseSearchState(query);
  return searchStatus(state, { items, letters }, resultPage(letters, state.page));
};

describe('the status line above the results', () => {
  test('says there is nothing, naming the words and the filters that found nothing', () => {
    expect(status('', 0)).toBe('No disputed item matches.');
    expect(status('?q=Zynex', 0)).toBe('No disputed item matches “Zynex”.');
    expect(status('?outcome=overturned', 0)).toBe('No disputed item matches with these filters.');
    expect(status('?q=Zynex&outcome=overturned', 0)).toBe('No disputed item matches “Zynex” with these filters.');
  });

  test('counts disputed items and the determinations they are in, one in the singular, and leaves best match unsaid', () => {
    expect(status('?q=Zynex', 1)).toBe('1 disputed item in 1 determination matches “Zynex”.');
    expect(status('?q=Zynex&outcome=upheld&sort=oldest', 1)).toBe('1 disputed item in 1 determination matches “Zynex”, oldest first.');
    expect(status('?treatment=tens-ems-unit&year=2017', 1)).toBe('1 disputed item in 1 determination matches the filters, newest first.');
    expect(status('?q=mri', 2, 1)).toBe('2 disputed items in 1 determination match “mri”.');
  });

  test('names the order, and what the results match when filters alone chose them', () => {
    expect(status('', 7, 5)).toBe('7 disputed items in 5 determinations, newest first.');
    expect(status('?sort=oldest', 7, 5)).toBe('7 disputed items in 5 determinations, oldest first.');
    expect(status('?treatment=tens-ems-unit&sort=oldest', 2)).toBe('2 disputed items in 2 determinations match the filters, oldest first.');
    expect(status('?q=lumbar&sort=newest', 3)).toBe('3 disputed items in 3 determinations match “lumbar”, newest first.');
  });

  test('tells which determinations a page shows when there is more than one page', () => {
    expect(status('', 100, 50)).toBe('100 disputed items in 50 determinations, newest first.');
    expect(status('', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 1–50.');
    expect(status('?page=2', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 51–100.');
    expect(status('?page=3', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 101–115.');
    // A page past the last shows the last.
    expect(status('?page=9', 227, 115)).toBe('227 disputed items in 115 determinations, newest first. Showing 101–115.');
  });

  test('says how many hold the exact words or phrase when some hold only words that start with them', () => {
    const state = parseSearchState('?q=lumbar mri');
    const at = resultPage(5, 1);
    expect(searchStatus(state, { items: 7, letters: 5, exact: 5 }, at)).toBe('7 disputed items in 5 determinations match “lumbar mri”.');
    expect(searchStatus(state, { items: 7, letters: 5, exact: 3 }, at)).toBe(
      '7 disputed items in 5 determinations match “lumbar mri”. 3 hold the exact words.',
    );
    expect(searchStatus(state, { items: 7, letters: 5, exact: 1 }, at)).toBe(
      '7 disputed items in 5 determinations match “lumbar mri”. 1 holds the exact words.',
    );
    const three = parseSearchState('?q=mri of the');
    expect(searchStatus(three, { items: 7, letters: 5, exact: 3, phrase: 2 }, at)).toBe(
      '7 disputed items in 5 determinations match “mri of the”. 2 hold the exact phrase, 3 the exact words.',
    );
    expect(searchStatus(three, { items: 7, letters: 5, exact: 5, phrase: 1 }, at)).toBe(
      '7 disputed items in 5 determinations match “mri of the”. 1 holds the exact phrase.',
    );
  });

  test('says when a word is only found as the start of longer words, or not at all', () => {
    const at = resultPage(2, 1);
    expect(searchStatus(parseSearchState('?q=lumba'), { items: 2, letters: 2, exact: 0, prefixOnly: ['lumba'] }, at)).toBe(
      '2 disputed items in 2 determinations match “lumba”. No exact match for ‘lumba’; showing words that start with it.',
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
