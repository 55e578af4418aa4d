// Builds the fixture sites once per test run, into temporary folders (never dist/): `root`
// (test/fixtures/site at "/", three index shards), `sub` (the same plus BULK_COUNT generated letters
// at "/imr/" with SITE_URL, five shards) and `sample` (content/ at "/", six shards of at most 40
// letters). Tests read the folders with inject('sites'); KEEP_SITE=1 keeps them for a look.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot, type SiteBuild } from './build-site.ts';
import { BULK_COUNT, writeBulkCorpus } from './bulk-corpus.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: { root: SiteBuild; sub: SiteBuild; sample: SiteBuild };
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
  const sample = await buildSite({
    corpus: join(repoRoot, 'content'),
    outDir: join(work, 'sample'),
    base: '/',
    cacheDir: join(work, 'cache-sample'),
    shardPages: 40,
  });
  project.provide('sites', { root, sub, sample });
  return () => {
    if (process.env.KEEP_SITE) console.log(`fixture sites kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
}
