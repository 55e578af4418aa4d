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

/** A word's places in one record: the weight of each, by place. */
type Places = Map<number, number>;

/** Reads a word's pages (or a variant's) into `into`, by page number. A place met twice counts once, as Pagefind counts it. */
function readPages(r: Reader, into: Map<number, { places: Places; fields: number }>) {
  let page = 0;
  for (let n = r.list(), i = 0; i < n; i++) {
    const size = r.list();
    page += r.int();
    let entry = into.get(page);
    if (!entry) into.set(page, (entry = { places: new Map(), fields: 0 }));
    let weight = 25;
    let place = 0;
    for (let places = r.list(), j = 0; j < places; j++) {
      const loc = r.int();
      if (loc < 0) {
        weight = Math.min(255, -loc - 1);
        place = 0;
      } else {
        place += loc;
        if (!entry.places.has(place)) entry.places.set(place, weight);
      }
    }
    if (size >= 3)
      for (let places = r.list(), j = 0, field = 0; j < places; j++) {
        const loc = r.int();
        if (loc < 0) field = -loc - 1;
        else entry.fields |= 1 << field;
      }
  }
}

/** The words of one chunk file, each with its records by page number and their places. */
function readChunkWords(file: Buffer, name: string): { word: string; pages: Map<number, { places: Places; fields: number }> }[] {
  const { bytes, start } = unpackFile(file, name, 'a Pagefind word index');
  const r = new Reader(bytes, start);
  const out: { word: string; pages: Map<number, { places: Places; fields: number }> }[] = [];
  try {
    if (r.list() !== 1) throw new Error('not [words]');
    for (let n = r.list(), i = 0; i < n; i++) {
      const size = r.list();
      const word = r.text();
      const pages = new Map<number, { places: Places; fields: number }>();
      readPages(r, pages);
      if (size >= 3)
        for (let variants = r.list(), j = 0; j < variants; j++) {
          r.list();
          r.text();
          readPages(r, pages);
        }
      out.push({ word, pages });
    }
    if (r.at !== bytes.length) throw new Error('more after the words');
  } catch (error) {
    throw new Error(`${name}: a Pagefind word index this indexer cannot read: ${(error as Error).message}`, { cause: error });
  }
  return out;
}

/** How many first characters two words share. */
function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The lists of the words read: per record its weighted count and fields, and the places it
 * shares with a word sorted before it (a compound's parts, a possessive: "mri" and "mris" at one
 * place), by how many first characters the two share. Pagefind counts such a place once per term
 * of the query, for the first of the term's words there, so a stem both words start does not
 * count it for the later word (rankRecords).
 */
function listsOf(
  read: { word: string; pages: Map<number, { places: Places; fields: number }> }[],
  rowOf: readonly number[],
  spanOf: RequestSpans,
): WordList[] {
  read.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  // Per place (page and place in one number), the words there so far: sorted, so earlier words come first.
  const at = new Map<number, number[]>();
  const key = (page: number, place: number) => page * 2 ** 24 + place;
  read.forEach(({ pages }, w) => {
    for (const [page, { places }] of pages)
      for (const place of places.keys()) {
        const k = key(page, place);
        const words = at.get(k);
        if (words) words.push(w);
        else at.set(k, [w]);
      }
  });
  return read.map(({ word, pages }, w) => {
    const records = [...pages].map(([page, { places, fields }]) => {
      const row = rowOf[page];
      if (row === undefined) throw new Error(`word "${word}" names page ${page}, which the metadata does not list`);
      let weight = 0;
      let request = 0;
      const span = spanOf(row);
      const shared = new Map<number, number>();
      for (const [place, wt] of places) {
        weight += wt;
        if (span && place >= span[0] && place < span[1]) request = 1;
        let longest = -1;
        for (const v of at.get(key(page, place))!) {
          if (v >= w) break;
          longest = Math.max(longest, commonStart(read[v]!.word, word));
        }
        if (longest > 0) shared.set(longest, (shared.get(longest) ?? 0) + wt);
      }
      return { row, weight, fields, request, shared: [...shared].sort((a, b) => a[0] - b[0]).flat() };
    });
    records.sort((a, b) => a.row - b.row);
    return {
      word,
      rows: records.map((x) => x.row),
      weights: records.map((x) => x.weight),
      fields: records.map((x) => x.fields),
      shared: records.map((x) => x.shared),
      request: records.map((x) => x.request),
    };
  });
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
  const read: ReturnType<typeof readChunkWords> = [];
  // A chunk may be listed more than once, under other ranges (pagefind-chunks.ts, shortWordRanges).
  const opened = new Set<string>();
  for (const chunk of chunks) {
    const hash = Array.isArray(chunk) ? chunk[2] : undefined;
    if (typeof hash !== 'string') throw new Error(`${path}: a chunk without a hash`);
    if (opened.has(hash)) continue;
    opened.add(hash);
    const file = join(dir, 'index', `${hash}.pf_index`);
    read.push(...readChunkWords(await readFile(file), file));
  }
  return { records: pages.length, fields: Array.isArray(fields) ? fields.map(String) : [], words: listsOf(read, rowOf, spanOf) };
}
