// Reads a built site once before indexing: which HTML files carry data-pagefind-body (only the
// determination pages may), each one's decision date and a hash of its bytes, for the shard
// hashes. With a cache file, a file whose size and times are those of the last scan is not read
// again, so a rebuild reads the pages it wrote. Files are read synchronously, one after another.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { folderEntries } from '../../src/data/files/folder-entries.ts';
import { fileStamp } from '../../src/lib/files/file-stamp.ts';
import { hasAttribute } from '../lib/html-tags.ts';
import type { PageRef } from './shard-plan.ts';
import { readFilesCache, writeFilesCache } from './files-cache.ts';

export interface ScannedPage extends PageRef {
  sha256: string;
}

export interface SiteScan {
  /** Determination pages, in no particular order. */
  pages: ScannedPage[];
  /** Other HTML files that carry data-pagefind-body (must be none). */
  outside: string[];
  /** HTML files found, and how many of them were read (the others were unchanged). */
  htmlFiles: number;
  read: number;
}

/** What a scan learnt of one file: its stamp, and its date and hash if it carries a body. */
type Scanned = [stamp: string, body: { decided: string; sha256: string } | null];
const CACHE_VERSION = 1;

const BODY = Buffer.from('data-pagefind-body');
// How a determination page (src/pages/determinations/[id].astro) opens its body. These bytes can
// only be markup: text escapes "<", and a quoted value cannot hold the '"' they contain. Finding
// them spares decoding and tag-reading every letter's page; a page with the name otherwise goes
// the slow way.
const ARTICLE = Buffer.from('<article class="determination" data-pagefind-body');
// The page writes `data-pagefind-sort="decided:YYYY-MM-DD"` on its <article>.
const SORT = Buffer.from('data-pagefind-sort="decided:');
const DETERMINATION = /^determinations\/[^/]+\/index\.html$/;

/** The whole of a file, and the stamp of what was read. */
function readWithStamp(path: string): { bytes: Buffer; stamp: string } {
  const fd = openSync(path, 'r');
  try {
    const stamp = fileStamp(fstatSync(fd));
    return { bytes: readFileSync(fd), stamp };
  } finally {
    closeSync(fd);
  }
}

