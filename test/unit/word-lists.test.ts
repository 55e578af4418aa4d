// The word lists' format and their ranking's rules on lists made by hand, and what the page makes
// of them: which queries they answer, and the excerpt of a record they found. The lists against
// Pagefind's own searches: test/build/word-lists.test.ts.
import { describe, expect, test } from 'vitest';
import { excerptOf, listableWords } from '../../src/client/list-match.ts';
import { queryTerms } from '../../src/lib/search/query-terms.ts';
import { queryWords } from '../../src/lib/search/query-words.ts';
import {
  decodeListGroup,
  encodeListGroup,
  needsGroupFile,
  PAGEFIND_DEFAULTS,
  rankRecords,
  type ListGroup,
  type ShardWords,
  type WordGroup,
  type WordList,
} from '../../src/lib/search/word-lists.ts';

const list = (word: string, rows: number[], weights: number[], extra: Partial<WordList> = {}): WordList => ({
  word,
  rows,
  weights,
  fields: rows.map(() => 0),
  shared: rows.map(() => []),
  request: rows.map(() => 0),
  ...extra,
});

describe('word lists', () => {
  test('a group file reads back as written: rows, weights, request bits, fields and shared places', () => {
    const group: ListGroup = {
      tag: '1be1c178cdb4',
      records: 300,
      fields: ['decided', 'items', 'title'],
      words: [
        list('mri', [3, 4, 200], [97, 24, 24], { request: [1, 0, 1], fields: [4, 0, 2] }),
        list('mris', [3], [24], { shared: [[3, 24]] }),
      ],
    };
    expect(decodeListGroup(encodeListGroup(group), 'mri group')).toEqual(group);
    expect(() => decodeListGroup(encodeListGroup(group).slice(0, 20), 'mri group')).toThrow(/^mri group ends early/);
  });

  test('a place two words of one term share counts once, for the word sorted first', () => {
    // Row 1 holds "MRI's" (mri and mris at one place); row 2 holds "MRI" alone.
    const shard: ShardWords = {
      records: 10,
      fields: [],
      words: [list('mri', [1, 2], [24, 24]), list('mris', [1], [24], { shared: [[3, 24]] })],
    };
    const ranking = { ...PAGEFIND_DEFAULTS, termSimilarity: 3 };
    const byMri = rankRecords(shard, [{ typed: 'mri', stem: 'mri' }], ranking);
    expect([...byMri.found]).toEqual([1, 2]);
    expect(byMri.scores[1]).toBeGreaterThan(0);
    expect(byMri.scores[1]).toBe(byMri.scores[2]);
    // Typed "mris", only "mris" is matched, and the place counts for it.
    const byMris = rankRecords(shard, [{ typed: 'mris', stem: 'mris' }], ranking);
    expect([...byMris.found]).toEqual([1]);
    expect(byMris.scores[1]).toBeGreaterThan(0);
  });

  test('a term no word matches is left out, as Pagefind leaves it; none matched finds nothing', () => {
    const shard: ShardWords = { records: 10, fields: [], words: [list('lumbar', [1, 5], [24, 48])] };
    const ranking = { ...PAGEFIND_DEFAULTS, termSimilarity: 3 };
    expect([
      ...rankRecords(
        shard,
        [
          { typed: 'lumbar', stem: 'lumbar' },
          { typed: 'xyzzy', stem: 'xyzzi' },
        ],
        ranking,
      ).found,
    ]).toEqual([1, 5]);
    expect(rankRecords(shard, [{ typed: 'xyzzy', stem: 'xyzzi' }], ranking).found.length).toBe(0);
  });
});

describe('which group files a search fetches', () => {
  // Shard a has "mri" and "mris" in files of their own; shard b only "mris", its "mri" in its group file with "mrx".
  const group: WordGroup = { shards: ['a', 'b'], own: { mri: ['a'], mris: ['a', 'b'] }, small: ['mri', 'mrx'], surfaces: {} };
  test('only where the shard’s file may hold a word the stem starts', () => {
    expect(needsGroupFile(group, 'a', ['mri'])).toBe(false);
    expect(needsGroupFile(group, 'b', ['mri'])).toBe(true);
    expect(needsGroupFile(group, 'c', ['mri'])).toBe(false);
    expect(needsGroupFile(group, 'a', ['mrx'])).toBe(true);
  });
  test('or, where no word of the shard starts the stem, a word that starts it', () => {
    // "mrin": no word starts it; in shard a "mri" stands for it from its own file, in shard b from the group file.
    expect(needsGroupFile(group, 'a', ['mrin'])).toBe(false);
    expect(needsGroupFile(group, 'b', ['mrin'])).toBe(true);
  });
  test('every shard’s file where the directory does not list the words', () => {
    const { small: _, ...older } = group;
    expect(needsGroupFile(older, 'a', ['mri'])).toBe(true);
    // The directory lists them only from shards with words of their own: shard d's file holds all its words of the group.
    expect(needsGroupFile({ ...group, shards: ['a', 'b', 'd'] }, 'd', ['mri'])).toBe(true);
  });
});

describe('what the page makes of the word lists', () => {
  const asked = (q: string) => {
    const query = queryWords(q);
    return listableWords(query, queryTerms(query.words, { synonyms: [], regions: [] }));
  };

  test('answers words of three letters or more, one or two of them; not a quoted phrase, three words, or a short word', () => {
    expect(asked('lumbar MRI')).toEqual(['lumbar', 'mri']);
    expect(asked('Norco')).toEqual(['norco']);
    expect(asked('"lumbar MRI"')).toBeUndefined();
    expect(asked('MRI of lumbar')).toBeUndefined();
    expect(asked('x ray')).toBeUndefined();
    expect(asked('café')).toBeUndefined();
  });

  test('an excerpt is the densest run of matched words, marked, with inflections of a stem', () => {
    const content = 'The patient has low back pain. A lumbar MRI was requested. Lumbar MRIs showed nothing new, therapy helped.';
    expect(excerptOf(content, ['lumbar', 'mri'], 6)).toBe('A <mark>lumbar</mark> <mark>MRI</mark> was requested. <mark>Lumbar</mark>');
    // Pagefind centres the run among equally dense windows: here the four that hold the word.
    expect(excerptOf(content, ['therapi'], 4)).toBe('nothing new, <mark>therapy</mark> helped.');
  });
});
