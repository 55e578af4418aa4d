// Ranking on the sample letters (the sample fixture site, in six index shards): the relevance set,
// a distinctive seven-word run of every letter's rationale, exact words before words that only
// start with them, the phrase first, quoted phrases.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { matchCount, resultMarks, runSearch } from '../../src/client/run-search.ts';
import type { ShardedIndex } from '../../src/client/sharded-index.ts';
import { resultPage } from '../../src/lib/search/result-page.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import { searchStatus } from '../../src/lib/search/search-status.ts';
import { rank, scores } from '../relevance/measure.ts';
import { rationaleRuns } from '../relevance/rationale-runs.ts';
import { RELEVANCE_SET } from '../relevance/relevance-set.ts';
import { repoRoot } from '../support/build-site.ts';
import { openPagefind } from '../support/pagefind-client.ts';
import { join } from 'node:path';

const { sample } = inject('sites');
let index: ShardedIndex;
let close: () => Promise<void>;

beforeAll(async () => {
  const opened = await openPagefind(sample);
  index = opened.index;
  close = opened.server.close;
});
afterAll(() => close());

const search = (q: string) => runSearch(index, parseSearchState(`?${new URLSearchParams({ q })}`));

describe('ranking on the sample letters', () => {
  test('answers the relevance set: every query in the top three, nearly all first', async () => {
    const ranked = await rank(index, RELEVANCE_SET);
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(40);
    expect(ranked.filter((r) => r.rank < 1 || r.rank > 3).map((r) => `${r.q} → ${r.top.join(' ')}`)).toEqual([]);
    const all = scores(ranked).find((s) => s.kind === 'all')!;
    expect(all.top1 / all.queries).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  test('puts each letter in the top three for a distinctive seven-word run of its rationale, typed without quotes', async () => {
    const runs = rationaleRuns(join(repoRoot, 'content'));
    expect(runs.length).toBeGreaterThanOrEqual(140);
    const ranked = await rank(
      index,
      runs.map((r) => ({ kind: 'run', q: r.q, expected: [r.id] })),
    );
    expect(ranked.filter((r) => r.rank < 1 || r.rank > 3).map((r) => `${r.q} (${r.expected[0]}) → ${r.top.join(' ')}`)).toEqual([]);
  }, 300_000);

  test('ranks letters holding the word itself before those holding only longer words that start with it, and says how many', async () => {
    // "cross": four letters hold it; two more only "crossover" or the like, one of them scoring higher.
    const found = await search('cross');
    const exact = found.ordered.map((m) => m.exact);
    expect(exact.indexOf(false)).toBeGreaterThan(0);
    expect(exact.slice(exact.indexOf(false))).not.toContain(true);
    const lastExact = found.ordered[exact.indexOf(false) - 1]!;
    expect(found.ordered.slice(exact.indexOf(false)).some((m) => m.score > lastExact.score)).toBe(true);
    const state = parseSearchState('?q=cross');
    expect(searchStatus(state, matchCount(found), resultPage(found.ordered.length, 1))).toMatch(
      /^\d+ disputed items in 6 determinations match “cross”\. 4 hold the exact words\.$/,
    );
  });

  test('says when a word only starts longer words, and finds nothing for a word no letter has', async () => {
    const lumba = await search('lumba');
    expect(lumba.words).toEqual({ missing: [], prefixOnly: ['lumba'] });
    expect(lumba.ordered.length).toBeGreaterThan(10);
    // Pagefind would fall back to the shorter word "x" for "xyzzyq", and drop it from "lumbar xyzzyq".
    for (const q of ['xyzzyq', 'lumbar xyzzyq']) {
      const none = await search(q);
      expect(none.ordered, q).toEqual([]);
      expect(none.words, q).toEqual({ missing: ['xyzzyq'], prefixOnly: [] });
    }
  });

  test('puts the letters holding three or more words as a phrase first, marked, even over better scores', async () => {
    const found = await search('left upper extremity');
    const phrase = found.ordered.map((m) => m.phrase);
    const firstOther = phrase.indexOf(false);
    expect(firstOther).toBeGreaterThan(0);
    expect(phrase.slice(firstOther)).not.toContain(true);
    const lowestPhrase = Math.min(...found.ordered.slice(0, firstOther).map((m) => m.score));
    expect(found.ordered.slice(firstOther).some((m) => m.score > lowestPhrase)).toBe(true);
    expect(resultMarks(found.ordered[0]!)).toEqual(['exact phrase']);
    expect(resultMarks(found.ordered[firstOther]!)).toEqual([]);
    expect(matchCount(found).phrase).toBe(firstOther);
  });

  test('keeps a quoted query an exact phrase search', async () => {
    const quoted = await search('"left upper extremity"');
    const unquoted = await search('left upper extremity');
    const ids = async (found: typeof quoted, n: number) =>
      Promise.all(found.ordered.slice(0, n).map(async (m) => (await found.view(m)).url));
    expect(quoted.ordered.length).toBe(matchCount(unquoted).phrase);
    expect((await ids(quoted, quoted.ordered.length)).sort()).toEqual((await ids(unquoted, quoted.ordered.length)).sort());
  });
});
