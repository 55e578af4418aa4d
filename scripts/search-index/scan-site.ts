// Reads a built site once before indexing: which HTML files carry data-pagefind-body (only the
// determination pages may), each one's decision date (its data-pagefind-sort key) and a hash of
// its bytes, from which shard hashes are made. With a cache file, a file whose size and times are
// those of the last scan is not read again: an incremental build leaves unchanged pages as they
// were, so a rebuild of 100,000 letters reads the pages it wrote, not all of them.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileStamp } from '../../src/lib/files/file-stamp.ts';
import { runPool } from './run-pool.ts';
import { hasAttribute } from '../lib/html-tags.ts';
import type { PageRef } from './shard-plan.ts';

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
// The page writes `data-pagefind-sort="decided:YYYY-MM-DD"` on its <article>.
const SORT = Buffer.from('data-pagefind-sort="decided:');
const DETERMINATION = /^determinations\/[^/]+\/index\.html$/;
/** Files read at once: enough to keep the disk busy, few enough to keep memory flat. */
const IN_FLIGHT = 16;

async function readCache(file: string | undefined): Promise<Record<string, Scanned>> {
  if (!file) return {};
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as { version: number; files: Record<string, Scanned> };
    return cache.version === CACHE_VERSION ? cache.files : {};
  } catch {
    return {};
  }
}

/** Reads one file: whether it carries a body and, if so, its decision date and hash. */
async function scanFile(path: string): Promise<Scanned[1]> {
  const bytes = await readFile(path);
  // The bytes test is quick; the tag test keeps a letter that quotes the attribute's name
  // (shown as text on a list page) from counting as one.
  if (!bytes.includes(BODY) || !hasAttribute(bytes.toString('utf8'), 'data-pagefind-body')) return null;
  const at = bytes.indexOf(SORT);
  const decided = at < 0 ? '0000-00-00' : bytes.toString('latin1', at + SORT.length, at + SORT.length + 10);
  return { decided, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function scanSite(root: string, cacheFile?: string): Promise<SiteScan> {
  // The search index (pagefind/, a file per page) is not listed at all.
  const top = (await readdir(root, { withFileTypes: true })).filter((e) => e.name !== 'pagefind');
  const nested = await Promise.all(
    top.filter((e) => e.isDirectory()).map((e) => readdir(join(root, e.name), { recursive: true, withFileTypes: true })),
  );
  const files = [...top, ...nested.flat()].filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
  const before = await readCache(cacheFile);
  const now: Record<string, Scanned> = {};
  const pages: ScannedPage[] = [];
  const outside: string[] = [];
  let read = 0;
  await runPool(files, IN_FLIGHT, async (path) => {
    const file = relative(root, path).split(sep).join('/');
    const stamp = fileStamp(await stat(path));
    const known = before[file];
    let body: Scanned[1];
    if (known && known[0] === stamp) body = known[1];
    else {
      body = await scanFile(path);
      read++;
    }
    now[file] = [stamp, body];
    if (!body) return;
    if (DETERMINATION.test(file)) pages.push({ file, ...body });
    else outside.push(file);
  });
  if (cacheFile) {
    await writeFile(`${cacheFile}.tmp`, JSON.stringify({ version: CACHE_VERSION, files: now }));
    await rename(`${cacheFile}.tmp`, cacheFile);
  }
  return { pages, outside: outside.sort(), htmlFiles: files.length, read };
}
