// Loads a built site's sharded Pagefind index in Node the way the search page does
// (src/client/sharded-pagefind.ts: pagefind/shards.json, the first shard's pagefind.js, the
// others merged in), with the bundles' files fetched over HTTP from scripts/dev/serve.ts: Pagefind runs
// on the main thread when there is no Worker, and Node's fetch cannot read file: URLs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer, type StaticServer } from '../../scripts/dev/serve.ts';
import type { Pagefind } from '../../src/client/pagefind-api.ts';
import { openShardedPagefind, type ShardedPagefind } from '../../src/client/sharded-pagefind.ts';
import type { SiteBuild } from './build-site.ts';

export async function openPagefind(site: SiteBuild): Promise<{ pagefind: ShardedPagefind; server: StaticServer }> {
  const server = await startStaticServer({ root: site.dir, base: site.base });
  const pagefind = await openShardedPagefind({
    root: `${server.url}pagefind/`,
    // A query string makes each site's bundle its own module instance.
    load: (shard) =>
      import(
        /* @vite-ignore */ `${pathToFileURL(join(site.dir, 'pagefind', shard.id, 'pagefind.js')).href}?site=${encodeURIComponent(site.dir)}`
      ) as Promise<Pagefind>,
    options: { baseUrl: site.base },
  });
  return { pagefind, server };
}
