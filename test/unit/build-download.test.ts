// The search page's CSV (src/client/build-download.ts) over a stand-in index and search answer: at
// most MAX_ROWS items, one row per matching item, and it says when it stopped short.
import { describe, expect, test, vi } from 'vitest';
import type { ShardedIndex } from '../../src/client/sharded-index.ts';
import { resultItemsMeta } from '../../src/lib/search/download-data.ts';
import { readCsv } from '../support/read-csv.ts';

const matching = vi.hoisted(() => ({ letters: 0, items: [] as number[] }));
vi.mock('../../src/client/run-search.ts', () => ({
  runSearch: async () => ({
    shards: [{ id: 'all' }],
    ordered: Array.from({ length: matching.letters }, (_, letter) => ({ part: 0, letter, items: matching.items })),
  }),
}));
const { buildResultsCsv, MAX_ROWS } = await import('../../src/client/build-download.ts');

/** An index of `letters` determinations with `perLetter` upheld MRI items each, of which the search matched `matched`. */
function index(letters: number, perLetter: number, matched: number[]): ShardedIndex & { fetched: () => number } {
  matching.letters = letters;
  matching.items = matched;
  let fetched = 0;
  const items = Array.from({ length: perLetter }, (_, i) => ({
    request: `MRI ${i + 1}`,
    outcome: 'upheld' as const,
    treatmentType: 'mri',
    bodyRegions: [],
    citations: { claimsAdministrator: [], reviewer: [] },
  }));
  const records = Array.from({ length: letters }, (_, i) => ({
    url: `/determinations/CM18-${String(i).padStart(7, '0')}/`,
    meta: { date: '2018-01-01', specialty: '', items: resultItemsMeta({ items }) },
  }));
  return {
    manifest: { shards: [{ id: 'all' }] },
    load: async () => {},
    results: async () => {
      fetched++;
      return records;
    },
    fetched: () => fetched,
  } as unknown as ShardedIndex & { fetched: () => number };
}

const ctx = { origin: 'https://imr.example.org', treatmentLabel: () => 'MRI', guidelineLabel: (s: string) => s };
const state = { q: '', scope: 'items' as const, filters: {}, sort: 'newest' as const, page: 1 };

describe('buildResultsCsv', () => {
  test('holds every matching item of a small search, and only those, and says it is whole', async () => {
    const csv = await buildResultsCsv(index(3, 2, [2]), state, ctx);
    expect(csv).toMatchObject({ rows: 3, matched: 3, covered: 3, capped: false });
    const rows = readCsv(csv.text);
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['2', '2', '2']);
  });

  test(`stops at ${MAX_ROWS} items, reading no letter past them, and says so`, async () => {
    const api = index(5000, 3, [1, 2, 3]);
    const csv = await buildResultsCsv(api, state, ctx);
    expect(csv).toMatchObject({ rows: MAX_ROWS, matched: 5000, covered: 667, capped: true });
    expect(readCsv(csv.text)).toHaveLength(MAX_ROWS + 1);
    expect(api.fetched()).toBeLessThanOrEqual(667);
  });

  test('fails rather than leave out a matching letter the CSV data lacks', async () => {
    const api = index(2, 1, [1]);
    matching.letters = 3;
    await expect(buildResultsCsv(api, state, ctx)).rejects.toThrow(/no CSV data for letter 2/);
  });
});
