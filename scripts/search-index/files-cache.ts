// The index's caches of what it learnt of files from their stamps (the site scan, the search
// data): a JSON file of a version and an entry per file, read as empty when missing, unreadable or
// of another version, and written whole.
import { readFile } from 'node:fs/promises';
import { writeWhole } from '../../src/data/files/write-whole.ts';

export async function readFilesCache<T>(file: string | undefined, version: number): Promise<Record<string, T>> {
  if (!file) return {};
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as { version: number; files: Record<string, T> };
    return cache.version === version ? cache.files : {};
  } catch {
    return {};
  }
}

export async function writeFilesCache<T>(file: string, version: number, files: Record<string, T>): Promise<void> {
  await writeWhole(file, JSON.stringify({ version, files }));
}
