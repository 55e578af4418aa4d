import type { FacetTable, FacetValueKey, ItemFields } from './facet-table.ts';
import { CITED_BY_REVIEWER, FILTER_KEYS, type FilterKey } from './filter-keys.ts';
import type { Scope, SearchState } from './search-state.ts';

/**
 * Item-level search over the facet tables of the shards searched: which disputed items match the
 * words and every filter, grouped into their letters, and how many items each filter value has.
 *
 * The unit is the disputed item. With words, an item holds a term where its own record holds the
 * term's words as such (word-match.ts), or by its fields: the body region the term names is its
 * own, or its request names the term's synonym group. It is
 * - requested: its request holds every term (the words stand in the request's span of its
 *   record, or a field holds it);
 * - mentioned: it holds every term, not all in its request (its guideline lines, its rationale);
 * - started: the typed words find it only as starts of longer words ("lumba"): in no count.
 * The scope says which items match: `request` the requested, `items` (default) requested and
 * mentioned; `all` also letters whose own record (case number, summary) holds the terms, as
 * letters without items. The item scope widens to those letters when it finds no item, so a
 * case number or a summary's words still find their letter; they are never counted as items. Filters: outcome, treatment type and body region, a cited guideline or
 * one of a chosen family, and a chosen section or page, all for the same item, each group any of
 * its values; with "cited by the reviewer" only the reviewer's guideline lines count; the letter's
 * year, reviewer specialty and priority.
 */

/** What the words found in one record (word-match.ts's Hit without its Pagefind result). */
export interface RecordWords {
  /** Per term: where the record holds each of its words, or undefined when it lacks one. */
  held: readonly (readonly (readonly number[])[] | undefined)[];
  /** The typed words find it as Pagefind matches them, starts of longer words too. */
  prefix: boolean;
  score: number;
  phrase: boolean;
}

/** One shard's part of a search. */
export interface ShardPart {
  /** The shard's place in the manifest (oldest first), for date order across shards. */
  place: number;
  table: FacetTable;
  /** With words: the records that hold some of them, by row, and per term the body region and synonym group it names. */
  words?: { hits: ReadonlyMap<number, RecordWords>; regions: readonly (string | undefined)[]; groups?: readonly (string | undefined)[] };
}

/** A letter with the items that match. */
export interface LetterMatch {
  /** Index of its shard in the parts searched, and of the letter in that shard's table. */
  part: number;
  letter: number;
  /** Matching item numbers (1-based), in letter order; none for a letter matched by its own text alone. */
  items: number[];
  /** Of those, the ones whose request holds the words. */
  requested: number[];
  /** Of those, the ones whose own record holds the words (they have an excerpt). */
  own: number[];
  /** Whether the letter's own record holds the words. */
  letterHit: boolean;
  /** Best relevance of the records that made it match (0 without words). */
  score: number;
  /** The records that made it match hold the words as such (not only as starts of longer words). */
  exact: boolean;
  /** One of them holds the words as a phrase. */
  phrase: boolean;
}

export type FilterCounts = Record<FilterKey, Record<string, number>>;

/** Items that match the words, within the filters, whatever the scope. */
export interface WordCounts {
  /** Whose request holds the words, with their outcomes. */
  requested: { items: number; upheld: number; overturned: number };
  /** That hold them elsewhere only (guideline lines, rationale). */
  mentioned: number;
  /** Letters whose own record holds the words and none of whose items does. */
  letterOnly: number;
  /** Items the typed words find only as starts of longer words, and their letters. */
  started: { items: number; letters: LetterMatch[] };
}

export interface ItemSearch {
  /** Matching letters, in shard and row order (order-results.ts puts them in the order asked for). */
  letters: LetterMatch[];
  /**
   * The scope the letters are listed in: the one asked for, or `all` when the item scope found no
   * item but letters hold the words in their own text (a case number, a word of a summary).
   */
  listed: Scope;
  /** Matching items over all letters. */
  items: number;
  /** With words: what they matched, scope aside. */
  words?: WordCounts;
  /** Per filter key and value: how many items the search gives with that value chosen (see counts below). */
  counts: FilterCounts;
  /** Labels of the section values, for chips. */
  sectionLabels: Record<string, string>;
}

type Group = 'outcome' | 'treatment' | 'region' | 'guideline' | 'cited' | 'section' | 'year' | 'specialty' | 'priority';
const groupOf = (key: FilterKey): Group => (key === 'family' ? 'guideline' : key);

