// Files built by appending, then moved into place together: each is written beside its final
// name (<name>.partial) and renamed when every one is whole, so a reader never sees half a file
// and a failed run leaves the last good ones (its partial files are removed).
import { appendFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface PartialFiles {
  /** Appends text to a file (a path under the root), creating it and its folder on first use. */
  append(path: string, text: string): Promise<void>;
  /** Renames every file into place. */
  commit(): Promise<void>;
  /** Removes the partial files. */
  abort(): Promise<void>;
}

export function partialFiles(root: string): PartialFiles {
  // Per file, its folder made and any partial file a failed run left removed: once, before its first text.
  const started = new Map<string, Promise<void>>();
  const partial = (path: string) => `${join(root, path)}.partial`;
  const start = async (path: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await rm(partial(path), { force: true });
  };
  return {
    async append(path, text) {
      let ready = started.get(path);
      if (!ready) started.set(path, (ready = start(path)));
      await ready;
      await appendFile(partial(path), text);
    },
    async commit() {
      for (const path of started.keys()) await rename(partial(path), join(root, path));
    },
    async abort() {
      await Promise.all([...started.keys()].map((path) => rm(partial(path), { force: true })));
    },
  };
}
