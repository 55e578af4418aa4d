// Remembers which determination files passed `check`, by a hash of their text, so that checking a
// large corpus again re-reads every file but validates only the new and changed ones. The whole cache is void when the catalogue, the checker's
// code or the installed packages change: its context hash covers the catalogue, every source file
// of the checker and the schemas (scripts/check/, src/lib/) and package-lock.json (a new version
// of the Markdown or YAML parser may read a letter differently).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashFolders } from '../../src/data/files/code-digest.ts';
import { sha256 } from '../../src/lib/files/sha256.ts';
import { writeWholeSync } from '../../src/data/files/write-whole.ts';

const repoRoot = join(import.meta.dirname, '../..');
const CODE_FOLDERS = ['scripts/check', 'src/lib'];

/** Hash of the checker's code: every .ts file the check can run, and the packages it runs with. */
function codeHash(): string {
  const hash = hashFolders(createHash('sha256'), repoRoot, CODE_FOLDERS);
  hash.update(readFileSync(join(repoRoot, 'package-lock.json')));
  return hash.digest('base64url');
}

interface Stored {
  context: string;
  /** Path below the determinations folder -> hash of the text that passed. */
  clean: Record<string, string>;
}

export interface CheckCache {
  /** The hash a file's text is remembered by. */
  digest(text: string): string;
  /** Whether this text (by digest) at this path passed the last check in the same context. */
  passed(path: string, digest: string): boolean;
  /** Records a file that passed; files not recorded in this run are dropped on save. */
  pass(path: string, digest: string): void;
  save(): void;
}

/** The cache of one content folder; `catalogue` is what the determinations are checked against. */
export function openCheckCache(cacheDir: string, contentRoot: string, catalogue: unknown): CheckCache {
  const file = join(cacheDir, 'check', `${sha256(contentRoot).slice(0, 16)}.json`);
  const context = sha256(`${codeHash()}\n${JSON.stringify(catalogue)}`);
  let before: Record<string, string> = {};
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    if (stored.context === context) before = stored.clean;
  } catch {
    // No cache yet, or an unreadable one: everything is checked.
  }
  const now: Record<string, string> = {};
  return {
    digest: sha256,
    passed: (path, digest) => before[path] === digest,
    pass: (path, digest) => {
      now[path] = digest;
    },
    save: () => {
      mkdirSync(dirname(file), { recursive: true });
      writeWholeSync(file, JSON.stringify({ context, clean: now } satisfies Stored));
    },
  };
}