/** The chosen values, as indexes into the site's value lists (FacetValues). */
type Chosen = Partial<Record<FacetValueKey, Set<number>>> & {
  reviewerOnly: boolean;
  /** Whether a filter of an item's own fields is chosen: without one, and without reviewerOnly, every item passes itemPasses. */
  itemFilters: boolean;
};

const ITEM_GROUPS = ['outcome', 'treatment', 'region', 'guideline', 'family', 'section'] as const;

function choose(table: FacetTable, filters: SearchState['filters']): Chosen {
  const chosen: Chosen = { reviewerOnly: (filters.cited ?? []).includes(CITED_BY_REVIEWER), itemFilters: false };
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (key === 'cited' || !values?.length) continue;
    const list = table.values[key];
    chosen[key] = new Set(values.map((v) => list.indexOf(v)).filter((i) => i >= 0));
  }
  chosen.itemFilters = ITEM_GROUPS.some((k) => chosen[k]);
  return chosen;
}

const meets = (set: Set<number> | undefined, value: number) => !set || set.has(value);
const meetsAny = (set: Set<number> | undefined, values: readonly number[]) => !set || values.some((v) => set.has(v));

/** The sides whose citations count: both, or the reviewer's only. */
function sides(fields: ItemFields, item: number, reviewerOnly: boolean) {
  const reviewer = fields.cited(item, true);
  return reviewerOnly ? [reviewer] : [fields.cited(item, false), reviewer];
}

