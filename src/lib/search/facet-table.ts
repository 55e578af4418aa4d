import { NO_REGION } from '../catalogue/index-treatment-regions.ts';
import { requestStart } from './item-heading.ts';
import type { CitedFacts, LetterFacts } from './letter-facts.ts';

/**
 * The filter values of one index shard, item by item, as the search page filters and counts with
 * them. The search index writes it next to each shard's Pagefind bundle (FACET_FILE, gzipped bytes:
 * facet-encoding.ts) in the shard's row order: from row 1, each letter's own record followed by one record per item
 * (there is no row 0). Values are referred to by their index in the site's one list of values
 * (FACET_VALUES_FILE), which every shard shares: a shard's own lists were most of its file on real
 * letters, and each search read them again for every shard.
 */
export const FACET_FILE = 'facets.bin.gz';
/** The site's list of facet values (FacetValues, gzipped JSON), beside the manifest. */
export const FACET_VALUES_FILE = 'facet-values.json.gz';

/** Keys whose values the file lists; an item's citations use guideline, family and section. */
export const FACET_VALUE_KEYS = [
  'outcome',
  'treatment',
  'region',
  'guideline',
  'family',
  'section',
  'year',
  'specialty',
  'priority',
  'names',
] as const;
export type FacetValueKey = (typeof FACET_VALUE_KEYS)[number];

/** One side's citations of an item: guidelines, their families, sections (value indexes). */
export type CitedRow = [guideline: number[], family: number[], section: number[]];

/**
 * How many numbers an item takes in the facet file (FacetFile.items): outcome, treatment, the
 * claims administrator's guidelines and sections (lists), the reviewer's (lists; -1 for both when
 * the claims administrator's), body regions (a list), how many words its request has, and its
 * synonym groups (a list; -1 when none: most items).
 */
export const ITEM_FIELDS = 9;
/** How many numbers a letter takes (FacetFile.letters): year, specialties (a list), priority (-1 when none), how many items. */
export const LETTER_FIELDS = 4;
/** A list field's value when the item has none (synonym groups) or shares the claims administrator's (the reviewer's citations). */
const NONE = -1;

/**
 * The values the shards' files refer to. Values are only ever added at the end (facetFile), so a
 * shard's file stays right while newer shards add values; the indexer keeps the list between
 * builds (scripts/search-index/facet-files.ts).
 */
export interface FacetValues {
  version: 2;
  /** Its digest, which the manifest names: the page checks it has this build's list. */
  key?: string;
  values: Record<FacetValueKey, string[]>;
  /** Label of each section value, same order as values.section. */
  sectionLabels: string[];
  /** The family (its index in values.family, -1 for none) of each guideline value, same order as values.guideline. */
  guidelineFamily: number[];
}

export function noFacetValues(): FacetValues {
  return {
    version: 2,
    values: Object.fromEntries(FACET_VALUE_KEYS.map((k) => [k, []])) as unknown as FacetValues['values'],
    sectionLabels: [],
    guidelineFamily: [],
  };
}

export interface FacetFile {
  version: 6;
  /** Its shard's record tag (recordTag in shard-manifest.ts): the page checks it has this shard's file. */
  tag?: string;
  /** Digest of the values it refers to (the list's first `needs`) and of the code that wrote it, which the manifest names too. */
  values?: string;
  /** How many of each key's values the list held when the file was written: all it refers to. */
  needs: Record<FacetValueKey, number>;
  /** The section values its items cite: the sections this shard knows. */
  sections: number[];
  /**
   * The lists of values its letters and items name (specialties, guidelines, sections, regions,
   * synonym groups), each once: a shard's items share a few hundred, and a page that reads
   * 230,000 items at 100,000 letters parses numbers, not a million small arrays.
   */
  lists: number[][];
  /** LETTER_FIELDS numbers per letter in row order. */
  letters: number[];
  /**
   * ITEM_FIELDS numbers per item in row order. Left out, as facetTable makes them again: each
   * guideline's family, and where the request starts in its record (after the heading, item-heading.ts).
   */
  items: number[];
}

/**
 * The facet file of a shard's letters, given in row order; values not in `list` yet are added to
 * its end. Each section it cites gets its label, in the list and in `labels`: the label its latest
 * letter gives (the indexer then sets the list's labels from every shard, oldest first, so that
 * which shards a run writes again changes no label); each guideline it cites gets its family, in
 * the list and in `families`, which the indexer sets again from every shard likewise.
 */
