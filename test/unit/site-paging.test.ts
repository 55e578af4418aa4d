import { describe, expect, test } from 'vitest';
import { pageHref } from '../../src/lib/paging/page-href.ts';
import { pageWindow } from '../../src/lib/paging/page-window.ts';

describe('pageHref', () => {
  test('puts page 1 at the list itself and page n under it', () => {
    expect(pageHref('/determinations/', 1)).toBe('/determinations/');
    expect(pageHref('/determinations/', 2)).toBe('/determinations/2/');
    expect(pageHref('/guidelines/mtus-chronic-pain-2009/page-121', 3)).toBe('/guidelines/mtus-chronic-pain-2009/page-121/3/');
  });
});

describe('pageWindow', () => {
  test('lists every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  test('keeps the first, the last and the neighbours of the current page, with gaps between', () => {
    expect(pageWindow(6, 20)).toEqual([1, 'gap', 5, 6, 7, 'gap', 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 'gap', 20]);
    expect(pageWindow(20, 20)).toEqual([1, 'gap', 19, 20]);
  });

  test('shows a single skipped page instead of a gap', () => {
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(3, 7)).toEqual([1, 2, 3, 4, 'gap', 7]);
  });

  test('widens with the radius', () => {
    expect(pageWindow(10, 20, 2)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
  });
});
