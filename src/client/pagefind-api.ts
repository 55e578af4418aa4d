// The part of Pagefind's browser API (dist/pagefind/<shard>/pagefind.js) the search page uses.
// https://pagefind.app/docs/api/

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  /** Its record's name (shard and row: recordOf in src/lib/search/shard-manifest.ts). */
  id: string;
  /** Relevance. */
  score: number;
  /** Where the words matched in the record. */
  words: number[];
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Adds another bundle (its folder URL) to the searches. */
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<PagefindSearch>;
}
