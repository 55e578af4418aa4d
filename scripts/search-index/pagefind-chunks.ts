// A Pagefind bundle's word index cut again into chunks (index/<hash>.pf_index) so that a search
// fetches little besides the words it looks up. Pagefind cuts its sorted words into chunks of about
// 5,000 places, so a word is fetched with whatever neighbours share its chunk: at 100,000 letters a
// search for "Norco" fetched 5.7 KB per shard of which Norco was a fifth ("normal", "nonsteroid"
// ...), in each of 44 shards. Here every word large enough to be worth fetching alone (for its
// shard's size, chunkScale) gets a chunk of its own, the rest are grouped, and the chunks' ranges
// are set so that Pagefind still fetches every chunk its matching needs: the longer words a typed
// start begins, the word that a typed start no word has falls back to, the stem of a form
// (chunkRanges, shortWordRanges; docs/search.md, "Word chunks", has the figures).
//
// Pagefind fetches, for each word typed and its stem, every chunk whose range [from, to] holds it
// (pagefind_web's request_indexes). A chunk's file is gzip of "pagefind_dcd" and the CBOR of
// [words], each word [text, pages, variants] with its pages delta-coded within the word, so words
// move between chunks as they are. Only the words' text is read; the rest is copied byte for byte.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packFile, readHead, unpackFile, writeHead } from './pagefind-cbor.ts';

/** A word of a chunk: its text and its whole CBOR value. */
export interface ChunkWord {
  word: string;
  bytes: Buffer;
}

/**
 * Where the value at `at` ends: integers, text, byte strings and arrays, as Pagefind's chunks hold.
 * One loop over a count of values still to pass, reading each head in place (readHead's, without
 * its object), not a call per value: a shard's chunks hold millions of them.
 */
function skip(bytes: Buffer, at: number): number {
  let next = at;
  for (let left = 1; left > 0; left--) {
    const first = bytes[next];
    if (first === undefined) throw new Error(`ends at byte ${next} inside a value`);
    const major = first >> 5;
    let length = first & 31;
    let start = next + 1;
    if (length >= 24) {
      if (length > 27) throw new Error(`byte ${next}: an indefinite or reserved length (${first})`);
      const size = 2 ** (length - 24);
      length = size === 8 ? Number(bytes.readBigUInt64BE(start)) : bytes.readUIntBE(start, size);
      start += size;
    }
    if (major === 0 || major === 1) next = start;
    else if (major === 2 || major === 3) next = start + length;
    else if (major === 4) {
      next = start;
      left += length;
    } else throw new Error(`byte ${next}: CBOR major type ${major}, which Pagefind's word index does not hold`);
  }
  return next;
}

/** The words of a chunk file, in its order; throws naming the file for anything else. */
export function readChunk(file: Buffer, name: string): ChunkWord[] {
  const { bytes, start } = unpackFile(file, name, 'a Pagefind word index');
  try {
    const outer = readHead(bytes, start);
    const list = readHead(bytes, outer.next);
    if (outer.major !== 4 || outer.length !== 1 || list.major !== 4) throw new Error('not [words]');
    const words: ChunkWord[] = [];
    let at = list.next;
    for (let i = 0; i < list.length; i++) {
      const end = skip(bytes, at);
      const entry = readHead(bytes, at);
      const text = readHead(bytes, entry.next);
      if (entry.major !== 4 || text.major !== 3) throw new Error(`word ${i} is not [text, ...]`);
      words.push({ word: bytes.toString('utf8', text.next, text.next + text.length), bytes: bytes.subarray(at, end) });
      at = end;
    }
    if (at !== bytes.length) throw new Error('more after the words');
    return words;
  } catch (error) {
    throw new Error(`${name}: a Pagefind word index this indexer cannot read: ${(error as Error).message}`, { cause: error });
  }
}

/** A word at least this large (its CBOR bytes, about 3 a place) gets a chunk of its own: about 1,000 places. */
export const OWN_CHUNK_BYTES = 3_000;
/** Smaller words are grouped until a chunk holds this many bytes, about Pagefind's 5,000 places. */
export const CHUNK_BYTES = 15_000;
/** A chunk's range starts at this many first characters of its first word (see chunkRanges). */
export const RANGE_PREFIX = 4;

/**
 * The CBOR bytes of words from which chunkScale is 1: about a full shard's (shards of 2,300 to
 * 2,500 generated letters held 8.8 to 9.7 MB at 100k).
 */
export const FULL_INDEX_BYTES = 9_000_000;

