// The one walk over <content>/determinations that `npm run check` and the letter store
// (src/data/letter-store.ts) share, so the build loads exactly the files check validated. A letter
// is a regular file named <year>/<id>.md; a symbolic link, a folder named *.md or any other
// special file is neither checked nor loaded but reported by path (a symlink would put a file the check never saw on the site; a folder or a dangling link
// named *.md made the build fail with EISDIR or ENOENT and no path).
import type { Dirent } from 'node:fs';
import { folderEntries } from './folder-entries.ts';

/**
 * Largest letter file, frontmatter and body: 1 MiB. The longest of the sample letters is 40 KB as
 * Markdown (its PDF under 100 KB), so this is 25 times that; a page is about as large as its
 * letter, so no page passes about 1 MB, and a runaway file (a 50 MB body built a 52 MB page)
 * is refused before it is read or parsed.
 */
export const MAX_LETTER_BYTES = 1024 * 1024;

/** One entry of the determinations folder, by its path relative to it with "/" separators. */
export type FolderEntry =
  /** A regular file named *.md. */
  | { path: string; kind: 'letter' }
  /** A regular file with any other name (check reports it; the build ignores it). */
  | { path: string; kind: 'other' }
  /** Anything that is not a regular file and may not be there: a symbolic link, a folder named *.md, ... */
  | { path: string; kind: 'irregular'; what: string };

/** Every file of `folder` (which must exist) and every entry that may not be there, sorted by path; symbolic links are not followed. */
export function listLetterFiles(folder: string): FolderEntry[] {
  const found: FolderEntry[] = [];
  for (const { path, entry } of folderEntries(folder)) {
    if (entry.isFile()) found.push({ path, kind: path.endsWith('.md') ? 'letter' : 'other' });
    else if (!entry.isDirectory() || path.endsWith('.md')) found.push({ path, kind: 'irregular', what: kindOf(entry) });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function kindOf(entry: Dirent): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isDirectory()) return 'a folder';
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  return 'a device';
}

/** Why an entry is not a letter: "(file): not a regular file but a symbolic link; ...". */
export function entryProblem(entry: FolderEntry): string | undefined {
  if (entry.kind === 'irregular') return `(file): not a regular file but ${entry.what}; a letter is a plain file <year>/<id>.md`;
  if (entry.kind === 'other') return '(file): not a determination: expected <year>/<id>.md';
  return undefined;
}

/** Why a file of `bytes` bytes is too large, or undefined when it is not. */
export function letterSizeProblem(bytes: number): string | undefined {
  if (bytes <= MAX_LETTER_BYTES) return undefined;
  return `(file): ${bytes.toLocaleString('en-US')} bytes; a letter file may be at most ${MAX_LETTER_BYTES.toLocaleString('en-US')} bytes (1 MiB)`;
}
