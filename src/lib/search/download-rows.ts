// The rows of the search page's CSV download: one per disputed item the search matched, with the
// columns of the open data's items.csv (src/lib/open-data/item-columns.ts), from what a letter's
// search record carries (its URL and metadata).
import { citedAt, LIST_SEPARATOR } from '../open-data/citation-text.ts';
import type { Cell } from '../open-data/csv.ts';
import { ITEM_HEADER } from '../open-data/item-columns.ts';
import { parseResultItems, type ResultCitation } from './download-data.ts';
import type { SearchState } from './search-state.ts';

/** The part of a letter record's Pagefind data the rows are made from. */
export interface ResultData {
  url: string;
  meta: Record<string, string | undefined>;
}

export interface RowContext {
  /** Origin the page URLs are made absolute with (location.origin). */
  origin: string;
  /** Display labels of treatment type and guideline slugs (the slug when unknown). */
  treatmentLabel(slug: string): string;
  guidelineLabel(slug: string): string;
  /** The search: its words and filters. */
  state: Pick<SearchState, 'q' | 'filters'>;
}

export const RESULT_HEADER = ITEM_HEADER;

/** Items in one download of search results; the open data (/data/) has them all. */
export const RESULT_CSV_MAX_ROWS = 2000;

const CASE_NUMBER = /^CM\d{2}-\d{7}$/;
const DETERMINATION_URL = /\/determinations\/([^/]+)\/$/;

/**
 * The CSV rows (columns RESULT_HEADER) of one matching letter: one per item the search matched
 * (`items`, 1-based: the item-level search chose them, src/lib/search/item-search.ts).
 */
export function resultRows(data: ResultData, items: readonly number[], ctx: RowContext): Cell[][] {
  const id = DETERMINATION_URL.exec(new URL(data.url, ctx.origin).pathname)?.[1] ?? '';
  const listed = parseResultItems(data.meta.items);
  const citations = (list: ResultCitation[]) => list.map(([slug, where]) => citedAt(ctx.guidelineLabel(slug), where)).join(LIST_SEPARATOR);
  return items.flatMap((n) => {
    const item = listed[n - 1];
    if (!item) return [];
    const [request, outcome, treatmentType, reviewer, claimsAdministrator, bodyRegions] = item;
    const row: Record<(typeof ITEM_HEADER)[number], Cell> = {
      determination_id: id,
      case_number: CASE_NUMBER.test(id) ? id : '',
      decided: data.meta.date ?? '',
      item_number: n,
      request,
      treatment_type: treatmentType ? ctx.treatmentLabel(treatmentType) : '',
      treatment_type_slug: treatmentType,
      body_regions: bodyRegions.join(LIST_SEPARATOR),
      outcome,
      reviewer_citations: citations(reviewer),
      claims_administrator_citations: citations(claimsAdministrator),
      reviewer_specialties: (data.meta.specialty ?? '').split(', ').filter(Boolean).join(LIST_SEPARATOR),
      priority: data.meta.priority ?? '',
      page_url: new URL(`${data.url}#item-${n}`, ctx.origin).href,
    };
    return [RESULT_HEADER.map((name) => row[name] ?? '')];
  });
}