/**
 * What OWN_CHUNK_BYTES and CHUNK_BYTES are multiplied by for a shard whose words take `totalBytes`:
 * the square root of its share of a full shard's, at most 1. In a small shard (the newest letters,
 * which every search opens first) even the words people search are below OWN_CHUNK_BYTES, so at
 * full size "lumbar" came with some ninety neighbours (6.7 KB gzipped instead of 1.0 KB in a
 * 200-letter shard). The square root, not the share itself, keeps a small shard's list of chunks,
 * which its metadata carries to every complete answer, near a full shard's length (docs/search.md,
 * "Word chunks").
 */
export function chunkScale(totalBytes: number): number {
  return Math.min(1, Math.sqrt(Math.max(0, totalBytes) / FULL_INDEX_BYTES));
}

/** The words cut into chunks, in order: a large word alone, the others grouped; both sizes times `scale` (chunkScale). */
export function cutWords(sizes: readonly number[], scale = 1): number[][] {
  const own = OWN_CHUNK_BYTES * scale;
  const group = CHUNK_BYTES * scale;
  const chunks: number[][] = [];
  let open: number[] = [];
  let filled = 0;
  const close = () => {
    if (open.length > 0) chunks.push(open);
    open = [];
    filled = 0;
  };
  sizes.forEach((size, i) => {
    if (size >= own) {
      close();
      chunks.push([i]);
      return;
    }
    open.push(i);
    filled += size;
    if (filled >= group) close();
  });
  close();
  return chunks;
}

/**
 * Ranges of one word each for the words of RANGE_PREFIX - 1 characters: such a word ("mri") finds
 * its longer forms ("mris") as a typed word does, but a chunk's range starts too high to hold it
 * when they are in another chunk, and one starting that low would be fetched for every longer word
 * it starts ("norco" would fetch the chunks of "normal" and "norflex" for "nor"). So each chunk
 * holding a longer form of such a word of the index, but whose range does not hold the word, gets
 * the word again as a range of its own: [word, chunk].
 */
export function shortWordRanges(
  chunks: readonly (readonly string[])[],
  ranges: readonly [from: string, to: string][],
): [word: string, chunk: number][] {
  const held = new Set(chunks.flat());
  const out: [string, number][] = [];
  chunks.forEach((words, k) => {
    const [from, to] = ranges[k]!;
    const starts = new Set(
      words
        .map((w) => codePoints(w))
        .filter((p) => p.length >= RANGE_PREFIX)
        .map((p) => p.slice(0, RANGE_PREFIX - 1).join('')),
    );
    for (const start of starts) if (held.has(start) && !(compare(from, start) <= 0 && compare(start, to) <= 0)) out.push([start, k]);
  });
  return out;
}

/** Words in the order Pagefind sorts and compares them (by their UTF-8 bytes). */
const compare = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The highest code point: a word followed by it sorts after every longer word it starts. */
const HIGHEST = '\u{10FFFF}';
const codePoints = (word: string) => [...word];

/** The shortest start of `word` that sorts after `before` (`word` itself sorts after it). */
function startAfter(word: string, before: string): string {
  const points = codePoints(word);
  for (let n = 1; n < points.length; n++) {
    const start = points.slice(0, n).join('');
    if (compare(start, before) > 0) return start;
  }
  return word;
}

/** The highest string that sorts before `word` (no word sorts between the two). */
function justBefore(word: string): string {
  const points = codePoints(word).map((p) => p.codePointAt(0)!);
  const last = points.pop()!;
  if (last === 0) return String.fromCodePoint(...points);
  // A code point below `last`, skipping the surrogates, which UTF-8 cannot hold.
  const lower = last - 1 >= 0xd800 && last - 1 <= 0xdfff ? 0xd7ff : last - 1;
  return String.fromCodePoint(...points, lower) + HIGHEST;
}

const lower = (a: string, b: string) => (compare(a, b) <= 0 ? a : b);
const higher = (a: string, b: string) => (compare(a, b) >= 0 ? a : b);

/**
 * The chunks' ranges, given each chunk's first and last word, as Pagefind matches the words of a
 * search against them (each word typed and its stem; a chunk is fetched when one lies in its range):
 * - A range starts at the first RANGE_PREFIX characters of its first word, or at the shortest start
 *   of that word that sorts after the previous chunk's last word, whichever is lower. A typed word
 *   of RANGE_PREFIX characters or more that starts some word of the chunk then lies in the range
 *   (it is at least that word's first characters, which are at least the first word's, and at most
 *   that word, which is at most the last), so every chunk holding a longer word it starts is
 *   fetched; a shorter start of the first word fetches the chunk where Pagefind's own ranges would
 *   ("pai" fetches "pain"), and shortWordRanges adds what a word of three characters needs.
 * - A range ends after every longer word its last word starts (last word, then HIGHEST), where that
 *   word has RANGE_PREFIX characters or more: Pagefind matches a typed word no word starts with by
 *   the longest word that starts it ("medicatio" by "medic"), and that word's chunk must be fetched.
 *   And it ends no lower than just before the next range's start: a form the index holds only by
 *   its stem ("acupuncture", stem "acupunctur") then still lies in a range. Outside every range,
 *   Pagefind falls back to matching chunks by their first letters and fetches unrelated ones.
 */
