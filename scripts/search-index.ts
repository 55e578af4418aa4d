// Builds the search index of a built site, in shards of whole decision years, each indexed by a
// Pagefind service of its own in a worker process, so memory stays bounded by the shard:
//   node --import tsx scripts/search-index.ts [dist] [--shard-pages N] [--jobs N]
// Shards are cached by the hash of their pages and search data: a rebuild indexes only those that
// changed. Prints one summary line; on an error it leaves the site's old index as it was.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { buildCacheDir } from './lib/cache-dir.ts';
import { codeDigest } from '../src/data/files/code-digest.ts';
import { positiveWhole } from './lib/positive-whole.ts';
import { writeWordDirectory } from './search-index/word-directory.ts';
import { writeListPacks } from './search-index/list-packs.ts';
import { MANIFEST_FILE, recordTag, type ShardInfo, type ShardManifest } from '../src/lib/search/shard-manifest.ts';
import { SEARCH_DATA_DIR } from '../src/lib/search/letter-facts.ts';
import { listNameLength } from '../src/lib/search/word-lists.ts';
import { FACET_FILE, FACET_VALUES_FILE } from '../src/lib/search/facet-table.ts';
import { bundlePageCount } from './search-index/index-shard.ts';
import { shardIndexer } from './search-index/shard-workers.ts';
import { VALUES_CACHE_FILE, writeFacetFiles, type FacetFiles } from './search-index/facet-files.ts';
import { linkTree, placeFile, removeLeftTemporaries } from './search-index/link-tree.ts';
import { openSiteScan, type ScannedPage, type SiteScan, type SiteScanner } from './search-index/scan-site.ts';
import { readSearchData, type SearchData } from './search-index/search-data.ts';
import { planShards, type PlannedShard } from './search-index/shard-plan.ts';

export interface IndexOptions {
  /** Most pages in one shard (Pagefind holds a shard in memory while it indexes it). */
  maxShardPages?: number;
  /** Shards indexed at once, each in its own process (DEFAULT_JOBS). */
  jobs?: number;
  /** Where shard bundles are kept between builds, one folder per shard hash. */
  cacheDir?: string;
  /** Progress lines (one per shard indexed). */
  onProgress?: (line: string) => void;
}

export interface IndexSummary {
  /** Determination pages indexed, over all shards. */
  pages: number;
  /** Their disputed items, each a record of its own. */
  items: number;
  /** HTML files carrying data-pagefind-body (the determination pages). */
  bodies: number;
  /** HTML files read by the scan; the others were as the last scan left them. */
  scanned: number;
  /** Search data files (a period each) read for their hashes; the others were as the cache knew them. */
  dataRead: number;
  /** Facet files written in this run; the others were kept from the cache. */
  facetsWritten: number;
  shards: number;
  /** Shards indexed in this run; the others were unchanged and taken from the cache. */
  indexed: number;
  /** Of those, the shards started before the site was scanned whole, as an update most likely changed them (changedShards). */
  early: number;
  reused: number;
  /** Where the bundles and the manifest were written. */
  outputPath: string;
  milliseconds: number;
}

/**
 * Letters per shard. Pagefind holds a shard's records in memory while it indexes them, so two
 * shards at once must fit the machine; larger shards mean fewer index files per searched word
 * (the measured trade-off is in docs/scale.md).
 */
export const DEFAULT_SHARD_PAGES = 2500;
/**
 * Shards indexed at once. Two keep both cores of a 2-core machine busy (one shard's pages are
 * read and sent while another's index is written); more only add memory.
 */
export const DEFAULT_JOBS = Math.min(2, availableParallelism());
/**
 * Pagefind's index chunk size (locations per chunk file; its own default is 20,000). A search
 * fetches, per word and shard, the chunk holding the word: smaller chunks cut what the first
 * results cost (the newest month's shard is small), at the price of more, smaller files.
 */
export const INDEX_CHUNK_SIZE = 5000;
/** Cache files of the site scan (scan-site.ts) start so; they are not shard bundles. */
const SCAN_PREFIX = 'scan-';
/** Bump when the way pages are fed to Pagefind, or the files a shard bundle holds besides (results.json.gz), change, so every cached shard is rebuilt. */
const INDEXER_VERSION = `imr-shards-18 chunks ${INDEX_CHUNK_SIZE}`;

