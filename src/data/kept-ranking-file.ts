// The similarity stage's numbers kept in the build cache (Astro's cacheDir) for the next build,
// which reuses them for the items decided before its earliest change
// (src/lib/similar/reuse-ranking.ts). One v8-serialized file of typed arrays and strings. Its key
// covers what shapes the numbers besides the letters, which the file names by version: the
// ranking's code (every .ts file of the folders it runs from, read from the project), the
// guideline catalogue and the options. A file with another key is ignored and then replaced.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { hashFolders } from './files/code-digest.ts';
import type { KeptRanking } from '../lib/similar/reuse-ranking.ts';
import { writeWholeSync } from './files/write-whole.ts';

/** Folders, below the project's root, of every module the ranking runs (a test holds it to that). */
export const RANKING_CODE = ['src/lib/similar', 'src/lib/catalogue'];

const FILE = 'imr-similar-ranking.bin';

interface Stored {
  key: string;
  kept: KeptRanking;
}

/** The key of kept numbers, or undefined when the code cannot be read (then nothing is kept). */
export function keptRankingKey(root: string, catalogue: unknown, options: unknown): string | undefined {
  let hash;
  try {
    hash = hashFolders(createHash('sha256'), root, RANKING_CODE);
  } catch {
    return undefined;
  }
  return hash.update(JSON.stringify({ catalogue, options })).digest('base64url');
}

/** The numbers the last build kept under this key, if any. */
export function readKeptRanking(cacheDir: string, key: string): KeptRanking | undefined {
  try {
    const stored = deserialize(readFileSync(join(cacheDir, FILE))) as Stored;
    return stored.key === key ? stored.kept : undefined;
  } catch {
    // No file yet, or an unreadable one: every item is ranked.
    return undefined;
  }
}

export function writeKeptRanking(cacheDir: string, key: string, kept: KeptRanking): void {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, FILE);
  // Written aside and renamed, so a build stopped midway leaves the last whole file.
  writeWholeSync(file, serialize({ key, kept } satisfies Stored));
}
