// Runs queries through the search page's own code against a loaded index and scores the ranking:
// where the first expected letter comes, top-1 and top-3 shares, by kind of query.
import { runSearch } from '../../src/client/run-search.ts';
import type { ShardedIndex } from '../../src/client/sharded-index.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';

export interface Ranked {
  kind: string;
  q: string;
  expected: string[];
  /** 1-based place of the first expected letter among the results; 0 when it is not found. */
  rank: number;
  /** The first three results' ids. */
  top: string[];
}

const idOf = (url: string) => url.replace(/\/$/, '').split('/').at(-1)!;

export async function rank(index: ShardedIndex, queries: readonly { kind: string; q: string; expected: string[] }[]): Promise<Ranked[]> {
  const ranked: Ranked[] = [];
  for (const { kind, q, expected } of queries) {
    const answer = await runSearch(index, parseSearchState(`?${new URLSearchParams({ q })}`));
    // A letter's id is the last part of its URL, read from its own record.
    const ids: string[] = [];
    for (const m of answer.ordered) {
      const view = await answer.view(m);
      ids.push(idOf(view.url));
      if (ids.length >= 3 && ids.some((id) => expected.includes(id))) break;
    }
    const at = ids.findIndex((id) => expected.includes(id));
    ranked.push({ kind, q, expected, rank: at + 1, top: ids.slice(0, 3) });
  }
  return ranked;
}

/** Top-1 and top-3 shares per kind of query, and over all. */
export function scores(ranked: readonly Ranked[]): { kind: string; queries: number; top1: number; top3: number }[] {
  const kinds = [...new Set(ranked.map((r) => r.kind)), 'all'];
  return kinds.map((kind) => {
    const of = ranked.filter((r) => kind === 'all' || r.kind === kind);
    return {
      kind,
      queries: of.length,
      top1: of.filter((r) => r.rank === 1).length,
      top3: of.filter((r) => r.rank >= 1 && r.rank <= 3).length,
    };
  });
}
