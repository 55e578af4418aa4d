// The sharded search index of the fixture site (three shards: 2014–2015, 2016, 2017-02) against one
// index of the same pages: the same answers, counts and order, shards merged in stages, and a
// rebuild that indexes only the shards whose pages changed.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startStaticServer } from '../../scripts/dev/serve.ts';
import { indexSite } from '../../scripts/search-index.ts';
import { runSearch } from '../../src/client/run-search.ts';
import type { ShardedIndex } from '../../src/client/sharded-index.ts';
import { decodeFacetFiles, encodeFacetFile } from '../../src/lib/search/facet-encoding.ts';
import { FACET_FILE, FACET_VALUES_FILE, ITEM_FIELDS, type FacetValues } from '../../src/lib/search/facet-table.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import { MANIFEST_FILE, recordName, type ShardManifest } from '../../src/lib/search/shard-manifest.ts';
import type { SiteBuild } from '../support/build-site.ts';
import { openPagefind, openServedIndex } from '../support/pagefind-client.ts';

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

async function open(site: SiteBuild, shards?: string[]): Promise<ShardedIndex> {
  const { index, server } = await openPagefind(site, shards);
  closers.push(server.close);
  return index;
}

let sharded: ShardedIndex;
let single: ShardedIndex;

beforeAll(async () => {
  sharded = await open(root);
  single = await open((await reindexedCopy('single', 1000)).site);
});
afterAll(async () => {
  for (const close of closers) await close();
  rmSync(work, { recursive: true, force: true });
});

const readGzipJson = <T>(file: string) => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as T;

/** The search data file of the fixture site's 2017 letters. */
const searchData2017 = (dir: string) =>
  join(
    dir,
    'search/letters',
    readdirSync(join(dir, 'search/letters')).find((n) => n.startsWith('2017'))!,
  );
const manifest = (dir: string) => readGzipJson<ShardManifest>(join(dir, 'pagefind/shards.json.gz'));

/**
 * Runs `run` while the fixed URL of a pagefind/ file (no query) answers with `stale`, gzipped, as
 * a browser's cache might after an update; `asked` gets the query of every fetch of that file.
 */
/** Serves `stale` (bytes as they are, else as JSON), gzipped, at the fixed URL of `file`. */
async function servingStale(file: string, stale: unknown, run: (asked: string[]) => Promise<void>): Promise<void> {
  const real = globalThis.fetch;
  const asked: string[] = [];
  globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname.endsWith(`/pagefind/${file}`)) {
      asked.push(url.search);
      if (url.search === '') return new Response(gzipSync(stale instanceof Uint8Array ? stale : JSON.stringify(stale)));
    }
    return real(input, init);
  };
  try {
    await run(asked);
  } finally {
    globalThis.fetch = real;
  }
}

/** A search's letters (URL and matching items) in order, its item count and its counts. */
async function summary(index: ShardedIndex, query: string) {
  const found = await runSearch(index, parseSearchState(query));
  const letters = await Promise.all(found.ordered.map(async (m) => `${(await found.view(m)).url} ${m.items.join(',')}`));
  return { letters, items: found.search.items, counts: found.search.counts };
}

