// Loads a built site's Pagefind browser bundle (pagefind/pagefind.js) in Node, the way the search
// page does, with the bundle's files fetched over HTTP from scripts/serve.ts: Pagefind runs on the
// main thread when there is no Worker, and Node's fetch cannot read file: URLs.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/serve.ts';
import type { Pagefind } from '../../src/scripts/pagefind-api.ts';
import type { SiteBuild } from './build-site.ts';

export async function openPagefind(site: SiteBuild): Promise<{ pagefind: Pagefind; server: StaticServer }> {
  const server = await startStaticServer({ root: site.dir, base: site.base });
  // A query string makes each site's bundle its own module instance.
  const url = `${pathToFileURL(join(site.dir, 'pagefind/pagefind.js')).href}?site=${encodeURIComponent(site.dir)}`;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: site.base });
  await pagefind.init();
  await pagefind.filters();
  return { pagefind, server };
}
