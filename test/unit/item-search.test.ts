// Item-level search over facet tables made the way the search index makes them (facetFile from
// each letter's search facts), with word hits given by row as Pagefind would find them.
import { describe, expect, test } from 'vitest';
import { facetFile, facetTable, noFacetValues, type FacetTable } from '../../src/lib/search/facet-table.ts';
import { itemSearch, type RecordWords, type ShardPart } from '../../src/lib/search/item-search.ts';
import { orderResults } from '../../src/lib/search/order-results.ts';
import type { CitedFacts, ItemFacts, LetterFacts } from '../../src/lib/search/letter-facts.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import { gzipSync } from 'node:zlib';
import { readFacetBytes } from '../../src/client/facet-bytes.ts';
import { encodeFacetFile } from '../../src/lib/search/facet-encoding.ts';

const none: CitedFacts = { guideline: [], section: [] };
/** The catalogue family of each guideline the letters below cite, as the catalogue would give it. */
const familyOf: Record<string, string> = {};
const cites = (guideline: string, family: string, section?: string): CitedFacts => {
  familyOf[guideline] = family;
  return { guideline: [guideline], section: section ? [section] : [] };
};
// Every item's request stands at word positions 2 to 5 of its record ("Item N:" before it).
const item = (
  outcome: string,
  treatment: string,
  claims: CitedFacts = none,
  reviewer: CitedFacts = none,
  regions: string[] = [],
  names: string[] = [],
): ItemFacts => ({
  outcome,
  treatment,
  regions,
  request: [2, 6],
  names,
  claims,
  reviewer,
});
const letter = (year: string, items: ItemFacts[], specialty = ['Pain Medicine']): LetterFacts => ({
  year,
  specialty,
  items,
  sections: { 'odg-pain/opioids': 'ODG Pain, Opioids' },
  families: Object.fromEntries(items.flatMap((i) => [i.claims, i.reviewer]).flatMap((c) => c.guideline.map((g) => [g, familyOf[g]!]))),
});

// Letter 0: an overturned opioid. Letter 1: its opioid upheld, another item overturned.
// Letter 2: an upheld MRI the reviewer decided under ODG, the claims administrator under MTUS.
const LETTERS = [
  letter('2015', [item('overturned', 'opioids', cites('mtus-chronic-pain-2009', 'mtus'), cites('odg-pain', 'odg', 'odg-pain/opioids'))]),
  letter('2017', [
    // Its request names Norco: the synonym group whose key is "norco".
    item('upheld', 'opioids', none, cites('odg-pain', 'odg', 'odg-pain/opioids'), [], ['norco']),
    item('overturned', 'physical-therapy', none, cites('mtus-chronic-pain-2009', 'mtus')),
  ]),
  letter(
    '2017',
    [item('upheld', 'mri', cites('mtus-neck-2004', 'mtus'), cites('odg-neck', 'odg'), ['cervical-spine'])],
    ['Orthopedic Surgery'],
  ),
];
const list = noFacetValues();
const file = facetFile(LETTERS, list);
const table: FacetTable = facetTable(file, list);
// Rows (none at 0): letter 0 at 1 (item at 2); letter 1 at 3 (items at 4, 5); letter 2 at 6 (item at 7).

/** A record holding the one-word query at these positions (none: only as the start of a longer word). */
const at = (score: number, ...positions: number[]): RecordWords => ({
  held: [positions.length > 0 ? [positions] : undefined],
  prefix: true,
  score,
  phrase: false,
});
const words = (hits: [number, RecordWords][], regions: (string | undefined)[] = [undefined]) => ({ hits: new Map(hits), regions });

