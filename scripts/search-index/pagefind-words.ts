// A Pagefind bundle's words as lists of records (src/lib/search/word-lists.ts), read from its
// metadata (the records' names, which give their rows, and the metadata fields' names) and its
// word index chunks. A chunk's word is [text, pages, variants]: each page [page number (delta-coded
// within the word), places, metadata places], places as deltas with negative numbers that set
// the weight of the places after them (-1 - weight), metadata places with negative numbers that
// set the field (-1 - field); a variant is [form, pages], the word with other diacritics, which a
// search counts as the word (pagefind_web/src/index.rs).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordOf } from '../../src/lib/search/shard-manifest.ts';
import type { ShardWords, WordList } from '../../src/lib/search/word-lists.ts';
import { readHead, unpackFile } from './pagefind-cbor.ts';
import { readMeta } from './pagefind-meta.ts';

/** Reads CBOR's arrays, integers and text, in order, from a chunk's bytes. */
class Reader {
  constructor(
    private readonly bytes: Buffer,
    public at: number,
  ) {}
  private head(major: number, what: string) {
    const h = readHead(this.bytes, this.at);
    if (h.major !== major) throw new Error(`byte ${this.at}: expected ${what}, found CBOR major type ${h.major}`);
    this.at = h.next;
    return h.length;
  }
  list = () => this.head(4, 'a list');
  text() {
    const length = this.head(3, 'text');
    const s = this.bytes.toString('utf8', this.at, this.at + length);
    this.at += length;
    return s;
  }
  int() {
    const h = readHead(this.bytes, this.at);
    if (h.major !== 0 && h.major !== 1) throw new Error(`byte ${this.at}: expected an integer, found CBOR major type ${h.major}`);
    this.at = h.next;
    return h.major === 0 ? h.length : -1 - h.length;
  }
}

/** A record of a word being read: its page, fields and places with their weights (a place once). */
interface PageEntry {
  page: number;
  fields: number;
  places: number[];
  weights: number[];
}

/** Reads a word's pages (or a variant's) into `into`, by page number. A place met twice counts once, as Pagefind counts it. */
function readPages(r: Reader, into: Map<number, PageEntry>) {
  let page = 0;
  for (let n = r.list(), i = 0; i < n; i++) {
    const size = r.list();
    page += r.int();
    let entry = into.get(page);
    if (!entry) into.set(page, (entry = { page, fields: 0, places: [], weights: [] }));
    let weight = 25;
    let place = 0;
    // Places rise within a run of one weight (a delta of 0 repeats the last); a page read again (a variant) or a later run may repeat one.
    let repeats = entry.places.length > 0;
    for (let places = r.list(), j = 0; j < places; j++) {
      const loc = r.int();
      if (loc < 0) {
        weight = Math.min(255, -loc - 1);
        repeats ||= entry.places.length > 0;
        place = 0;
      } else {
        // A delta of 0 names the place again (a word indexed twice there): it counts once.
        if (loc === 0 && entry.places.length > 0 && entry.places[entry.places.length - 1] === place) continue;
        place += loc;
        entry.places.push(place);
        entry.weights.push(weight);
      }
    }
    if (repeats) {
      const seen = new Set<number>();
      const keep = entry.places.map((p) => !seen.has(p) && !!seen.add(p));
      entry.weights = entry.weights.filter((_, k) => keep[k]);
      entry.places = entry.places.filter((_, k) => keep[k]);
    }
    if (size >= 3)
      for (let places = r.list(), j = 0, field = 0; j < places; j++) {
        const loc = r.int();
        if (loc < 0) field = -loc - 1;
        else entry.fields |= 1 << field;
      }
  }
}

/** How many first characters two words share. */
function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The shard's words as lists, read word by word in their sorted order (each chunk's words are
 * sorted, and the chunks follow one another): per record its weighted count, fields and request
 * bit, and the places it shares with a word sorted before it (a compound's parts, a possessive:
 * "mri" and "mris" at one place), by how many first characters the two share. Pagefind counts
 * such a place once per term of the query, for the first of the term's words there, so a stem
 * both words start does not count it for the later word (rankRecords). Only the first word at
 * each place is kept, and every word at the few shared ones.
 */
class ListReader {
  readonly lists: WordList[] = [];
  /** Per page, per place: the first word there, plus one (0: none yet). */
  private readonly first: Int32Array[] = [];
  /** Per page, the places a second word came to, with every word there. */
  private readonly more: Map<number, number[]>[] = [];
  constructor(
    private readonly rowOf: readonly number[],
    private readonly spanOf: RequestSpans,
  ) {}

