// A shard's words as lists of the records that hold them, and Pagefind's ranking worked out from
// them: what a complete answer needs of a shard's words without Pagefind's metadata and word
// chunks (docs/scale.md, "The complete answer"). Per word (as Pagefind indexes it: stemmed,
// diacritics folded) and record: its row, the sum of its places' weights (Pagefind's weighted
// count), which metadata fields hold it, and a place of it.
//
// rankRecords follows Pagefind 1.6's search_term (pagefind_web/src/search.rs): a record must hold
// every term, each as a word its stem starts (or, when none does, the longest word that starts the
// stem; a term no word matches is left out), and scores per word BM25 of its weighted count times
// the word's length bonus and diacritic bonus, with the term's inverse document frequency in the
// shard, plus a boost per metadata field holding terms of the query (1.6.0 counts a term once per
// field, measured; its source of August 2026 counted each word). Arithmetic is in 32-bit floats as
// Pagefind's. A place that two words of one term share ("mri" and "mris" for "MRI's") counts for
// the first (WordList.shared). What it cannot follow without every place: a place holding words of
// two terms (a compound's parts), and which word a record of more than twenty places counts a
// shared place for (test/build/word-lists.test.ts).

export interface WordList {
  /** The word as Pagefind's index holds it. */
  word: string;
  /** The records holding it, by row, ascending. */
  rows: number[];
  /** Per record: the sum of the weights of its places (Pagefind's weighted count, 24 a plain place). */
  weights: number[];
  /** Per record: the metadata fields holding it, a bit per field of ShardWords.fields. */
  fields: number[];
  /**
   * Per record: the weights of places it shares with a word sorted before it, as pairs of how
   * many first characters the two words share and the weight, by the first ascending. A stem of
   * that many characters or fewer matches both, and Pagefind counts the place for the earlier.
   */
  shared: number[][];
  /** Per record: 1 where a place of it stands in the record's request (an item's: item-heading.ts), else 0. */
  request: number[];
}

export interface ShardWords {
  /** How many records the shard holds (Pagefind's total pages). */
  records: number;
  /** The metadata fields' names, in Pagefind's order. */
  fields: string[];
  /** Its words, sorted as Pagefind sorts them (by UTF-8 bytes, which for these is by code unit). */
  words: WordList[];
}

/**
 * Pagefind's ranking weights (its defaults, with the site's RANKING over them). rankRecords
 * follows them while termFrequency is 1; pageLength does not count, as every record's length is
 * the same (the indexer writes 1). A page given another termFrequency leaves its searches to Pagefind.
 */
export interface Ranking {
  termSimilarity: number;
  termSaturation: number;
  diacriticSimilarity: number;
  metaWeights: Record<string, number>;
  pageLength?: number;
  termFrequency?: number;
}

export const PAGEFIND_DEFAULTS: Ranking = { termSimilarity: 1, termSaturation: 1.4, diacriticSimilarity: 0.8, metaWeights: { title: 5 } };

/** Whether rankRecords follows Pagefind with these weights. */
export const listsRank = (r: Ranking) => (r.termFrequency ?? 1) === 1;

/** A term of the query: its stem (what the index is searched for) and the word as typed, folded as Pagefind folds a query. */
export interface RankedTerm {
  stem: string;
  typed: string;
}

const f = Math.fround;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
// One encoder for all: one per word took 20 ms of a complete answer at 100k (profiled, with glued words).
const byteLength = (s: string) => utf8.encode(s).length;

