// Times searches on the built site's search page in headless Chromium (Debian's, through
// playwright-core; no browser is downloaded), served on 127.0.0.1 by nginx where it is installed
// (the server docs/deploy.md configures, here without its gzip and headers: both servers send the
// files as they are) or else by scripts/dev/serve.ts: a cold search and warm
// ones (shown above measureQueries), with the bytes each fetched. The server shares the machine's
// cores with the browser, as a reader's host never does: serve.ts took some 0.16 of the 2.3 to 2.6
// CPU seconds the machine's two cores spent on a cold search at 100,000 letters, nginx about 0.02
// (2026-12-06, every process's CPU time in /proc before and after).
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Request } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../serve.ts';
import { HAVE_NGINX, startNginx } from '../../../test/support/nginx.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../lib/chromium-flags.ts';
import { FACET_FILE, FACET_VALUES_FILE } from '../../../src/lib/search/facet-table.ts';
import { CATALOGUE_PATH } from '../../../src/lib/search/search-files.ts';

/** Time, bytes and requests from the start of a search to a point of it. */
export interface StageMeasure {
  ms: number;
  bytes: number;
  requests: number;
}

export interface QueryMeasure {
  /** The search as a query string ("?q=Norco"). */
  search: string;
  /** Result count the page reported. */
  status: string;
  /** To the first results on screen, and to the complete answer (the totals below). */
  firstResults: StageMeasure;
  complete: StageMeasure;
  ms: number;
  requests: number;
  /** Bytes as the files are on disk, as both servers send them (no compression). */
  bytes: number;
  /** Bytes as a gzip-compressing host would send them. */
  gzipBytes: number;
  /** Of `bytes`, what Pagefind fetched (everything under /pagefind/). */
  indexBytes: number;
  /** `bytes` by kind of file: page, catalogue, manifest, runtime, wasm, meta, facets, filter, index, fragment, card, lists, words. */
  byKind: Record<string, number>;
}

/** What a fetched file is, for the byte breakdown. */
function kindOf(path: string): string {
  const ext = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/.exec(path)?.[1];
  if (ext) return { pf_meta: 'meta', pf_index: 'index', pf_filter: 'filter', pf_fragment: 'fragment', pagefind: 'wasm' }[ext]!;
  // A shard's facet table, and the site's one list of the values they refer to.
  if (path.endsWith(`/${FACET_FILE}`) || path.endsWith(`/${FACET_VALUES_FILE}`)) return 'facets';
  // A letter's title, facts and item list (letterCardPath), fetched where a result shows no excerpt of its text.
  if (path.includes('/card/')) return 'card';
  // A shard's word lists (word-lists.ts: a group's smaller words, or a word's own), and the site's word directory.
  if (/\/lists\/.+\.bin\.gz$/.test(path)) return 'lists';
  if (/\/pagefind\/words\//.test(path)) return 'words';
  if (path.endsWith(CATALOGUE_PATH)) return 'catalogue';
  // The index's list of shards, and each shard's Pagefind entry file.
  if (path.endsWith('/shards.json.gz') || path.endsWith('/pagefind-entry.json')) return 'manifest';
  if (path.includes('/pagefind/')) return 'runtime';
  return 'page';
}

export { CHROMIUM };
const SETTLE_MS = 500;
const PRECOMPRESSED = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind|gz)$/;

interface Fetched {
  url: string;
  bytes: number;
  gzipBytes: number;
  /** When its response ended, ms since the epoch. */
  end: number;
}

/**
 * Records every request that finished, page and worker alike. Sizes are read from the files
 * served (both servers send them unchanged): Chromium reports no body for a worker's script.
 */
function recorder(page: Page, site: string, base: string) {
  let log: Promise<Fetched | undefined>[] = [];
  const record = async (request: Request): Promise<Fetched | undefined> => {
    const response = await request.response();
    if (!response || response.status() !== 200) return undefined;
    const path = decodeURIComponent(new URL(request.url()).pathname);
    const file = join(site, path.slice(base.length - 1), path.endsWith('/') ? 'index.html' : '');
    const body = await readFile(file).catch(() => undefined);
    if (!body) return undefined;
    const timing = request.timing();
    return {
      url: path,
      bytes: body.length,
      gzipBytes: PRECOMPRESSED.test(path) ? body.length : gzipSync(body).length,
      end: timing.startTime + timing.responseEnd,
    };
  };
  page.context().on('requestfinished', (request) => log.push(record(request)));
  return {
    /** What finished since the last call. */
    async take(): Promise<Fetched[]> {
      const taken = log;
      log = [];
      return (await Promise.all(taken)).filter((f) => f !== undefined);
    },
  };
}

/**
 * Waits for the results list to hold an answer for these words: the first one shown (first
 * results, or the complete answer when there is no first step) or the complete one. Returns
 * when the page showed it (ms since the epoch, as the page wrote it on the list) and the status.
 */
