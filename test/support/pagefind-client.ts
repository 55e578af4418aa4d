// Loads a built site's sharded search index in Node the way the search page does
// (src/client/sharded-index.ts: pagefind/shards.json.gz, the first shard's pagefind.js, the others
// merged in, each with its facet table), with the bundles' files fetched over HTTP from
// scripts/dev/serve.ts: Pagefind runs on the main thread, and Node's fetch cannot read file: URLs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer, type StaticServer } from '../../scripts/dev/serve.ts';
import type { Pagefind } from '../../src/client/pagefind-api.ts';
import { openShardedIndex, type ShardedIndex } from '../../src/client/sharded-index.ts';
import type { SiteBuild } from './build-site.ts';

/** The site's index with every shard loaded (`shards: []` opens it with none). */
export async function openPagefind(
  site: SiteBuild,
  shards?: string[],
  options: Record<string, unknown> = {},
): Promise<{ index: ShardedIndex; server: StaticServer }> {
  const server = await startStaticServer({ root: site.dir, base: site.base });
  return { index: await openServedIndex(server, site, shards, options), server };
}

/**
 * The same from a server the caller started, and closes once Pagefind is done with it: an index
 * that fails to open (a test of its errors) may still be loading Pagefind's own files.
 */
export async function openServedIndex(
  server: StaticServer,
  site: SiteBuild,
  shards?: string[],
  options: Record<string, unknown> = {},
): Promise<ShardedIndex> {
  const index = await openShardedIndex({
    root: `${server.url}pagefind/`,
    // A query string makes each opening its own module instance.
    load: () =>
      import(
        /* @vite-ignore */ `${pathToFileURL(join(site.dir, 'pagefind', 'pagefind.js')).href}?site=${encodeURIComponent(site.dir)}&n=${opened++}`
      ) as Promise<Pagefind>,
    baseUrl: site.base,
    options,
  });
  await index.load(shards ?? [...index.manifest.shards].reverse().map((s) => s.id));
  return index;
}

let opened = 0;