const repoRoot = join(import.meta.dirname, '..');
const pagefindVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string })
  .version;
/**
 * The code that writes a shard (index-shard.ts and what it imports, the installed packages): a
 * shard's record names change with it, so a browser never takes a fragment written by other code
 * for one of the same name, even if INDEXER_VERSION was not bumped.
 */
const shardCode = codeDigest(join(repoRoot, 'scripts/search-index/index-shard.ts'), repoRoot);
/** The code that writes the facet files (facet-files.ts and the facet table's module): a change writes every one again. */
const facetCode = codeDigest(join(repoRoot, 'scripts/search-index/facet-files.ts'), repoRoot);

function defaultCacheDir(): string {
  return process.env.SEARCH_CACHE_DIR ?? join(buildCacheDir(), 'search-index');
}

/** A shard's bundle depends only on its id, its pages' HTML and search data, Pagefind's version and the code that indexes it. */
function shardHash(shard: PlannedShard, pages: Map<string, ScannedPage>, data: SearchData): string {
  const hash = createHash('sha256').update(`${INDEXER_VERSION}\n${pagefindVersion}\n${shardCode}\n${shard.id}\n`);
  for (const p of shard.pages) hash.update(`${p.file} ${pages.get(p.file)!.sha256} ${data.sha256.get(p.file)!}\n`);
  return hash.digest('hex');
}

/**
 * The shards an update most likely changed, with the hash of their pages as they are now: those
 * holding a page whose search data changed (SearchData.changed), and those whose id, page count
 * or dates differ from the site's published index (letters moved in or out), planned from the
 * last scan's dates (a page it did not know is scanned for its own). A guess of the plan: a page
 * whose date changed may belong elsewhere, and the plan of the whole scan decides (a shard it
 * does not hold was indexed for nothing).
 */
function changedShards(
  data: SearchData,
  scanner: SiteScanner,
  published: readonly ShardInfo[],
  maxShardPages: number,
): { shard: PlannedShard; hash: string }[] {
  const guessed = [...data.sha256.keys()].flatMap((file) => {
    const decided = scanner.lastDecided(file) ?? scanner.pages([file])[0]?.decided;
    return decided === undefined ? [] : [{ file, decided }];
  });
  const was = new Map(published.map((s) => [s.id, s]));
  const same = (shard: PlannedShard, before = was.get(shard.id)) =>
    before?.pages === shard.pages.length && before.first === shard.pages[0]!.decided && before.last === shard.pages.at(-1)!.decided;
  return planShards(guessed, maxShardPages).flatMap((shard) => {
    if (same(shard) && !shard.pages.some((p) => data.changed.has(p.file))) return [];
    const now = scanner.pages(shard.pages.map((p) => p.file));
    // A page gone, without its body or of another date than guessed: the whole scan's plan decides.
    if (now.length !== shard.pages.length || now.some((p, k) => p.decided !== shard.pages[k]!.decided)) return [];
    return [{ shard, hash: shardHash(shard, new Map(now.map((p) => [p.file, p])), data) }];
  });
}

/** The site's published search index: its manifest, if it has one that can be read. */
async function publishedManifest(outputPath: string): Promise<ShardManifest | undefined> {
  try {
    return JSON.parse(gunzipSync(await readFile(join(outputPath, MANIFEST_FILE))).toString('utf8')) as ShardManifest;
  } catch {
    return undefined;
  }
}

/** A shard as the manifest lists it, and the hash that names its bundle in the cache. */
type IndexedShard = ShardInfo & { hash: string };

/**
 * Swaps the new index into the site whole. A shard the site already has, with the same tag (which
 * names its records, so a shard whose content changed never keeps it), is moved over as it is; the
 * others are linked in from the cache; each gets its facet file. Returns the index's folder.
 */