describe('sharded search index', () => {
  test('cuts the fixture index into shards of whole years, each its own Pagefind bundle with its facet table, the newest in pagefind/ itself', () => {
    const { shards, root: newest } = manifest(root.dir);
    expect(newest).toBe('2017-02');
    expect(shards.map((s) => [s.id, s.pages, s.items, s.records, s.first, s.last])).toEqual([
      ['2014-2015', 2, 2, 4, '2014-10-02', '2015-03-20'],
      ['2016', 2, 3, 5, '2016-06-01', '2016-12-09'],
      ['2017-02', 1, 2, 3, '2017-02-03', '2017-02-03'],
    ]);
    // The list is gzipped (manifest() gunzips it) and names each shard by its tag alone, the start
    // of the hash of what it holds: a search's first results fetch the list whole.
    expect(shards.map((s) => Object.keys(s).sort().join())).toEqual(
      Array(3).fill('facets,first,id,items,last,listNames,pages,records,tag'),
    );
    expect(new Set(shards.map((s) => s.tag)).size).toBe(3);
    for (const s of shards) expect(s.tag).toMatch(/^[0-9a-f]{12}$/);
    for (const s of shards) {
      const dir = join(root.dir, 'pagefind', s.id === newest ? '' : s.id);
      expect(existsSync(join(dir, 'pagefind.js')), s.id).toBe(true);
      expect(existsSync(join(dir, FACET_FILE)), s.id).toBe(true);
      // The search page runs Pagefind on its own thread and needs no other runtime files.
      expect(existsSync(join(dir, 'pagefind-worker.js')), s.id).toBe(false);
      // Each record's fragment is named by its shard and row, 1 to `records` (pagefind-meta.ts).
      const rows = Array.from({ length: s.records }, (_, r) => `${recordName(s.tag, r + 1)}.pf_fragment`);
      expect(readdirSync(join(dir, 'fragment')).sort(), s.id).toEqual(rows.sort());
    }
    expect(existsSync(join(root.dir, 'pagefind', '2017-02'))).toBe(false);
    expect(single.manifest.shards.map((s) => s.id)).toEqual(['2014-2017']);
  });

  test('gives the same answers, counts and order across three shards as one index does', async () => {
    const queries = [
      '',
      '?q=lumbar',
      '?q=mri',
      '?outcome=overturned&sort=newest',
      '?sort=oldest',
      '?q=lumbar&sort=oldest',
      '?treatment=tens-ems-unit&outcome=upheld',
      '?q=lumbar&outcome=upheld&year=2014&year=2017',
      '?family=mtus&cited=reviewer',
    ];
    for (const query of queries) {
      const [a, b] = await Promise.all([summary(sharded, query), summary(single, query)]);
      // Best-match scores depend on each shard's own word statistics; dates give one order.
      if (parseSearchState(query).sort === 'relevance') expect([...a.letters].sort(), query).toEqual([...b.letters].sort());
      else expect(a.letters, query).toEqual(b.letters);
      expect(a.items, query).toBe(b.items);
      expect(a.counts, query).toEqual(b.counts);
    }
  });

  test('searches the shards merged so far, and all of them once the rest are merged', async () => {
    const staged = await open(root, ['2017-02']);
    expect(staged.loaded().map((s) => s.id)).toEqual(['2017-02']);
    expect((await summary(staged, '?q=lumbar')).letters).toEqual(['/determinations/CM17-0012345/ 2']);
    await staged.load(['2016', '2014-2015']);
    expect(staged.loaded().map((s) => s.id)).toEqual(['2014-2015', '2016', '2017-02']);
    expect((await summary(staged, '?q=lumbar')).letters.sort()).toEqual([
      '/determinations/CM14-0123456/ 1',
      '/determinations/CM17-0012345/ 2',
    ]);
    // CM15-0045678 holds "lumbar" in its case summary only: a letter with no item, in the whole-letter scope.
    expect((await summary(staged, '?q=lumbar&in=all')).letters.sort()).toEqual([
      '/determinations/CM14-0123456/ 1',
      '/determinations/CM15-0045678/ ',
      '/determinations/CM17-0012345/ 2',
    ]);
  });

  test('asks again, with its shard’s tag, for a facet table a cache kept from before an update', async () => {
    // The newest shard's facets come from the fixed URL the page preloads; here that answers with
    // another shard's file, as a browser's cache might after the site is updated.
    const stale = readFileSync(join(root.dir, 'pagefind', '2016', FACET_FILE));
    const real = globalThis.fetch;
    const asked: string[] = [];
    const withStale =
      (versionedToo: boolean): typeof fetch =>
      async (input, init) => {
        const url = new URL(String(input));
        if (url.pathname.endsWith(`/pagefind/${FACET_FILE}`)) {
          asked.push(url.search);
          if (url.search === '' || versionedToo) return new Response(stale);
        }
        return real(input, init);
      };
    try {
      globalThis.fetch = withStale(false);
      const index = await open(root);
      const newest = index.manifest.shards.at(-1)!;
      expect(asked).toEqual(['', `?v=${newest.tag}.${newest.facets}`]);
      expect(await summary(index, '?q=lumbar')).toEqual(await summary(sharded, '?q=lumbar'));

      globalThis.fetch = withStale(true);
      await expect((await open(root, [])).load(['2017-02'])).rejects.toThrow(
        'the search index changed while the page was open (shard 2017-02); reload the page',
      );
    } finally {
      globalThis.fetch = real;
    }
  });

  test('asks for a reload when the list of shards is of another version than the page reads', async () => {
    // As when a deploy sends the page before the index: version 6 bundles have no letter cards.
    const manifest = readGzipJson<ShardManifest>(join(root.dir, 'pagefind', MANIFEST_FILE));
    const server = await startStaticServer({ root: root.dir, base: root.base });
    closers.push(server.close);
    await servingStale(MANIFEST_FILE, { ...manifest, version: 6 }, async () => {
      await expect(openServedIndex(server, root)).rejects.toThrow('the search index is of version 6; reload the page');
    });
  });

  test('asks again for the newest shard’s facet table when the cached one has its tag but other values', async () => {
    // As after a change to the code that writes facet tables: same shard, same tag, another digest.
    const [own] = decodeFacetFiles(gunzipSync(readFileSync(join(root.dir, 'pagefind', FACET_FILE))));
    const items = Array.from(own!.items).map((v, i) => (i % ITEM_FIELDS === 0 ? 1 - v : v));
    const stale = encodeFacetFile({ ...own!, values: 'older', letters: Array.from(own!.letters), items });
    await servingStale(FACET_FILE, stale, async (asked) => {
      const index = await open(root);
      expect(await summary(index, '?q=lumbar&outcome=upheld')).toEqual(await summary(sharded, '?q=lumbar&outcome=upheld'));
      const newest = index.manifest.shards.at(-1)!;
      expect(asked).toEqual(['', `?v=${newest.tag}.${newest.facets}`]);
    });
  });

  test('asks again, with its key, for a list of facet values a cache kept from before an update', async () => {
    // The list at the fixed URL is another build's: its key differs, and its values are in another order.
    const list = readGzipJson<FacetValues>(join(root.dir, 'pagefind', FACET_VALUES_FILE));
    const stale = { ...list, key: 'older', values: { ...list.values, outcome: [...list.values.outcome].reverse() } };
    await servingStale(FACET_VALUES_FILE, stale, async (asked) => {
      const index = await open(root);
      expect(await summary(index, '?q=lumbar&outcome=upheld')).toEqual(await summary(sharded, '?q=lumbar&outcome=upheld'));
      expect(asked).toEqual(['', `?v=${index.manifest.values}`]);
    });
  });

  test('indexes again only the shards whose pages changed', async () => {
    const { site, summary: built } = await reindexedCopy('rebuild', 2);
    expect([built.shards, built.indexed, built.reused, built.items]).toEqual([3, 3, 0, 7]);
    const before = manifest(site.dir);
    // Leftovers: a file a dead process was writing and another site folder's scan cache unused for
    // two months go; one being written by a live process and a recent one of another folder stay.
    const cache = join(work, 'rebuild-cache');
    const dead = spawnSync('true').pid;
    const left = (name: string, days = 0) => {
      writeFileSync(join(cache, name), '{}');
      const when = new Date(Date.now() - days * 24 * 3600 * 1000);
      utimesSync(join(cache, name), when, when);
    };
    left(`facet-values.json.tmp-${dead}-0-0`);
    left(`facet-values.json.tmp-${process.pid}-0-7`);
    left('scan-0000000000000000.data.json', 60);
    left('scan-1111111111111111.json', 2);
    const again = await indexSite(site.dir, { maxShardPages: 2, cacheDir: cache });
    // Nothing read again but the cache folder's own notes: no page, no search data, no facet file.
    expect([again.indexed, again.reused, again.scanned, again.dataRead, again.facetsWritten]).toEqual([0, 3, 0, 0, 0]);
    // The cache keeps each shard's bundle and facet file with its note, the list of values, and the
    // site's scan and search data caches, besides the leftovers that stay; nothing else.
    const stays = [`facet-values.json.tmp-${process.pid}-0-7`, 'scan-1111111111111111.json'];
    const names = readdirSync(cache);
    expect(stays.filter((name) => names.includes(name))).toEqual(stays);
    const kinds = names
      .filter((name) => !stays.includes(name))
      .map((name) =>
        name
          .replace(/^[0-9a-f]{64}$/, 'bundle')
          .replace(/^facets-[0-9a-f]{16}-[\w-]{8}-[0-9a-f]{12}\.bin\.gz$/, 'facets')
          .replace(/^facets-[0-9a-f]{16}-[\w-]{8}\.about\.json$/, 'note')
          .replace(/^scan-[0-9a-f]{16}(\.data)?\.json$/, 'scan$1'),
      );
    for (const name of stays) rmSync(join(cache, name));
    expect(kinds.sort()).toEqual([
      'bundle',
      'bundle',
      'bundle',
      'facet-values.json',
      'facets',
      'facets',
      'facets',
      'note',
      'note',
      'note',
      'scan',
      'scan.data',
    ]);

    appendFileSync(join(site.dir, 'determinations/CM17-0012345/index.html'), '\n<!-- rebuilt -->\n');
    // A kept shard's facet file under its name of before 2026-12-06 (JSON), which no page asks for.
    const formerFacets = join(site.dir, 'pagefind', before.shards[0]!.id, 'facets.json.gz');
    writeFileSync(formerFacets, '{}');
    const changed = await indexSite(site.dir, { maxShardPages: 2, cacheDir: join(work, 'rebuild-cache') });
    expect(existsSync(formerFacets)).toBe(false);
    expect([changed.indexed, changed.reused, changed.pages, changed.scanned, changed.dataRead]).toEqual([1, 2, 5, 1, 0]);
    // The unchanged shards' bundles were moved over as they were, the changed one linked in anew:
    // the merged index still finds every letter.
    const rebuilt = await open(site);
    expect((await summary(rebuilt, '')).letters).toHaveLength(5);
    expect((await summary(rebuilt, '?q=Zynex')).letters).toHaveLength(1);
    const after = manifest(site.dir);
    expect(after.shards.map((s) => s.tag === before.shards.find((b) => b.id === s.id)?.tag)).toEqual([true, true, false]);
    // Nothing half-placed goes out with the site: a facet file placed again on its own link once left its temporary.
    const published = readdirSync(join(site.dir, 'pagefind'), { recursive: true }).map(String);
    expect(published.filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  test('indexes a shard whose search data changed while it scans the rest, and lets the whole scan decide the plan', async () => {
    const { site } = await reindexedCopy('early', 2);
    const cache = join(work, 'early-cache');
    const before = manifest(site.dir);
    const page = 'determinations/CM17-0012345/index.html';
    const dataFile = searchData2017(site.dir);
    // Its line changed (a field the indexer does not read): the shard holding the page is indexed before the site is scanned whole.
    const edit = (mark: string) =>
      writeFileSync(
        dataFile,
        readFileSync(dataFile, 'utf8').replace(/^(\{"page":"determinations\/CM17-0012345\/index\.html")/m, `$1,"mark":"${mark}"`),
      );
    edit('one');
    const changed = await indexSite(site.dir, { maxShardPages: 2, cacheDir: cache });
    expect([changed.indexed, changed.early, changed.reused, changed.dataRead]).toEqual([1, 1, 2, 1]);
    // Only the shard holding the page, the newest (as above), was indexed again.
    expect(manifest(site.dir).shards.map((s) => s.tag === before.shards.find((b) => b.id === s.id)?.tag)).toEqual([true, true, false]);

    // The same line changed again and its page decided a year later, after every other letter: the
    // guess from the last scan's dates plans the page where it was, which its date now belies, so
    // no shard is indexed early (for nothing) and the whole scan's plan indexes the shards it moved.
    edit('two');
    const html = join(site.dir, page);
    writeFileSync(html, readFileSync(html, 'utf8').replace(/data-pagefind-sort="decided:2017-/, 'data-pagefind-sort="decided:2029-'));
    const progress: string[] = [];
    const moved = await indexSite(site.dir, { maxShardPages: 2, cacheDir: cache, onProgress: (line) => progress.push(line) });
    expect(moved.early).toBe(0);
    expect(moved.indexed).toBeGreaterThan(0);
    expect(progress.filter((line) => line.startsWith('indexed shard'))).toHaveLength(moved.indexed);
    const after = manifest(site.dir);
    expect(after.shards.at(-1)!.last.startsWith('2029-')).toBe(true);
    const index = await open(site);
    expect((await summary(index, '')).letters).toHaveLength(5);
    // The cache holds the plan's bundles only.
    const bundles = readdirSync(cache).filter((n) => /^[0-9a-f]{64}$/.test(n));
    expect(bundles.map((n) => n.slice(0, 12)).sort()).toEqual(after.shards.map((s) => s.tag).sort());
  });

  test('a shard its worker cannot index stops the run with the page at fault, and leaves the index as it was', async () => {
    const { site } = await reindexedCopy('broken', 2);
    const before = readFileSync(join(site.dir, 'pagefind/shards.json.gz'));
    // A page whose item sections are gone no longer matches its own list of items.
    const page = join(site.dir, 'determinations/CM17-0012345/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replaceAll('<section class="item"', '<section class="gone"'));
    await expect(indexSite(site.dir, { maxShardPages: 2, cacheDir: join(work, 'broken-cache') })).rejects.toThrow(
      /^shard 2017-02: determinations\/CM17-0012345\/index\.html: 0 item sections for 2 items$/,
    );
    expect(readFileSync(join(site.dir, 'pagefind/shards.json.gz'))).toEqual(before);
  });

  test('refuses data-pagefind-body outside the determination pages and leaves the index as it was', async () => {
    const { site } = await reindexedCopy('refused', 2);
    const before = readFileSync(join(site.dir, 'pagefind/shards.json.gz'));
    writeFileSync(join(site.dir, 'guidelines/index.html'), '<html><body data-pagefind-body>x</body></html>');
    // With a shard started before the scan finds it (its search data changed): the run stops all the same.
    const dataFile = searchData2017(site.dir);
    writeFileSync(dataFile, readFileSync(dataFile, 'utf8').replace(/^(\{"page":"[^"]*")/m, '$1,"mark":"refused"'));
    await expect(indexSite(site.dir, { maxShardPages: 2, cacheDir: join(work, 'refused-cache') })).rejects.toThrow(
      'data-pagefind-body outside determination pages: guidelines/index.html',
    );
    expect(readFileSync(join(site.dir, 'pagefind/shards.json.gz'))).toEqual(before);
  });
});
