// The disputed items of a determination as the search's CSV download needs them. The build writes
// them in the search index's input (SEARCH_DATA_DIR, letter-facts.ts), out of Pagefind's reach: Pagefind
// indexes the words of its metadata, and a treatment slug such as "tens-ems-interferential" would
// make "TENS" match every letter with such an item. The search index copies them into a file per
// shard (RESULTS_FILE) that the search page fetches only for a download. Slugs, not labels, keep
// it short; the search page holds the labels in its filters.
import { citationWhere } from '../open-data/citation-text.ts';
import type { Citation, Determination } from '../schema/index.ts';

/** A citation: guideline slug, and the section and pages ("Opioids, pp. 78–80", or ""). */
export type ResultCitation = [guideline: string, where: string];

/** request, outcome, treatment type slug, reviewer citations, claims administrator citations, body region slugs. */
export type ResultItem = [
  request: string,
  outcome: string,
  treatmentType: string,
  reviewer: ResultCitation[],
  claimsAdministrator: ResultCitation[],
  bodyRegions: string[],
];

const cited = (list: readonly Citation[]): ResultCitation[] => list.map((c) => [c.guideline, citationWhere(c)]);

/** A shard's CSV data, one entry per letter in row order (scripts/search-index/index-shard.ts). */
export const RESULTS_FILE = 'results.json.gz';

/** A letter's CSV data as the page carries it: decided date, specialties, priority and items (JSON). */
export interface ResultMeta {
  date?: string;
  specialty: string;
  priority?: string;
  items: string;
}

/** The letter's CSV data. */
export function resultCsvMeta(d: Pick<Determination, 'items' | 'dates' | 'reviewer' | 'priority'>): ResultMeta {
  return {
    ...(d.dates.decided ? { date: d.dates.decided } : {}),
    specialty: d.reviewer.specialties.join(', '),
    ...(d.priority ? { priority: d.priority } : {}),
    items: resultItemsMeta(d),
  };
}

/**
 * The `items` metadata Pagefind keeps for the results list: request and outcome only (JSON), with
 * a space between values. Pagefind indexes the metadata's words too, and without the spaces glued
 * a request's last word to its outcome and the next request's first ("mriupheldlumbar"): junk
 * words in every shard, which a search for "mri" had to fetch and rank as well.
 */
export function searchItemsMeta(d: Pick<Determination, 'items'>): string {
  return `[${d.items.map((i) => `[${JSON.stringify(i.request)}, ${JSON.stringify(i.outcome)}]`).join(', ')}]`;
}

/** Each item's request, outcome, treatment type and citations (JSON). */
export function resultItemsMeta(d: Pick<Determination, 'items'>): string {
  const items: ResultItem[] = d.items.map((i) => [
    i.request,
    i.outcome,
    i.treatmentType,
    cited(i.citations.reviewer),
    cited(i.citations.claimsAdministrator),
    i.bodyRegions,
  ]);
  return JSON.stringify(items);
}

const isCitation = (v: unknown): v is ResultCitation => Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string';
const citations = (v: unknown): ResultCitation[] => (Array.isArray(v) ? v.filter(isCitation) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/**
 * The items read back from the metadata; an index built before the treatment type and citations
 * were added gives its items without them. Anything unreadable gives no items.
 */
export function parseResultItems(json: string | undefined): ResultItem[] {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is unknown[] => Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string')
    .map((v) => [v[0] as string, v[1] as string, typeof v[2] === 'string' ? v[2] : '', citations(v[3]), citations(v[4]), strings(v[5])]);
}
