// Reads a built site once before indexing: which HTML files carry data-pagefind-body (only the
// determination pages may), each one's decision date (its data-pagefind-sort key) and a hash of
// its bytes, from which shard hashes are made.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { hasAttribute } from '../html-tags.ts';
import type { PageRef } from './shard-plan.ts';

export interface ScannedPage extends PageRef {
  sha256: string;
}

export interface SiteScan {
  /** Determination pages, in no particular order. */
  pages: ScannedPage[];
  /** Other HTML files that carry data-pagefind-body (must be none). */
  outside: string[];
  /** HTML files read. */
  htmlFiles: number;
}

const BODY = Buffer.from('data-pagefind-body');
// The page writes `data-pagefind-sort="decided:YYYY-MM-DD"` on its <article>.
const SORT = Buffer.from('data-pagefind-sort="decided:');
const DETERMINATION = /^determinations\/[^/]+\/index\.html$/;
/** Files read at once: enough to keep the disk busy, few enough to keep memory flat. */
const IN_FLIGHT = 16;

export async function scanSite(root: string): Promise<SiteScan> {
  const skip = join(root, 'pagefind') + sep;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !f.startsWith(skip));
  const pages: ScannedPage[] = [];
  const outside: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++]!;
      const bytes = await readFile(path);
      // The bytes test is quick; the tag test keeps a letter that quotes the attribute's name
      // (shown as text on a list page) from counting as one.
      if (!bytes.includes(BODY) || !hasAttribute(bytes.toString('utf8'), 'data-pagefind-body')) continue;
      const file = relative(root, path).split(sep).join('/');
      if (!DETERMINATION.test(file)) {
        outside.push(file);
        continue;
      }
      const at = bytes.indexOf(SORT);
      const decided = at < 0 ? '0000-00-00' : bytes.toString('latin1', at + SORT.length, at + SORT.length + 10);
      pages.push({ file, decided, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { pages, outside: outside.sort(), htmlFiles: files.length };
}