const search = (query: string, hits?: [number, RecordWords][], regions?: (string | undefined)[]) => {
  const part: ShardPart = { place: 0, table, ...(hits ? { words: words(hits, regions) } : {}) };
  const state = parseSearchState(query);
  const found = itemSearch([part], state.filters, state.scope);
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

  test('counts a guideline, family or section both sides cite once for the item, and "cited by the reviewer" only where the reviewer cites one', () => {
    const both = cites('odg-pain', 'odg', 'odg-pain/opioids');
    // The second item's reviewer cites nothing: the claims administrator's line is all it has.
    const own = facetTable(
      facetFile([letter('2016', [item('upheld', 'opioids', both, both), item('upheld', 'nsaids', both)])], list),
      list,
    );
    const { counts } = itemSearch([{ place: 0, table: own }], {});
    expect([counts.guideline, counts.family, counts.section]).toEqual([{ 'odg-pain': 2 }, { odg: 2 }, { 'odg-pain/opioids': 2 }]);
    expect(counts.cited).toEqual({ reviewer: 1 });
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

  test('tells items whose request holds the words from items that only mention them, and lists each scope', () => {
    // Letter 1's opioid item holds the word in its request (position 3), letter 0's item in its rationale (position 40).
    const hits: [number, RecordWords][] = [
      [4, at(2, 3, 40)],
      [2, at(1, 40)],
    ];
    const items = search('?q=norco', hits);
    expect(items.matches).toEqual([
      [0, [1]],
      [1, [1]],
    ]);
    expect(items.words).toMatchObject({ requested: { items: 1, upheld: 1, overturned: 0 }, mentioned: 1, letterOnly: 0 });
    expect(items.letters.map((l) => l.requested)).toEqual([[], [1]]);
    // The request scope lists the requested item alone; the words' counts are the same in every scope.
    const requested = search('?q=norco&in=request', hits);
    expect(requested.matches).toEqual([[1, [1]]]);
    expect(requested.items).toBe(1);
    expect(requested.counts.outcome).toEqual({ upheld: 1 });
    expect(requested.words).toEqual(items.words);
    // Filters apply before the words are counted.
    expect(search('?q=norco&outcome=overturned', hits).words?.requested).toEqual({ items: 0, upheld: 0, overturned: 0 });
  });

  test('counts a letter whose own text alone holds the words as a letter, never as items, and lists it only in the whole-letter scope', () => {
    const hits: [number, RecordWords][] = [[3, at(1, 12)]];
    // The item scope finds no item, so it lists the letter, as the whole-letter scope does (a case number).
    const items = search('?q=summary', hits);
    expect(items.matches).toEqual([[1, []]]);
    expect(items.listed).toBe('all');
    expect(items.items).toBe(0);
    expect(items.words).toMatchObject({ letterOnly: 1, mentioned: 0 });
    // Not when an item holds the words somewhere else, nor in the request scope.
    const withItem = search('?q=summary', [...hits, [7, at(4, 30)]]);
    expect(withItem.matches).toEqual([[2, [1]]]);
    expect(withItem.listed).toBe('items');
    expect(search('?q=summary&in=request', hits).matches).toEqual([]);
    const all = search('?q=summary&in=all', hits);
    expect(all.matches).toEqual([[1, []]]);
    expect(all.items).toBe(0);
    expect(all.letters[0]).toMatchObject({ letterHit: true, score: 1 });
    // A letter's own words beside an item's: the item, as mentioned.
    expect(search('?q=summary&in=all', [...hits, [5, at(4, 30)]]).matches).toEqual([[1, [2]]]);
  });

  test('leaves out of every count the items the words find only as starts of longer words, and lists them apart', () => {
    const found = search('?q=lumba', [
      [7, at(3)],
      [4, at(2, 3)],
    ]);
    expect(found.matches).toEqual([[1, [1]]]);
    expect(found.items).toBe(1);
    expect(found.words?.started.items).toBe(1);
    expect(found.words?.started.letters.map((l) => [l.letter, l.items])).toEqual([[2, [1]]]);
    expect(found.counts.treatment).toEqual({ opioids: 1 });
  });

  test('a term naming a body region holds for the items of that region, by their field, as requested', () => {
    // "neck": letter 2's MRI is of the cervical spine, though no record holds the word.
    const found = search('?q=neck', [], ['cervical-spine']);
    expect(found.matches).toEqual([[2, [1]]]);
    expect(found.letters[0]?.requested).toEqual([1]);
    // Two terms: the region by the field, "mri" by the words in the request.
    const two = (positions: number[]): RecordWords => ({
      held: [undefined, positions.length ? [positions] : undefined],
      prefix: true,
      score: 1,
      phrase: false,
    });
    expect(search('?q=neck+mri&in=request', [[7, two([2])]], ['cervical-spine', undefined]).matches).toEqual([[2, [1]]]);
    expect(search('?q=neck+mri&in=request', [[7, two([30])]], ['cervical-spine', undefined]).matches).toEqual([]);
    expect(search('?q=neck+mri', [[7, two([30])]], ['cervical-spine', undefined]).matches).toEqual([[2, [1]]]);
    expect(search('?region=cervical-spine').items).toBe(1);
    // A term naming a synonym group: the items whose request names any of its names, by the field.
    const hydrocodone = { place: 0, table, words: { hits: new Map(), regions: [undefined], groups: ['norco'] } };
    expect(itemSearch([hydrocodone], {}, 'request').letters.map((l) => [l.letter, l.items, l.requested])).toEqual([[1, [1], [1]]]);
    expect(itemSearch([{ ...hydrocodone, words: { ...hydrocodone.words, groups: ['tens'] } }], {}).items).toBe(0);
    // Words of punctuation alone are no terms, and hold nowhere.
    expect(search('?q=...', [], []).matches).toEqual([]);
    expect(search('?region=none').items).toBe(3);
  });

  test('answers the same from the file read as the page reads it: gzipped bytes to typed arrays, in its worker or not', () => {
    const [read, more] = readFacetBytes(gzipSync(encodeFacetFile(file)));
    if (!read || more) throw new Error('one file not read as one');
    expect(read.items).toBeInstanceOf(Int32Array);
    const typed = facetTable(read, list);
    const answer = (t: FacetTable, query: string, hits: [number, RecordWords][] = [], regions?: (string | undefined)[]) => {
      const state = parseSearchState(query);
      const words = state.q ? { words: { hits: new Map(hits), regions: regions ?? [undefined] } } : {};
      return itemSearch([{ place: 0, table: t, ...words }], state.filters, state.scope);
    };
    for (const [query, hits, regions] of [
      ['?outcome=overturned&treatment=opioids'],
      ['?guideline=odg-pain&cited=reviewer'],
      ['?family=mtus&section=odg-pain/opioids'],
      ['?q=neck', [], ['cervical-spine']],
      ['?q=opioid&in=request', [[2, at(1, 3)]]],
    ] as [string, [number, RecordWords][]?, (string | undefined)[]?][])
      expect(answer(typed, query, hits, regions), query).toEqual(answer(table, query, hits, regions));
    expect(answer(typed, '?q=neck', [], ['cervical-spine']).items).toBe(1);
  });

  test('ranks a letter by its best matching record and orders by date across shards', () => {
    const parts: ShardPart[] = [
      {
        place: 0,
        table,
        words: words([
          [2, at(1, 40)],
          [7, at(5, 40)],
        ]),
      },
      { place: 1, table, words: words([[4, at(3, 40)]]) },
    ];
    const found = itemSearch(parts, {});
    const ids = (sort: 'relevance' | 'newest' | 'oldest') =>
      orderResults(found.letters, parts, sort, true).map((l) => `${l.part}:${l.letter}`);
    expect(ids('relevance')).toEqual(['0:2', '1:1', '0:0']);
    expect(ids('newest')).toEqual(['1:1', '0:2', '0:0']);
    expect(ids('oldest')).toEqual(['0:0', '0:2', '1:1']);
    // An item whose request holds the words puts its letter first, whatever the scores.
    parts[0] = {
      ...parts[0]!,
      words: words([
        [2, at(1, 3)],
        [7, at(5, 40)],
      ]),
    };
    expect(orderResults(itemSearch(parts, {}).letters, parts, 'relevance', true).map((l) => `${l.part}:${l.letter}`)).toEqual([
      '0:0',
      '0:2',
      '1:1',
    ]);
  });
});
