// With incremental builds the output folder is kept between builds, so this removes what the last
// build left that this one did not make: pages of letters or list pages that no longer exist, and
// old hashed assets. The search index (pagefind/) is the indexer's to replace and is left alone.
// What a build made is recorded in the build cache, so no build lists the whole output folder.
// The open-data stage's files count as made when its memory of this build names them: it keeps a
// period's files from the last build without writing them (src/data/open-data-memory.ts).
import { mkdir, readFile, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readOpenDataMemory } from '../data/open-data-memory.ts';

/** Folders of the output never listed: the search index has a file per page. */
const SKIP = new Set(['pagefind']);

interface OutputRecord {
  /** Every page and endpoint the build rendered or kept (relative, "/"-separated). */
  routes: string[];
  /** Top-level folders that held only those. */
  routesOnly: string[];
}

const topFolder = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/** Files under `dir` (relative, "/"-separated) in its top-level entries that `keep` accepts. */
async function filesUnder(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const top = (await readdir(dir, { withFileTypes: true })).filter((e) => keep(e.name));
  const nested = await Promise.all(
    top.filter((e) => e.isDirectory()).map((e) => readdir(join(dir, e.name), { recursive: true, withFileTypes: true })),
  );
  return [...top, ...nested.flat()].filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

async function readRecord(file: string): Promise<OutputRecord | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as OutputRecord;
  } catch {
    return undefined;
  }
}

/**
 * What to remove: the routes the last build made and this one did not, and, in the folders listed,
 * pages this build did not make and other files older than its start (hashed assets, public/
 * files and sitemaps are written again by every build, so an old one is one this build did not
 * write; the open data it kept is in `made`). Also what the next build may leave unlisted.
 */
async function staleFiles(root: string, made: Set<string>, before: OutputRecord | undefined, started: number) {
  const unlisted = new Set(before?.routesOnly);
  const listed = await filesUnder(root, (name) => !SKIP.has(name) && !unlisted.has(name));
  const stale = new Set((before?.routes ?? []).filter((f) => !made.has(f)));
  const others = new Set<string>();
  for (const file of listed) {
    if (made.has(file)) continue;
    if (file.endsWith('.html') || (await stat(join(root, file))).mtimeMs < started) stale.add(file);
    else if (topFolder(file)) others.add(topFolder(file)!);
  }
  const routesOnly = [...new Set([...made].map(topFolder))].filter((f): f is string => f !== undefined && !others.has(f));
  return { stale: [...stale], routesOnly };
}

// The record of the last build's routes finds the pages this build no longer makes without listing
// the output folder, which on a large site is a large part of an update. Top-level folders that held
// nothing but pages, feeds and the open-data stage's files (determinations/, data/, treatments/
// with their items.csv files) are not listed again; the others (_astro/) are. Without a record (a
// first build) everything is.
export function pruneStaleOutput(): AstroIntegration {
  let started = 0;
  let recordFile = '';
  return {
    name: 'imr-prune-stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        recordFile = join(fileURLToPath(config.cacheDir), 'imr-output-routes.json');
      },
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        // Every page and endpoint (feeds) this build rendered or kept is in `assets`.
        const made = new Set([...assets.values()].flat().map((url) => relative(root, fileURLToPath(url)).split('\\').join('/')));
        const openData = await readOpenDataMemory(dirname(recordFile), root);
        if (openData && openData.startedAt >= started) for (const file of openData.made) made.add(file);
        const { stale, routesOnly } = await staleFiles(root, made, await readRecord(recordFile), started);
        await Promise.all(stale.map((f) => rm(join(root, f), { force: true })));
        // A removed page leaves its folder (determinations/<id>/) empty: remove that too.
        for (const folder of new Set(stale.map((f) => dirname(join(root, f))))) {
          if (folder !== root) await rmdir(folder).catch(() => undefined);
        }
        await mkdir(dirname(recordFile), { recursive: true });
        await writeFile(recordFile, JSON.stringify({ routes: [...made], routesOnly } satisfies OutputRecord));
        if (stale.length > 0)
          logger.info(
            `removed ${stale.length} file(s) the last build left: ${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}`,
          );
      },
    },
  };
}
