// Puts a cached shard bundle into the site: hard links when the cache and the site share a file
// system (no bytes copied, so an unchanged 100k-page index is in place in seconds), copies otherwise.
// A bundle holds a fragment file per record (about 3.3 a letter) and a card per letter, so the links
// are made many at once.
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { runPool } from './run-pool.ts';

/** Links (or copies) in flight at once: file-system calls run on libuv's threads. */
const IN_FLIGHT = 32;

async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
    await copyFile(source, target);
  }
}

export async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  await mkdir(to, { recursive: true });
  for (const dir of entries.filter((e) => e.isDirectory()))
    await mkdir(join(to, relative(from, join(dir.parentPath, dir.name))), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => relative(from, join(e.parentPath, e.name)));
  await runPool(files, IN_FLIGHT, (file) => linkOrCopy(join(from, file), join(to, file)));
}

/** Whether two paths name one file (a hard link of it): renaming one onto the other does nothing. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a), stat(b).catch(() => undefined)]);
  return y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

/** Puts one file into the site in place of what is there (a linked file is replaced, never written through). */
export async function placeFile(source: string, target: string): Promise<void> {
  if (await sameFile(source, target)) return;
  const temporary = `${target}.tmp-${process.pid}`;
  await rm(temporary, { force: true });
  await linkOrCopy(source, temporary);
  await rename(temporary, target);
}

/**
 * Removes what placeFile left beside `file` before it checked for a same-file rename (which POSIX
 * makes a no-op, so the temporary link stayed and went out with the site).
 */
export async function removeLeftTemporaries(file: string): Promise<void> {
  const folder = dirname(file);
  const prefix = `${basename(file)}.tmp-`;
  const names = await readdir(folder);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(folder, n), { force: true })));
}
