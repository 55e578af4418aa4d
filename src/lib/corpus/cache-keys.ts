// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page is not rendered
// again while its key and its code are unchanged. A page's key covers every determination it shows
// (file and parsed data) and the catalogue, so any change that could alter the page changes the
// key. A page of a dated list (src/lib/paging/dated-paths.ts) keys on its own rows, so an older page
// keeps its key when newer letters arrive; the lists of guidelines, sections and types key on all.
import { createHash } from 'node:crypto';

export interface CacheKeys {
  /**
   * Key of a page that shows these determinations (ids) and the catalogue; `shown`: anything else
   * the page shows that they do not determine (counts over other letters, its place in a list), as
   * text or as plain data (hashed as JSON).
   */
  of(ids: Iterable<string>, shown?: unknown): string;
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

/** `versions`: determination id -> its letterVersion; `catalogue`: the guideline, treatment and body-region data. */
export function cacheKeys(versions: ReadonlyMap<string, string>, catalogue: unknown): CacheKeys {
  const catalogueKey = sha256(JSON.stringify(catalogue));
  // Each letter's line of a key, made once: a letter is named by its own page's key and by those
  // of the pages listing it, and the newest page of a list names every letter of the list.
  const lines = new Map<string, string>();
  for (const [id, version] of versions) lines.set(id, `\n${id} ${version}`);
  // One string hashed at once: the same bytes, so the same key, as hashing it line by line, at
  // about half the cost (one hash update instead of one a letter).
  const of = (ids: Iterable<string>, shown?: unknown) => {
    let text = catalogueKey;
    for (const id of ids) text += lines.get(id) ?? `\n${id} `;
    const more = typeof shown === 'string' ? shown : JSON.stringify(shown);
    if (more) text += `\n\n${more}`;
    return sha256(text);
  };
  return { of, corpus: of([...versions.keys()].sort()) };
}

/** Gives every path of a (paginated) list the same key. */
export function withCacheKey<T extends object>(paths: T[], cacheKey: string): (T & { cacheKey: string })[] {
  return paths.map((p) => ({ ...p, cacheKey }));
}