/** Whether a file's bytes carry a body and, if so, its decision date and hash. */
function scanBytes(bytes: Buffer): Scanned[1] {
  // The bytes test is quick; the tag test keeps a letter that quotes the attribute's name
  // (shown as text on a list page) from counting as one.
  if (!bytes.includes(BODY)) return null;
  if (!bytes.includes(ARTICLE) && !hasAttribute(bytes.toString('utf8'), 'data-pagefind-body')) return null;
  const at = bytes.indexOf(SORT);
  const decided = at < 0 ? '0000-00-00' : bytes.toString('latin1', at + SORT.length, at + SORT.length + 10);
  return { decided, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The site's HTML files (relative, "/"-separated), the search index's folder left out. A folder
 * holding one of `letterPages` (determinations/<id>/index.html) is not listed: the build writes
 * nothing else into a letter's folder, and listing 100,000 of them took 1.7 s of a 4.2 s index
 * that had nothing to do.
 */
function htmlFiles(root: string, letterPages: ReadonlySet<string>): string[] {
  const files: string[] = [];
  const add = (dir: string, name: string) => {
    if (name.endsWith('.html')) files.push(dir === '' ? name : `${dir}/${name}`);
  };
  // Listed synchronously: the promise form does one round trip to libuv's threads per folder, and
  // a site has a folder per page (3.4 s against 1.6 s for 130,000 pages).
  const listAll = (dir: string) => {
    for (const { path, entry } of folderEntries(root, dir)) if (entry.isFile() && entry.name.endsWith('.html')) files.push(path);
  };
  for (const top of readdirSync(root, { withFileTypes: true })) {
    if (top.name === 'pagefind') continue; // the search index: a file per record, none of them pages
    if (top.isFile()) add('', top.name);
    if (!top.isDirectory()) continue;
    for (const e of readdirSync(join(root, top.name), { withFileTypes: true })) {
      const dir = `${top.name}/${e.name}`;
      if (e.isFile()) add(top.name, e.name);
      else if (e.isDirectory() && letterPages.has(`${dir}/index.html`)) files.push(`${dir}/index.html`);
      else if (e.isDirectory()) listAll(dir);
    }
  }
  return files;
}

/** Files scanned between turns of the event loop (the scan's calls are synchronous). */
const YIELD_EVERY = 2000;

export interface SiteScanner {
  /** A page's decision date as the last scan found it, if it carried a body then: a guess, as the page may have changed since. */
  lastDecided(file: string): string | undefined;
  /** Scans these pages now, each once in a scan: those that are determination pages with a body, with their date and hash. */
  pages(files: readonly string[]): ScannedPage[];
  /**
   * Scans the site's every HTML file (a page scanned already is not scanned again) and writes the
   * cache. `letterPages`: the determination pages the search data names, whose folders are not
   * listed (htmlFiles); a page it names that is not there is not one.
   */
  finish(letterPages?: ReadonlySet<string>): Promise<SiteScan>;
}

/** A scan of the site at `root`, with the last scan's cache (`cacheFile`) for the files whose stamps are unchanged. */
export async function openSiteScan(root: string, cacheFile?: string): Promise<SiteScanner> {
  const before = await readFilesCache<Scanned>(cacheFile, CACHE_VERSION);
  const now = new Map<string, Scanned | null>();
  let read = 0;
  /** What the file holds now (null: no such file), stat'ed and, when its stamp is new, read. */
  const scan = (file: string): Scanned | null => {
    const done = now.get(file);
    if (done !== undefined) return done;
    const path = join(root, file);
    const stats = statSync(path, { throwIfNoEntry: false });
    let scanned: Scanned | null = null;
    if (stats?.isFile()) {
      const known = before[file];
      if (known && known[0] === fileStamp(stats)) scanned = known;
      else {
        const { bytes, stamp } = readWithStamp(path);
        scanned = [stamp, scanBytes(bytes)];
        read++;
      }
    }
    now.set(file, scanned);
    return scanned;
  };
  const page = (file: string): ScannedPage | undefined => {
    const body = scan(file)?.[1];
    return body && DETERMINATION.test(file) ? { file, ...body } : undefined;
  };
  return {
    lastDecided: (file) => before[file]?.[1]?.decided,
    pages: (files) => files.flatMap((file) => page(file) ?? []),
    async finish(letterPages = new Set()) {
      const files = htmlFiles(root, letterPages);
      const cache: Record<string, Scanned> = {};
      const pages: ScannedPage[] = [];
      const outside: string[] = [];
      for (const [k, file] of files.entries()) {
        // Now and then a turn of the event loop: the shards started meanwhile go out to their workers.
        if (k % YIELD_EVERY === YIELD_EVERY - 1) await new Promise(setImmediate);
        const scanned = scan(file);
        if (!scanned) continue;
        cache[file] = scanned;
        const body = scanned[1];
        if (!body) continue;
        if (DETERMINATION.test(file)) pages.push({ file, ...body });
        else outside.push(file);
      }
      // Written again only when it changed: a file read, or one gone (an added file is read).
      if (cacheFile && (read > 0 || Object.keys(cache).length !== Object.keys(before).length))
        await writeFilesCache(cacheFile, CACHE_VERSION, cache);
      return { pages, outside: outside.sort(), htmlFiles: Object.keys(cache).length, read };
    },
  };
}

/** The whole scan at once (openSiteScan). */
export async function scanSite(root: string, cacheFile?: string, letterPages: ReadonlySet<string> = new Set()): Promise<SiteScan> {
  return (await openSiteScan(root, cacheFile)).finish(letterPages);
}
