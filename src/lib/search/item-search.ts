import type { FacetTable, FacetValueKey } from './facet-table.ts';
import { CITED_BY_REVIEWER, FILTER_KEYS, type FilterKey } from './filter-keys.ts';
import type { SearchState } from './search-state.ts';

/**
 * Item-level search over the facet tables of the shards searched: which disputed items match the
 * words and every filter, grouped into their letters, and how many items each filter value has.
 *
 * The unit is the disputed item. An item matches when
 * - the words are in its own record (request, guideline lines, rationale), or the letter's own
 *   record holds them (case number, summary) and none of its items' records does: a search for
 *   the letter's words then matches the letter as a whole;
 * - it has a chosen outcome and treatment type, cites a chosen guideline or one of a chosen
 *   family, and a chosen section or page: all for the same item, each group any of its values;
 *   with "cited by the reviewer" only the reviewer's guideline lines count;
 * - its letter has a chosen year, reviewer specialty and priority.
 */

/** One shard's part of a search. */
export interface ShardPart {
  /** The shard's place in the manifest (oldest first), for date order across shards. */
  place: number;
  table: FacetTable;
  /** Rows of the records holding the words, with their relevance; undefined when there are no words. */
  hits?: ReadonlyMap<number, RecordHit>;
}

/** A record holding the words: its relevance, and whether it holds them exactly, and as a phrase. */
export interface RecordHit {
  score: number;
  exact?: boolean;
  phrase?: boolean;
}

/** A letter with the items that match. */
export interface LetterMatch {
  /** Index of its shard in the parts searched, and of the letter in that shard's table. */
  part: number;
  letter: number;
  /** Matching item numbers (1-based), in letter order. */
  items: number[];
  /** Of those, the ones whose own record holds the words (they have an excerpt). */
  own: number[];
  /** Whether the letter's own record holds the words. */
  letterHit: boolean;
  /** Best relevance of the records that made it match (0 without words). */
  score: number;
  /** One of those records holds the words as such (not only as starts of longer words). */
  exact: boolean;
  /** One of them holds the words as a phrase. */
  phrase: boolean;
}

export type FilterCounts = Record<FilterKey, Record<string, number>>;

export interface ItemSearch {
  /** Matching letters, in shard and row order (order-results.ts puts them in the order asked for). */
  letters: LetterMatch[];
  /** Matching items over all letters. */
  items: number;
  /** Per filter key and value: how many items the search gives with that value chosen (see counts below). */
  counts: FilterCounts;
  /** Labels of the section values, for chips. */
  sectionLabels: Record<string, string>;
}

type Group = 'outcome' | 'treatment' | 'guideline' | 'cited' | 'section' | 'year' | 'specialty' | 'priority';
const groupOf = (key: FilterKey): Group => (key === 'family' ? 'guideline' : key);

/** The chosen values of one shard, as indexes into its value lists. */
type Chosen = Partial<Record<FacetValueKey, Set<number>>> & { reviewerOnly: boolean };

function choose(table: FacetTable, filters: SearchState['filters']): Chosen {
  const chosen: Chosen = { reviewerOnly: (filters.cited ?? []).includes(CITED_BY_REVIEWER) };
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (key === 'cited' || !values?.length) continue;
    const list = table.file.values[key];
    chosen[key] = new Set(values.map((v) => list.indexOf(v)).filter((i) => i >= 0));
  }
  return chosen;
}

const meets = (set: Set<number> | undefined, value: number) => !set || set.has(value);
const meetsAny = (set: Set<number> | undefined, values: readonly number[]) => !set || values.some((v) => set.has(v));

/** The sides whose citations count: both, or the reviewer's only. */
function sides(table: FacetTable, item: number, reviewerOnly: boolean) {
  const [, , claims, reviewer] = table.file.items[item]!;
  return reviewerOnly ? [reviewer] : [claims, reviewer];
}

function itemPasses(table: FacetTable, item: number, c: Chosen, skip?: Group): boolean {
  const [outcome, treatment, , reviewer] = table.file.items[item]!;
  if (skip !== 'outcome' && !meets(c.outcome, outcome)) return false;
  if (skip !== 'treatment' && !meets(c.treatment, treatment)) return false;
  const reviewerOnly = c.reviewerOnly && skip !== 'cited';
  if (reviewerOnly && reviewer[0].length === 0) return false;
  const cited = sides(table, item, reviewerOnly);
  if (skip !== 'guideline' && (c.guideline || c.family)) {
    const cites = cited.some(
      ([g, f]) => (c.guideline ? g.some((v) => c.guideline!.has(v)) : false) || (c.family ? f.some((v) => c.family!.has(v)) : false),
    );
    if (!cites) return false;
  }
  if (skip !== 'section' && c.section && !cited.some(([, , s]) => s.some((v) => c.section!.has(v)))) return false;
  return true;
}

function letterPasses(table: FacetTable, letter: number, c: Chosen, skip?: Group): boolean {
  const l = table.letters[letter]!;
  return (
    (skip === 'year' || meets(c.year, l.year)) &&
    (skip === 'specialty' || meetsAny(c.specialty, l.specialty)) &&
    (skip === 'priority' || meets(c.priority, l.priority))
  );
}

interface WordMatches {
  /** Per item: whether it holds the words (its own record, or the letter's as a whole). */
  items: boolean[];
  /** Per item: whether its own record holds them. */
  own: boolean[];
  letterHit: boolean;
  /** Per item: the record that made it match (undefined without words). */
  hit: (RecordHit | undefined)[];
}

