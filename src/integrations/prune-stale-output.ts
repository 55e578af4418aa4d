// With incremental builds the output folder is kept between builds (pages whose cache key is
// unchanged are not written again), so this removes what the last build left that this one did
// not make: pages of letters or list pages that no longer exist, and old hashed assets. The
// search index (pagefind/) is the indexer's to replace and is left alone.
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Files under `dir` (relative, "/"-separated), skipping the named top-level folders. */
async function filesUnder(dir: string, skip: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((f) => !skip.has(f.split('/')[0]!));
}

export function pruneStaleOutput(): AstroIntegration {
  let started = 0;
  return {
    name: 'imr-prune-stale-output',
    hooks: {
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const routed = new Set([...assets.values()].flat().map((url) => relative(root, fileURLToPath(url)).split('\\').join('/')));
        const stale: string[] = [];
        for (const file of await filesUnder(root, new Set(['pagefind']))) {
          // Routes: every page and endpoint (feeds) this build rendered or kept is in `assets`.
          // Hashed assets, public/ files, the sitemaps and the open data (src/data/open-data.ts)
          // are written again by every build, so an old one is older than its start.
          if (routed.has(file)) continue;
          if (file.endsWith('.html') || (await stat(join(root, file))).mtimeMs < started) stale.push(file);
        }
        await Promise.all(stale.map((f) => rm(join(root, f))));
        // A removed page leaves its folder (determinations/<id>/) empty: remove that too.
        for (const folder of new Set(stale.map((f) => dirname(join(root, f))))) {
          if (folder !== root) await rmdir(folder).catch(() => undefined);
        }
        if (stale.length > 0)
          logger.info(
            `removed ${stale.length} file(s) the last build left: ${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}`,
          );
      },
    },
  };
}