export function facetFile(
  letters: readonly LetterFacts[],
  list: FacetValues,
  labels = new Map<number, string>(),
  families = new Map<number, number>(),
): FacetFile {
  const { values, sectionLabels, guidelineFamily } = list;
  const at = Object.fromEntries(FACET_VALUE_KEYS.map((k) => [k, new Map(values[k].map((v, i) => [v, i]))])) as Record<
    FacetValueKey,
    Map<string, number>
  >;
  const index = (key: FacetValueKey, value: string | undefined): number => {
    if (value === undefined) return -1;
    let i = at[key].get(value);
    if (i === undefined) {
      i = values[key].push(value) - 1;
      at[key].set(value, i);
    }
    return i;
  };
  const sections = new Set<number>();
  const lists: number[][] = [];
  const listAt = new Map<string, number>();
  const listOf = (values: number[]): number => {
    const key = values.join(',');
    let i = listAt.get(key);
    if (i === undefined) listAt.set(key, (i = lists.push(values) - 1));
    return i;
  };
  const cited = (c: CitedFacts, l: LetterFacts): [guideline: number, section: number] => [
    listOf(
      c.guideline.map((g) => {
        const i = index('guideline', g);
        // A guideline's family is the catalogue's: a change of it changes every letter citing it.
        families.set(i, (guidelineFamily[i] = index('family', Object.hasOwn(l.families, g) ? l.families[g] : undefined)));
        return i;
      }),
    ),
    listOf(
      c.section.map((s) => {
        const i = index('section', s);
        labels.set(i, (sectionLabels[i] = l.sections[s] ?? s));
        sections.add(i);
        return i;
      }),
    ),
  ];
  const file: Pick<FacetFile, 'letters' | 'items'> = { letters: [], items: [] };
  for (const l of letters) {
    if (!l.families) throw new Error("search data without its guidelines' families (an older build's): build the site again");
    file.letters.push(
      index('year', l.year),
      listOf(l.specialty.map((s) => index('specialty', s))),
      index('priority', l.priority),
      l.items.length,
    );
    for (const [k, item] of l.items.entries()) {
      const [first, end] = item.request;
      if (first !== requestStart(k + 1))
        throw new Error(`search data: item ${k + 1}'s request starts at word ${first}, not after its heading`);
      const claims = cited(item.claims, l);
      const reviewer = cited(item.reviewer, l);
      const same = reviewer[0] === claims[0] && reviewer[1] === claims[1];
      file.items.push(
        index('outcome', item.outcome),
        index('treatment', item.treatment),
        ...claims,
        ...(same ? [NONE, NONE] : reviewer),
        listOf((item.regions.length > 0 ? item.regions : [NO_REGION]).map((r) => index('region', r))),
        end - first,
        item.names.length > 0 ? listOf(item.names.map((n) => index('names', n))) : NONE,
      );
    }
  }
  const needs = Object.fromEntries(FACET_VALUE_KEYS.map((k) => [k, values[k].length])) as FacetFile['needs'];
  return { version: 6, needs, sections: [...sections].sort((a, b) => a - b), lists, ...file };
}

/**
 * A facet file as the page reads it: its letters' and items' numbers may be typed arrays (read off
 * the page's thread, src/client/facet-reader.ts).
 */
export type FacetFileRead = Omit<FacetFile, 'letters' | 'items'> & { letters: ArrayLike<number>; items: ArrayLike<number> };

/** One letter of a shard: its row, and where its items are in the shard's item list. */
export interface LetterRow {
  row: number;
  firstItem: number;
  items: number;
  year: number;
  specialty: number[];
  priority: number;
}

/** A shard's facet file read for searching: rows resolved to letters and items. */
export interface FacetTable {
  file: FacetFileRead;
  /** The site's values, which the file's indexes refer to (FacetValues). */
  values: FacetValues['values'];
  sectionLabels: readonly string[];
  letters: LetterRow[];
  /** How many items it has. */
  itemCount: number;
  /**
   * Its items' fields, by an item's place in the file, read from the file's numbers with nothing
   * made per item: the item search reads them for every item it visits (some 230,000 at 100,000
   * letters, where making each item a whole array first was a tenth of a complete answer's time,
   * garbage collection included).
   */
  fields: ItemFields;
  /** Per row: the letter's index in `letters`, or -1 for row 0, which no record has. */
  letterOfRow: Int32Array;
  /** Per row: 0 for the letter's own record, else the item number (1-based). */
  itemOfRow: Int32Array;
  /**
   * The letters, in order, with an item whose body regions (`region`) or synonym groups (`names`)
   * hold this value (its index in the site's list): so a query naming a region or synonym visits
   * only the letters it may match. Worked out when first asked for, per value: most queries name none.
   */
  lettersWith(field: 'region' | 'names', value: number): readonly number[];
}

