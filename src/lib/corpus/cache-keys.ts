// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page is not rendered
// again while its key and its code are unchanged. A page's key covers every determination it shows
// (file and parsed data) and the catalogue, so any change that could alter the page changes the
// key. A page of a dated list (src/lib/paging/dated-paths.ts) keys on its own rows, so an older page
// keeps its key when newer letters arrive; the lists of guidelines, sections and types key on all.
import { createHash } from 'node:crypto';
import { sha256 } from '../files/sha256.ts';

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

/**
 * What a page showing a letter depends on: its file (the body is read from it) and its data as the
 * schema parsed it, so a change to the schema's transforms renders the page again too.
 */
export function letterVersion(digest: unknown, data: unknown): string {
  return sha256(`${String(digest ?? '')}\n${JSON.stringify(data)}`);
}

/** Bytes of a letter's version a key hashes: 128 bits, plenty to tell versions apart. */
const WIDTH = 16;
const WORDS = WIDTH / 4;

/** `versions`: determination id -> its letterVersion; `catalogue`: the guideline, treatment and body-region data. */
export function cacheKeys(versions: ReadonlyMap<string, string>, catalogue: unknown): CacheKeys {
  const catalogueKey = sha256(JSON.stringify(catalogue));
  // Each letter's version as bytes, made once: a letter is named by its own page's key and by
  // those of the pages listing it, and the newest page of a list names every letter of the list
  // (at 100k letters some two million names a build). Copying fixed-width words and hashing them
  // once costs a tenth of joining and hashing the names as text.
  const slots = new Map<string, number>();
  const table = new Uint32Array(versions.size * WORDS);
  for (const [id, version] of versions) {
    const bytes = createHash('sha256').update(version).digest();
    for (let w = 0; w < WORDS; w++) table[slots.size * WORDS + w] = bytes.readUInt32LE(w * 4);
    slots.set(id, slots.size);
  }
  const of = (ids: Iterable<string>, shown?: unknown) => {
    const list = Array.isArray(ids) ? (ids as readonly string[]) : [...ids];
    const words = new Uint32Array(list.length * WORDS);
    // Ids without a version (none in a build; the key must still differ) are named as text.
    const unknown: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const slot = slots.get(list[i]!);
      if (slot === undefined) unknown.push(`${i} ${list[i]}`);
      else for (let w = 0; w < WORDS; w++) words[i * WORDS + w] = table[slot * WORDS + w]!;
    }
    const more = typeof shown === 'string' ? shown : JSON.stringify(shown);
    return createHash('sha256')
      .update(`${catalogueKey}\n${list.length}\n${unknown.join('\n')}\n`)
      .update(new Uint8Array(words.buffer))
      .update(more ? `\n${more}` : '')
      .digest('base64url');
  };
  return { of, corpus: of([...versions.keys()].sort()) };
}

/** Gives every path of a (paginated) list the same key. */
export function withCacheKey<T extends object>(paths: T[], cacheKey: string): (T & { cacheKey: string })[] {
  return paths.map((p) => ({ ...p, cacheKey }));
}
