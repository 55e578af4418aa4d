// Times searches on the built site's search page in headless Chromium (Debian's, through
// playwright-core; no browser is downloaded), served by scripts/dev/serve.ts on 127.0.0.1:
//   cold: a fresh profile opens /search/?q=<words>; from navigation to results shown
//   warm: then further searches on the same page (as the back button runs them), each from
//         its start to its results
// Bytes are the response bodies fetched in that span, page and Pagefind worker alike, as
// scripts/dev/serve.ts sends them (uncompressed), and as a gzip-compressing host or CDN would
// (Pagefind's own files are gzipped already and count as they are).
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Request } from 'playwright-core';
import { startStaticServer } from '../serve.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../lib/chromium-flags.ts';

export interface QueryMeasure {
  /** The search as a query string ("?q=Norco"). */
  search: string;
  /** Result count the page reported. */
  status: string;
  ms: number;
  requests: number;
  /** Bytes as scripts/dev/serve.ts sent them (no compression). */
  bytes: number;
  /** Bytes as a gzip-compressing host would send them. */
  gzipBytes: number;
  /** Of `bytes`, what Pagefind fetched (everything under /pagefind/). */
  indexBytes: number;
  /** `bytes` by kind of file: page, manifest, runtime, wasm, meta, filter, index, fragment. */
  byKind: Record<string, number>;
}

/** What a fetched file is, for the byte breakdown. */
function kindOf(path: string): string {
  const ext = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/.exec(path)?.[1];
  if (ext) return { pf_meta: 'meta', pf_index: 'index', pf_filter: 'filter', pf_fragment: 'fragment', pagefind: 'wasm' }[ext]!;
  if (path.includes('/pagefind/')) return path.endsWith('.json') ? 'manifest' : 'runtime';
  return 'page';
}

export { CHROMIUM };
const SETTLE_MS = 500;
const PRECOMPRESSED = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

interface Fetched {
  url: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Records every request that finished, page and worker alike. Sizes are read from the files
 * served (scripts/dev/serve.ts sends them unchanged): Chromium reports no body for a worker's script.
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
    return { url: path, bytes: body.length, gzipBytes: PRECOMPRESSED.test(path) ? body.length : gzipSync(body).length };
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

/** Waits for the status line of a finished search for these words. */
async function resultsShown(page: Page, words: string): Promise<string> {
  await page.waitForFunction(
    (q) => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status.includes(`“${q}”`) && !status.startsWith('Searching');
    },
    words,
    { timeout: 120_000 },
  );
  return (await page.locator('#search-status').textContent()) ?? '';
}

function summarise(search: string, status: string, ms: number, fetched: Fetched[]): QueryMeasure {
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

/** One cold search, then warm ones on the same page; `site` is a built site served at `base`. */
export async function measureQueries(
  site: string,
  base: string,
  cold: string,
  warm: string[],
): Promise<{ cold: QueryMeasure; warm: QueryMeasure[] }> {
  const server = await startStaticServer({ root: site, base });
  const profile = mkdtempSync(join(tmpdir(), 'imr-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const log = recorder(page, site, base);

    let started = performance.now();
    await page.goto(new URL(`search/${cold}`, server.url).href);
    let status = await resultsShown(page, wordsOf(cold));
    let ms = performance.now() - started;
    // Anything still in flight for this search counts to it.
    await page.waitForTimeout(SETTLE_MS);
    const first = summarise(cold, status, Math.round(ms), await log.take());

    const later: QueryMeasure[] = [];
    for (const search of warm) {
      started = performance.now();
      // The way the back and forward buttons run a search: a new URL, then popstate.
      await page.evaluate((s) => {
        history.pushState(null, '', `${location.pathname}${s}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, search);
      status = await resultsShown(page, wordsOf(search));
      ms = performance.now() - started;
      await page.waitForTimeout(SETTLE_MS);
      later.push(summarise(search, status, Math.round(ms), await log.take()));
    }
    if (errors.length > 0) throw new Error(`the search page failed: ${errors.join('; ')}`);
    return { cold: first, warm: later };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