export function chunkRanges(ends: readonly [first: string, last: string][]): [from: string, to: string][] {
  const froms = ends.map(([first], i) => {
    const start = codePoints(first).slice(0, RANGE_PREFIX).join('');
    return i === 0 ? start : lower(start, startAfter(first, ends[i - 1]![1]));
  });
  return ends.map(([, last], i) => {
    let to = codePoints(last).length >= RANGE_PREFIX ? last + HIGHEST : last;
    const next = froms[i + 1];
    if (next !== undefined && compare(next, last) > 0) to = higher(to, justBefore(next));
    return [froms[i]!, to];
  });
}

/**
 * A chunk's file name: the language, a digest of every chunk's words and bytes, and the chunk's
 * number, in hex. Every shard's metadata lists each chunk's name, and a name per chunk that shares
 * all but its number with the one before costs about a byte gzipped where a hash of its own took
 * four (the metadata at 100,000 letters: 1.24 MB instead of 1.38 MB, 2026-12-05). The digest keeps the
 * names of a bundle whose words changed apart from the last build's, for browsers' caches.
 */
export function chunkName(language: string, digest: string, k: number): string {
  return `${language}_${digest}${k.toString(16)}`;
}

/** Hex digits of the digest in every chunk's name: as many as Pagefind gives a file's hash. */
const DIGEST_DIGITS = 7;

/**
 * Cuts the word index of the bundle in `dir` again: reads the chunks its metadata lists
 * ([from, to, file hash] each), writes the new ones (named by chunkName) and removes the old.
 * Returns the new list for the metadata.
 */
export async function recutChunks(dir: string, listed: unknown[]): Promise<[string, string, string][]> {
  const names = listed.map((chunk, i) => {
    const name = Array.isArray(chunk) ? chunk[2] : undefined;
    if (typeof name !== 'string' || !/^[a-z-]+_[0-9a-f]+$/.test(name))
      throw new Error(`${dir}: chunk ${i} of the metadata has no file hash`);
    return name;
  });
  const words: ChunkWord[] = [];
  for (const name of names) {
    const path = join(dir, 'index', `${name}.pf_index`);
    words.push(...readChunk(await readFile(path), path));
  }
  for (let i = 1; i < words.length; i++)
    if (compare(words[i - 1]!.word, words[i]!.word) >= 0)
      throw new Error(`${dir}: the word index is not in order ("${words[i - 1]!.word}" before "${words[i]!.word}")`);
  const language = names[0]?.split('_')[0] ?? 'en';
  const sizes = words.map((w) => w.bytes.length);
  const cut = cutWords(sizes, chunkScale(sizes.reduce((n, size) => n + size, 0)));
  const chunkWords = cut.map((c) => c.map((i) => words[i]!.word));
  const ranges = chunkRanges(chunkWords.map((c) => [c[0]!, c.at(-1)!]));
  const extra = shortWordRanges(chunkWords, ranges);
  const chunks = cut.map((chunk) => {
    const parts = chunk.map((i) => words[i]!);
    return Buffer.concat([Buffer.from([0x81]), writeHead(4, parts.length), ...parts.map((p) => p.bytes)]);
  });
  const hash = createHash('sha256');
  for (const cbor of chunks) hash.update(createHash('sha256').update(cbor).digest());
  const digest = hash.digest('hex').slice(0, DIGEST_DIGITS);
  const out: [string, string, string][] = [];
  for (const [k, cbor] of chunks.entries()) {
    const name = chunkName(language, digest, k);
    // zlib's default level: level 9 made the files 1 % smaller and took twice as long (2026-12-05, a
    // 2,232-letter shard: 0.53 s against 0.28 s for its 8.6 MB of words).
    await writeFile(join(dir, 'index', `${name}.pf_index`), packFile(cbor));
    out.push([...ranges[k]!, name]);
  }
  // A short word's range names a chunk's file again (Pagefind fetches each file once).
  for (const [word, k] of extra) out.push([word, word, out[k]![2]]);
  const written = new Set(out.map(([, , name]) => name));
  for (const name of names) if (!written.has(name)) await rm(join(dir, 'index', `${name}.pf_index`));
  return out;
}
