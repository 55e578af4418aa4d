// Indexes one shard of determination pages into a Pagefind bundle of its own, in a worker process
// of scripts/search-index.ts, with a Pagefind service per shard (closed after it, so memory is the
// shard's). Each page becomes a record for the letter and one per item (letter-records.ts),
// numbered by a `row` sort key in page order from 1, by which each record is then named, and the
// word index is cut again (pagefind-meta.ts, pagefind-chunks.ts); each letter's card
// (letter-cards.ts) is written as Pagefind takes its record, and the shard's CSV download data
// (RESULTS_FILE) beside them from the letters' search data. Its facet table is the
// indexer's to write (facet-files.ts).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { RESULTS_FILE } from '../../src/lib/search/download-data.ts';
import type { ResultData } from '../../src/lib/search/download-rows.ts';
import type { SearchRecordData } from '../../src/lib/search/letter-facts.ts';
import { letterCardPath } from '../../src/lib/search/shard-manifest.ts';
import { listNameLength } from '../../src/lib/search/word-lists.ts';
import { cardOf } from './letter-cards.ts';
import { letterRecords, type LetterRecords } from './letter-records.ts';
import { rewriteBundle } from './pagefind-meta.ts';
import { runPool } from './run-pool.ts';
import { surfaceWords, writeWordLists } from './word-list-files.ts';

export interface ShardJob {
  /** Built site folder the files are read from. */
  site: string;
  /** Empty folder the bundle is written to. */
  outDir: string;
  /** Shard id, for messages. */
  id: string;
  /** Its records' names start so (recordTag in src/lib/search/shard-manifest.ts). */
  tag: string;
  /** Determination pages, relative to `site` ("determinations/<id>/index.html"), in row order. */
  files: string[];
  /** Each page's search data, same order. */
  data: SearchRecordData[];
}

/** What a shard holds: letters, their disputed items, and the Pagefind records of both. */
export interface ShardCounts {
  letters: number;
  items: number;
  records: number;
}

export type ShardReply = ShardCounts | { error: string };

/** Files Pagefind writes for its own UIs and its worker; the search page runs pagefind.js on its own thread. */
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)|pagefind-worker\.js|wasm\.unknown\.pagefind)$/;

/** How many pages are in flight to Pagefind's service at once: enough to overlap reads and IPC. */
const IN_FLIGHT = 8;

export async function indexShard(job: ShardJob): Promise<ShardCounts> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const pages = new Map<string, LetterRecords>();
    const given = job.files.map((file, i) => ({ file, data: job.data[i]! }));
    await runPool(given, IN_FLIGHT, async ({ file, data }) => {
      pages.set(file, letterRecords(await readFile(join(job.site, file), 'utf8'), data, file));
    });
    // Rows in page order: each letter's own record, then its items.
    const records: { url: string; html: string; row: number }[] = [];
    // Per row, where an item's request stands, for the word lists' request bit.
    const spans: (readonly [number, number] | undefined)[] = [];
    const add = (url: string, html: (row: number) => string, span?: readonly [number, number]) => {
      const row = records.length + 1;
      records.push({ url, html: html(row), row });
      spans[row] = span;
    };
    job.files.forEach((file, k) => {
      const page = pages.get(file)!;
      const url = `/${file.replace(/index\.html$/, '')}`;
      add(url, page.letter);
      page.items.forEach((item, i) => add(`${url}#item-${i + 1}`, item, job.data[k]!.facts.items[i]?.request));
    });
    const surfaces = new Set<string>();
    for (const { html } of records) surfaceWords(html, surfaces);
    const problems: string[] = [];
    await mkdir(join(job.outDir, 'card'), { recursive: true });
    await runPool(records, IN_FLIGHT, async ({ url, html, row }) => {
      const added = await index.addHTMLFile({ url, content: html });
      problems.push(...added.errors.map((e) => `${url}: ${e}`));
      // A letter's card, written while Pagefind takes the next records; it needs the page's metadata (its items, for the results list).
      if (url.includes('#')) return;
      try {
        if (!added.file) throw new Error(`${url}: Pagefind did not take the letter's record`);
        await writeFile(join(job.outDir, letterCardPath(job.tag, row)), cardOf(added.file));
      } catch (error) {
        problems.push((error as Error).message);
      }
    });
    if (problems.length > 0) throw new Error(`Pagefind: ${problems.join('; ')}`);
    const written = await index.writeFiles({ outputPath: job.outDir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const name of await readdir(job.outDir)) if (UNUSED.test(name)) await rm(join(job.outDir, name));
    const named = await rewriteBundle(job.outDir, job.tag);
    await writeWordLists(job.outDir, job.tag, (row) => spans[row], surfaces, listNameLength(job.files.length));
    // URLs relative to the site's root, as the search page resolves them against its base.
    const results: ResultData[] = job.files.map((f) => ({ url: f.replace(/index\.html$/, ''), meta: { ...pages.get(f)!.result } }));
    await writeFile(join(job.outDir, RESULTS_FILE), gzipSync(JSON.stringify(results), { level: 9 }));
    const counts = { letters: job.files.length, items: records.length - job.files.length, records: records.length };
    const indexed = await bundlePageCount(job.outDir);
    if (indexed !== counts.records || named !== counts.records)
      throw new Error(`Pagefind indexed ${indexed} records of shard ${job.id} (${named} named) but was given ${counts.records}`);
    return counts;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/** Records indexed in a written bundle, from its pagefind-entry.json. */
export async function bundlePageCount(dir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

// As a forked worker (shard-workers.ts): one reply per job sent, until the parent disconnects.
if (process.send && process.argv.includes('--shard-worker')) {
  process.on('message', (job: ShardJob) => {
    indexShard(job).then(
      (counts) => process.send!(counts satisfies ShardReply),
      (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) } satisfies ShardReply),
    );
  });
  process.once('disconnect', () => process.exit(0));
}
