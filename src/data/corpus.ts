// The one place pages read the letters (from the letter store, letter-store.ts) and the catalogue.
// Everything derived here is computed once per build (the module is evaluated once) by the pure
// helpers of src/lib/. In `astro dev` too the letters are read once: a letter edited meanwhile
// shows after a restart.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKeys, type CacheKeys } from '../lib/corpus/cache-keys.ts';
import { flattenItems, type ItemRef } from '../lib/corpus/flatten-items.ts';
import { contentDir, corpusCatalogue } from './files/content-dir.ts';
import { loadCatalogue } from './files/load-catalogue.ts';
import { buildCacheFolder, openDataFolders, projectRoot } from './build-folders.ts';
import { indexGuidelines, type GuidelineEntry } from '../lib/catalogue/index-guidelines.ts';
import type { BodyRegion, Determination, Guideline, SynonymGroup, TreatmentType } from '../lib/schema/index.ts';
import { sortByDecided } from '../lib/corpus/sort-by-decided.ts';
import { treatmentRows, type TreatmentRow } from '../lib/catalogue/treatment-rows.ts';
import { indexTreatmentGuidelines, type TreatmentGuidelineEntry } from '../lib/catalogue/index-treatment-guidelines.ts';
import { indexTreatmentRegions, regionLabels, type TreatmentRegionEntry } from '../lib/catalogue/index-treatment-regions.ts';
import { timedPrecedents } from './timed-precedents.ts';
import type { Precedents } from '../lib/similar/precedents.ts';
import { lettersLine, loadLetterStore, type LetterEntry } from './letter-store.ts';
import { startBodyWorker } from './body-thread.ts';

export interface Corpus {
  /** Determination entries, newest decision first. */
  entries: LetterEntry[];
  /** Their data, same order. */
  determinations: Determination[];
  /** Every disputed item, same order. */
  items: ItemRef[];
  /** The guideline catalogue as filed. */
  guidelines: Guideline[];
  /** Catalogue + cited guidelines with their items and sections. */
  guidelineIndex: GuidelineEntry[];
  /** The treatment taxonomy in file order. */
  taxonomy: TreatmentType[];
  /** Every treatment type with counts, grouped. */
  treatments: TreatmentRow[];
  /** Display label of a treatment type slug (the slug itself when unknown). */
  treatmentLabel(slug: string): string;
  /** Short label of a guideline slug (the slug itself when unknown). */
  guidelineLabel(slug: string): string;
  /** Treatment type × the guideline (and section) the reviewer based the decision on. */
  treatmentGuidelines: TreatmentGuidelineEntry[];
  /** The body regions in file order. */
  regions: BodyRegion[];
  /** The search's synonym groups in file order. */
  synonyms: SynonymGroup[];
  /** Label of a body region slug ("No body region named" for NO_REGION; the slug itself when unknown). */
  regionLabel(slug: string): string;
  /** Treatment type × the body region the request names (or none), in the table's order. */
  treatmentRegions: TreatmentRegionEntry[];
  /** Earlier items like each item, and its "before this decision" figure. */
  precedents: Precedents;
  /** Each determination's letterVersion (its file and parsed data), by id: what cache keys and kept open-data files key on. */
  versions: ReadonlyMap<string, string>;
  /** Incremental-build cache keys of pages, from the determinations they show. */
  keys: CacheKeys;
}

/** What the catalogue-aware components need from the corpus; pages hand it down. */
export type CatalogueView = Pick<Corpus, 'guidelineIndex' | 'guidelineLabel' | 'treatmentLabel'>;

let corpus: Promise<Corpus> | undefined;

export function loadCorpus(): Promise<Corpus> {
  corpus ??= build();
  return corpus;
}

/** The letters, with one line on what was read ("148 determinations: 2 read, 1 new or changed in 0.05 s"). */
async function loadLetters(): Promise<LetterEntry[]> {
  const started = performance.now();
  const store = await loadLetterStore({
    folder: join(contentDir(), 'determinations'),
    root: projectRoot(),
    cacheDir: buildCacheFolder(),
    code: projectRoot(),
  });
  for (const warning of store.warnings) console.warn(warning);
  console.log(`[imr] ${lettersLine(store, (performance.now() - started) / 1000)}`);
  return store.entries;
}

async function build(): Promise<Corpus> {
  // The letter pages' Markdown worker starts loading now, beside the corpus, not at the first page.
  startBodyWorker(projectRoot());
  // A build writes the open data on a worker thread (open-data.ts), started below before the
  // similarity stage so that it runs beside the rest of the build; its module loads meanwhile.
  const openData = openDataFolders().outDir ? import('./open-data.ts') : undefined;
  // Awaited below; a letter refused meanwhile must not leave its failure unhandled.
  openData?.catch(() => undefined);
  const determinationEntries = await loadLetters();
  const catalogue = loadCatalogue(corpusCatalogue().dir);
  // The entry id is the file's name, which check holds to the determination id, so data and entries pair by id.
  const determinations = sortByDecided(determinationEntries.map((e) => e.data));
  const byId = new Map(determinationEntries.map((e) => [e.data.id, e]));
  const entries = determinations.map((d) => byId.get(d.id)).filter((e) => e !== undefined);
  const items = flattenItems(determinations);
  const versions = new Map(entries.map((e) => [e.id, e.version]));
  // The catalogue's files in name order (the loader sorts guidelines as the importer tries them).
  const guidelines = [...catalogue.guidelines].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const taxonomy = catalogue.taxonomy.types;
  const treatments = treatmentRows(taxonomy, items);
  const treatmentLabels = new Map(treatments.map((t) => [t.slug, t.label]));
  const guidelineLabels = new Map(guidelines.map((g) => [g.slug, g.short]));
  const { regions } = catalogue;
  const labelOfRegion = regionLabels(regions);
  const source: Omit<Corpus, 'precedents'> = {
    entries,
    determinations,
    items,
    guidelines,
    guidelineIndex: indexGuidelines(items, guidelines),
    treatmentGuidelines: indexTreatmentGuidelines(items, guidelines),
    treatmentRegions: indexTreatmentRegions(
      items,
      regions.map((r) => r.slug),
    ),
    taxonomy,
    treatments,
    treatmentLabel: (slug) => treatmentLabels.get(slug) ?? slug,
    guidelineLabel: (slug) => guidelineLabels.get(slug) ?? slug,
    regions,
    synonyms: catalogue.synonyms,
    regionLabel: (slug) => labelOfRegion.get(slug) ?? slug,
    // Region labels show on the treatment types' pages and lists, so the regions are catalogue too.
    versions,
    keys: cacheKeys(versions, { guidelines, taxonomy, regions }),
  };
  (await openData)?.startOpenData(source);
  const precedents = timedPrecedents(items, determinations, guidelines, versions, {
    cacheDir: buildCacheFolder(),
    root: fileURLToPath(projectRoot()),
  });
  return { ...source, precedents };
}
