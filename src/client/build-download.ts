// The search results as CSV, built in the browser: runs the current search over every shard,
// fetches the CSV data of the shards that hold the rows (a file per shard, only for a download)
// and makes one row per matching item (src/lib/search/download-rows.ts), up to MAX_ROWS. Loaded
// only when the button is pressed: the CSV library stays off the search page's first load.
import { csvFile } from '../lib/open-data/csv.ts';
import { RESULT_CSV_MAX_ROWS, RESULT_HEADER, resultRows, type RowContext } from '../lib/search/download-rows.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import type { Cell } from '../lib/open-data/csv.ts';
import type { TermSources } from '../lib/search/query-terms.ts';
import { loadFor } from './load-for.ts';
import { runSearch } from './run-search.ts';
import type { ShardedIndex } from './sharded-index.ts';

export const MAX_ROWS = RESULT_CSV_MAX_ROWS;
export interface ResultsCsv {
  text: string;
  rows: number;
  /** Determinations the search matched, and how many of them the file covers. */
  matched: number;
  covered: number;
  /** True when the file stops at MAX_ROWS items or leaves results out. */
  capped: boolean;
}

export async function buildResultsCsv(
  index: ShardedIndex,
  state: SearchState,
  ctx: Omit<RowContext, 'state'>,
  sources?: TermSources,
): Promise<ResultsCsv> {
  // The whole corpus, whatever the page has merged so far; the words read as the list reads them.
  await loadFor(
    index,
    index.manifest.shards.map((s) => s.id),
    state,
    sources,
  );
  const answer = await runSearch(index, state, sources);
  const letters = answer.ordered;
  const rows: Cell[][] = [];
  let covered = 0;
  for (const match of letters) {
    if (rows.length >= MAX_ROWS) break;
    const record = (await index.results(answer.shards[match.part]!.id))[match.letter];
    if (!record) throw new Error(`no CSV data for letter ${match.letter} of shard ${answer.shards[match.part]!.id}`);
    rows.push(...resultRows(record, match.items, { ...ctx, state }));
    covered++;
  }
  const capped = rows.length > MAX_ROWS || covered < letters.length;
  return {
    text: csvFile(RESULT_HEADER, rows.slice(0, MAX_ROWS)),
    rows: Math.min(rows.length, MAX_ROWS),
    matched: letters.length,
    covered,
    capped,
  };
}