/** Which items of a letter hold the words. */
function wordMatches(part: ShardPart, letter: number): WordMatches {
  const l = part.table.letters[letter]!;
  const hits = part.hits;
  if (!hits)
    return {
      items: Array<boolean>(l.items).fill(true),
      own: Array<boolean>(l.items).fill(false),
      letterHit: false,
      hit: Array<undefined>(l.items).fill(undefined),
    };
  const own = Array.from({ length: l.items }, (_, i) => hits.has(l.row + 1 + i));
  const letterHit = hits.has(l.row);
  const whole = letterHit && !own.includes(true);
  return {
    items: own.map((o) => o || whole),
    own,
    letterHit,
    hit: own.map((o, i) => (o ? hits.get(l.row + 1 + i) : whole ? hits.get(l.row) : undefined)),
  };
}

/** Calls `visit` for each item that matches the words and the filters (less one group). */
function eachMatch(
  parts: readonly ShardPart[],
  chosen: Chosen[],
  skip: Group | undefined,
  visit: (p: number, letter: number, item: number, n: number, words: WordMatches) => void,
): void {
  parts.forEach((part, p) => {
    const c = chosen[p]!;
    part.table.letters.forEach((l, letter) => {
      if (!letterPasses(part.table, letter, c, skip)) return;
      if (part.hits && !part.hits.has(l.row) && !Array.from({ length: l.items }, (_, i) => part.hits!.has(l.row + 1 + i)).includes(true))
        return;
      const words = wordMatches(part, letter);
      for (let n = 1; n <= l.items; n++) {
        if (words.items[n - 1] && itemPasses(part.table, l.firstItem + n - 1, c, skip)) visit(p, letter, l.firstItem + n - 1, n, words);
      }
    });
  });
}

function countValues(parts: readonly ShardPart[], chosen: Chosen[], keys: FilterKey[], skip: Group | undefined, into: FilterCounts): void {
  const add = (key: FilterKey, value: string | undefined) => {
    if (value !== undefined) into[key][value] = (into[key][value] ?? 0) + 1;
  };
  eachMatch(parts, chosen, skip, (p, letter, item) => {
    const { table } = parts[p]!;
    const v = table.file.values;
    const [outcome, treatment] = table.file.items[item]!;
    const l = table.letters[letter]!;
    const cited = sides(table, item, chosen[p]!.reviewerOnly && skip !== 'cited');
    const citedValues = (i: 0 | 1 | 2) => [...new Set(cited.flatMap((side) => side[i]))];
    for (const key of keys) {
      if (key === 'outcome') add(key, v.outcome[outcome]);
      else if (key === 'treatment') add(key, v.treatment[treatment]);
      else if (key === 'guideline') for (const g of citedValues(0)) add(key, v.guideline[g]);
      else if (key === 'family') for (const f of citedValues(1)) add(key, v.family[f]);
      else if (key === 'section') for (const s of citedValues(2)) add(key, v.section[s]);
      else if (key === 'year') add(key, v.year[l.year]);
      else if (key === 'priority') add(key, v.priority[l.priority]);
      else if (key === 'specialty') for (const s of l.specialty) add(key, v.specialty[s]);
    }
  });
}

export function itemSearch(parts: readonly ShardPart[], filters: SearchState['filters']): ItemSearch {
  const chosen = parts.map((part) => choose(part.table, filters));
  const byLetter = new Map<string, LetterMatch>();
  let items = 0;
  eachMatch(parts, chosen, undefined, (p, letter, _item, n, words) => {
    items++;
    const key = `${p} ${letter}`;
    let match = byLetter.get(key);
    if (!match) {
      match = { part: p, letter, items: [], own: [], letterHit: words.letterHit, score: 0, exact: false, phrase: false };
      byLetter.set(key, match);
    }
    match.items.push(n);
    if (words.own[n - 1]) match.own.push(n);
    const hit = words.hit[n - 1];
    match.score = Math.max(match.score, hit?.score ?? 0);
    match.exact ||= hit?.exact ?? false;
    match.phrase ||= hit?.phrase ?? false;
  });

  // Counts: a group with nothing chosen counts within the search; a group with a choice counts
  // the same search without it, so its other values show what choosing them adds. "Cited by the
  // reviewer" counts the search with it chosen.
  const counts = Object.fromEntries(FILTER_KEYS.map((k) => [k, {}])) as FilterCounts;
  const used = (g: Group) => FILTER_KEYS.some((k) => groupOf(k) === g && (filters[k]?.length ?? 0) > 0);
  const keysOf = (g: Group) => FILTER_KEYS.filter((k) => groupOf(k) === g && k !== 'cited');
  const plain = FILTER_KEYS.filter((k) => k !== 'cited' && !used(groupOf(k)));
  countValues(parts, chosen, plain, undefined, counts);
  for (const g of new Set(FILTER_KEYS.map(groupOf))) if (g !== 'cited' && used(g)) countValues(parts, chosen, keysOf(g), g, counts);
  const reviewer = chosen.map((c) => ({ ...c, reviewerOnly: true }));
  let byReviewer = 0;
  eachMatch(parts, reviewer, undefined, () => byReviewer++);
  counts.cited = { [CITED_BY_REVIEWER]: byReviewer };

  const sectionLabels: Record<string, string> = {};
  for (const { table } of parts) table.file.values.section.forEach((s, i) => (sectionLabels[s] = table.file.sectionLabels[i] ?? s));
  return { letters: [...byLetter.values()], items, counts, sectionLabels };
}
