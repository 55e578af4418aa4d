import { NO_REGION } from '../catalogue/index-treatment-regions.ts';
import { requestStart } from './item-heading.ts';
import type { CitedFacts, LetterFacts } from './letter-facts.ts';

/**
 * The filter values of one index shard, item by item, as the search page filters and counts with
 * them. The search index writes it next to each shard's Pagefind bundle (FACET_FILE, gzipped JSON)
 * in the shard's row order: from row 1, each letter's own record followed by one record per item
 * (there is no row 0). Values are referred to by their index in the site's one list of values
 * (FACET_VALUES_FILE), which every shard shares: a shard's own lists were most of its file on real
 * letters, and each search read them again for every shard.
 */
export const FACET_FILE = 'facets.json.gz';
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

type CitedRow = [guideline: number[], family: number[], section: number[]];

/** An item as the search reads it (FacetTable.items): its stored form made whole. */
export type FacetItem = [
  outcome: number,
  treatment: number,
  claims: CitedRow,
  reviewer: CitedRow,
  regions: number[],
  request: [first: number, end: number],
  names?: number[],
];

/** What a side cites, as stored: its families follow from its guidelines (FacetValues.guidelineFamily). */
type StoredCited = [guideline: number[], section: number[]];

/**
 * An item of the facet file (see FacetFile.items). Left out, as facetTable makes them again: each
 * guideline's family, a reviewer's citations that are the claims administrator's (0), and where
 * the request starts in its record (after the heading, item-heading.ts): 11 % of the files at
 * 100,000 letters (2026-12-05).
 */
export type StoredFacetItem = [
  outcome: number,
  treatment: number,
  claims: StoredCited,
  reviewer: StoredCited | 0,
  regions: number[],
  requestWords: number,
  names?: number[],
];

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
  version: 5;
  /** Its shard's record tag (recordTag in shard-manifest.ts): the page checks it has this shard's file. */
  tag?: string;
  /** Digest of the values it refers to (the list's first `needs`) and of the code that wrote it, which the manifest names too. */
  values?: string;
  /** How many of each key's values the list held when the file was written: all it refers to. */
  needs: Record<FacetValueKey, number>;
  /** The section values its items cite: the sections this shard knows. */
  sections: number[];
  /** Per letter in row order: year, specialties, priority (-1 when none) and how many items. */
  letters: [year: number, specialty: number[], priority: number, items: number][];
  /**
   * Per item in row order: outcome, treatment, what the claims administrator and the reviewer
   * cite (0 for the reviewer when the same), body regions (NO_REGION when it names none), how many
   * words its request has, and the synonym groups its request names (left out when none: most items).
   */
  items: StoredFacetItem[];
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
  const citedRow = (c: CitedFacts, l: LetterFacts): StoredCited => [
    c.guideline.map((g) => {
      const i = index('guideline', g);
      // A guideline's family is the catalogue's: a change of it changes every letter citing it.
      families.set(i, (guidelineFamily[i] = index('family', Object.hasOwn(l.families, g) ? l.families[g] : undefined)));
      return i;
    }),
    c.section.map((s) => {
      const i = index('section', s);
      labels.set(i, (sectionLabels[i] = l.sections[s] ?? s));
      sections.add(i);
      return i;
    }),
  ];
  const file: Omit<FacetFile, 'needs' | 'sections'> = { version: 5, letters: [], items: [] };
  for (const l of letters) {
    if (!l.families) throw new Error("search data without its guidelines' families (an older build's): build the site again");
    file.letters.push([
      index('year', l.year),
      l.specialty.map((s) => index('specialty', s)),
      index('priority', l.priority),
      l.items.length,
    ]);
    for (const [k, item] of l.items.entries()) {
      const [first, end] = item.request;
      if (first !== requestStart(k + 1))
        throw new Error(`search data: item ${k + 1}'s request starts at word ${first}, not after its heading`);
      const claims = citedRow(item.claims, l);
      const reviewer = citedRow(item.reviewer, l);
      const row: StoredFacetItem = [
        index('outcome', item.outcome),
        index('treatment', item.treatment),
        claims,
        JSON.stringify(reviewer) === JSON.stringify(claims) ? 0 : reviewer,
        (item.regions.length > 0 ? item.regions : [NO_REGION]).map((r) => index('region', r)),
        end - first,
      ];
      if (item.names.length > 0) row.push(item.names.map((n) => index('names', n)));
      file.items.push(row);
    }
  }
  const needs = Object.fromEntries(FACET_VALUE_KEYS.map((k) => [k, values[k].length])) as FacetFile['needs'];
  return { ...file, needs, sections: [...sections].sort((a, b) => a - b) };
}

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
  file: FacetFile;
  /** The site's values, which the file's indexes refer to (FacetValues). */
  values: FacetValues['values'];
  sectionLabels: readonly string[];
  letters: LetterRow[];
  /** The file's items made whole, in row order. */
  items: FacetItem[];
  /** Per row: the letter's index in `letters`, or -1 for row 0, which no record has. */
  letterOfRow: Int32Array;
  /** Per row: 0 for the letter's own record, else the item number (1-based). */
  itemOfRow: Int32Array;
  /** Per body region and per synonym group (their value indexes), the letters whose items' fields hold it. */
  lettersByRegion: Map<number, number[]>;
  lettersByName: Map<number, number[]>;
}

