// Ranking on the sample letters (the sample fixture site, in six index shards): the relevance set,
// a distinctive seven-word run of every letter's rationale, exact words counted and words that
// only start with them apart, requests first and then the phrase, quoted phrases, and the
// precedent questions (test/fixtures/precedent-questions.yml) answered in the request scope.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { matchCount, resultMarks, runSearch } from '../../src/client/run-search.ts';
import type { ShardedIndex } from '../../src/client/sharded-index.ts';
import { resultPage } from '../../src/lib/search/pager.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import { searchStatus } from '../../src/lib/search/search-status.ts';
import { rank, scores } from '../relevance/measure.ts';
import { rationaleRuns } from '../relevance/rationale-runs.ts';
import { answer, readQuestions, termSources } from '../relevance/precedent-questions.ts';
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

const sources = termSources(join(repoRoot, 'content'));
const search = (q: string) => runSearch(index, parseSearchState(`?${new URLSearchParams({ q })}`), sources);

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

  test('counts only letters holding the word itself; those holding only longer words that start with it are listed apart', async () => {
    // "TENS": Pagefind also finds "tendon", "tenderness", "tension"; none of those is counted.
    const found = await search('TENS');
    expect(found.ordered.length).toBeGreaterThan(0);
    expect(found.ordered.every((m) => m.exact)).toBe(true);
    expect(found.started.length).toBeGreaterThan(0);
    expect(found.started.every((m) => !m.exact)).toBe(true);
    const counted = new Set(found.ordered.map((m) => `${m.part} ${m.letter}`));
    const startedItems = found.started.flatMap((m) => m.items.map((n) => `${m.part} ${m.letter} ${n}`));
    expect(startedItems.length).toBe(found.search.words?.started.items);
    // No started item is among the counted ones, and the counts hold only counted items.
    for (const m of found.ordered) for (const n of m.items) expect(startedItems).not.toContain(`${m.part} ${m.letter} ${n}`);
    expect(found.search.items).toBe(found.ordered.reduce((n, m) => n + m.items.length, 0));
    expect(counted.size).toBe(found.ordered.length);
    for (const m of found.started.slice(0, 5)) {
      const view = await found.view(m);
      for (const item of view.items) expect(item.excerpt ?? '', item.title).not.toMatch(/<mark>tens<\/mark>/i);
    }
  });

  test('says when a word only starts longer words, and finds nothing for a word no letter has', async () => {
    const lumba = await search('lumba');
    expect(lumba.words).toMatchObject({ missing: [], prefixOnly: ['lumba'] });
    expect(lumba.ordered).toEqual([]);
    expect(lumba.started.length).toBeGreaterThan(10);
    const state = parseSearchState('?q=lumba');
    expect(searchStatus(state, matchCount(lumba), resultPage(0, 1))).toBe('No item requests “lumba”. No letter holds ‘lumba’ as typed.');
    // Pagefind would fall back to the shorter word "x" for "xyzzyq", and drop it from "lumbar xyzzyq".
    for (const q of ['xyzzyq', 'lumbar xyzzyq']) {
      const none = await search(q);
      expect(none.ordered, q).toEqual([]);
      expect(none.words, q).toMatchObject({ missing: ['xyzzyq'], prefixOnly: [] });
    }
  });

  test('puts letters whose items request the words first, then, within each, those holding three or more words as a phrase, marked', async () => {
    const found = await search('physical therapy sessions');
    const requested = found.ordered.map((m) => m.requested.length > 0);
    const firstMention = requested.indexOf(false);
    expect(firstMention).toBeGreaterThan(0);
    expect(requested.slice(firstMention)).not.toContain(true);
    for (const group of [found.ordered.slice(0, firstMention), found.ordered.slice(firstMention)]) {
      const phrase = group.map((m) => m.phrase);
      expect(phrase).toContain(true);
      expect(phrase.slice(phrase.indexOf(false))).not.toContain(true);
    }
    expect(resultMarks(found.ordered[0]!)).toEqual(['exact phrase']);
    expect(matchCount(found).phrase).toBe(found.ordered.filter((m) => m.phrase).length);
  });

  test('answers the precedent questions: the items whose request names the treatment, exact counts', async () => {
    const answered = await answer(index, termSources(join(repoRoot, 'content')), readQuestions(repoRoot));
    expect(answered.length).toBeGreaterThanOrEqual(40);
    const off = answered
      .filter((a) => a.precision < 0.95 || a.recall < 0.95 || a.requested !== a.expect.length)
      .map((a) => `${a.q} ${JSON.stringify(a.filters)}: found ${a.found.join(' ')}; expected ${a.expect.join(' ')}; status ${a.requested}`);
    expect(off).toEqual([]);
  }, 120_000);

  test('keeps a quoted query an exact phrase search', async () => {
    const quoted = await search('"left upper extremity"');
    const unquoted = await search('left upper extremity');
    const ids = async (found: typeof quoted, n: number) =>
      Promise.all(found.ordered.slice(0, n).map(async (m) => (await found.view(m)).url));
    expect(quoted.ordered.length).toBe(matchCount(unquoted).phrase);
    expect((await ids(quoted, quoted.ordered.length)).sort()).toEqual((await ids(unquoted, quoted.ordered.length)).sort());
  });
});
