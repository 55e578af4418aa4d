/** Rows per page of every list; the newest page of a dated list (dated-pages.ts) shows up to twice as many less one. */
export const PAGE_SIZE = 50;
