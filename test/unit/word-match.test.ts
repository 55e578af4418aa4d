import { describe, expect, test } from 'vitest';
import { keepLastMatch, type Rows, type SearchesBy } from '../../src/client/word-match.ts';
import { queryTerms } from '../../src/lib/search/query-terms.ts';
import { queryWords } from '../../src/lib/search/query-words.ts';
import type { PagefindResult } from '../../src/client/pagefind-api.ts';

const NO_SOURCES = { synonyms: [], regions: [] };

/** An index of one shard whose record 3 holds every word at place 0; `searches` lists what was asked. */
function fakeIndex(fail = false) {
  const searches: string[] = [];
  const result: PagefindResult = {
    id: 'x',
    score: 1,
    words: [0],
    data: async () => ({ url: '/', excerpt: '', meta: {} }),
  };
  const index: SearchesBy = {
    found: async (term) => {
      searches.push(term);
      if (fail) throw new Error('the search index changed while the page was open; reload the page');
      return new Map([['s', new Map([[3, result]])]]) as Rows;
    },
  };
  return { index, searches };
}

describe('keepLastMatch', () => {
  const query = queryWords('lumbar MRI');
  const terms = queryTerms(query.words, NO_SOURCES);

  test('searches the same words over the same shards once, and again over more shards or other words', async () => {
    const { index, searches } = fakeIndex();
    const match = keepLastMatch(index);
    const first = await match(query, terms, 'a');
    expect(first.hits.get('s')?.get(3)?.held).toEqual([[[0]], [[0]]]);
    const asked = searches.length;
    expect(asked).toBeGreaterThan(0);
    expect(await match(query, terms, 'a')).toBe(first);
    expect(searches).toHaveLength(asked);
    expect(await match(query, terms, 'a b')).not.toBe(first);
    expect(searches).toHaveLength(2 * asked);
    const other = queryWords('Norco');
    await match(other, queryTerms(other.words, NO_SOURCES), 'a b');
    expect(searches.slice(2 * asked)).toContain('Norco');
  });

  test('keeps no failed match: asked again, it searches again', async () => {
    const { index, searches } = fakeIndex(true);
    const match = keepLastMatch(index);
    await expect(match(query, terms, 'a')).rejects.toThrow(/reload the page/);
    const asked = searches.length;
    await expect(match(query, terms, 'a')).rejects.toThrow(/reload the page/);
    expect(searches.length).toBeGreaterThan(asked);
  });
});
