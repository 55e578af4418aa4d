// The open data of the build (src/lib/open-data/write-open-data.ts says which files), written
// from the corpus the pages already hold into the build's output folder, on a worker thread
// (open-data-worker.ts) so that pages go on rendering meanwhile. The worker gets the corpus's
// outline, then only the parts of the corpus it asks for (open-data-parts.ts), so it never holds a
// second copy of the whole corpus. The same worker writes the search
// index's input (SEARCH_DATA_DIR in letter-facts.ts); IMR_OPEN_DATA=off writes only that, to
// measure the build without the open data (npm run bench -- --compare-open-data).
import { Worker } from 'node:worker_threads';
import { loadCorpus, type Corpus } from './corpus.ts';
import type { OpenData, OpenDataJob } from './open-data-files.ts';
import { openDataFolders, projectRoot } from './build-folders.ts';
import { partsToPush, sendParts } from './open-data-parts.ts';
import { openDataOutline } from '../lib/open-data/open-data-outline.ts';
import { CHUNK } from '../lib/open-data/write-open-data.ts';

export type { OpenData } from './open-data-files.ts';

let published: Promise<OpenData & { seconds: number }> | undefined;

// The /data/ page documents these files with their counts and sizes, so its build writes them:
// appended a part of the corpus at a time and renamed into place when all are whole
// (src/data/files/partial-files.ts). The page renders on every build (no cache key); a file whose
// letters, code and catalogue are unchanged is kept from the last build (open-data-files.ts), and
// the stage's memory names every file it made, which the prune step keeps. The output folder is
// set by src/integrations/build-folders.ts for `astro build`; in `astro dev` nothing is written
// and only the sizes are counted.
/** Writes the open data into the build's output folder (once per build) and reports on it. */
export function publishOpenData(): Promise<OpenData & { seconds: number }> {
  published ??= loadCorpus().then(publish);
  return published;
}

/**
 * What the open data is written from: the corpus without the similarity stage's results, so the
 * build can start the worker before it ranks (corpus.ts).
 */
export type OpenDataSource = Omit<Corpus, 'precedents'>;

/**
 * Starts the open data's worker now, from the corpus being built, unless it runs already: the
 * /data/ page waits for it, and Astro renders 100,000 paths at a time, so at 100k letters the first
 * batch waited seconds on that page when the worker started with it.
 */
export function startOpenData(corpus: OpenDataSource): void {
  published ??= publish(corpus);
  // The /data/ page awaits the same promise: a failure fails its build, not this call.
  published.catch(() => undefined);
}

/** Runs the job on a worker thread of its own (from the project root: this module is bundled elsewhere). */
function onWorker(job: () => OpenDataJob, corpus: OpenDataSource): Promise<{ data: OpenData; sendSeconds: number }> {
  const worker = new Worker(new URL('src/data/open-data-worker.ts', projectRoot()));
  const failed = new Promise<never>((_resolve, reject) => {
    worker.once('error', (error: Error) => reject(new Error(`open data: the worker failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => reject(new Error(`open data: the worker exited with ${code} before it was done`)));
  });
  // The work on the build's thread: the outline, and copying it and each part the worker asks for.
  const started = performance.now();
  const made = job();
  const outlineSeconds = (performance.now() - started) / 1000;
  // The entries are in the determinations' order (Corpus), which the parts cut.
  const pushed = partsToPush(
    made.outline.periods,
    corpus.entries.map((e) => e.changed),
    made.partSize,
  );
  const done = sendParts<OpenDataJob, OpenData>(worker, made, corpus.determinations, made.partSize, pushed);
  return Promise.race([done, failed])
    .then(({ data, sendSeconds }) => ({ data, sendSeconds: sendSeconds + outlineSeconds }))
    .finally(() => void worker.terminate());
}

async function publish(corpus: OpenDataSource): Promise<OpenData & { seconds: number }> {
  // Off, the worker still writes the search index's input.
  const openData = process.env.IMR_OPEN_DATA !== 'off';
  const { outDir, cacheDir } = openDataFolders();
  const started = performance.now();
  const job = (): OpenDataJob => ({
    outline: openDataOutline(corpus),
    versions: corpus.determinations.map((d) => corpus.versions.get(d.id) ?? ''),
    partSize: CHUNK,
    guidelines: corpus.guidelines,
    regions: corpus.regions.map((r) => r.slug),
    treatmentLabels: corpus.treatments.map((t) => [t.slug, corpus.treatmentLabel(t.slug)]),
    guidelineLabels: corpus.guidelines.map((g) => [g.slug, corpus.guidelineLabel(g.slug)]),
    site: import.meta.env.SITE ?? '',
    base: import.meta.env.BASE_URL,
    outDir,
    cacheDir,
    openData,
    synonyms: corpus.synonyms,
  });
  const { data, sendSeconds } = await onWorker(job, corpus);
  const { written, kept } = data;
  const files = `period files: ${written.periods} written, ${kept.periods} kept; list files: ${written.lists} written, ${kept.lists} kept; search data: ${written.search} written, ${kept.search} kept`;
  if (!openData) {
    console.log(`open data: off; ${files}`);
    return { ...data, seconds: 0 };
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  const count = 2 + 2 * data.periods.length + data.lists.treatments + data.lists.regions + data.lists.sections;
  const bytes =
    data.schema.bytes + data.index.bytes + data.periods.reduce((n, p) => n + p.determinations.bytes + p.items.bytes, 0) + data.lists.bytes;
  // One line for the build's output; the benchmark reads it (scripts/dev/bench.ts).
  console.log(
    `open data: ${count} files, ${bytes} bytes, in ${seconds} s (${sendSeconds.toFixed(3)} s of it on the build's thread); ${files}`,
  );
  return { ...data, seconds };
}
