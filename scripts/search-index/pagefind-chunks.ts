// A Pagefind bundle's word index cut again into chunks (index/<hash>.pf_index) so that a search
// fetches little besides the words it looks up. Pagefind cuts its sorted words into chunks of about
// 5,000 places, so a word is fetched with whatever neighbours share its chunk: at 100,000 letters a
// search for "Norco" fetched 5.7 KB per shard of which Norco was a fifth ("normal", "nonsteroid"
// ...), in each of 44 shards. Here every word large enough to be worth fetching alone gets a chunk of
// its own, the rest are grouped as before, and each chunk's range starts at the first letters of its
// first word, so that a word typed as the start of longer ones still fetches every chunk holding
// them (docs/search.md, "Word chunks", has the figures).
//
// Pagefind fetches, for each word typed and its stem, every chunk whose range [from, to] holds it
// (pagefind_web's request_indexes). A chunk's file is gzip of "pagefind_dcd" and the CBOR of
// [words], each word [text, pages, variants] with its pages delta-coded within the word, so words
// move between chunks as they are. Only the words' text is read; the rest is copied byte for byte.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** A word of a chunk: its text and its whole CBOR value. */
export interface ChunkWord {
  word: string;
  bytes: Buffer;
}

/** A value's head at `at`: its major type, its length or value, and where its content starts. */
function head(bytes: Buffer, at: number): { major: number; length: number; next: number } {
  const first = bytes[at];
  if (first === undefined) throw new Error(`ends at byte ${at} inside a value`);
  const minor = first & 31;
  if (minor < 24) return { major: first >> 5, length: minor, next: at + 1 };
  if (minor > 27) throw new Error(`byte ${at}: an indefinite or reserved length (${first})`);
  const size = 2 ** (minor - 24);
  const length = size === 8 ? Number(bytes.readBigUInt64BE(at + 1)) : bytes.readUIntBE(at + 1, size);
  return { major: first >> 5, length, next: at + 1 + size };
}

/** Where the value at `at` ends: integers, text, byte strings and arrays, as Pagefind's chunks hold. */
function skip(bytes: Buffer, at: number): number {
  const { major, length, next } = head(bytes, at);
  if (major === 0 || major === 1) return next;
  if (major === 2 || major === 3) return next + length;
  if (major === 4) {
    let end = next;
    for (let i = 0; i < length; i++) end = skip(bytes, end);
    return end;
  }
  throw new Error(`byte ${at}: CBOR major type ${major}, which Pagefind's word index does not hold`);
}

/** The words of a chunk file, in its order; throws naming the file for anything else. */
export function readChunk(file: Buffer, name: string): ChunkWord[] {
  const bytes = gunzipSync(file);
  if (bytes.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE)
    throw new Error(`${name}: not a Pagefind word index (no "${SIGNATURE}")`);
  try {
    const outer = head(bytes, SIGNATURE.length);
    const list = head(bytes, outer.next);
    if (outer.major !== 4 || outer.length !== 1 || list.major !== 4) throw new Error('not [words]');
    const words: ChunkWord[] = [];
    let at = list.next;
    for (let i = 0; i < list.length; i++) {
      const end = skip(bytes, at);
      const entry = head(bytes, at);
      const text = head(bytes, entry.next);
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
/** A chunk's range starts at this many first characters of its first word (see chunkRange). */
export const RANGE_PREFIX = 4;

/** The words cut into chunks, in order: a large word alone, the others grouped. */
export function cutWords(sizes: readonly number[]): number[][] {
  const chunks: number[][] = [];
  let open: number[] = [];
  let filled = 0;
  const close = () => {
    if (open.length > 0) chunks.push(open);
    open = [];
    filled = 0;
  };
  sizes.forEach((size, i) => {
    if (size >= OWN_CHUNK_BYTES) {
      close();
      chunks.push([i]);
      return;
    }
    open.push(i);
    filled += size;
    if (filled >= CHUNK_BYTES) close();
  });
  close();
  return chunks;
}

/**
 * A chunk's range as Pagefind matches a typed word against it: to its last word, from the first
 * RANGE_PREFIX characters of its first. A typed word of that many characters or more that starts
 * some word of the chunk then lies in the range (it is at least that word's first characters, which
 * are at least the first word's, and at most that word, which is at most the last), so the chunk is
 * fetched. Pagefind's own ranges end a chunk before its neighbour, which left a word's longer forms
 * in the next chunk unfetched ("mri" did not fetch "mris").
 */
export function chunkRange(first: string, last: string): [from: string, to: string] {
  return [[...first].slice(0, RANGE_PREFIX).join(''), last];
}

/** Words in the order Pagefind sorts them (by their UTF-8 bytes). */
const inOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')) < 0;

/**
 * Cuts the word index of the bundle in `dir` again: reads the chunks its metadata lists
 * ([from, to, file hash] each), writes the new ones (named, as Pagefind names them, by their
 * language and a hash of their text) and removes the old. Returns the new list for the metadata.
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
    if (!inOrder(words[i - 1]!.word, words[i]!.word))
      throw new Error(`${dir}: the word index is not in order ("${words[i - 1]!.word}" before "${words[i]!.word}")`);
  const language = names[0]?.split('_')[0] ?? 'en';
  const written = new Set<string>();
  const out: [string, string, string][] = [];
  for (const chunk of cutWords(words.map((w) => w.bytes.length))) {
    const parts = chunk.map((i) => words[i]!);
    const cbor = Buffer.concat([Buffer.from([0x81]), listHead(parts.length), ...parts.map((p) => p.bytes)]);
    const hash = createHash('sha256').update(cbor).digest('hex');
    // Seven hex digits as Pagefind writes them, more where two chunks would share a name.
    let length = 7;
    while (written.has(`${language}_${hash.slice(0, length)}`)) length++;
    const name = `${language}_${hash.slice(0, length)}`;
    written.add(name);
    await writeFile(
      join(dir, 'index', `${name}.pf_index`),
      gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), cbor]), { level: 9 }),
    );
    out.push([...chunkRange(parts[0]!.word, parts.at(-1)!.word), name]);
  }
  for (const name of names) if (!written.has(name)) await rm(join(dir, 'index', `${name}.pf_index`));
  return out;
}

/** The head of an array of `length` values, in the fewest bytes. */
function listHead(length: number): Buffer {
  if (length < 24) return Buffer.from([0x80 | length]);
  if (length < 2 ** 8) return Buffer.from([0x98, length]);
  if (length < 2 ** 16) return Buffer.from([0x99, length >> 8, length & 255]);
  const out = Buffer.alloc(5);
  out[0] = 0x9a;
  out.writeUInt32BE(length, 1);
  return out;
}
