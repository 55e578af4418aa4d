// The getStaticPaths entries of a dated list (a `[...page]` route): one per page of datedPages.
// Every page gets `frame`, the plain data of its headings, and a numbered page shows nothing else
// but its rows: its key covers those rows' letters, its place in the list and the frame, none of
// which newer letters change, so it is not rendered again when they arrive. The list's own,
// newest page also gets `whole` (what its counts, chart and tables are drawn from) and keys on
// every letter of the list (its own rows, and the numbered pages' keys for the rest) and on
// `figures`, what it shows that those letters do not determine.
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
  const pages = datedPages(newestFirst, PAGE_SIZE);
  // A numbered page keys on its own rows; the newest page with figures drawn from the whole list
  // keys on its rows and on the numbered pages' keys, which cover every other letter of the list
  // (naming every letter again cost a second a build at 100k letters).
  const numberedKeys = new Map<DatedPage<T>, string>();
  for (const page of pages) {
    if (page.ref === 'newest') continue;
    const { rows, ...place } = page;
    numberedKeys.set(page, keys.of(rows.map(idOf), { place, frame }));
  }
  return pages.map((page) => {
    const { rows, ...place } = page;
    const newest = page.ref === 'newest';
    const props: DatedProps<T, F, W> = { page, frame, whole: newest ? whole : undefined };
    const older = newest && whole !== undefined ? [...numberedKeys.values()] : undefined;
    return {
      params: { ...options.params, page: newest ? undefined : String(page.ref) },
      props,
      cacheKey: numberedKeys.get(page) ?? keys.of(rows.map(idOf), { place, frame, figures, older }),
    };
  });
}
