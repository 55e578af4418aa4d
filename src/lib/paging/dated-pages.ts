import { pageWindow } from './page-window.ts';

/** A page of a dated list: 'newest' is the list's own path, page k is `<list>/<k>/`. */
export type DatedPageRef = 'newest' | number;

/** A page link, or a gap ("…") between non-adjacent pages. */
export type DatedSlot = { ref: DatedPageRef; current: boolean } | 'gap';

export interface DatedPager {
  /** The page with the next newer rows; undefined on the newest page. */
  newer: DatedPageRef | undefined;
  /** The page with the next older rows; undefined on page 1. */
  older: DatedPageRef | undefined;
  /** The pages to link, newest first. */
  slots: DatedSlot[];
}

export interface DatedPage<T> {
  ref: DatedPageRef;
  /** This page's rows, newest first. */
  rows: T[];
  /** Positions of its oldest and newest rows, counting from the oldest row of the list (1-based). */
  from: number;
  to: number;
  /** Rows in the whole list: on the newest page only, so older pages do not change with it. */
  total?: number;
  /** Links to the other pages; undefined when the list has one page. */
  pager?: DatedPager;
}

/**
 * A list that grows at its newest end, paged so that new rows change only the newest pages.
 * Pages are numbered from the oldest end: page k always holds rows (k-1)·size+1 … k·size counted
 * from the oldest, so it keeps its rows (and its bytes) when newer rows arrive. The list's own
 * path (`ref: 'newest'`) holds the newest rows: the last full page and whatever came after it,
 * size to 2·size-1 rows (fewer only when the list is shorter). Rows are shown newest first.
 *   datedPages(115 rows, 50) -> newest: rows 51–115 (65 rows), page 1: rows 1–50
 * A numbered page's pager depends on how many pages there are only among the newest three numbered
 * pages, so older pages never change when the list grows.
 */
export function datedPages<T>(newestFirst: readonly T[], size: number): DatedPage<T>[] {
  const total = newestFirst.length;
  // Numbered pages 1 … numbered; the newest full page and the rest are the list's own path.
  const numbered = Math.max(0, Math.floor(total / size) - 1);
  const pages: DatedPage<T>[] = [];
  const newestFrom = numbered * size + 1;
  pages.push({
    ref: 'newest',
    rows: newestFirst.slice(0, total - newestFrom + 1),
    from: total === 0 ? 0 : newestFrom,
    to: total,
    total,
    pager: pagerFor('newest', numbered),
  });
  for (let k = numbered; k >= 1; k--) {
    const rows = newestFirst.slice(total - k * size, total - (k - 1) * size);
    pages.push({ ref: k, rows, from: (k - 1) * size + 1, to: k * size, pager: pagerFor(k, numbered) });
  }
  return pages;
}

/** Pager of a page when the list has `numbered` numbered pages (none: no pager). */
function pagerFor(ref: DatedPageRef, numbered: number): DatedPager | undefined {
  if (numbered === 0) return undefined;
  // Positions in the pager, newest first: 1 is the newest page, then pages numbered … 1.
  const last = numbered + 1;
  const at = (r: DatedPageRef) => (r === 'newest' ? 1 : numbered - r + 2);
  const refAt = (position: number): DatedPageRef => (position === 1 ? 'newest' : numbered - position + 2);
  const position = at(ref);
  return {
    newer: position > 1 ? refAt(position - 1) : undefined,
    older: position < last ? refAt(position + 1) : undefined,
    slots: pageWindow(position, last).map((slot) => (slot === 'gap' ? 'gap' : { ref: refAt(slot), current: slot === position })),
  };
}
