// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page returned from
// getStaticPaths with a cacheKey is not rendered again while its key and its code are unchanged.
// A page's key covers every determination it shows (by the digest of its file) and the catalogue
// (guideline and treatment labels appear on every page), so any change that could alter the page
// changes the key. Lists key on the whole list: each page of one shows the list's counts.
import { createHash } from 'node:crypto';

export interface CacheKeys {
  /** Key of a page that shows these determinations (ids) and the catalogue. */
  of(ids: Iterable<string>): string;
  /** Key of a page that shows every determination (the whole corpus). */
  readonly corpus: string;
}

/** `digests`: determination id -> digest of its file; `catalogue`: the guideline and treatment data. */
export function cacheKeys(digests: ReadonlyMap<string, string>, catalogue: unknown): CacheKeys {
  const catalogueKey = createHash('sha256').update(JSON.stringify(catalogue)).digest('base64url');
  const of = (ids: Iterable<string>) => {
    const hash = createHash('sha256').update(catalogueKey);
    for (const id of ids) hash.update(`\n${id} ${digests.get(id) ?? ''}`);
    return hash.digest('base64url');
  };
  return { of, corpus: of([...digests.keys()].sort()) };
}

/** Gives every path of a (paginated) list the same key. */
export function withCacheKey<T extends object>(paths: T[], cacheKey: string): (T & { cacheKey: string })[] {
  return paths.map((p) => ({ ...p, cacheKey }));
}