export function facetTable(file: FacetFile, list: FacetValues): FacetTable {
  if (file.version !== 5) throw new Error(`unknown facet file version ${String(file.version)}; reload the page`);
  // A list from another build than the file's: its indexes would name other values.
  if (FACET_VALUE_KEYS.some((k) => list.values[k].length < file.needs[k]))
    throw new Error("the facet values list is older than a shard's facet file; reload the page");
  const rows = 1 + file.letters.length + file.items.length;
  const letterOfRow = new Int32Array(rows).fill(-1);
  const itemOfRow = new Int32Array(rows);
  const letters: LetterRow[] = [];
  const items: FacetItem[] = [];
  const whole = wholeItem(list.guidelineFamily);
  let row = 1;
  let firstItem = 0;
  file.letters.forEach(([year, specialty, priority, count], i) => {
    letters.push({ row, firstItem, items: count, year, specialty, priority });
    for (let n = 0; n <= count; n++) {
      letterOfRow[row + n] = i;
      itemOfRow[row + n] = n;
      const stored = n > 0 ? file.items[firstItem + n - 1] : undefined;
      if (stored) items.push(whole(stored, n));
    }
    row += count + 1;
    firstItem += count;
  });
  if (firstItem !== file.items.length)
    throw new Error(`facet file lists ${firstItem} items for its letters but holds ${file.items.length}`);
  // So a query naming a region or synonym visits only the letters it may match, not every letter.
  const lettersByRegion = new Map<number, number[]>();
  const lettersByName = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, value: number, letter: number) => {
    const list = map.get(value);
    if (!list) map.set(value, [letter]);
    else if (list.at(-1) !== letter) list.push(letter);
  };
  letters.forEach((l, letter) => {
    for (let i = l.firstItem; i < l.firstItem + l.items; i++) {
      const [, , , , regions, , names] = items[i]!;
      for (const r of regions) add(lettersByRegion, r, letter);
      for (const n of names ?? []) add(lettersByName, n, letter);
    }
  });
  return {
    file,
    values: list.values,
    sectionLabels: list.sectionLabels,
    letters,
    items,
    letterOfRow,
    itemOfRow,
    lettersByRegion,
    lettersByName,
  };
}

/** Makes a stored item whole (StoredFacetItem says what it leaves out); `n`: its number in its letter. */
function wholeItem(guidelineFamily: readonly number[]): (stored: StoredFacetItem, n: number) => FacetItem {
  // Loops, not Sets and maps: a complete answer at 100,000 letters makes 230,000 items whole.
  const families = (guideline: readonly number[]): number[] => {
    const found: number[] = [];
    for (const g of guideline) {
      const f = guidelineFamily[g] ?? -1;
      if (f >= 0 && !found.includes(f)) found.push(f);
    }
    return found;
  };
  const cited = ([guideline, section]: StoredCited): CitedRow => [guideline, families(guideline), section];
  const starts: number[] = [];
  return ([outcome, treatment, claims, reviewer, regions, requestWords, names], n) => {
    const claimed = cited(claims);
    const first = (starts[n] ??= requestStart(n));
    const item: FacetItem = [
      outcome,
      treatment,
      claimed,
      reviewer === 0 ? claimed : cited(reviewer),
      regions,
      [first, first + requestWords],
    ];
    if (names) item.push(names);
    return item;
  };
}
