// The search results as CSV, built in the browser: runs the current search for its first results,
// fetches each one's data (a small file per result, a batch at a time) and makes one row per
// item (src/lib/search/result-rows.ts), up to MAX_ROWS. Loaded only when the button is pressed:
// the CSV library stays off the search page's first load.
import { csvFile } from '../lib/open-data/csv.ts';
import { pagefindOptions } from '../lib/search/pagefind-options.ts';
import { RESULT_CSV_MAX_ROWS, RESULT_HEADER, resultRows, type RowContext } from '../lib/search/result-rows.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import type { Cell } from '../lib/open-data/csv.ts';
import type { ShardedPagefind } from './sharded-pagefind.ts';

export const MAX_ROWS = RESULT_CSV_MAX_ROWS;
/** Result files fetched at once. */
const BATCH = 25;

export interface ResultsCsv {
  text: string;
  rows: number;
  /** Determinations the search matched, and how many of them the file covers. */
  matched: number;
  covered: number;
  /** True when the file stops at MAX_ROWS items or leaves results out. */
  capped: boolean;
}

export async function buildResultsCsv(api: ShardedPagefind, state: SearchState, ctx: Omit<RowContext, 'state'>): Promise<ResultsCsv> {
  const search = await api.search(state.q === '' ? null : state.q, pagefindOptions(state), () => ({ start: 0, end: MAX_ROWS }));
  const rows: Cell[][] = [];
  let covered = 0;
  for (let i = 0; i < search.results.length && rows.length < MAX_ROWS; i += BATCH) {
    const batch = await Promise.all(search.results.slice(i, i + BATCH).map((r) => r.data()));
    for (const data of batch) {
      if (rows.length >= MAX_ROWS) break;
      rows.push(...resultRows(data, { ...ctx, state }));
      covered++;
    }
  }
  const capped = rows.length > MAX_ROWS || covered < search.total;
  return {
    text: csvFile(RESULT_HEADER, rows.slice(0, MAX_ROWS)),
    rows: Math.min(rows.length, MAX_ROWS),
    matched: search.total,
    covered,
    capped,
  };
}
