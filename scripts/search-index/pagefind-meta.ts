// A Pagefind bundle's metadata file (pagefind.<hash>.pf_meta), read and written again so that each
// record is named by its shard's tag and its row (recordName, src/lib/search/shard-manifest.ts)
// instead of a hash of its text, and its fragment file renamed to match. A search result's id then
// says which record it is, and the metadata loses the sort orders that told it before: every
// search page loads the metadata of every shard it searches, and a random seven-character hash and
// two sort orders per record were most of it (docs/search.md has the figures). Each record's word
// count is written as 1: the ranking does not weigh a record's length (RANKING in
// src/client/sharded-index.ts), and the counts were a quarter of what was left. And its list of
// word index chunks is the one pagefind-chunks.ts cuts again.
//
// The file is gzip of "pagefind_dcd" and one CBOR value (Pagefind 1.6's index_metadata.rs):
// [version, pages: [hash, word count, ...][], index chunks, filters, sorts: [key, page numbers][],
// ...]. Only what that holds is read: unsigned integers, text and arrays.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordName } from '../../src/lib/search/shard-manifest.ts';
import { packFile, readHead, unpackFile, writeHead } from './pagefind-cbor.ts';
import { recutChunks } from './pagefind-chunks.ts';

type Cbor = number | string | Cbor[];

/** Decodes one CBOR value at `at` of `bytes`; throws naming the byte for anything Pagefind 1.6 does not write. */
function decode(bytes: Buffer, at: number): [Cbor, number] {
  const { major, length, next: start } = readHead(bytes, at);
  let next = start;
  if (major === 0) return [length, next];
  if (major === 3) return [bytes.toString('utf8', next, next + length), next + length];
  if (major === 4) {
    const list: Cbor[] = [];
    for (let i = 0; i < length; i++) {
      const [value, after] = decode(bytes, next);
      list.push(value);
      next = after;
    }
    return [list, next];
  }
  throw new Error(`byte ${at}: CBOR major type ${major}, which Pagefind's metadata does not hold`);
}

function encode(value: Cbor, out: Buffer[]): void {
  if (typeof value === 'number') out.push(writeHead(0, value));
  else if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    out.push(writeHead(3, text.length), text);
  } else {
    out.push(writeHead(4, value.length));
    for (const v of value) encode(v, out);
  }
}

/** The metadata's CBOR value, from the file's bytes. */
export function readMeta(file: Buffer, name: string): Cbor[] {
  const { bytes, start } = unpackFile(file, name, 'Pagefind metadata');
  try {
    const [value, end] = decode(bytes, start);
    if (!Array.isArray(value) || end !== bytes.length) throw new Error('not one list');
    return value;
  } catch (error) {
    throw new Error(`${name}: Pagefind metadata this indexer cannot read: ${(error as Error).message}`, { cause: error });
  }
}

export function writeMeta(meta: Cbor[]): Buffer {
  const out: Buffer[] = [];
  encode(meta, out);
  return packFile(Buffer.concat(out), 9);
}

/** The shape checks of Pagefind 1.6's metadata this needs, with what was found instead. */
function pagesAndSorts(meta: Cbor[], name: string): { pages: Cbor[][]; sorts: Cbor[][] } {
  const [, pages, , , sorts] = meta;
  const isListOfLists = (v: Cbor | undefined): v is Cbor[][] => Array.isArray(v) && v.every(Array.isArray);
  if (!isListOfLists(pages) || !pages.every((p) => typeof p[0] === 'string'))
    throw new Error(`${name}: expected Pagefind 1.6's metadata, a list of [hash, word count] pages second`);
  // A record in a group of fragments (Pagefind's maxFragments), or two sharing one, has no fragment of its own to name.
  if (pages.some((p) => p[2] !== undefined && p[2] !== ''))
    throw new Error(`${name}: a record is in a group of fragments; index without maxFragments`);
  if (new Set(pages.map((p) => p[0])).size !== pages.length) throw new Error(`${name}: two records share a fragment`);
  if (!isListOfLists(sorts)) throw new Error(`${name}: expected Pagefind 1.6's metadata, a list of sorts fifth`);
  return { pages, sorts };
}

const ENTRY_FILE = 'pagefind-entry.json';

/**
 * The word count every record is given. All equal, a record's length drops out of Pagefind's BM25
 * (its length over the shard's average is 1), as with RANKING's pageLength 0, while RANKING leaves
 * termFrequency at 1 (below it, Pagefind mixes in a count scaled by the average length). 1, not 0:
 * the average divides, and 0 / 0 would make every score NaN.
 */
export const RECORD_LENGTH = 1;

/**
 * Rewrites the bundle Pagefind wrote in `dir`: names every record by `tag` and its row, the
 * position of its page in the `row` sort the records carry, renaming the fragment files to match,
 * drops the sort orders from the metadata, gives every record the same word count (RECORD_LENGTH)
 * and cuts the word index again (pagefind-chunks.ts). The metadata is then named by its new text
 * (in pagefind-entry.json, which Pagefind always fetches afresh). Returns how many records it named.
 */
export async function rewriteBundle(dir: string, tag: string): Promise<number> {
  const metaName = (await readdir(dir)).find((n) => n.endsWith('.pf_meta'));
  if (!metaName) throw new Error(`${dir}: Pagefind wrote no metadata file`);
  const path = join(dir, metaName);
  const meta = readMeta(await readFile(path), path);
  const { pages, sorts } = pagesAndSorts(meta, path);
  const order = sorts.find((s) => s[0] === 'row')?.[1];
  if (!Array.isArray(order) || order.length !== pages.length)
    throw new Error(`${path}: the row sort lists ${Array.isArray(order) ? order.length : 'no'} records of ${pages.length}`);
  const named = new Set<number>();
  for (const [row, page] of order.entries()) {
    const record = typeof page === 'number' ? pages[page] : undefined;
    if (!record || named.has(page as number)) throw new Error(`${path}: the row sort names page ${String(page)} twice or out of range`);
    named.add(page as number);
    const name = recordName(tag, row + 1);
    await rename(join(dir, 'fragment', `${record[0] as string}.pf_fragment`), join(dir, 'fragment', `${name}.pf_fragment`));
    record[0] = name;
    record[1] = RECORD_LENGTH;
  }
  meta[4] = [];
  if (!Array.isArray(meta[2])) throw new Error(`${path}: expected Pagefind 1.6's metadata, a list of word index chunks third`);
  meta[2] = await recutChunks(dir, meta[2]);
  await renameMeta(dir, metaName, writeMeta(meta));
  return pages.length;
}

/** Writes the metadata under a name of its text's hash, in place of `before`, and names it in the entry file. */
async function renameMeta(dir: string, before: string, bytes: Buffer): Promise<void> {
  const entryPath = join(dir, ENTRY_FILE);
  const entry = JSON.parse(await readFile(entryPath, 'utf8')) as { languages?: Record<string, { hash?: string }> };
  const language = Object.values(entry.languages ?? {}).find((l) => `pagefind.${l.hash}.pf_meta` === before);
  if (!language?.hash) throw new Error(`${entryPath}: names no language whose metadata is ${before}`);
  const hash = `${language.hash.split('_')[0]}_${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}`;
  await writeFile(join(dir, `pagefind.${hash}.pf_meta`), bytes);
  if (`pagefind.${hash}.pf_meta` !== before) await rm(join(dir, before));
  language.hash = hash;
  await writeFile(entryPath, JSON.stringify(entry));
}
