// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page returned from
// getStaticPaths with a cacheKey is not rendered again while its key and its code are unchanged.
// A page's key covers every determination it shows (its file and parsed data) and the catalogue
// (guideline and treatment labels appear on every page), so any change that could alter the page
// changes the key. Lists key on the whole list: each page of one shows the list's counts.
import { createHash } from 'node:crypto';

export interface CacheKeys {
  /**
   * Key of a page that shows these determinations (ids) and the catalogue; `figures`: anything
   * else the page shows that they do not determine (counts over other letters).
   */
  of(ids: Iterable<string>, figures?: string): string;
  /** Key of a page that shows every determination (the whole corpus). */
  readonly corpus: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * What a page showing a letter depends on: its file (the body is read from it) and its data as the
 * schema parsed it, so a change to the schema's transforms renders the page again too.
 */
export function letterVersion(digest: unknown, data: unknown): string {
  return sha256(`${String(digest ?? '')}\n${JSON.stringify(data)}`);
}

/** `versions`: determination id -> its letterVersion; `catalogue`: the guideline and treatment data. */
export function cacheKeys(versions: ReadonlyMap<string, string>, catalogue: unknown): CacheKeys {
  const catalogueKey = sha256(JSON.stringify(catalogue));
  const of = (ids: Iterable<string>, figures?: string) => {
    const hash = createHash('sha256').update(catalogueKey);
    for (const id of ids) hash.update(`\n${id} ${versions.get(id) ?? ''}`);
    if (figures) hash.update(`\n\n${figures}`);
    return hash.digest('base64url');
  };
  return { of, corpus: of([...versions.keys()].sort()) };
}

/** Gives every path of a (paginated) list the same key. */
export function withCacheKey<T extends object>(paths: T[], cacheKey: string): (T & { cacheKey: string })[] {
  return paths.map((p) => ({ ...p, cacheKey }));
}