function itemPasses(fields: ItemFields, item: number, c: Chosen, skip?: Group): boolean {
  if (!c.itemFilters && !c.reviewerOnly) return true;
  if (skip !== 'outcome' && !meets(c.outcome, fields.outcome(item))) return false;
  if (skip !== 'treatment' && !meets(c.treatment, fields.treatment(item))) return false;
  if (skip !== 'region' && !meetsAny(c.region, fields.regions(item))) return false;
  const reviewerOnly = c.reviewerOnly && skip !== 'cited';
  if (reviewerOnly && fields.cited(item, true)[0].length === 0) return false;
  const byGuideline = skip !== 'guideline' && (c.guideline || c.family);
  const bySection = skip !== 'section' && c.section;
  if (!byGuideline && !bySection) return true;
  const cited = sides(fields, item, reviewerOnly);
  if (byGuideline) {
    const cites = cited.some(
      ([g, f]) => (c.guideline ? g.some((v) => c.guideline!.has(v)) : false) || (c.family ? f.some((v) => c.family!.has(v)) : false),
    );
    if (!cites) return false;
  }
  if (bySection && !cited.some(([, , s]) => s.some((v) => c.section!.has(v)))) return false;
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

/** Per term of a shard, the index in the site's values of the body region and the synonym group it names (-1: none or absent). */
function fieldIndexes(part: ShardPart): FieldIndexes {
  const { values } = part.table;
  const at = (list: readonly string[], value: string | undefined) => (value ? list.indexOf(value) : -1);
  return {
    region: (part.words?.regions ?? []).map((r) => at(values.region, r)),
    group: (part.words?.regions ?? []).map((_, t) => at(values.names, part.words?.groups?.[t])),
  };
}

interface FieldIndexes {
  region: number[];
  group: number[];
}

/**
 * A place that stands in the item's request whatever its span: the word lists tell only whether
 * a word's places include one in the request (src/client/list-match.ts).
 */
export const IN_REQUEST = -2;

/** How an item stands to the words, as a number (items' standings are kept in a Uint8Array): not at all, only started, mentioned, requested. */
const NONE = 0;
const STARTED = 1;
const MENTIONED = 2;
const REQUESTED = 3;

/**
 * An item's standing. A term is held by the item's fields where the region named is its own or
 * its request names the synonym group, and in its request where every word of it stands in the
 * request's span. Loops, not closures: this runs for every item of every letter the words found.
 */
function standingOf(hit: RecordWords | undefined, fields: FieldIndexes, items: ItemFields, item: number): number {
  const terms = fields.region.length;
  // Words of punctuation alone are no terms: they hold nowhere.
  if (terms === 0) return NONE;
  const [first, end] = items.request(item);
  let requested = true;
  let held = true;
  for (let t = 0; t < terms && held; t++) {
    const region = fields.region[t]!;
    const group = fields.group[t]!;
    if ((region >= 0 && items.regions(item).includes(region)) || (group >= 0 && (items.names(item) ?? []).includes(group))) continue;
    const positions = hit?.held[t];
    if (positions === undefined) held = false;
    else if (requested && !positions.every((word) => word.some((p) => p === IN_REQUEST || (p >= first && p < end)))) requested = false;
  }
  if (held) return requested ? REQUESTED : MENTIONED;
  return hit?.prefix ? STARTED : NONE;
}

/** Whether the letter's own record holds every term (body regions and synonyms are the items', not the letter's). */
function letterHolds(part: ShardPart, row: number): boolean {
  const hit = part.words?.hits.get(row);
  return Boolean(hit && hit.held.length > 0 && hit.held.every((positions) => positions !== undefined));
}

/** What the words make of one shard, worked out once per search whatever the filters: the letters they may match, each item's standing. */
interface Stood {
  /** Letters to visit, in row order. */
  letters: number[];
  /** Per item of the shard, its standing; all requested without words. */
  standing?: Uint8Array;
  /** Per letter, whether its own record holds the words. */
  letterHeld?: Uint8Array;
}

function stand(part: ShardPart): Stood {
  const { table } = part;
  if (!part.words) return { letters: table.letters.map((_, i) => i) };
  const fields = fieldIndexes(part);
  // Only letters with a record the words found, or an item whose fields hold a term, can match:
  // marked, then listed in row order.
  const marked = new Uint8Array(table.letters.length);
  for (const row of part.words.hits.keys()) {
    const letter = table.letterOfRow[row]!;
    if (letter >= 0) marked[letter] = 1;
  }
  for (const r of fields.region) if (r >= 0) for (const letter of table.lettersWith('region', r)) marked[letter] = 1;
  for (const g of fields.group) if (g >= 0) for (const letter of table.lettersWith('names', g)) marked[letter] = 1;
  const letters: number[] = [];
  marked.forEach((m, letter) => {
    if (m) letters.push(letter);
  });
  const standing = new Uint8Array(table.itemCount);
  const letterHeld = new Uint8Array(table.letters.length);
  const { hits } = part.words;
  for (const letter of letters) {
    const l = table.letters[letter]!;
    for (let n = 1; n <= l.items; n++)
      standing[l.firstItem + n - 1] = standingOf(hits.get(l.row + n), fields, table.fields, l.firstItem + n - 1);
    letterHeld[letter] = letterHolds(part, l.row) ? 1 : 0;
  }
  return { letters, standing, letterHeld };
}

const inScope = (s: number, scope: Scope) => s === REQUESTED || (s === MENTIONED && scope !== 'request');

/** An item visited: its shard's part, its letter, its index in the shard's items, its number in the letter (1-based) and its standing. */
type Visit = (p: number, letter: number, item: number, n: number, standing: number) => void;

/**
 * Calls `visit` for each item that passes the filters (less one group) and holds the words in
 * some way (every item, without words), and `letterOnly` for letters whose own record alone holds
 * them and that have an item passing the filters.
 */
function eachItem(
  parts: readonly ShardPart[],
  stood: readonly Stood[],
  chosen: Chosen[],
  skip: Group | undefined,
  visit: Visit,
  letterOnly?: (p: number, letter: number) => void,
): void {
  parts.forEach((part, p) => {
    const c = chosen[p]!;
    const { letters, standing, letterHeld } = stood[p]!;
    const { table } = part;
    for (const letter of letters) {
      if (!letterPasses(part.table, letter, c, skip)) continue;
      const l = part.table.letters[letter]!;
      let any = false;
      let passes = false;
      for (let n = 1; n <= l.items; n++) {
        const item = l.firstItem + n - 1;
        if (!itemPasses(table.fields, item, c, skip)) continue;
        passes = true;
        const s = standing ? standing[item]! : REQUESTED;
        if (s === NONE) continue;
        if (s !== STARTED) any = true;
        visit(p, letter, item, n, s);
      }
      if (letterOnly && letterHeld?.[letter] && passes && !any) letterOnly(p, letter);
    }
  });
}

/**
 * Counts of one shard's items per value (its index in the site's list), for the keys counted:
 * typed arrays rather than objects keyed by the values' text, which took most of the counts' time.
 */
class ValueTally {
  readonly counts = new Map<FilterKey, Int32Array>();
  /** Per key and value, the serial of the last item that counted it. */
  private readonly seen = new Map<FilterKey, Int32Array>();
  private serial = 0;
  constructor(values: FacetTable['values'], keys: readonly FilterKey[]) {
    for (const key of keys) {
      this.counts.set(key, new Int32Array(values[key as FacetValueKey].length));
      this.seen.set(key, new Int32Array(values[key as FacetValueKey].length));
    }
  }
  /** Starts the next item. */
  next(): void {
    this.serial++;
  }
  /** Counts a value (none for an index outside the list, such as -1 for none). */
  add(key: FilterKey, value: number): void {
    const counts = this.counts.get(key)!;
    if (value >= 0 && value < counts.length) counts[value]!++;
  }
  /** Counts a value once for the item, however often it comes (a section both sides cite). */
  addOnce(key: FilterKey, value: number): void {
    const seen = this.seen.get(key)!;
    if (seen[value] === this.serial) return;
    seen[value] = this.serial;
    this.add(key, value);
  }
  /** Adds the counts by value into `into`. */
  addTo(values: FacetTable['values'], into: FilterCounts): void {
    for (const [key, counts] of this.counts) {
      const names = values[key as FacetValueKey];
      counts.forEach((count, i) => {
        if (count > 0 && names[i] !== undefined) into[key][names[i]] = (into[key][names[i]] ?? 0) + count;
      });
    }
  }
}

/** Counts per value of `keys` over the items it visits (those eachItem gives with the same chosen and skip); `into` adds them up. */
function valueCounter(parts: readonly ShardPart[], chosen: Chosen[], scope: Scope, keys: FilterKey[], skip: Group | undefined) {
  const tallies = parts.map((part) => new ValueTally(part.table.values, keys));
  const visit: Visit = (p, letter, item, _n, s) => {
    if (!inScope(s, scope)) return;
    const { table } = parts[p]!;
    const tally = tallies[p]!;
    tally.next();
    const { fields } = table;
    const l = table.letters[letter]!;
    const reviewerOnly = chosen[p]!.reviewerOnly && skip !== 'cited';
    // Each side's citations looked up once for the item, not once per key counted.
    const claims = fields.cited(item, false);
    const reviewer = fields.cited(item, true);
    for (const key of keys) {
      if (key === 'outcome') tally.add(key, fields.outcome(item));
      else if (key === 'treatment') tally.add(key, fields.treatment(item));
      else if (key === 'region') for (const r of fields.regions(item)) tally.add(key, r);
      else if (key === 'guideline' || key === 'family' || key === 'section') {
        const at = key === 'guideline' ? 0 : key === 'family' ? 1 : 2;
        if (!reviewerOnly) for (const v of claims[at]) tally.addOnce(key, v);
        for (const v of reviewer[at]) tally.addOnce(key, v);
      } else if (key === 'year') tally.add(key, l.year);
      else if (key === 'priority') tally.add(key, l.priority);
      else if (key === 'specialty') for (const v of l.specialty) tally.add(key, v);
    }
  };
  return { visit, into: (counts: FilterCounts) => parts.forEach((part, p) => tallies[p]!.addTo(part.table.values, counts)) };
}

function countValues(
  parts: readonly ShardPart[],
  stood: readonly Stood[],
  chosen: Chosen[],
  scope: Scope,
  keys: FilterKey[],
  skip: Group | undefined,
  into: FilterCounts,
): void {
  const counter = valueCounter(parts, chosen, scope, keys, skip);
  eachItem(parts, stood, chosen, skip, counter.visit);
  counter.into(into);
}

/** Whether the reviewer cites the item: what "cited by the reviewer" keeps when nothing else is chosen. */
const reviewerCites = (fields: ItemFields, item: number) => fields.cited(item, true)[0].length > 0;

/** More letters than a shard holds (some 2,500), for one number to name a part's letter. */
const LETTERS_PER_PART = 2 ** 24;

/** Groups the visited items into their letters. */
function lettersOf(parts: readonly ShardPart[]) {
  // Keyed by shard part and letter as one number: a complete answer at 100,000 letters visits some 35,000.
  const byLetter = new Map<number, LetterMatch>();
  const add = (p: number, letter: number, n?: number, requested = false) => {
    const key = p * LETTERS_PER_PART + letter;
    let match = byLetter.get(key);
    const part = parts[p]!;
    const row = part.table.letters[letter]!.row;
    if (!match) {
      const own = part.words?.hits.get(row);
      match = {
        part: p,
        letter,
        items: [],
        requested: [],
        own: [],
        letterHit: letterHolds(part, row),
        score: 0,
        exact: true,
        phrase: false,
      };
      if (n === undefined && own) Object.assign(match, { score: own.score, phrase: own.phrase });
      byLetter.set(key, match);
    }
    if (n === undefined) return;
    match.items.push(n);
    if (requested) match.requested.push(n);
    const hit = part.words?.hits.get(row + n);
    if (hit) match.own.push(n);
    match.score = Math.max(match.score, hit?.score ?? 0);
    match.phrase ||= hit?.phrase ?? false;
  };
  return { add, letters: () => [...byLetter.values()] };
}

export function itemSearch(parts: readonly ShardPart[], filters: SearchState['filters'], scope: Scope = 'items'): ItemSearch {
  const chosen = parts.map((part) => choose(part.table, filters));
  const stood = parts.map(stand);
  const hasWords = parts.some((p) => p.words);
  const matched = lettersOf(parts);
  const started = lettersOf(parts);
  const letterOnly: [number, number][] = [];
  const words: WordCounts = {
    requested: { items: 0, upheld: 0, overturned: 0 },
    mentioned: 0,
    letterOnly: 0,
    started: { items: 0, letters: [] },
  };
  let items = 0;
  const counts = Object.fromEntries(FILTER_KEYS.map((k) => [k, {}])) as FilterCounts;
  const chosenKeys = FILTER_KEYS.filter((k) => (filters[k]?.length ?? 0) > 0);
  const used = (g: Group) => chosenKeys.some((k) => groupOf(k) === g);
  const plain = FILTER_KEYS.filter((k) => k !== 'cited' && !used(groupOf(k)));
  // With nothing chosen, the counts and the reviewer's count visit the very items the search
  // does, so they ride along on its one walk (the three walks were a third of a complete answer's
  // item search at 100,000 letters).
  const counter = chosenKeys.length === 0 ? valueCounter(parts, chosen, scope, plain, undefined) : undefined;
  let byReviewer = 0;
  eachItem(
    parts,
    stood,
    chosen,
    undefined,
    (p, letter, item, n, s) => {
      if (counter && inScope(s, scope)) {
        counter.visit(p, letter, item, n, s);
        if (reviewerCites(parts[p]!.table.fields, item)) byReviewer++;
      }
      if (s === STARTED) {
        words.started.items++;
        started.add(p, letter, n);
        return;
      }
      if (s === REQUESTED) {
        words.requested.items++;
        const { table } = parts[p]!;
        const outcome = table.values.outcome[table.fields.outcome(item)];
        if (outcome === 'upheld' || outcome === 'overturned') words.requested[outcome]++;
      } else words.mentioned++;
      if (!inScope(s, scope)) return;
      items++;
      matched.add(p, letter, n, s === REQUESTED && hasWords);
    },
    (p, letter) => void letterOnly.push([p, letter]),
  );
  words.letterOnly = letterOnly.length;
  const listed: Scope = scope === 'all' || (scope === 'items' && items === 0 && letterOnly.length > 0) ? 'all' : scope;
  if (listed === 'all') for (const [p, letter] of letterOnly) matched.add(p, letter);
  words.started.letters = started.letters().map((m) => ({ ...m, exact: false }));

  // Counts: a group with nothing chosen counts within the search; a group with a choice counts
  // the same search without it, so its other values show what choosing them adds. "Cited by the
  // reviewer" counts the search with it chosen.
  const keysOf = (g: Group) => FILTER_KEYS.filter((k) => groupOf(k) === g && k !== 'cited');
  if (counter) counter.into(counts);
  else {
    countValues(parts, stood, chosen, scope, plain, undefined, counts);
    for (const g of new Set(FILTER_KEYS.map(groupOf)))
      if (g !== 'cited' && used(g)) countValues(parts, stood, chosen, scope, keysOf(g), g, counts);
    const reviewer = chosen.map((c) => ({ ...c, reviewerOnly: true }));
    eachItem(parts, stood, reviewer, undefined, (_p, _letter, _item, _n, s) => void (inScope(s, scope) && byReviewer++));
  }
  counts.cited = { [CITED_BY_REVIEWER]: byReviewer };

  const sectionLabels: Record<string, string> = {};
  for (const { table } of parts)
    for (const i of table.file.sections) sectionLabels[table.values.section[i]!] = table.sectionLabels[i] ?? table.values.section[i]!;
  return { letters: matched.letters(), listed, items, ...(hasWords ? { words } : {}), counts, sectionLabels };
}