async function publish(
  root: string,
  cacheDir: string,
  shards: IndexedShard[],
  facets: FacetFiles,
  published: ShardManifest | undefined,
): Promise<string> {
  const outputPath = join(root, 'pagefind');
  const next = `${outputPath}.tmp-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  // The newest shard is pagefind/ itself: the search page's first results come from it, and its
  // runtime and WASM, at fixed URLs the page preloads, are the one Pagefind the others merge into.
  // Shard id -> tag of the bundles pagefind/ holds now in folders of their own.
  const inPlace = new Map(
    (published?.shards ?? [])
      .filter((s) => s.id !== published!.root && existsSync(join(outputPath, s.id, 'pagefind-entry.json')))
      .map((s) => [s.id, s.tag]),
  );
  const newest = shards.at(-1)!;
  const folders: { id: string; folder: string; tag: string; facets: string; listNames: number }[] = [];
  for (const [k, s] of shards.entries()) {
    const folder = s === newest ? next : join(next, s.id);
    folders.push({ id: s.id, folder, tag: s.tag, facets: s.facets, listNames: s.listNames });
    if (s === newest) await linkTree(join(cacheDir, s.hash), next);
    else if (inPlace.get(s.id) === s.tag) {
      await rename(join(outputPath, s.id), folder);
      await removeLeftTemporaries(join(folder, FACET_FILE));
      // The facet file's name until 2026-12-06, when it was JSON: a folder moved over keeps it otherwise.
      await rm(join(folder, 'facets.json.gz'), { force: true });
    } else await linkTree(join(cacheDir, s.hash), folder);
    await placeFile(facets.files[k]!.path, join(folder, FACET_FILE));
  }
  await writeFile(join(next, FACET_VALUES_FILE), gzipSync(JSON.stringify(facets.list), { level: 9 }));
  const previous = existsSync(outputPath) ? outputPath : undefined;
  const words = await writeWordDirectory(next, folders, previous);
  const packs = await writeListPacks(next, folders, previous);
  const manifest: ShardManifest = {
    version: 8,
    pagefind: pagefindVersion,
    root: newest.id,
    values: facets.list.key!,
    words,
    packs,
    shards: shards.map(({ hash: _, ...info }) => info),
  };
  await writeFile(join(next, MANIFEST_FILE), gzipSync(JSON.stringify(manifest), { level: 9 }));
  await rm(outputPath, { recursive: true, force: true });
  await rename(next, outputPath);
  return outputPath;
}

/** Other site folders' scan caches are dropped once unused this long (a bench or a test leaves one each). */
const OTHER_SCANS_KEPT_MS = 30 * 24 * 3600 * 1000;

/** Whether a file of the cache is being written by a live process: its name holds ".tmp-<pid>". */
function beingWritten(name: string): boolean {
  const pid = Number(/\.tmp-(\d+)/.exec(name)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a live process of another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Leaves in the cache only what this site uses now (its shards' bundles, facet files and notes,
 * the list of values and its scan caches), other site folders' scan caches used within
 * OTHER_SCANS_KEPT_MS, and files that live processes are writing.
 */
async function keepOnly(cacheDir: string, shards: IndexedShard[], facets: FacetFiles, scans: string[]): Promise<void> {
  const keep = new Set([
    ...shards.map((s) => s.hash),
    VALUES_CACHE_FILE,
    ...[...facets.files.flatMap((f) => [f.path, f.note]), ...scans].map((file) => relative(cacheDir, file)),
  ]);
  const recent = (name: string) =>
    stat(join(cacheDir, name)).then(
      (s) => Date.now() - s.mtimeMs < OTHER_SCANS_KEPT_MS,
      () => true,
    );
  for (const name of await readdir(cacheDir)) {
    if (keep.has(name) || beingWritten(name)) continue;
    if (name.startsWith(SCAN_PREFIX) && !name.includes('.tmp-') && (await recent(name))) continue;
    await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** Refuses a scan whose bodies are not the determination pages the search data names. */
function checkScan(scan: SiteScan, data: SearchData): void {
  if (scan.outside.length > 0) throw new Error(`data-pagefind-body outside determination pages: ${scan.outside.join(', ')}`);
  if (scan.pages.length === 0) throw new Error('no determination page carries data-pagefind-body');
  const lacking = scan.pages.filter((p) => !data.sha256.has(p.file)).map((p) => p.file);
  if (lacking.length > 0)
    throw new Error(
      `${SEARCH_DATA_DIR} has no line for ${lacking.slice(0, 3).join(', ')}${lacking.length > 3 ? ', …' : ''}: build the site again`,
    );
}

/**
 * The shard indexer of a run: `index` gives it the shards the cache does not hold, each once
 * (`given`: their hashes), each indexed into a temporary folder renamed when complete.
 */
function shardsIndexer(root: string, cacheDir: string, options: IndexOptions & { warm: number }) {
  const jobOf = async (data: SearchData, shard: PlannedShard, hash: string) => ({
    hash,
    site: root,
    outDir: join(cacheDir, `${hash}.tmp-${process.pid}`),
    id: shard.id,
    tag: recordTag(hash),
    files: shard.pages.map((p) => p.file),
    data: await data.records(shard.pages.map((p) => p.file)),
  });
  const cached = (hash: string) => existsSync(join(cacheDir, hash, 'pagefind-entry.json'));
  let done = 0;
  let queued = 0;
  const indexer = shardIndexer<Awaited<ReturnType<typeof jobOf>>>(options.jobs ?? DEFAULT_JOBS, {
    warm: options.warm,
    cwd: repoRoot,
    env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) },
    onDone: async (job, milliseconds) => {
      await rm(join(cacheDir, job.hash), { recursive: true, force: true });
      await rename(job.outDir, join(cacheDir, job.hash));
      done += 1;
      options.onProgress?.(`indexed shard ${job.id} (${job.files.length} pages) in ${milliseconds} ms [${done}/${queued}]`);
    },
  });
  const given = new Set<string>();
  const index = async (data: SearchData, shards: readonly { shard: PlannedShard; hash: string }[]) => {
    const jobs = await Promise.all(
      shards.filter(({ hash }) => !given.has(hash) && !cached(hash)).map(({ shard, hash }) => jobOf(data, shard, hash)),
    );
    for (const job of jobs) {
      given.add(job.hash);
      await rm(job.outDir, { recursive: true, force: true });
    }
    queued += jobs.length;
    indexer.index(jobs);
  };

  return { index, given, close: () => indexer.close(), abort: (error: unknown) => indexer.abort(error) };
}

export async function indexSite(siteDir: string, options: IndexOptions = {}): Promise<IndexSummary> {
  const started = performance.now();
  const root = resolve(siteDir);
  const cacheDir = resolve(options.cacheDir ?? defaultCacheDir());
  const maxShardPages = options.maxShardPages ?? DEFAULT_SHARD_PAGES;

  await mkdir(cacheDir, { recursive: true });
  // One scan cache per site folder, so builds to other folders never read each other's.
  const scanCache = join(cacheDir, `${SCAN_PREFIX}${createHash('sha256').update(root).digest('hex').slice(0, 16)}`);
  const scans = [`${scanCache}.json`, `${scanCache}.data.json`];
  // The index the site has now: what this run's shards are compared with, and what it replaces.
  const published = await publishedManifest(join(root, 'pagefind'));
  // An update's new letters are in a shard indexed again: its worker starts first, so that Node,
  // tsx and Pagefind load while the search data and the site are read (a wait of some 0.3 s of
  // a 2 s update at 10,000 letters when it started with the job).
  const indexer = shardsIndexer(root, cacheDir, { ...options, warm: published ? 1 : 0 });
  const { given } = indexer;

  let data: SearchData;
  let planned: { shard: PlannedShard; hash: string }[];
  let scan: SiteScan;
  /** The shards given before the whole scan. */
  let early: ReadonlySet<string> = new Set();
  try {
    data = await readSearchData(root, scans[1]);
    const scanner = await openSiteScan(root, scans[0]);
    // The shards an update most likely changed are indexed while the rest of the site is scanned:
    // an update's new letters are in one or two shards, and the scan stats every page (2.3 s of a
    // 5.5 s index at 100,000 letters, 2026-12-05).
    // (Not on a first index, when every page is new: changedShards would scan them all first.)
    if (published) await indexer.index(data, changedShards(data, scanner, published.shards, maxShardPages));
    early = new Set(given);

    scan = await scanner.finish(new Set(data.sha256.keys()));
    checkScan(scan, data);
    const byFile = new Map(scan.pages.map((p) => [p.file, p]));
    planned = planShards(scan.pages, maxShardPages).map((shard) => ({ shard, hash: shardHash(shard, byFile, data) }));
    await indexer.index(data, planned);
  } catch (error) {
    await indexer.abort(error);
    throw error;
  }
  await indexer.close();
  // Shards indexed early that the whole scan's plan does not hold (the guess was wrong: a page's date changed) are left to keepOnly.
  const missing = planned.filter(({ hash }) => given.has(hash));

  // The facet files, oldest shard first, against the site's one list of values.
  const facets = await writeFacetFiles(
    cacheDir,
    planned.map(({ shard, hash }) => ({
      hash,
      tag: recordTag(hash),
      facts: async () => (await data.records(shard.pages.map((p) => p.file))).map((r) => r.facts),
    })),
    facetCode,
  );

  // Every determination page in exactly one shard: the plan partitions the pages, and each
  // bundle must hold a record for each of its pages besides the items'.
  const shards: IndexedShard[] = [];
  for (const [k, { shard, hash }] of planned.entries()) {
    const records = await bundlePageCount(join(cacheDir, hash));
    const items = records - shard.pages.length;
    if (items < 0)
      throw new Error(`Pagefind indexed ${records} records of shard ${shard.id} but it has ${shard.pages.length} determination pages`);
    shards.push({
      id: shard.id,
      pages: shard.pages.length,
      items,
      records,
      first: shard.pages[0]!.decided,
      last: shard.pages.at(-1)!.decided,
      tag: recordTag(hash),
      hash,
      facets: facets.files[k]!.values,
      listNames: listNameLength(shard.pages.length),
    });
  }
  const pages = shards.reduce((n, s) => n + s.pages, 0);
  const distinct = new Set(planned.flatMap(({ shard }) => shard.pages.map((p) => p.file))).size;
  if (pages !== scan.pages.length || distinct !== scan.pages.length) {
    throw new Error(
      `Pagefind indexed ${pages} pages (${distinct} distinct) but ${scan.pages.length} determination pages carry data-pagefind-body`,
    );
  }
  // A result's id names its shard by the tag: two shards with one tag could not be told apart.
  if (new Set(shards.map((s) => s.tag)).size !== shards.length) throw new Error('two search-index shards share a record tag');

  const outputPath = await publish(root, cacheDir, shards, facets, published);

  await keepOnly(cacheDir, shards, facets, scans);

  return {
    pages,
    items: shards.reduce((n, s) => n + s.items, 0),
    bodies: scan.pages.length,
    scanned: scan.read,
    dataRead: data.read,
    facetsWritten: facets.written,
    shards: shards.length,
    indexed: missing.length,
    early: missing.filter(({ hash }) => early.has(hash)).length,
    reused: shards.length - missing.length,
    outputPath,
    milliseconds: Math.round(performance.now() - started),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { 'shard-pages': { type: 'string' }, jobs: { type: 'string' } },
    });
    const dir = positionals[0] ?? process.env.OUT_DIR ?? 'dist';
    const s = await indexSite(dir, {
      maxShardPages: positiveWhole(values['shard-pages'] ?? process.env.SEARCH_SHARD_PAGES, '--shard-pages'),
      jobs: positiveWhole(values.jobs ?? process.env.SEARCH_INDEX_JOBS, '--jobs'),
      onProgress: (line) => console.error(`search index: ${line}`),
    });
    const where = s.outputPath.startsWith(process.cwd()) ? relative(process.cwd(), s.outputPath) : s.outputPath;
    console.log(
      `search index: ${s.pages} determination pages (${s.items} disputed items) in ${s.shards} shard(s) (${s.indexed} indexed${s.early > 0 ? `, ${s.early} of them while the site was scanned` : ''}, ${s.reused} unchanged) into ${where} in ${s.milliseconds} ms`,
    );
  } catch (error) {
    console.error(`search index: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
