// The one place pages read the content collections. Everything derived here is computed once per
// build (the module is evaluated once) by the pure helpers of src/lib/.
import { getCollection, type CollectionEntry } from 'astro:content';
import { cacheKeys, letterVersion, type CacheKeys } from '../lib/corpus/cache-keys.ts';
import { flattenItems, type ItemRef } from '../lib/corpus/flatten-items.ts';
import { indexGuidelines, type GuidelineEntry } from '../lib/catalogue/index-guidelines.ts';
import type { Determination, Guideline, TreatmentType } from '../lib/schema/index.ts';
import { sortByDecided } from '../lib/corpus/sort-by-decided.ts';
import { treatmentRows, type TreatmentRow } from '../lib/catalogue/treatment-rows.ts';

export interface Corpus {
  /** Determination entries, newest decision first. */
  entries: CollectionEntry<'determinations'>[];
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
  /** Incremental-build cache keys of pages, from the determinations they show. */
  keys: CacheKeys;
}

let corpus: Promise<Corpus> | undefined;

export function loadCorpus(): Promise<Corpus> {
  corpus ??= build();
  return corpus;
}

async function build(): Promise<Corpus> {
  const [determinationEntries, guidelineEntries, treatmentEntries] = await Promise.all([
    getCollection('determinations'),
    getCollection('guidelines'),
    getCollection('treatments'),
  ]);
  // The entry id is the determination id (see content.config.ts), so data and entries pair by id.
  const determinations = sortByDecided(determinationEntries.map((e) => e.data));
  const byId = new Map(determinationEntries.map((e) => [e.data.id, e]));
  const entries = determinations.map((d) => byId.get(d.id)).filter((e) => e !== undefined);
  const items = flattenItems(determinations);
  const guidelines = guidelineEntries.map((e) => e.data);
  const taxonomy = treatmentEntries
    .map((e) => e.data)
    .sort((a, b) => a.order - b.order)
    .map(({ order: _o, isFallback: _f, ...type }) => type);
  const treatments = treatmentRows(taxonomy, items);
  const treatmentLabels = new Map(treatments.map((t) => [t.slug, t.label]));
  const guidelineLabels = new Map(guidelines.map((g) => [g.slug, g.short]));
  return {
    entries,
    determinations,
    items,
    guidelines,
    guidelineIndex: indexGuidelines(items, guidelines),
    taxonomy,
    treatments,
    treatmentLabel: (slug) => treatmentLabels.get(slug) ?? slug,
    guidelineLabel: (slug) => guidelineLabels.get(slug) ?? slug,
    keys: cacheKeys(new Map(entries.map((e) => [e.id, letterVersion(e.digest, e.data)])), { guidelines, taxonomy }),
  };
}
