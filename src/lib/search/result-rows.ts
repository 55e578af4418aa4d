// The rows of the search page's CSV download: one per disputed item of each result, with the
// columns of the open data's items.csv (src/lib/open-data/item-columns.ts), from what a search
// result carries (its URL, metadata and filter values). Filters choose whole determinations; here
// the outcome, treatment-type and guideline filters also choose the items, and with words the
// items the words were found in come alone when there are any.
import { citedAt, LIST_SEPARATOR } from '../open-data/citation-text.ts';
import type { Cell } from '../open-data/csv.ts';
import { ITEM_HEADER } from '../open-data/item-columns.ts';
import { parseResultItems, type ResultCitation, type ResultItem } from './result-items.ts';
import type { SearchState } from './search-state.ts';

/** The part of a Pagefind result's data the rows are made from. */
export interface ResultData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: { anchor?: { id: string } }[];
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

function wanted(item: ResultItem, filters: RowContext['state']['filters']): boolean {
  const [, outcome, treatmentType, reviewer, claimsAdministrator] = item;
  const guidelines = [...reviewer, ...claimsAdministrator].map(([slug]) => slug);
  if (filters.outcome?.length && !filters.outcome.includes(outcome)) return false;
  if (filters.treatment?.length && !filters.treatment.includes(treatmentType)) return false;
  if (filters.guideline?.length && !guidelines.some((g) => filters.guideline!.includes(g))) return false;
  return true;
}

/** The items (1-based numbers) a result's rows hold. */
function chosenItems(data: ResultData, items: ResultItem[], ctx: RowContext): number[] {
  const passing = items.map((item, i) => ({ item, n: i + 1 })).filter(({ item }) => wanted(item, ctx.state.filters));
  const hit = new Set(
    data.sub_results
      .map((s) => s.anchor?.id ?? '')
      .filter((id) => id.startsWith('item-'))
      .map((id) => Number(id.slice('item-'.length))),
  );
  const found = passing.filter(({ n }) => hit.has(n));
  return (ctx.state.q.trim() !== '' && found.length > 0 ? found : passing).map(({ n }) => n);
}

/** The CSV rows (columns RESULT_HEADER) of one search result. */
export function resultRows(data: ResultData, ctx: RowContext): Cell[][] {
  const id = DETERMINATION_URL.exec(new URL(data.url, ctx.origin).pathname)?.[1] ?? '';
  const items = parseResultItems(data.meta.items);
  const citations = (list: ResultCitation[]) => list.map(([slug, where]) => citedAt(ctx.guidelineLabel(slug), where)).join(LIST_SEPARATOR);
  return chosenItems(data, items, ctx).map((n) => {
    const [request, outcome, treatmentType, reviewer, claimsAdministrator] = items[n - 1]!;
    const row: Record<(typeof ITEM_HEADER)[number], Cell> = {
      determination_id: id,
      case_number: CASE_NUMBER.test(id) ? id : '',
      decided: data.meta.date ?? '',
      item_number: n,
      request,
      treatment_type: treatmentType ? ctx.treatmentLabel(treatmentType) : '',
      treatment_type_slug: treatmentType,
      outcome,
      reviewer_citations: citations(reviewer),
      claims_administrator_citations: citations(claimsAdministrator),
      reviewer_specialties: (data.filters.specialty ?? []).join(LIST_SEPARATOR),
      priority: data.filters.priority?.[0] ?? '',
      page_url: new URL(`${data.url}#item-${n}`, ctx.origin).href,
    };
    return RESULT_HEADER.map((name) => row[name] ?? '');
  });
}
