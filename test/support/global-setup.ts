// Builds the fixture site once per test run, into a temporary folder (never dist/):
//   root: test/fixtures/site at base "/", its search index in three shards
//   sub:  the same corpus plus BULK_COUNT generated letters (enough to paginate) at base "/imr/",
//         its index in five shards (2014–2017, the 110 letters of 2018 in three parts and its
//         newest month, December), with SITE_URL=https://imr.example.org (root has none: the
//         placeholder origin)
// Tests read the folders with inject('sites'). KEEP_SITE=1 keeps them for a look afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot, type SiteBuild } from './build-site.ts';
import { BULK_COUNT, writeBulkCorpus } from './bulk-corpus.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: { root: SiteBuild; sub: SiteBuild };
  }
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'imr-site-'));
  const fixture = join(repoRoot, 'test/fixtures/site');
  const bulk = join(work, 'bulk-corpus');
  writeBulkCorpus(fixture, bulk, BULK_COUNT);
  // One after the other: Pagefind's service and two Astro builds at once gain nothing on 2 cores.
  // The root site's index is cut into shards of at most two letters (2014–2015, 2016, and the
  // newest month, 2017-02), so every search test runs across merged shards as a large corpus would.
  const root = await buildSite({
    corpus: fixture,
    outDir: join(work, 'root'),
    base: '/',
    cacheDir: join(work, 'cache-root'),
    shardPages: 2,
  });
  const sub = await buildSite({
    corpus: bulk,
    outDir: join(work, 'sub'),
    base: '/imr/',
    cacheDir: join(work, 'cache-sub'),
    shardPages: 40,
    siteUrl: 'https://imr.example.org',
  });
  project.provide('sites', { root, sub });
  return () => {
    if (process.env.KEEP_SITE) console.log(`fixture sites kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
}
