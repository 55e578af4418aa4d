import { describe, expect, test } from 'vitest';
import { resultPage } from '../../src/lib/search/result-page.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import { searchStatus } from '../../src/lib/search/search-status.ts';

/** The status line for the search in `query` with `total` results, on the page it asks for. */
const status = (query: string, total: number) => {
  const state = parseSearchState(query);
  return searchStatus(state, total, resultPage(total, state.page));
};

describe('the status line above the results', () => {
  test('says there is nothing, naming the words and the filters that found nothing', () => {
    expect(status('', 0)).toBe('No determination matches.');
    expect(status('?q=Zynex', 0)).toBe('No determination matches “Zynex”.');
    expect(status('?outcome=overturned', 0)).toBe('No determination matches with these filters.');
    expect(status('?q=Zynex&outcome=overturned', 0)).toBe('No determination matches “Zynex” with these filters.');
  });

  test('counts one determination in the singular, and leaves best match unsaid', () => {
    expect(status('?q=Zynex', 1)).toBe('1 determination matches “Zynex”.');
    expect(status('?q=Zynex&outcome=upheld&sort=oldest', 1)).toBe('1 determination matches “Zynex”, oldest first.');
    expect(status('?treatment=tens-ems-unit&year=2017', 1)).toBe('1 determination matches the filters, newest first.');
  });

  test('names the order, and what the results match when filters alone chose them', () => {
    expect(status('', 5)).toBe('5 determinations, newest first.');
    expect(status('?sort=oldest', 5)).toBe('5 determinations, oldest first.');
    expect(status('?treatment=tens-ems-unit&sort=oldest', 2)).toBe('2 determinations match the filters, oldest first.');
    expect(status('?q=lumbar&sort=newest', 3)).toBe('3 determinations match “lumbar”, newest first.');
  });

  test('tells which results a page shows when there is more than one page', () => {
    expect(status('', 50)).toBe('50 determinations, newest first.');
    expect(status('', 115)).toBe('115 determinations, newest first. Showing 1–50.');
    expect(status('?page=2', 115)).toBe('115 determinations, newest first. Showing 51–100.');
    expect(status('?page=3', 115)).toBe('115 determinations, newest first. Showing 101–115.');
    // A page past the last shows the last.
    expect(status('?page=9', 115)).toBe('115 determinations, newest first. Showing 101–115.');
  });
});
