// The open data of the build (src/lib/open-data/write-open-data.ts says which files). The /data/
// page documents these files with their counts and sizes, so its build writes them, from the
// corpus the pages already hold, into the build's output folder: appended to a part of the corpus
// at a time and renamed into place when all are whole (src/lib/files/partial-files.ts). They are
// written on every build (no cache key), so the prune step keeps exactly those this build made.
// IMR_OPEN_DATA=off skips the stage (nothing written, the page reports none), to measure the build
// without it (npm run bench -- --compare-open-data).
import { loadCorpus } from './corpus.ts';
import { partialFiles } from '../lib/files/partial-files.ts';
import { writeOpenData, type OpenData } from '../lib/open-data/write-open-data.ts';
import { determinationPath } from '../lib/paths/routes.ts';
import { siteUrl } from '../lib/paths/site-url.ts';

export type { OpenData } from '../lib/open-data/write-open-data.ts';

// Set by src/integrations/open-data-dir.ts for `astro build`; in `astro dev` nothing is written
// and only the sizes are counted.
const outDir: string | undefined = import.meta.env.OPEN_DATA_OUT_DIR;

let published: Promise<OpenData & { seconds: number }> | undefined;

/** Writes the open data into the build's output folder (once per build) and reports on it. */
export function publishOpenData(): Promise<OpenData & { seconds: number }> {
  published ??= publish();
  return published;
}

const NONE = (path: string) => ({ path, rows: 0, bytes: 0 });

async function publish(): Promise<OpenData & { seconds: number }> {
  if (process.env.IMR_OPEN_DATA === 'off') {
    const none = { determinations: NONE(''), items: NONE(''), schema: NONE(''), lists: { treatments: 0, sections: 0, bytes: 0 } };
    return { ...none, seconds: 0 };
  }
  const started = performance.now();
  const corpus = await loadCorpus();
  const files = outDir ? partialFiles(outDir) : undefined;
  let data: OpenData;
  try {
    data = await writeOpenData(
      { ...corpus, pageUrl: (id, n) => siteUrl(determinationPath(id, n)) },
      files ?? { append: async () => undefined },
    );
    await files?.commit();
  } catch (error) {
    await files?.abort();
    throw error;
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  const count = 3 + data.lists.treatments + data.lists.sections;
  const bytes = data.schema.bytes + data.determinations.bytes + data.items.bytes + data.lists.bytes;
  // One line for the build's output; the benchmark reads it (scripts/dev/bench.ts).
  console.log(`open data: ${count} files, ${bytes} bytes, in ${seconds} s`);
  return { ...data, seconds };
}
