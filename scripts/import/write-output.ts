// Writes one determination file without ever losing or half-writing one: unchanged bytes are
// left alone, a different existing file is kept unless forced, and writes go through a rename.
// A determination has one file, found by its id anywhere under the output folder: a corrected
// letter whose decision year changed moves its file to the new year's folder, never adds a second.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { writeWholeSync } from '../../src/data/files/write-whole.ts';

export type WriteStatus = 'imported' | 'updated' | 'unchanged' | 'conflict';

export interface WriteResult {
  status: WriteStatus;
  /** For a conflict: the existing file (relative to the output folder) that was kept. */
  kept?: string;
  /** Files of the same id elsewhere that the write replaced (relative to the output folder). */
  moved?: string[];
}

/** Output-relative paths of the files of each id (`<id>.md` in any folder), read once per run. */
export type IdIndex = Map<string, string[]>;

export function indexById(outDir: string): IdIndex {
  const index: IdIndex = new Map();
  if (!existsSync(outDir)) return index;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.name.endsWith('.md') || entry.isDirectory()) continue;
    const id = entry.name.slice(0, -'.md'.length);
    index.set(id, [...(index.get(id) ?? []), relative(outDir, join(entry.parentPath, entry.name))].sort());
  }
  return index;
}

export function writeDetermination(
  outDir: string,
  relativePath: string,
  markdown: string,
  force: boolean,
  index: IdIndex = indexById(outDir),
): WriteResult {
  const id = basename(relativePath, '.md');
  const target = join(outDir, relativePath);
  const exists = existsSync(target);
  const same = exists && readFileSync(target, 'utf8') === markdown;
  const elsewhere = (index.get(id) ?? []).filter((p) => p !== relativePath);
  if (same && elsewhere.length === 0) return { status: 'unchanged' };
  if (!force) {
    // Only a file with the very bytes we would write moves without --force: nothing is lost.
    if (exists && !same) return { status: 'conflict', kept: relativePath };
    const edited = elsewhere.find((p) => readFileSync(join(outDir, p), 'utf8') !== markdown);
    if (edited) return { status: 'conflict', kept: edited };
  }
  if (!same) {
    mkdirSync(dirname(target), { recursive: true });
    writeWholeSync(target, markdown);
  }
  // Removed only once the new file is in place.
  for (const old of elsewhere) rmSync(join(outDir, old), { force: true });
  index.set(id, [relativePath]);
  const moved = elsewhere.length > 0 ? { moved: elsewhere } : {};
  return { status: exists || elsewhere.length > 0 ? 'updated' : 'imported', ...moved };
}
