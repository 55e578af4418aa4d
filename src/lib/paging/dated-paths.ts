// The getStaticPaths entries of a dated list (a `[...page]` route): one per page of datedPages.
// Every page gets `frame`, the plain data of its headings, and a numbered page shows nothing else
// but its rows: its key covers those rows' letters, its place in the list and the frame, none of
// which newer letters change, so it is not rendered again when they arrive. The list's own,
// newest page also gets `whole` (what its counts, chart and tables are drawn from) and keys on
// every letter of the list and on `figures`, what it shows that those letters do not determine.
import type { CacheKeys } from '../corpus/cache-keys.ts';
import { datedPages, type DatedPage } from './dated-pages.ts';
import { PAGE_SIZE } from './page-size.ts';

export interface DatedPathOptions<T, F, W> {
  keys: CacheKeys;
  /** The determination a row shows. */
  idOf: (row: T) => string;
  /** The route's other params (`{ treatment: 'mri' }`). */
  params?: Record<string, string>;
  /** What every page shows besides its rows: small, plain data (hashed into the keys). */
  frame: F;
  /** What the newest page alone draws from the whole list (counts, chart): any objects. */
  whole?: W;
  /** What the newest page shows besides the list's own letters (counts over other letters): plain data. */
  figures?: unknown;
}

// A type, not an interface: Astro's page props need an index signature.
export type DatedProps<T, F, W> = {
  page: DatedPage<T>;
  frame: F;
  /** On the newest page only. */
  whole: W | undefined;
};

export function datedPaths<T, F, W = undefined>(newestFirst: readonly T[], options: DatedPathOptions<T, F, W>) {
  const { keys, idOf, frame, whole, figures } = options;
  return datedPages(newestFirst, PAGE_SIZE).map((page) => {
    const { rows, ...place } = page;
    const newest = page.ref === 'newest';
    // The newest page's figures are drawn from the whole list when it has any, so it keys on all of it.
    const ids = newest && whole !== undefined ? newestFirst.map(idOf) : rows.map(idOf);
    const props: DatedProps<T, F, W> = { page, frame, whole: newest ? whole : undefined };
    return {
      params: { ...options.params, page: newest ? undefined : String(page.ref) },
      props,
      cacheKey: keys.of(ids, { place, frame, figures: newest ? figures : undefined }),
    };
  });
}
