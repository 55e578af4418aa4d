import { describe, expect, test } from 'vitest';
import { pager, resultPage } from '../../src/lib/search/pager.ts';

describe('resultPage', () => {
  test('gives the page asked for, its number of pages, and the range of its results', () => {
    expect(resultPage(115, 1)).toEqual({ page: 1, pages: 3, start: 0, end: 50 });
    expect(resultPage(115, 3)).toEqual({ page: 3, pages: 3, start: 100, end: 150 });
    expect(resultPage(51, 2)).toEqual({ page: 2, pages: 2, start: 50, end: 100 });
  });

  test('shows the last page for a page past it, and one empty page when nothing matches', () => {
    expect(resultPage(115, 99999)).toEqual({ page: 3, pages: 3, start: 100, end: 150 });
    expect(resultPage(50, 2)).toEqual({ page: 1, pages: 1, start: 0, end: 50 });
    expect(resultPage(0, 4)).toEqual({ page: 1, pages: 1, start: 0, end: 50 });
  });
});

describe('pager', () => {
  test('has no pager when every result fits on one page', () => {
    expect(pager({ page: 1, pages: 1 })).toBeUndefined();
  });

  test('links the pages before and after the one shown, and says where the reader is', () => {
    expect(pager({ page: 1, pages: 3 })).toEqual({ next: 2, label: 'Page 1 of 3' });
    expect(pager({ page: 2, pages: 3 })).toEqual({ previous: 1, next: 3, label: 'Page 2 of 3' });
    expect(pager({ page: 3, pages: 3 })).toEqual({ previous: 2, label: 'Page 3 of 3' });
  });
});
