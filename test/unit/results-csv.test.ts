// The search page's CSV (src/client/results-csv.ts) against a search index stand-in: at most
// MAX_ROWS items, and it says when it stopped short.
import { describe, expect, test } from 'vitest';
import { buildResultsCsv, MAX_ROWS } from '../../src/client/results-csv.ts';
import type { ShardedPagefind, ShardedSearch } from '../../src/client/sharded-pagefind.ts';
import type { PagefindResult } from '../../src/client/pagefind-api.ts';
import { resultItemsMeta } from '../../src/lib/search/result-items.ts';
import { readCsv } from '../support/read-csv.ts';

/** An index whose every result is a determination with `perResult` upheld MRI items. */
function index(results: number, perResult: number): ShardedPagefind & { fetched: () => number } {
  let fetched = 0;
  const items = Array.from({ length: perResult }, (_, i) => ({
    request: `MRI ${i + 1}`,
    outcome: 'upheld' as const,
    treatmentType: 'mri',
    citations: { claimsAdministrator: [], reviewer: [] },
  }));
  const all: PagefindResult[] = Array.from({ length: results }, (_, i) => ({
    id: String(i),
    score: 1,
    data: async () => {
      fetched++;
      return {
        url: `/determinations/CM18-${String(i).padStart(7, '0')}/`,
        excerpt: '',
        meta: { date: '2018-01-01', items: resultItemsMeta({ items }) },
        filters: {},
        sub_results: [],
      };
    },
  }));
  return {
    manifest: { shards: [] } as unknown as ShardedPagefind['manifest'],
    filters: async () => ({}),
    search: async (_term, _options, range): Promise<ShardedSearch> => {
      const { start, end } = range?.(results) ?? { start: 0, end: results };
      return { results: all.slice(start, end), total: results, unfilteredResultCount: results, filters: {}, totalFilters: {} };
    },
    fetched: () => fetched,
  };
}

const ctx = { origin: 'https://imr.example.org', treatmentLabel: () => 'MRI', guidelineLabel: (s: string) => s };
const state = { q: '', filters: {}, sort: 'newest' as const, page: 1 };

describe('buildResultsCsv', () => {
  test('holds every item of a small search and says it is whole', async () => {
    const csv = await buildResultsCsv(index(3, 2), state, ctx);
    expect(csv).toMatchObject({ rows: 6, matched: 3, covered: 3, capped: false });
    expect(readCsv(csv.text)).toHaveLength(7);
  });

  test(`stops at ${MAX_ROWS} items, fetching little past what it needs, and says so`, async () => {
    const api = index(5000, 3);
    const csv = await buildResultsCsv(api, state, ctx);
    expect(csv).toMatchObject({ rows: MAX_ROWS, matched: 5000, covered: 667, capped: true });
    expect(readCsv(csv.text)).toHaveLength(MAX_ROWS + 1);
    expect(api.fetched()).toBeLessThanOrEqual(675);
  });
});
