// Files built by appending, then moved into place together: each is written beside its final
// name (<name>.partial) and renamed when every one is whole, so a reader never sees half a file
// and a failed run leaves the last good ones (its partial files are removed). A file named *.gz is
// compressed as it is written (gzip-file.ts).
import { appendFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipFile, type GzipFile } from './gzip-file.ts';

export interface PartialFiles {
  /** Appends text to a file (a path under the root), creating it and its folder on first use. */
  append(path: string, text: string): Promise<void>;
  /** Renames every file into place; gives the size and sha256 of each .gz file. */
  commit(): Promise<Map<string, { bytes: number; sha256: string }>>;
  /** Removes the partial files. */
  abort(): Promise<void>;
}

export function partialFiles(root: string): PartialFiles {
  // Per file, its folder made and any partial file a failed run left removed: once, before its first text.
  const started = new Map<string, Promise<GzipFile | undefined>>();
  const partial = (path: string) => `${join(root, path)}.partial`;
  const start = async (path: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await rm(partial(path), { force: true });
    return path.endsWith('.gz') ? gzipFile(partial(path)) : undefined;
  };
  return {
    async append(path, text) {
      let ready = started.get(path);
      if (!ready) started.set(path, (ready = start(path)));
      const gzip = await ready;
      if (gzip) await gzip.write(text);
      else await appendFile(partial(path), text);
    },
    async commit() {
      const gzipped = new Map<string, { bytes: number; sha256: string }>();
      for (const [path, ready] of started) {
        const gzip = await ready;
        if (gzip) gzipped.set(path, await gzip.end());
      }
      for (const path of started.keys()) await rename(partial(path), join(root, path));
      return gzipped;
    },
    async abort() {
      await Promise.all(
        [...started].map(async ([path, ready]) => {
          await (await ready.catch(() => undefined))?.end().catch(() => undefined);
          await rm(partial(path), { force: true });
        }),
      );
    },
  };
}