  add(word: string, pages: Map<number, PageEntry>) {
    const w = this.lists.length;
    const records = [...pages.values()].map(({ page, fields, places, weights }) => {
      const row = this.rowOf[page];
      if (row === undefined) throw new Error(`word "${word}" names page ${page}, which the metadata does not list`);
      const span = this.spanOf(row);
      let weight = 0;
      let request = 0;
      let shared: Map<number, number> | undefined;
      let end = 0;
      for (const p of places) if (p >= end) end = p + 1;
      let first = this.first[page] ?? new Int32Array(0);
      if (end > first.length) {
        const grown = new Int32Array(Math.max(end, first.length * 2));
        grown.set(first);
        this.first[page] = first = grown;
      }
      const [from, to] = span ?? [-1, -1];
      for (let i = 0; i < places.length; i++) {
        const place = places[i]!;
        weight += weights[i]!;
        if (place >= from && place < to) request = 1;
        const there = first[place]!;
        if (there === 0) {
          first[place] = w + 1;
          continue;
        }
        const more = (this.more[page] ??= new Map());
        const before = more.get(place) ?? [there - 1];
        let longest = 0;
        for (const v of before) longest = Math.max(longest, commonStart(this.lists[v]!.word, word));
        if (longest > 0) (shared ??= new Map()).set(longest, (shared.get(longest) ?? 0) + weights[i]!);
        more.set(place, [...before, w]);
      }
      return { row, weight, fields, request, shared: shared ? [...shared].sort((a, b) => a[0] - b[0]).flat() : [] };
    });
    records.sort((a, b) => a.row - b.row);
    this.lists.push({
      word,
      rows: records.map((x) => x.row),
      weights: records.map((x) => x.weight),
      fields: records.map((x) => x.fields),
      shared: records.map((x) => x.shared),
      request: records.map((x) => x.request),
    });
  }
}

/** Reads one chunk file's words into `lists`, in its order; throws naming the file for anything else. */
function readChunkWords(file: Buffer, name: string, lists: ListReader): void {
  const { bytes, start } = unpackFile(file, name, 'a Pagefind word index');
  const r = new Reader(bytes, start);
  try {
    if (r.list() !== 1) throw new Error('not [words]');
    for (let n = r.list(), i = 0; i < n; i++) {
      const size = r.list();
      const word = r.text();
      const pages = new Map<number, PageEntry>();
      readPages(r, pages);
      if (size >= 3)
        for (let variants = r.list(), j = 0; j < variants; j++) {
          r.list();
          r.text();
          readPages(r, pages);
        }
      lists.add(word, pages);
    }
    if (r.at !== bytes.length) throw new Error('more after the words');
  } catch (error) {
    throw new Error(`${name}: a Pagefind word index this indexer cannot read: ${(error as Error).message}`, { cause: error });
  }
}

/** Where a record's request stands (its first word and the word after it), by row; undefined for a record without one. */
export type RequestSpans = (row: number) => readonly [number, number] | undefined;

/** The words of the bundle in `dir`, once its records are named by row (pagefind-meta.ts). */
export async function readBundleWords(dir: string, spanOf: RequestSpans = () => undefined): Promise<ShardWords> {
  const metaName = (await readdir(dir)).find((n) => n.endsWith('.pf_meta'));
  if (!metaName) throw new Error(`${dir}: no Pagefind metadata file`);
  const path = join(dir, metaName);
  const meta = readMeta(await readFile(path), path);
  const [, pages, chunks, , , fields] = meta;
  if (!Array.isArray(pages) || !Array.isArray(chunks))
    throw new Error(`${path}: expected Pagefind 1.6's metadata, pages second and chunks third`);
  const rowOf = pages.map((p, i) => {
    const name = Array.isArray(p) ? p[0] : undefined;
    const at = typeof name === 'string' ? recordOf(name) : undefined;
    if (!at) throw new Error(`${path}: page ${i} is not named by row (${String(name)})`);
    return at.row;
  });
  const lists = new ListReader(rowOf, spanOf);
  // A chunk may be listed more than once, under other ranges (pagefind-chunks.ts, shortWordRanges).
  const opened = new Set<string>();
  for (const chunk of chunks) {
    const hash = Array.isArray(chunk) ? chunk[2] : undefined;
    if (typeof hash !== 'string') throw new Error(`${path}: a chunk without a hash`);
    if (opened.has(hash)) continue;
    opened.add(hash);
    const file = join(dir, 'index', `${hash}.pf_index`);
    readChunkWords(await readFile(file), file, lists);
  }
  for (let i = 1; i < lists.lists.length; i++)
    if (!(lists.lists[i - 1]!.word < lists.lists[i]!.word))
      throw new Error(`${path}: its chunks do not list the words in order ("${lists.lists[i]!.word}")`);
  return { records: pages.length, fields: Array.isArray(fields) ? fields.map(String) : [], words: lists.lists };
}
