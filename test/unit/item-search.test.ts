// Item-level search over facet tables made the way the search index makes them (facetFile from
// each letter's search facts), with word hits given by row as Pagefind would find them.
import { describe, expect, test } from 'vitest';
import { facetFile, facetTable, type FacetTable } from '../../src/lib/search/facet-table.ts';
import { itemSearch, type ShardPart } from '../../src/lib/search/item-search.ts';
import { orderResults } from '../../src/lib/search/order-results.ts';
import type { CitedFacts, ItemFacts, LetterFacts } from '../../src/lib/search/search-facts.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';

const none: CitedFacts = { guideline: [], family: [], section: [] };
const cites = (guideline: string, family: string, section?: string): CitedFacts => ({
  guideline: [guideline],
  family: [family],
  section: section ? [section] : [],
});
const item = (outcome: string, treatment: string, claims: CitedFacts = none, reviewer: CitedFacts = none): ItemFacts => ({
  outcome,
  treatment,
  claims,
  reviewer,
});
const letter = (year: string, items: ItemFacts[], specialty = ['Pain Medicine']): LetterFacts => ({
  year,
  specialty,
  items,
  sections: { 'odg-pain/opioids': 'ODG Pain, Opioids' },
});

// Letter 0: an overturned opioid. Letter 1: its opioid upheld, another item overturned.
// Letter 2: an upheld MRI the reviewer decided under ODG, the claims administrator under MTUS.
const LETTERS = [
  letter('2015', [item('overturned', 'opioids', cites('mtus-chronic-pain-2009', 'mtus'), cites('odg-pain', 'odg', 'odg-pain/opioids'))]),
  letter('2017', [
    item('upheld', 'opioids', none, cites('odg-pain', 'odg', 'odg-pain/opioids')),
    item('overturned', 'physical-therapy', none, cites('mtus-chronic-pain-2009', 'mtus')),
  ]),
  letter('2017', [item('upheld', 'mri', cites('mtus-neck-2004', 'mtus'), cites('odg-neck', 'odg'))], ['Orthopedic Surgery']),
];
const table: FacetTable = facetTable(facetFile(LETTERS));
// Rows: 0 sentinel; letter 0 at 1 (item at 2); letter 1 at 3 (items at 4, 5); letter 2 at 6 (item at 7).

const search = (query: string, hits?: [number, number][]) => {
  const part: ShardPart = { place: 0, table, ...(hits ? { hits: new Map(hits.map(([row, score]) => [row, { score }])) } : {}) };
  const found = itemSearch([part], parseSearchState(query).filters);
  return { ...found, matches: found.letters.map((l) => [l.letter, l.items]) };
};

describe('item-level search', () => {
  test('applies outcome and treatment type to the same item: an upheld opioid beside an overturned item does not match overturned opioids', () => {
    expect(search('?outcome=overturned&treatment=opioids').matches).toEqual([[0, [1]]]);
    expect(search('?outcome=upheld&treatment=opioids').matches).toEqual([[1, [1]]]);
    expect(search('?outcome=overturned').matches).toEqual([
      [0, [1]],
      [1, [2]],
    ]);
  });

  test('counts disputed items, and the values of a chosen group as if it were not chosen', () => {
    const found = search('?outcome=overturned&treatment=opioids');
    expect(found.items).toBe(1);
    // Outcome chosen: its counts are those of the opioid items, whatever their outcome.
    expect(found.counts.outcome).toEqual({ overturned: 1, upheld: 1 });
    // Treatment chosen: the overturned items of every type.
    expect(found.counts.treatment).toEqual({ opioids: 1, 'physical-therapy': 1 });
    // Neither chosen: within the search.
    expect(found.counts.year).toEqual({ '2015': 1 });
    expect(search('').counts.outcome).toEqual({ overturned: 2, upheld: 2 });
    expect(search('').items).toBe(4);
  });

  test('matches a guideline cited by either side, or by the reviewer alone when asked', () => {
    expect(search('?guideline=mtus-chronic-pain-2009').matches).toEqual([
      [0, [1]],
      [1, [2]],
    ]);
    expect(search('?guideline=mtus-neck-2004').matches).toEqual([[2, [1]]]);
    expect(search('?guideline=mtus-neck-2004&cited=reviewer').matches).toEqual([]);
    expect(search('?guideline=mtus-chronic-pain-2009&cited=reviewer').matches).toEqual([[1, [2]]]);
    expect(search('?guideline=odg-neck&cited=reviewer').counts.cited).toEqual({ reviewer: 1 });
  });

  test('picks a guideline family as a whole, in one group with the guidelines', () => {
    expect(search('?family=odg&outcome=upheld').matches).toEqual([
      [1, [1]],
      [2, [1]],
    ]);
    expect(search('?family=odg&cited=reviewer&treatment=physical-therapy').matches).toEqual([]);
    // A family or a guideline: either may hold.
    expect(search('?family=odg&guideline=mtus-chronic-pain-2009').items).toBe(4);
    expect(search('?treatment=mri').counts.family).toEqual({ mtus: 1, odg: 1 });
  });

  test('applies a cited section to the same item as the other filters', () => {
    expect(search('?section=odg-pain/opioids').items).toBe(2);
    expect(search('?section=odg-pain/opioids&outcome=overturned').matches).toEqual([[0, [1]]]);
    expect(search('?section=odg-pain/opioids&treatment=physical-therapy').matches).toEqual([]);
    expect(search('').sectionLabels).toEqual({ 'odg-pain/opioids': 'ODG Pain, Opioids' });
  });

  test('takes year, specialty and priority from the letter', () => {
    expect(search('?year=2017&outcome=overturned').matches).toEqual([[1, [2]]]);
    expect(search('?specialty=Orthopedic Surgery').matches).toEqual([[2, [1]]]);
    expect(search('?priority=expedited').matches).toEqual([]);
  });

  test('matches an item whose own text holds the words, and a whole letter when only its own text does', () => {
    // Words in letter 1's opioid item only.
    expect(search('', [[4, 2]]).matches).toEqual([[1, [1]]]);
    // Words in letter 1's summary (its own record) and in none of its items: the letter as a whole.
    const whole = search('', [[3, 1]]);
    expect(whole.matches).toEqual([[1, [1, 2]]]);
    expect(whole.letters[0]).toMatchObject({ own: [], letterHit: true, score: 1 });
    // Words in the summary and in an item: the item.
    expect(
      search('', [
        [3, 1],
        [5, 4],
      ]).matches,
    ).toEqual([[1, [2]]]);
    // The filters still apply to the items of a letter matched as a whole.
    expect(search('?outcome=overturned', [[3, 1]]).matches).toEqual([[1, [2]]]);
  });

  test('ranks a letter by its best matching record and orders by date across shards', () => {
    const parts: ShardPart[] = [
      {
        place: 0,
        table,
        hits: new Map([
          [2, { score: 1 }],
          [7, { score: 5 }],
        ]),
      },
      { place: 1, table, hits: new Map([[4, { score: 3 }]]) },
    ];
    const found = itemSearch(parts, {});
    const ids = (sort: 'relevance' | 'newest' | 'oldest') =>
      orderResults(found.letters, parts, sort, true).map((l) => `${l.part}:${l.letter}`);
    expect(ids('relevance')).toEqual(['0:2', '1:1', '0:0']);
    expect(ids('newest')).toEqual(['1:1', '0:2', '0:0']);
    expect(ids('oldest')).toEqual(['0:0', '0:2', '1:1']);
  });
});