async function resultsShown(page: Page, words: string, stage: 'first' | 'complete'): Promise<{ at: number; status: string }> {
  const at = await page.waitForFunction(
    ([q, wanted]) => {
      const list = document.querySelector<HTMLElement>('#results');
      const shown = list?.dataset.query === q && (wanted === 'first' ? Boolean(list.dataset.search) : list.dataset.search === 'complete');
      return shown ? Number(list.dataset.shownAt) : 0;
    },
    [words, stage] as const,
    { timeout: 120_000 },
  );
  return { at: await at.jsonValue(), status: (await page.locator('#search-status').textContent()) ?? '' };
}

const stage = (fetched: Fetched[], ms: number): StageMeasure => ({
  ms: Math.round(ms),
  bytes: fetched.reduce((n, f) => n + f.bytes, 0),
  requests: fetched.length,
});

/**
 * One search from `start()` to its first results and to its complete answer. The page writes
 * when it showed each (the first step's requests are over by then; the next step's begin after).
 */
async function measureSearch(
  page: Page,
  log: ReturnType<typeof recorder>,
  search: string,
  start: () => Promise<unknown>,
): Promise<QueryMeasure> {
  const started = Date.now();
  await start();
  const first = await resultsShown(page, wordsOf(search), 'first');
  const complete = await resultsShown(page, wordsOf(search), 'complete');
  // Anything still in flight for this search counts to it.
  await page.waitForTimeout(SETTLE_MS);
  const all = await log.take();
  const measure = summarise(search, complete.status, complete.at - started, all);
  return {
    ...measure,
    firstResults: stage(
      all.filter((f) => f.end <= first.at),
      first.at - started,
    ),
    complete: stage(all, complete.at - started),
  };
}

function summarise(search: string, status: string, ms: number, fetched: Fetched[]): Omit<QueryMeasure, 'firstResults' | 'complete'> {
  const sum = (list: Fetched[], key: 'bytes' | 'gzipBytes') => list.reduce((n, f) => n + f[key], 0);
  return {
    search,
    status,
    ms,
    requests: fetched.length,
    bytes: sum(fetched, 'bytes'),
    gzipBytes: sum(fetched, 'gzipBytes'),
    indexBytes: sum(
      fetched.filter((f) => f.url.includes('/pagefind/')),
      'bytes',
    ),
    byKind: fetched.reduce<Record<string, number>>((kinds, f) => {
      const kind = kindOf(f.url);
      kinds[kind] = (kinds[kind] ?? 0) + f.bytes;
      return kinds;
    }, {}),
  };
}

const wordsOf = (search: string) => new URLSearchParams(search).get('q') ?? '';

/** What serves the site to the browser: nginx or scripts/dev/serve.ts. */
export type BenchServer = 'nginx' | 'node';
export const DEFAULT_SERVER: BenchServer = HAVE_NGINX ? 'nginx' : 'node';

async function serve(site: string, base: string, server: BenchServer): Promise<StaticServer> {
  if (server === 'node') return startStaticServer({ root: site, base });
  // As serve.ts answers: every request a whole 200 answer, never a 304 the recorder would leave out
  // (serve.ts names no version to revalidate against; a fresh browser profile has nothing cached).
  const nginx = await startNginx({
    siteDir: site,
    base,
    serverLines: (root) => `root ${root};\netag off;\nif_modified_since off;\nadd_header Cache-Control no-cache;`,
  });
  return { url: nginx.url, close: nginx.stop };
}

// What is measured:
//
//   cold: a fresh profile opens /search/?q=<words>; from navigation to the first results shown
//         (firstResults: the page's first search answers from one shard first) and to the
//         complete answer (complete)
//   warm: then further searches on the same page (as the back button runs them), each from
//         its start to its first results and to its complete answer
// Bytes are the response bodies fetched in that span, page and Pagefind worker alike, as the
// servers send them (uncompressed), and as a gzip-compressing host or CDN would (Pagefind's own
// files are gzipped already and count as they are).
/**
 * One cold search, then warm ones on the same page; `site` is a built site served at `base`. The
 * browser profile is made in `profiles` and left there for the caller to remove, or, without it,
 * made in the system's temporary folder and removed here.
 */
export async function measureQueries(
  site: string,
  base: string,
  cold: string,
  warm: string[],
  by: BenchServer = DEFAULT_SERVER,
  profiles?: string,
): Promise<{ cold: QueryMeasure; warm: QueryMeasure[] }> {
  const server = await serve(site, base, by);
  const profile = mkdtempSync(join(profiles ?? tmpdir(), 'imr-bench-chromium-'));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const log = recorder(page, site, base);

    const first = await measureSearch(page, log, cold, () => page.goto(new URL(`search/${cold}`, server.url).href));
    const later: QueryMeasure[] = [];
    for (const search of warm) {
      // The way the back and forward buttons run a search: a new URL, then popstate.
      const start = () =>
        page.evaluate((s) => {
          history.pushState(null, '', `${location.pathname}${s}`);
          dispatchEvent(new PopStateEvent('popstate'));
        }, search);
      later.push(await measureSearch(page, log, search, start));
    }
    if (errors.length > 0) throw new Error(`the search page failed: ${errors.join('; ')}`);
    return { cold: first, warm: later };
  } finally {
    // The server and the profile go whatever failed (nginx is a process of its own).
    await context?.close().catch(() => {});
    await server.close();
    if (!profiles) rmSync(profile, { recursive: true, force: true });
  }
}