/** The first word at or after `key`. */
function lowerBound(words: readonly WordList[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.word < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The word itself, if the shard holds it. */
export function wordOf(shard: ShardWords, word: string): WordList | undefined {
  const at = shard.words[lowerBound(shard.words, word)];
  return at?.word === word ? at : undefined;
}

/** The words a stem matches: every word it starts, or when none, the longest word that starts it (Pagefind's find_word_extensions). */
export function extensionsOf(shard: ShardWords, stem: string): WordList[] {
  const out: WordList[] = [];
  for (let i = lowerBound(shard.words, stem); i < shard.words.length && shard.words[i]!.word.startsWith(stem); i++)
    out.push(shard.words[i]!);
  if (out.length > 0) return out;
  for (let n = stem.length - 1; n > 0; n--) {
    const shorter = wordOf(shard, stem.slice(0, n));
    if (shorter) return [shorter];
  }
  return [];
}

/** Pagefind's word_length_bonus: 1 for a word of the stem's length, less as it grows longer. */
function lengthBonus(differential: number, termSimilarity: number): number {
  const base = f(Math.exp(f(f(-0.5 * f(differential * differential)) / 4)));
  return f(f(Math.exp(f(base * termSimilarity))) / f(Math.exp(termSimilarity)));
}

/** Pagefind's calculate_idf. */
const idf = (total: number, holding: number) => f(Math.log(f(f(f(f(total) - f(holding)) + 0.5) / f(f(holding) + 0.5)) + 1));

/** Pagefind's diacritics_match: the word's form and the query's word, one the start of the other. */
const formsMatch = (typed: string, form: string) => form === typed || form.startsWith(typed) || typed.startsWith(form);

/** A record's weighted count of a word, less the places a word before it takes for a stem of `stem` characters. */
function countedWeight(list: WordList, i: number, stem: number): number {
  let weight = list.weights[i]!;
  const shared = list.shared[i]!;
  for (let k = 0; k < shared.length; k += 2) if (shared[k]! >= stem) weight -= shared[k + 1]!;
  return weight;
}

/** One past the highest row these lists hold (their rows ascend): the length of an array by row. */
export const rowsSpan = (lists: readonly WordList[]): number =>
  lists.reduce((n, l) => Math.max(n, (l.rows[l.rows.length - 1] ?? -1) + 1), 0);

/** The records holding every term, by row ascending, and their scores by row. */
export interface RankedRows {
  found: Int32Array;
  scores: Float64Array;
}

/**
 * Each record holding every term, with the score Pagefind's search of the terms gives it in this
 * shard (its records' lengths all equal, as the indexer writes them), by row. Arrays by row, not
 * sets and maps: a complete answer at 100,000 letters ranks some 100,000 records.
 */
export function rankRecords(shard: ShardWords, terms: readonly RankedTerm[], ranking: Ranking): RankedRows {
  const matched = terms.map((t) => extensionsOf(shard, t.stem));
  const span = rowsSpan(matched.flat());
  // Per row, how many terms hold it; per term, how many rows (each row counted once per term).
  const holders = new Uint16Array(span);
  const lastTerm = new Int32Array(span);
  const holding = matched.map((lists, t) => {
    let n = 0;
    for (const l of lists)
      for (const row of l.rows)
        if (lastTerm[row] !== t + 1) {
          lastTerm[row] = t + 1;
          holders[row]!++;
          n++;
        }
    return n;
  });
  const idfs = holding.map((n) => idf(shard.records, n));
  let queryIdf = 0;
  for (const v of idfs) queryIdf = f(queryIdf + v);
  const k1 = f(ranking.termSaturation);
  // A term no word matches is left out, as Pagefind leaves it; with none matched, nothing is found.
  const needed = holding.filter((n) => n > 0).length;
  const scores = new Float64Array(span);
  if (needed === 0) return { found: new Int32Array(0), scores };
  // Per word of the query: its term, length bonus and diacritic bonus, and its records by row.
  const words = new Map<string, { term: number; bonus: number; diacritic: number; list: WordList }>();
  matched.forEach((lists, term) => {
    for (const list of lists) {
      if (words.has(list.word)) continue;
      const bonus = lengthBonus(
        Math.min(255, Math.abs(byteLength(list.word) - byteLength(terms[term]!.stem)) + 1),
        f(ranking.termSimilarity),
      );
      const diacritic =
        ranking.diacriticSimilarity > 0 && formsMatch(terms[term]!.typed, list.word) ? f(1 + f(ranking.diacriticSimilarity)) : 1;
      words.set(list.word, { term, bonus, diacritic, list });
    }
  });
  // Pagefind sums the words' scores in their sorted order, which 32-bit sums can tell apart.
  const sorted = [...words].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Per record, the metadata fields holding terms, in the order first met, each with its terms in
  // that order (the 32-bit sums follow it): arrays kept across records, for the loop runs for
  // every record found. Records are visited by row, ascending, so each word's list is walked once
  // (a cursor per word, not a search per record and word).
  const fieldOrder: number[] = [];
  const termsOf: number[][] = [];
  let count = 0;
  for (let row = 0; row < span; row++) if (holders[row] === needed) count++;
  const found = new Int32Array(count);
  for (let row = 0, k = 0; row < span; row++) if (holders[row] === needed) found[k++] = row;
  const cursors = new Int32Array(sorted.length);
  for (const row of found) {
    let score = 0;
    for (let k = 0; k < sorted.length; k++) {
      const w = sorted[k]![1];
      const rows = w.list.rows;
      let i = cursors[k]!;
      while (i < rows.length && rows[i]! < row) i++;
      cursors[k] = i;
      if (rows[i] !== row) continue;
      const weighted = f(f(f(countedWeight(w.list, i, terms[w.term]!.stem.length)) / 24) * w.bonus);
      const tf = f(f(f(k1 + 1) * weighted) / f(k1 + weighted));
      score = f(score + f(f(idfs[w.term]! * tf) * w.diacritic));
      for (let mask = w.list.fields[i]!, field = 0; mask > 0; mask >>= 1, field++) {
        if (!(mask & 1)) continue;
        const held = (termsOf[field] ??= []);
        if (held.length === 0) fieldOrder.push(field);
        if (!held.includes(w.term)) held.push(w.term);
      }
    }
    let boost = 0;
    for (const field of fieldOrder) {
      const held = termsOf[field]!;
      const name = shard.fields[field];
      if (name !== undefined) {
        const weight = f(ranking.metaWeights[name] ?? 1);
        let sum = 0;
        for (const term of held) sum = f(sum + idfs[term]!);
        const coverage = f(sum / queryIdf);
        boost = f(boost + (queryIdf > 0 ? f(f(f(weight * sum) * coverage) * coverage) : 0));
      }
      held.length = 0;
    }
    fieldOrder.length = 0;
    scores[row] = f(score + boost);
  }
  return { found, scores };
}

/** Appends `n` (a whole number from 0) as a varint: seven bits a byte, low first. */
function putVarint(out: number[], n: number) {
  while (n >= 128) {
    out.push((n % 128) + 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/**
 * A word's list as bytes: the number of records, then per record the row's difference from the
 * one before, the weighted count times two plus the request's bit, the fields and the shared
 * places (their count, then the pairs), each a varint.
 */
export function encodeWordList(list: WordList): Uint8Array {
  const out: number[] = [];
  putVarint(out, list.rows.length);
  let last = 0;
  list.rows.forEach((row, i) => {
    putVarint(out, row - last);
    last = row;
    putVarint(out, list.weights[i]! * 2 + list.request[i]!);
    putVarint(out, list.fields[i]!);
    const shared = list.shared[i]!;
    putVarint(out, shared.length / 2);
    for (const v of shared) putVarint(out, v);
  });
  return Uint8Array.from(out);
}

/** Reads varints and words in order from a group file's bytes; `what` names what is read, for the error where they end early. */
class VarintReader {
  at = 0;
  constructor(
    private readonly bytes: Uint8Array,
    public what: string,
  ) {}
  next(): number {
    let n = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = this.bytes[this.at++];
      if (b === undefined) throw new Error(`${this.what} ends early, at byte ${this.at - 1}`);
      n += (b & 127) * scale;
      if (b < 128) return n;
    }
  }
  text(): string {
    const length = this.next();
    if (this.at + length > this.bytes.length) throw new Error(`${this.what} ends early, inside a word at byte ${this.at}`);
    const s = fromUtf8.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return s;
  }
}

const NO_SHARED: number[] = [];

/** The list of `word` from encodeWordList's bytes, where `r` stands. */
function decodeWordList(word: string, r: VarintReader): WordList {
  const list: WordList = { word, rows: [], weights: [], fields: [], shared: [], request: [] };
  let row = 0;
  for (let i = 0, count = r.next(); i < count; i++) {
    list.rows.push((row += r.next()));
    const weight = r.next();
    list.weights.push(Math.floor(weight / 2));
    list.request.push(weight % 2);
    list.fields.push(r.next());
    const pairs = r.next();
    // Most records share no place: one empty array for them all (the lists are only read).
    const shared: number[] = pairs === 0 ? NO_SHARED : [];
    for (let k = 0; k < pairs * 2; k++) shared.push(r.next());
    list.shared.push(shared);
  }
  return list;
}

/** A word's group: its first three characters. Lists are fetched a group a shard at a time. */
export const GROUP_LENGTH = 3;
/** Words whose group has a file: letters and digits only (a group is a file's name). */
export const GROUPED = /^[a-z0-9]{3}/;
export const groupOf = (word: string) => word.slice(0, GROUP_LENGTH);
/**
 * A shard of at most this many letters keeps its groups' files in bins of their first two
 * characters (`lists/lu.bin.gz` holds the smaller words of "lum", "lub", ...): for the newest
 * letters, which an update indexes again, some 1,200 files of about 180 bytes a shard would be
 * written, linked into the site and removed again each time (docs/scale.md, "Adding letters at 10k").
 */
export const BINNED_SHARD_LETTERS = 500;
/** How many characters of a group name its file in a shard of `letters` letters (ShardInfo.listNames). */
export const listNameLength = (letters: number) => (letters <= BINNED_SHARD_LETTERS ? GROUP_LENGTH - 1 : GROUP_LENGTH);
/** A group's file in a shard's bundle whose group files are named by `length` characters (a pack's by GROUP_LENGTH). */
export const groupFile = (group: string, length = GROUP_LENGTH) => `lists/${group.slice(0, length)}.bin.gz`;
/**
 * A word whose list takes this many bytes or more in a shard (some 250 records) has a file of its
 * own there, `lists/<group>/<word>.bin.gz`, and its group's file holds the smaller ones: a search
 * for "Norco" then fetches Norco's list and the small words of "nor", not "normal"'s as well.
 */
export const OWN_LIST_BYTES = 1024;
export const ownFile = (word: string) => `lists/${groupOf(word)}/${word}.bin.gz`;

/**
 * A pack: the list files of a closed year's shards (or a closed month's, in the newest year), each
 * file's shards in one file (`packs/<id>/lists/...`, the same names as a shard's), so that a
 * search of every shard fetches a year's lists in one request instead of one per shard. The
 * indexer packs only periods before the newest shard's (scripts/search-index/list-packs.ts): an
 * update, whose letters are the newest, writes no pack again.
 */
export interface ListPack {
  /** Its folder under pagefind/packs/: the shards' year or month ("2016", "2017-01"). */
  id: string;
  /** Its shards' ids, oldest first. */
  shards: string[];
  /** Digest of its shards' ids, tags and facet tables' digests: its files are asked for with it. */
  key: string;
}
export const packFile = (pack: string, file: string) => `packs/${pack}/${file}`;

/** A pack's file from its shards' files (each a group file's bytes, ungzipped), in its shards' order. */
export function encodeListPack(parts: readonly Uint8Array[]): Uint8Array {
  const head: number[] = [];
  putVarint(head, parts.length);
  for (const part of parts) putVarint(head, part.length);
  const out = new Uint8Array(head.length + parts.reduce((n, p) => n + p.length, 0));
  out.set(head);
  let at = head.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Each shard's file in a pack's file (ungzipped); throws naming `name` where it ends early. */
export function decodeListPack(bytes: Uint8Array, name: string): ListGroup[] {
  const r = new VarintReader(bytes, name);
  const lengths = Array.from({ length: r.next() }, () => r.next());
  return lengths.map((length, k) => {
    const end = r.at + length;
    if (end > bytes.length) throw new Error(`${name} ends early, inside its file ${k + 1}`);
    const group = decodeListGroup(bytes.subarray(r.at, end), `${name} (its file ${k + 1})`);
    r.at = end;
    return group;
  });
}

/**
 * A group file's content: its shard's tag (a page checks it, so a file of another build is never
 * read against this build's facet tables), the shard's record count and metadata fields (which
 * ranking needs) and the lists of its words that start so.
 */
export interface ListGroup {
  tag: string;
  records: number;
  fields: string[];
  words: WordList[];
}

/**
 * The site's word directory (pagefind/words/, scripts/search-index/word-directory.ts): which
 * groups any shard has, and per group the shards that have it and the words of the letters that
 * start so, as a query folds them (search-words.ts), each with its stem where that is another
 * word (Pagefind searches the stem): what the page needs to know what to fetch for a word typed,
 * without a stemmer of its own and without asking for files that are not there.
 */
/** The directory's list of every group, sorted. */
export const WORD_GROUPS_FILE = 'words/groups.json.gz';
export const wordGroupFile = (group: string) => `words/${group}.json.gz`;
export interface WordGroup {
  /** Ids of the shards with a file of the group's smaller words. */
  shards: string[];
  /** The group's words with a file of their own in some shard, each with the ids of those shards. */
  own: Record<string, string[]>;
  /**
   * Where some shard has words of the group in files of their own: the words the group files of
   * such shards hold, sorted. A shard's file is then fetched only where it may hold a word a stem
   * matches (needsGroupFile). Absent for other groups, and from a directory written before it:
   * then every shard's file is fetched.
   */
  small?: string[];
  /** Word as typed -> its stem ("" where the same). */
  surfaces: Record<string, string>;
}
/**
 * Whether a shard's file of the group may hold a word one of `stems` matches (extensionsOf): a
 * word the stem starts, or where the shard has no word starting it, one that starts the stem.
 * The directory's words are the site's, so a shard may be asked for a file that holds none of them.
 */
export function needsGroupFile(group: WordGroup, shard: string, stems: readonly string[]): boolean {
  if (!group.shards.includes(shard)) return false;
  const ownHere = Object.keys(group.own).filter((w) => group.own[w]!.includes(shard));
  // The directory lists the words of the groups' files only where the shard has words of their own.
  if (!group.small || ownHere.length === 0) return true;
  const small = group.small.filter((w) => !ownHere.includes(w));
  return stems.some(
    (stem) => small.some((w) => w.startsWith(stem)) || (!ownHere.some((w) => w.startsWith(stem)) && small.some((w) => stem.startsWith(w))),
  );
}

/** What a shard's worker leaves for the directory in its bundle: its groups and its letters' words with their stems. */
export const SHARD_WORDS_FILE = 'lists/words.json.gz';
export interface ShardWordsNote {
  /** Groups with a file of their smaller words. */
  groups: string[];
  /** Words with a file of their own. */
  own: string[];
  /** Words in its group files, of the groups where it has words of their own. */
  small: string[];
  surfaces: Record<string, string>;
}

export function encodeListGroup(group: ListGroup): Uint8Array {
  const parts: Uint8Array[] = [];
  const head: number[] = [];
  const flush = () => {
    parts.push(Uint8Array.from(head));
    head.length = 0;
  };
  const text = (s: string) => {
    const bytes = utf8.encode(s);
    putVarint(head, bytes.length);
    flush();
    parts.push(bytes);
  };
  text(group.tag);
  putVarint(head, group.records);
  putVarint(head, group.fields.length);
  group.fields.forEach(text);
  putVarint(head, group.words.length);
  for (const list of group.words) {
    text(list.word);
    parts.push(encodeWordList(list));
  }
  flush();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A group file's content from its bytes (ungzipped); throws naming `name` (and the word) where they end early. */
export function decodeListGroup(bytes: Uint8Array, name: string): ListGroup {
  const r = new VarintReader(bytes, name);
  const tag = r.text();
  const records = r.next();
  const fields = Array.from({ length: r.next() }, () => r.text());
  const words: WordList[] = [];
  for (let n = r.next(), i = 0; i < n; i++) {
    const word = r.text();
    r.what = `${name}, the list of "${word}",`;
    words.push(decodeWordList(word, r));
    r.what = name;
  }
  if (r.at !== bytes.length) throw new Error(`${name} has ${bytes.length - r.at} bytes more than its lists`);
  return { tag, records, fields, words };
}
