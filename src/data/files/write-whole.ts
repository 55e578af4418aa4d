// A file written whole or not at all: written beside its place under a name of this process's own,
// then renamed over it. A reader, or the next run after one stopped midway, finds the old file or
// the new one, never half of either; and processes sharing a folder (`astro dev` beside a build,
// two indexers on one cache) never write into each other's temporary file.
import { renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

type Data = string | NodeJS.ArrayBufferView;

/** The temporary name beside `path` (the search index's cache keeps names holding ".tmp-"). */
const aside = (path: string) => `${path}.tmp-${process.pid}`;

export async function writeWhole(path: string, data: Data): Promise<void> {
  await writeFile(aside(path), data);
  await rename(aside(path), path);
}

export function writeWholeSync(path: string, data: Data): void {
  writeFileSync(aside(path), data);
  renameSync(aside(path), path);
}
