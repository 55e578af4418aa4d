// The letter store's cache (letter-store.ts): for each letter file of one content folder, its stamp
// (src/lib/files/file-stamp.ts), its digest and its validated data, so that a build reads and
// validates only the files that changed. One file in the build cache folder per content folder,
// written whole with v8.serialize: it keeps the data exactly as the schema gave it (undefined,
// key order) and reads back several times faster than JSON. The whole cache is void when the code
// that turns a file into data changes (letterCodeHash).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Determination } from '../lib/schema/index.ts';

/** Raise when the cache's layout or the meaning of its fields changes. */
const CACHE_VERSION = 1;

/** The module whose imports are the code that reads a letter file into data. */
const READER = 'src/data/frontmatter-worker.ts';
/** A module's relative imports: `import ... from './x.ts'`, `export ... from '../y.ts'`, `import './z.ts'`. */
const RELATIVE_IMPORT = /^\s*(?:import|export)\b[^;'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm;

export interface CachedLetter {
  /** The file's stamp when it was read. */
  stamp: string;
  /** sha256 of its text, base64url. */
  digest: string;
  /** Its frontmatter as the schema parsed it. */
  data: Determination;
}

/** Path below the determinations folder ("2016/CM16-0213037.md") -> what the last build read there. */
export type LetterCache = Map<string, CachedLetter>;

interface Stored {
  context: string;
  letters: LetterCache;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('base64url');

/**
 * A hash of the code that reads and validates a letter: the reader module and every module it
 * imports (found by their import lines, so a new import is covered without a list to keep), and
 * package-lock.json for the packages among them (zod, js-yaml). `root` is the project's folder URL.
 */
export function letterCodeHash(root: URL): string {
  const hash = createHash('sha256').update(`letter cache ${CACHE_VERSION}\n`);
  const rootPath = fileURLToPath(root);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(rootPath, file), 'utf8');
    hash.update(`${file}\n${text}\n`);
    for (const [, spec] of text.matchAll(RELATIVE_IMPORT)) visit(join(dirname(file), spec!).split('\\').join('/'));
  };
  visit(READER);
  return hash.update(readFileSync(join(rootPath, 'package-lock.json'))).digest('base64url');
}

/** The cache file of the determinations folder `folder` in the build cache folder `cacheDir`. */
export function letterCacheFile(cacheDir: string, folder: string): string {
  return join(cacheDir, 'letters', `${sha256(folder).slice(0, 16)}.v8`);
}

/** What the cache file holds for `context`; empty when it is missing, unreadable or of another context. */
export function readLetterCache(file: string, context: string): LetterCache {
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    if (stored.context === context && stored.letters instanceof Map) return stored.letters;
  } catch {
    // No cache yet, or an unreadable one: every file is read.
  }
  return new Map();
}

/** Replaces the cache file whole (written beside it, then renamed, so a reader never sees half). */
export function writeLetterCache(file: string, context: string, letters: LetterCache): void {
  mkdirSync(dirname(file), { recursive: true });
  // A name of this process's own: `astro dev` and a build may share the cache folder.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, serialize({ context, letters } satisfies Stored));
  renameSync(partial, file);
}
