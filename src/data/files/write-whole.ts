// A file written whole or not at all: written beside its place under a name of its own, then
// renamed over it. A reader, or the next run after one stopped midway, finds the old file or the
// new one, never half of either; and writers sharing a folder (`astro dev` beside a build, two
// indexers on one cache, threads of one process) never write into each other's temporary file.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';

type Data = string | NodeJS.ArrayBufferView;

let writes = 0;
/** A temporary name beside `path`, this write's own (the search index's cache keeps names holding ".tmp-"). */
const aside = (path: string) => `${path}.tmp-${process.pid}-${threadId}-${writes++}`;

export async function writeWhole(path: string, data: Data): Promise<void> {
  const temporary = aside(path);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true, recursive: true }).catch(() => undefined);
    throw error;
  }
}

export function writeWholeSync(path: string, data: Data): void {
  const temporary = aside(path);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true, recursive: true });
    throw error;
  }
}
