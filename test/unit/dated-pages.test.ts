import { describe, expect, test } from 'vitest';
import { datedPages, type DatedPage } from '../../src/lib/paging/dated-pages.ts';
import { datedPageHref } from '../../src/lib/paging/page-href.ts';

/** Rows 1…n counted from the oldest, given newest first as the site's lists are. */
const list = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const slots = (page: DatedPage<number>) =>
  page.pager?.slots.map((s) => (s === 'gap' ? '…' : s.current ? `[${s.ref}]` : String(s.ref))).join(' ');

describe('datedPages', () => {
  test('numbers pages from the oldest and gives the list its newest 50 to 99 rows', () => {
    const pages = datedPages(list(115), 50);
    expect(pages.map((p) => [p.ref, p.from, p.to, p.rows.length])).toEqual([
      ['newest', 51, 115, 65],
      [1, 1, 50, 50],
    ]);
    expect(pages[0]!.rows.slice(0, 2)).toEqual([115, 114]);
    expect(pages[1]!.rows.at(0)).toBe(50);
    expect(pages[1]!.rows.at(-1)).toBe(1);
    expect(pages[0]!.total).toBe(115);
    expect(pages[1]!.total).toBeUndefined();
  });

  test('keeps a short list on one page without a pager', () => {
    expect(datedPages(list(0), 50)).toEqual([{ ref: 'newest', rows: [], from: 0, to: 0, total: 0, pager: undefined }]);
    const [only, ...rest] = datedPages(list(99), 50);
    expect([only!.rows.length, only!.pager, rest]).toEqual([99, undefined, []]);
  });

  test('keeps every numbered page when rows are added at the newest end, pager included, but the newest three', () => {
    const before = datedPages(list(1000), 50);
    const after = datedPages(list(1100), 50);
    const numbered = (pages: DatedPage<number>[]) => new Map(pages.filter((p) => p.ref !== 'newest').map((p) => [p.ref, p]));
    const [was, is] = [numbered(before), numbered(after)];
    expect(was.size).toBe(19);
    expect(is.size).toBe(21);
    for (let k = 1; k <= 16; k++) expect(is.get(k), `page ${k}`).toEqual(was.get(k));
    expect(is.get(19)).not.toEqual(was.get(19));
  });

  test('lays the pager out newest to oldest: Newer, Newest, the neighbours, page 1, Older', () => {
    const pages = datedPages(list(1000), 50);
    const at = (ref: DatedPage<number>['ref']) => pages.find((p) => p.ref === ref)!;
    expect(slots(at('newest'))).toBe('[newest] 19 … 1');
    expect(at('newest').pager).toMatchObject({ newer: undefined, older: 19 });
    expect(slots(at(10))).toBe('newest … 11 [10] 9 … 1');
    expect(at(10).pager).toMatchObject({ newer: 11, older: 9 });
    expect(slots(at(19))).toBe('newest [19] 18 … 1');
    expect(at(19).pager).toMatchObject({ newer: 'newest', older: 18 });
    expect(slots(at(1))).toBe('newest … 2 [1]');
    expect(at(1).pager).toMatchObject({ newer: 2, older: undefined });
  });
});

describe('datedPageHref', () => {
  test('puts the newest page at the list itself and page k under it, page 1 included', () => {
    expect(datedPageHref('/determinations/', 'newest')).toBe('/determinations/');
    expect(datedPageHref('/determinations/', 1)).toBe('/determinations/1/');
    expect(datedPageHref('/treatments/mri', 12)).toBe('/treatments/mri/12/');
  });
});