export function facetTable(file: FacetFileRead, list: FacetValues): FacetTable {
  if (file.version !== 6) throw new Error(`unknown facet file version ${String(file.version)}; reload the page`);
  // A list from another build than the file's: its indexes would name other values.
  if (FACET_VALUE_KEYS.some((k) => list.values[k].length < file.needs[k]))
    throw new Error("the facet values list is older than a shard's facet file; reload the page");
  const letterCount = file.letters.length / LETTER_FIELDS;
  const itemCount = file.items.length / ITEM_FIELDS;
  const rows = 1 + letterCount + itemCount;
  const letterOfRow = new Int32Array(rows).fill(-1);
  const itemOfRow = new Int32Array(rows);
  const letters: LetterRow[] = [];
  // Each item's number in its letter, which where its request starts depends on.
  const numberOf = new Int32Array(itemCount);
  let row = 1;
  let firstItem = 0;
  for (let i = 0; i < letterCount; i++) {
    const at = i * LETTER_FIELDS;
    const count = file.letters[at + 3]!;
    letters.push({
      row,
      firstItem,
      items: count,
      year: file.letters[at]!,
      specialty: listAt(file, file.letters[at + 1]!),
      priority: file.letters[at + 2]!,
    });
    for (let n = 0; n <= count; n++) {
      letterOfRow[row + n] = i;
      itemOfRow[row + n] = n;
      if (n > 0 && firstItem + n - 1 < itemCount) numberOf[firstItem + n - 1] = n;
    }
    row += count + 1;
    firstItem += count;
  }
  if (firstItem !== itemCount) throw new Error(`facet file lists ${firstItem} items for its letters but holds ${itemCount}`);
  return {
    file,
    values: list.values,
    sectionLabels: list.sectionLabels,
    letters,
    itemCount,
    fields: itemFields(file, list.guidelineFamily, numberOf),
    letterOfRow,
    itemOfRow,
    lettersWith: lettersHolding(file, letters),
  };
}

/** FacetTable.lettersWith of a file, each field and value's letters found once. */
function lettersHolding(file: FacetFileRead, letters: readonly LetterRow[]): FacetTable['lettersWith'] {
  const found = new Map<string, number[]>();
  return (field, value) => {
    const key = `${field} ${value}`;
    let out = found.get(key);
    if (out) return out;
    // Which of the file's lists hold the value: each item names one list per field.
    const holds = file.lists.map((list) => list.includes(value));
    const at = field === 'region' ? 6 : 8;
    out = [];
    for (let letter = 0; letter < letters.length; letter++) {
      const l = letters[letter]!;
      for (let i = l.firstItem; i < l.firstItem + l.items; i++) {
        const list = file.items[i * ITEM_FIELDS + at]!;
        if (list !== NONE && (holds[list] ?? listAt(file, list).includes(value))) {
          out.push(letter);
          break;
        }
      }
    }
    found.set(key, out);
    return out;
  };
}

/** The file's list at `i`, naming the file's fault where there is none. */
function listAt(file: FacetFileRead, i: number): number[] {
  const values = file.lists[i];
  if (!values) throw new Error(`facet file names list ${i} of ${file.lists.length}`);
  return values;
}

/** An item's fields by its place in its shard's file. The arrays are shared: only read them. */
export interface ItemFields {
  outcome(item: number): number;
  treatment(item: number): number;
  /** The claims administrator's citations, or with `reviewer` the reviewer's (the same row when the reviewer's are the same). */
  cited(item: number, reviewer: boolean): CitedRow;
  regions(item: number): readonly number[];
  /** Its request's span of words in its record. */
  request(item: number): readonly [first: number, end: number];
  /** Its synonym groups; undefined when none (most items). */
  names(item: number): readonly number[] | undefined;
}

/**
 * Reads the file's items (FacetFile.items says what it leaves out, made again here): `numberOf`
 * gives an item's number in its letter. Items citing the same lists share one CitedRow, and items
 * of the same number and request length one span.
 */
function itemFields(file: FacetFileRead, guidelineFamily: readonly number[], numberOf: Int32Array): ItemFields {
  const rows = new Map<number, CitedRow>();
  const citedRow = (guideline: number, section: number): CitedRow => {
    const key = guideline * 1_000_003 + section;
    let row = rows.get(key);
    if (!row) {
      const g = listAt(file, guideline);
      const families: number[] = [];
      for (const v of g) {
        const f = guidelineFamily[v] ?? -1;
        if (f >= 0 && !families.includes(f)) families.push(f);
      }
      rows.set(key, (row = [g, families, listAt(file, section)]));
    }
    return row;
  };
  const spans = new Map<number, [number, number]>();
  const starts: number[] = [];
  const { items } = file;
  return {
    outcome: (item) => items[item * ITEM_FIELDS]!,
    treatment: (item) => items[item * ITEM_FIELDS + 1]!,
    cited: (item, reviewer) => {
      const at = item * ITEM_FIELDS;
      return reviewer && items[at + 4] !== NONE ? citedRow(items[at + 4]!, items[at + 5]!) : citedRow(items[at + 2]!, items[at + 3]!);
    },
    regions: (item) => listAt(file, items[item * ITEM_FIELDS + 6]!),
    request: (item) => {
      const n = numberOf[item]!;
      const words = items[item * ITEM_FIELDS + 7]!;
      const key = n * 1_000_003 + words;
      let span = spans.get(key);
      if (!span) {
        const first = (starts[n] ??= requestStart(n));
        spans.set(key, (span = [first, first + words]));
      }
      return span;
    },
    names: (item) => {
      const names = items[item * ITEM_FIELDS + 8]!;
      return names === NONE ? undefined : listAt(file, names);
    },
  };
}
