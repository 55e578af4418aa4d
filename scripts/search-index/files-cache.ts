// The index's caches of what it learnt of files from their stamps (the site scan, the search
// data): a JSON file of a version and an entry per file, read as empty when missing, unreadable or
// of another version, and written whole. Its other caches (facet-files.ts) read their JSON the
// same way: nothing when it is missing or unreadable.
import { readFile } from 'node:fs/promises';
import { writeWhole } from '../../src/data/files/write-whole.ts';

/** A cache file's JSON; undefined when it is missing or unreadable (the cache then starts again). */
export async function readCacheJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function readFilesCache<T>(file: string | undefined, version: number): Promise<Record<string, T>> {
  const cache = file ? await readCacheJson<{ version: number; files: Record<string, T> }>(file) : undefined;
  return cache?.version === version ? cache.files : {};
}

export async function writeFilesCache<T>(file: string, version: number, files: Record<string, T>): Promise<void> {
  await writeWhole(file, JSON.stringify({ version, files }));
}
