// Indexes one shard of determination pages into a Pagefind bundle of its own. It runs in a child
// process of scripts/search-index.ts (forked with `--import tsx`), so the memory Pagefind's Rust
// service took for the shard is returned to the system when the child exits: indexing memory
// depends on the shard size, not on the corpus.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { runPool } from './run-pool.ts';

export interface ShardJob {
  /** Built site folder the files are read from. */
  site: string;
  /** Empty folder the bundle is written to. */
  outDir: string;
  /** Shard id, for messages. */
  id: string;
  /** Determination pages, relative to `site` ("determinations/<id>/index.html"). */
  files: string[];
}

export type ShardReply = { pages: number } | { error: string };

/** Files Pagefind writes for its own UIs; the search page only uses pagefind.js and its worker. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** How many pages are in flight to Pagefind's service at once: enough to overlap reads and IPC. */
const IN_FLIGHT = 8;

export async function indexShard(job: ShardJob): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    await runPool(job.files, IN_FLIGHT, async (file) => {
      const html = await readFile(join(job.site, file), 'utf8');
      // An explicit URL: "determinations/X/index.html" is served as /determinations/X/.
      const url = `/${file.replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: html });
      problems.push(...added.errors.map((e) => `${file}: ${e}`));
    });
    if (problems.length > 0) throw new Error(`Pagefind: ${problems.join('; ')}`);
    const written = await index.writeFiles({ outputPath: job.outDir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const name of await readdir(job.outDir)) if (UNUSED.test(name)) await rm(join(job.outDir, name));
    return await bundlePageCount(job.outDir);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/** Pages indexed in a written bundle, from its pagefind-entry.json. */
export async function bundlePageCount(dir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

// As a forked child: one job in by IPC, one reply out, then exit.
if (process.send && process.argv.includes('--shard-worker')) {
  process.once('message', (job: ShardJob) => {
    indexShard(job).then(
      (pages) => process.send!({ pages } satisfies ShardReply, () => process.exit(0)),
      (error: unknown) =>
        process.send!({ error: error instanceof Error ? error.message : String(error) } satisfies ShardReply, () => process.exit(1)),
    );
  });
}
