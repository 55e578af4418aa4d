// The sharded search index of the fixture site (three shards: 2014–2015, 2016, 2017-02) against one
// index of the same pages: the same results, counts and order, and a rebuild that indexes only
// the shards whose pages changed.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { indexSite } from '../../scripts/search-index.ts';
import { pagefindOptions } from '../../src/lib/search/pagefind-options.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import type { ShardManifest } from '../../src/lib/search/shard-manifest.ts';
import type { ShardedPagefind } from '../../src/client/sharded-pagefind.ts';
import type { SiteBuild } from '../support/build-site.ts';
import { openPagefind } from '../support/pagefind-client.ts';

const { root } = inject('sites');
const work = mkdtempSync(join(tmpdir(), 'imr-shards-'));
const closers: (() => Promise<void>)[] = [];

/** A copy of the built root site, indexed again with the given shard size and its own cache. */
async function reindexedCopy(name: string, maxShardPages: number) {
  const dir = join(work, name);
  cpSync(root.dir, dir, { recursive: true });
  const summary = await indexSite(dir, { maxShardPages, cacheDir: join(work, `${name}-cache`) });
  return { site: { ...root, dir } satisfies SiteBuild, summary };
}

async function open(site: SiteBuild): Promise<ShardedPagefind> {
  const { pagefind, server } = await openPagefind(site);
  closers.push(server.close);
  return pagefind;
}

let sharded: ShardedPagefind;
let single: ShardedPagefind;

beforeAll(async () => {
  sharded = await open(root);
  single = await open((await reindexedCopy('single', 1000)).site);
});
afterAll(async () => {
  for (const close of closers) await close();
  rmSync(work, { recursive: true, force: true });
});

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind/shards.json'), 'utf8')) as ShardManifest;

describe('sharded search index', () => {
  test('cuts the fixture index into shards of whole years, each its own Pagefind bundle', () => {
    const { shards } = manifest(root.dir);
    expect(shards.map((s) => [s.id, s.pages, s.first, s.last])).toEqual([
      ['2014-2015', 2, '2014-10-02', '2015-03-20'],
      ['2016', 2, '2016-06-01', '2016-12-09'],
      ['2017-02', 1, '2017-02-03', '2017-02-03'],
    ]);
    for (const s of shards) expect(existsSync(join(root.dir, 'pagefind', s.id, 'pagefind.js')), s.id).toBe(true);
    expect(single.manifest.shards.map((s) => s.id)).toEqual(['2014-2017']);
  });

  test('gives the same results, counts and order across three shards as one index does', async () => {
    const queries = [
      '',
      '?q=lumbar',
      '?q=mri',
      '?outcome=overturned&sort=newest',
      '?sort=oldest',
      '?q=lumbar&sort=oldest',
      '?treatment=tens-ems-unit&outcome=upheld',
      '?q=lumbar&outcome=upheld&year=2014&year=2017',
    ];
    for (const query of queries) {
      const state = parseSearchState(query);
      const [a, b] = await Promise.all([sharded, single].map((p) => p.search(state.q || null, pagefindOptions(state))));
      const urls = async (found: typeof a) => Promise.all(found.results.map(async (r) => (await r.data()).url));
      const [aUrls, bUrls] = [await urls(a!), await urls(b!)];
      // Best-match scores depend on each shard's own word statistics; dates give one order.
      if (state.sort === 'relevance' && state.q) expect([...aUrls].sort(), query).toEqual([...bUrls].sort());
      else expect(aUrls, query).toEqual(bUrls);
      expect(a!.total, query).toBe(b!.total);
      expect(a!.filters, query).toEqual(b!.filters);
    }
    expect(await sharded.filters()).toEqual(await single.filters());
  });

  test('keeps its own shard filter out of the counts readers see', async () => {
    expect(Object.keys(await sharded.filters()).sort()).toEqual(['guideline', 'outcome', 'priority', 'specialty', 'treatment', 'year']);
  });

  test('returns a page of date-sorted results from the shards that hold it', async () => {
    const state = parseSearchState('?sort=newest');
    const all = await sharded.search(null, pagefindOptions(state));
    const page = await sharded.search(null, pagefindOptions(state), () => ({ start: 1, end: 4 }));
    expect(page.total).toBe(5);
    const ids = async (found: typeof all) => Promise.all(found.results.map(async (r) => (await r.data()).url));
    expect(await ids(page)).toEqual((await ids(all)).slice(1, 4));
  });

  test('indexes again only the shards whose pages changed', async () => {
    const { site, summary } = await reindexedCopy('rebuild', 2);
    expect([summary.shards, summary.indexed, summary.reused]).toEqual([3, 3, 0]);
    const before = manifest(site.dir);
    const again = await indexSite(site.dir, { maxShardPages: 2, cacheDir: join(work, 'rebuild-cache') });
    expect([again.indexed, again.reused, again.scanned]).toEqual([0, 3, 0]);

    appendFileSync(join(site.dir, 'determinations/CM17-0012345/index.html'), '\n<!-- rebuilt -->\n');
    const changed = await indexSite(site.dir, { maxShardPages: 2, cacheDir: join(work, 'rebuild-cache') });
    expect([changed.indexed, changed.reused, changed.pages, changed.scanned]).toEqual([1, 2, 5, 1]);
    // The unchanged shards' bundles were moved over as they were, the changed one linked in anew:
    // the merged index still finds every letter.
    const rebuilt = await open(site);
    expect((await rebuilt.search(null, {})).total).toBe(5);
    expect((await rebuilt.search('Zynex', {})).total).toBe(1);
    const after = manifest(site.dir);
    expect(after.shards.map((s) => s.hash === before.shards.find((b) => b.id === s.id)?.hash)).toEqual([true, true, false]);
  });

  test('refuses data-pagefind-body outside the determination pages and leaves the index as it was', async () => {
    const { site } = await reindexedCopy('refused', 2);
    const before = readFileSync(join(site.dir, 'pagefind/shards.json'), 'utf8');
    writeFileSync(join(site.dir, 'guidelines/index.html'), '<html><body data-pagefind-body>x</body></html>');
    await expect(indexSite(site.dir, { maxShardPages: 2, cacheDir: join(work, 'refused-cache') })).rejects.toThrow(
      'data-pagefind-body outside determination pages: guidelines/index.html',
    );
    expect(readFileSync(join(site.dir, 'pagefind/shards.json'), 'utf8')).toBe(before);
  });
});
