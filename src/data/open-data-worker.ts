// The worker thread of the open-data stage (src/data/open-data.ts): given the corpus's letters
// and the catalogue's names, writes the open data files (src/lib/open-data/write-open-data.ts)
// and the search index's input (SEARCH_DATA_FILE) into the build's output folder, or, without
// one (astro dev), only counts them. Node runs this file as it stands (type stripping), so it
// and what it imports use erasable TypeScript only.
import { parentPort } from 'node:worker_threads';
import { indexGuidelines } from '../lib/catalogue/index-guidelines.ts';
import { indexTreatmentRegions } from '../lib/catalogue/index-treatment-regions.ts';
import { flattenItems } from '../lib/corpus/flatten-items.ts';
import { partialFiles, type PartialFiles } from './files/partial-files.ts';
import type { NameGroup } from '../lib/search/name-match.ts';
import { SEARCH_DATA_FILE, searchDataLine } from '../lib/search/letter-facts.ts';
import { writeOpenData, type OpenData } from '../lib/open-data/write-open-data.ts';
import { absoluteUrl } from '../lib/paths/absolute-url.ts';
import { determinationPath } from '../lib/paths/routes.ts';
import type { Determination, Guideline } from '../lib/schema/index.ts';

export interface OpenDataJob {
  /** Newest decision first, as the corpus holds them. */
  determinations: readonly Determination[];
  /** The catalogue's guidelines, in slug order. */
  guidelines: readonly Guideline[];
  /** The catalogue's body-region slugs, in file order. */
  regions: readonly string[];
  treatmentLabels: [slug: string, label: string][];
  guidelineLabels: [slug: string, short: string][];
  /** The site's origin and base path, for the absolute page URLs of the rows. */
  site: string;
  base: string;
  /** The build's output folder; none in astro dev. */
  outDir: string | undefined;
  /** Write the open data too (IMR_OPEN_DATA=off: the search index's input only). */
  openData: boolean;
  /** The catalogue's synonym groups: the search data says which each request names. */
  synonyms: readonly NameGroup[];
}

export type OpenDataReply = { data: OpenData } | { error: string };

async function publish(job: OpenDataJob): Promise<OpenData> {
  // The items and the guideline and region indexes are made again here rather than copied over:
  // copying is work on the build's thread, making them is work on this one.
  const items = flattenItems(job.determinations);
  const treatmentLabels = new Map(job.treatmentLabels);
  const guidelineLabels = new Map(job.guidelineLabels);
  const files = job.outDir ? partialFiles(job.outDir) : undefined;
  try {
    await writeSearchData(job, files);
    if (!job.openData) {
      await files?.commit();
      return NO_OPEN_DATA;
    }
    const data = await writeOpenData(
      {
        determinations: job.determinations,
        items,
        guidelineIndex: indexGuidelines(items, job.guidelines),
        treatmentRegions: indexTreatmentRegions(items, job.regions),
        treatmentLabel: (slug) => treatmentLabels.get(slug) ?? slug,
        guidelineLabel: (slug) => guidelineLabels.get(slug) ?? slug,
        pageUrl: (id, n) => absoluteUrl(job.site, job.base, determinationPath(id, n)),
      },
      files ?? { append: async () => undefined },
    );
    await files?.commit();
    return data;
  } catch (error) {
    await files?.abort();
    throw error;
  }
}

/** Letters per append of the search index's input. */
const SEARCH_DATA_CHUNK = 1000;

/** Every letter's search facts and CSV data, a line each (src/lib/search/letter-facts.ts). */
async function writeSearchData(job: OpenDataJob, files: PartialFiles | undefined): Promise<void> {
  const bySlug = new Map(job.guidelines.map((g) => [g.slug, g]));
  await files?.append(SEARCH_DATA_FILE, '');
  for (let start = 0; start < job.determinations.length; start += SEARCH_DATA_CHUNK) {
    const lines = job.determinations
      .slice(start, start + SEARCH_DATA_CHUNK)
      .map((d) => searchDataLine(d, (slug) => bySlug.get(slug), job.synonyms));
    await files?.append(SEARCH_DATA_FILE, lines.join(''));
  }
}

const NONE = { path: '', rows: 0, bytes: 0 };
const NO_OPEN_DATA: OpenData = {
  determinations: NONE,
  items: NONE,
  schema: NONE,
  lists: { treatments: 0, regions: 0, sections: 0, bytes: 0 },
};

parentPort!.once('message', (job: OpenDataJob) => {
  publish(job).then(
    (data) => parentPort!.postMessage({ data } satisfies OpenDataReply),
    (error: unknown) =>
      parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies OpenDataReply),
  );
});
