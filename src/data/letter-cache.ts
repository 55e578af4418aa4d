// The letter store's cache (letter-store.ts): for each letter file of one content folder, its stamp
// (src/lib/files/file-stamp.ts), its digest and its validated data, so that a build reads and
// validates only the files that changed, and its letterVersion (src/lib/corpus/cache-keys.ts), which
// the page keys name it by. A folder in the build cache folder per content folder,
// with a file per year folder of letters (new letters rewrite their year's file only), each
// JSON lines: the context, then a line per letter (its path and what the cache holds of it). Read
// a line at a time from the file's bytes, so no string holds a whole year (JSON text has a 512 MB
// limit); every build reads the whole cache, and JSON lines read in 2.3 s what v8.deserialize read
// in 3.3 s at 100,000 letters (docs/scale.md, "Letters outside Astro's content layer"). The
// schema's output is plain JSON data: no undefined field, no Date (test/unit/letter-store.test.ts).
// The whole cache is void when the code that turns a file into data, or its version, changes
// (letterCodeHash).
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest } from './files/code-digest.ts';
import type { Determination } from '../lib/schema/index.ts';
import { sha256 } from '../lib/files/sha256.ts';
import { writeWholeSync } from './files/write-whole.ts';

/** Raise when the cache's layout or the meaning of its fields changes. */
const CACHE_VERSION = 3;

/** The module whose imports are the code that reads a letter file into data, and the one that names its version. */
const READER = 'src/data/frontmatter-worker.ts';
const VERSION = 'src/lib/corpus/cache-keys.ts';

export interface CachedLetter {
  /** The file's stamp when it was read. */
  stamp: string;
  /** sha256 of its text, base64url. */
  digest: string;
  /** Its frontmatter as the schema parsed it. */
  data: Determination;
  /** letterVersion(digest, data): hashing every letter's data again took a second a build at 100k letters. */
  version: string;
}

/** Path below the determinations folder ("2016/CM16-0213037.md") -> what the last build read there. */
export type LetterCache = Map<string, CachedLetter>;

/**
 * A hash of the code that reads and validates a letter and names its version: those modules and
 * every module they import (found by their import lines, so a new import is covered without a
 * list to keep), and package-lock.json for the packages among them (zod, js-yaml). `root` is the
 * project's folder URL.
 */
export function letterCodeHash(root: URL): string {
  const rootPath = fileURLToPath(root);
  const code = [READER, VERSION].map((file) => codeDigest(join(rootPath, file), rootPath));
  return sha256(`letter cache ${CACHE_VERSION}\n${code.join('\n')}`);
}

/** The cache folder of the determinations folder `folder` in the build cache folder `cacheDir`. */
export function letterCacheDir(cacheDir: string, folder: string): string {
  return join(cacheDir, 'letters', sha256(folder).slice(0, 16));
}

/** The part of the cache that keeps a letter: its year folder ("2016/CM16-0213037.md" -> "2016"). */
export function cachePartOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

const PART = '.jsonl';
const partFile = (dir: string, part: string) => join(dir, `${sha256(part).slice(0, 16)}${PART}`);
const NEWLINE = 0x0a;

/** A part's letters, if its first line is `context` and every line a letter. */
function readPart(bytes: Buffer, context: string): LetterCache | undefined {
  let end = bytes.indexOf(NEWLINE);
  if (end < 0 || JSON.parse(bytes.toString('utf8', 0, end)) !== context) return undefined;
  const letters: LetterCache = new Map();
  while (end < bytes.length) {
    const start = end + 1;
    end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    const [path, letter] = JSON.parse(bytes.toString('utf8', start, end)) as [unknown, CachedLetter | null];
    if (typeof path !== 'string' || typeof letter?.stamp !== 'string') return undefined;
    letters.set(path, letter);
  }
  return letters;
}

/** What the cache folder holds for `context`; a part that is unreadable or of another context is left out, so its files are read. */
export function readLetterCache(dir: string, context: string): LetterCache {
  const letters: LetterCache = new Map();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(PART));
  } catch {
    // No cache yet: every file is read.
  }
  for (const file of files) {
    try {
      for (const [path, letter] of readPart(readFileSync(join(dir, file)), context) ?? []) letters.set(path, letter);
    } catch {
      // An unreadable part: its files are read.
    }
  }
  return letters;
}

/**
 * Writes again the parts of the cache that `parts` names, from `letters` (every letter of the
 * folder), and removes those left empty: a new letter rewrites its year's part, not the corpus.
 * Each part is written beside its file, then renamed, so a reader never sees half of one.
 */
export function writeLetterCache(dir: string, context: string, letters: LetterCache, parts: ReadonlySet<string>): void {
  mkdirSync(dir, { recursive: true });
  // The cache's files until 2026-12-06 (v8.serialize), which no build reads now.
  for (const file of readdirSync(dir)) if (file.endsWith('.v8')) rmSync(join(dir, file), { force: true });
  const byPart = new Map<string, LetterCache>([...parts].map((part) => [part, new Map()]));
  for (const [path, letter] of letters) byPart.get(cachePartOf(path))?.set(path, letter);
  for (const [part, kept] of byPart) {
    const file = partFile(dir, part);
    if (kept.size === 0) {
      rmSync(file, { force: true });
      continue;
    }
    // `astro dev` and a build may share the cache folder: each writes aside under its own name.
    const lines = [JSON.stringify(context), ...Array.from(kept, (entry) => JSON.stringify(entry))];
    writeWholeSync(file, Buffer.concat(lines.map((line, i) => Buffer.from(i === 0 ? line : `\n${line}`))));
  }
}
