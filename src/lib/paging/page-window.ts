/** A page number to link, or a gap ("…") between non-adjacent numbers. */
export type PageSlot = number | 'gap';

/**
 * The page numbers a pagination bar shows: always the first and last page, and `radius` pages
 * either side of the current one, with a gap where numbers are skipped.
 *   pageWindow(6, 20) -> [1, 'gap', 5, 6, 7, 'gap', 20]
 */
export function pageWindow(current: number, last: number, radius = 1): PageSlot[] {
  const slots: PageSlot[] = [];
  let previous = 0;
  for (let n = 1; n <= last; n++) {
    const near = Math.abs(n - current) <= radius;
    if (n === 1 || n === last || near) {
      if (n - previous > 2) slots.push('gap');
      else if (n - previous === 2) slots.push(n - 1); // a gap of one page: show the page, not "…"
      slots.push(n);
      previous = n;
    }
  }
  return slots;
}
