// The worker thread of the open-data stage (src/data/open-data.ts): given the corpus's letters
// and the catalogue's names, writes the open data files (src/lib/open-data/write-open-data.ts),
// data/index.json and the search index's input (SEARCH_DATA_DIR) into the build's output folder,
// or, without one (astro dev), only counts them. Files whose key is unchanged since the last build
// are kept (open-data-files.ts). Node runs this file as it stands (type stripping), so it and what
// it imports use erasable TypeScript only.
import { parentPort } from 'node:worker_threads';
import { publishFiles, type OpenData } from './open-data-files.ts';
import type { NameGroup } from '../lib/search/name-match.ts';
import type { Determination, Guideline } from '../lib/schema/index.ts';

export type { OpenData } from './open-data-files.ts';

export interface OpenDataJob {
  /** Newest decision first, as the corpus holds them. */
  determinations: readonly Determination[];
  /** Each determination's letterVersion (src/lib/corpus/cache-keys.ts), by id. */
  versions: [id: string, version: string][];
  /** The catalogue's guidelines, in slug order. */
  guidelines: readonly Guideline[];
  /** The catalogue's body-region slugs, in file order. */
  regions: readonly string[];
  treatmentLabels: [slug: string, label: string][];
  guidelineLabels: [slug: string, short: string][];
  /** The site's origin and base path, for the absolute page URLs of the rows. */
  site: string;
  base: string;
  /** The build's output folder and cache folder; none in astro dev. */
  outDir: string | undefined;
  cacheDir: string | undefined;
  /** Write the open data too (IMR_OPEN_DATA=off: the search index's input only). */
  openData: boolean;
  /** The catalogue's synonym groups: the search data says which each request names. */
  synonyms: readonly NameGroup[];
}

export type OpenDataReply = { data: OpenData } | { error: string };

parentPort!.once('message', (job: OpenDataJob) => {
  publishFiles(job).then(
    (data) => parentPort!.postMessage({ data } satisfies OpenDataReply),
    (error: unknown) =>
      parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies OpenDataReply),
  );
});
