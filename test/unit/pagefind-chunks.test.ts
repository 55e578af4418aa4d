// The word index cut again: on a bundle Pagefind 1.6 writes here, every word keeps its bytes and
// lands in exactly one chunk, a large word alone; and every chunk's range holds each typed start of
// its words, so Pagefind fetches the chunk for it.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHUNK_BYTES,
  FULL_INDEX_BYTES,
  OWN_CHUNK_BYTES,
  RANGE_PREFIX,
  chunkName,
  chunkRanges,
  chunkScale,
  cutWords,
  shortWordRanges,
  readChunk,
  recutChunks,
  type ChunkWord,
} from '../../scripts/search-index/pagefind-chunks.ts';
import { packFile, writeHead } from '../../scripts/search-index/pagefind-cbor.ts';
import { readMeta, writeMeta } from '../../scripts/search-index/pagefind-meta.ts';
import { INDEX_CHUNK_SIZE } from '../../scripts/search-index.ts';
import { repoRoot } from '../support/build-site.ts';
import { startStaticServer } from '../../scripts/dev/serve.ts';
import type { Pagefind } from '../../src/client/pagefind-api.ts';
import { pathToFileURL } from 'node:url';

const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

// Pagefind's bundle as it wrote it (`orig`) and the same cut again (`cut`).
let root: string;
const dir = () => join(root, 'cut');
const chunkList = (bundle = dir()) =>
  readMeta(
    readFileSync(
      join(
        bundle,
        readdirSync(bundle).find((n) => n.endsWith('.pf_meta'))!,
      ),
    ),
    'meta',
  )[2] as [string, string, string][];
const wordsOf = (list: [string, string, string][]): ChunkWord[][] =>
  list.map(([, , name]) => readChunk(readFileSync(join(dir(), 'index', `${name}.pf_index`)), name));
let before: [string, string, string][];
let beforeWords: ChunkWord[][];
let after: [string, string, string][];
/** The chunks' own ranges: each file's first entry (a short word's ranges name a file again). */
const own = () => after.filter(([, , name], i) => after.findIndex((e) => e[2] === name) === i);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'imr-pagefind-chunks-'));
  // Chunks of the size the indexer asks Pagefind for.
  const sizeBefore = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
  const { index } = await pagefind.createIndex({});
  // The sample letters' text, eight times over: real words, and common ones far larger than OWN_CHUNK_BYTES.
  const letters = readFileSync(join(repoRoot, 'test/fixtures/reference.jsonl'), 'utf8').trim().split('\n');
  for (let copy = 0; copy < 8; copy++)
    for (const [n, line] of letters.entries()) {
      const fields = Object.values(JSON.parse(line) as Record<string, unknown>).filter((v) => typeof v === 'string');
      await index!.addCustomRecord({ url: `/r${copy}-${n}/`, content: fields.join(' '), language: 'en' });
    }
  await index!.writeFiles({ outputPath: join(root, 'orig') });
  await pagefind.close();
  if (sizeBefore === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = sizeBefore;
  cpSync(join(root, 'orig'), dir(), { recursive: true });
  before = chunkList();
  beforeWords = wordsOf(before);
  after = await recutChunks(dir(), before);
  const metaName = readdirSync(dir()).find((n) => n.endsWith('.pf_meta'))!;
  const meta = readMeta(readFileSync(join(dir(), metaName)), metaName);
  meta[2] = after;
  writeFileSync(join(dir(), metaName), writeMeta(meta));
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('cutting the words into chunks', () => {
  test('gives a large word a chunk of its own and groups the rest up to CHUNK_BYTES', () => {
    const small = Math.ceil(CHUNK_BYTES / 6);
    expect(small).toBeLessThan(OWN_CHUNK_BYTES);
    expect(cutWords([100, OWN_CHUNK_BYTES, small, small, small, small, small, small, 50])).toEqual([[0], [1], [2, 3, 4, 5, 6, 7], [8]]);
    expect(cutWords([])).toEqual([]);
  });

  test('cuts the words of a small shard finer, by the square root of its share of a full shard', () => {
    expect(chunkScale(FULL_INDEX_BYTES)).toBe(1);
    expect(chunkScale(4 * FULL_INDEX_BYTES)).toBe(1);
    expect(chunkScale(FULL_INDEX_BYTES / 4)).toBe(0.5);
    expect(chunkScale(FULL_INDEX_BYTES / 100)).toBeCloseTo(0.1);
    expect(chunkScale(0)).toBe(0);
    // At half scale a word of half OWN_CHUNK_BYTES is alone, and groups close at half CHUNK_BYTES.
    const half = OWN_CHUNK_BYTES / 2;
    const sixth = Math.ceil(CHUNK_BYTES / 12);
    expect(cutWords([100, half, sixth, sixth, sixth, sixth, sixth, sixth, 50], 0.5)).toEqual([[0], [1], [2, 3, 4, 5, 6, 7], [8]]);
    expect(cutWords([100, half, sixth, sixth, sixth, sixth, sixth, sixth, 50])).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8]]);
  });

  test('starts a range low enough for every typed start of its words, and ends it past every longer form of its last word and just before the next range', () => {
    expect(RANGE_PREFIX).toBe(4);
    const ranges = chunkRanges([
      ['lowe', 'lumbago'],
      ['lumbar', 'lumbar'],
      ['lumbosacr', 'lyrica'],
      ['magnet', 'medic'],
      ['medicaid', 'medicin'],
      ['mri', 'mri'],
      ['mris', 'page'],
      ['pain', 'pain'],
    ]);
    const inRange = (t: string, [from, to]: [string, string]) => compareBytes(from, t) <= 0 && compareBytes(t, to) <= 0;
    const fetched = (t: string) => ranges.flatMap((r, i) => (inRange(t, r) ? [i] : []));
    // A start of four letters or more fetches every chunk with a word it starts.
    expect(fetched('lumb')).toEqual([0, 1, 2]);
    expect(fetched('lumbar')).toEqual([1, 2]);
    // A typed word no word starts is matched by the longest word that starts it: "medic".
    expect(fetched('medicatio')).toContain(3);
    // A form held only by its stem falls in a range; the next range's first word does not fetch this one.
    expect(fetched('lumbosacral')).toEqual([2]);
    expect(fetched('mri')).toEqual([5]);
    // A shorter start fetches the chunk whose first word it starts, where Pagefind's ranges would.
    expect(fetched('pai')).toEqual([7]);
    expect(ranges[5]).toEqual(['mr', 'mrir\u{10FFFF}']);
  });

  test('gives a word one character shorter than RANGE_PREFIX a range of its own in each other chunk holding its longer forms, and no more', () => {
    const chunks = [['mri'], ['mris', 'mtus'], ['nor', 'norco'], ['normal', 'norflex', 'now']];
    const ranges = chunkRanges(chunks.map((c) => [c[0]!, c.at(-1)!]));
    // "mri" gets the chunk of "mris"; "nor" already lies in its own chunk's range, and gets the next one's
    // with a range of its own instead of lowering that chunk's start ("norco" fetches only its own).
    expect(shortWordRanges(chunks, ranges)).toEqual([
      ['mri', 1],
      ['nor', 3],
    ]);
    expect(compareBytes(ranges[3]![0], 'norco')).toBeGreaterThan(0);
  });

  test('compares words by their UTF-8 bytes, as Pagefind does, not by JavaScript’s UTF-16 units', () => {
    // U+FF41 sorts before U+1D400 in UTF-8 (EF against F0) and after it in UTF-16 (FF41 against D835).
    expect(
      chunkRanges([
        ['\uFF41aaa', '\uFF41zzz'],
        ['\u{1D400}bbb', '\u{1D400}ccc'],
      ]),
    ).toEqual([
      ['\uFF41aaa', '\u{1D3FF}\u{10FFFF}'],
      ['\u{1D400}', '\u{1D400}ccc\u{10FFFF}'],
    ]);
  });
});

describe('a Pagefind bundle cut again', () => {
  test('keeps every word and its bytes, each in one chunk, a large word alone, and removes the old files', () => {
    const words = beforeWords.flat();
    expect(words.map((w) => w.word)).toContain('lumbar');
    expect(words.find((w) => w.word === 'lumbar')!.bytes.length).toBeGreaterThanOrEqual(OWN_CHUNK_BYTES);
    // Pagefind put "lumbar" in a chunk with its neighbours.
    expect(beforeWords.find((c) => c.some((w) => w.word === 'lumbar'))!.length).toBeGreaterThan(1);

    const chunks = wordsOf(own());
    expect(chunks.flat().map((w) => [w.word, w.bytes.toString('hex')])).toEqual(words.map((w) => [w.word, w.bytes.toString('hex')]));
    expect(chunks.find((c) => c.some((w) => w.word === 'lumbar'))!.map((w) => w.word)).toEqual(['lumbar']);
    expect(readdirSync(join(dir(), 'index')).sort()).toEqual(
      own()
        .map(([, , name]) => `${name}.pf_index`)
        .sort(),
    );
    // The bundle is smaller than a full shard, so it is cut at its scale: a word below
    // OWN_CHUNK_BYTES but above the scaled size is alone too.
    const scale = chunkScale(words.reduce((n, w) => n + w.bytes.length, 0));
    expect(scale).toBeLessThan(1);
    const midsize = words.filter((w) => w.bytes.length >= OWN_CHUNK_BYTES * scale && w.bytes.length < OWN_CHUNK_BYTES);
    expect(midsize.length).toBeGreaterThan(0);
    for (const w of midsize) expect(chunks.find((c) => c.some((x) => x.word === w.word))!.map((x) => x.word)).toEqual([w.word]);
    // Each range holds its chunk's words.
    for (const [k, [from, to]] of own().entries())
      expect(compareBytes(from, chunks[k]![0]!.word) <= 0 && compareBytes(chunks[k]!.at(-1)!.word, to) <= 0, `${from} … ${to}`).toBe(true);
  });

  test('names the chunks by one digest of their words and their number, the same for the same words and another for others', async () => {
    const names = own().map(([, , name]) => name);
    const digest = names[0]!.slice(0, -1);
    expect(names).toEqual(names.map((_, k) => chunkName('en', digest.slice(3), k)));
    expect(digest).toMatch(/^en_[0-9a-f]{7}$/);
    // The same words cut again from Pagefind's own bundle: the same names. One word's bytes fewer: other names.
    const again = join(root, 'again');
    cpSync(join(root, 'orig'), again, { recursive: true });
    expect((await recutChunks(again, before)).map(([, , name]) => name)).toEqual(after.map(([, , name]) => name));
    const changed = join(root, 'changed');
    cpSync(join(root, 'orig'), changed, { recursive: true });
    const [, , first] = before[0]!;
    const file = join(changed, 'index', `${first}.pf_index`);
    const words = readChunk(readFileSync(file), file);
    writeFileSync(
      file,
      packFile(Buffer.concat([Buffer.from([0x81]), writeHead(4, words.length - 1), ...words.slice(1).map((w) => w.bytes)])),
    );
    const renamed = (await recutChunks(changed, before)).map(([, , name]) => name);
    expect(renamed.filter((name) => names.includes(name))).toEqual([]);
  });

  test('puts each typed start of a word, of RANGE_PREFIX characters or more, in the range of the chunk that holds the word', () => {
    const list = own();
    const chunks = wordsOf(list);
    const inRange = (term: string, [from, to]: [string, string, string]) => compareBytes(from, term) <= 0 && compareBytes(term, to) <= 0;
    const held = new Set(chunks.flat().map((w) => w.word));
    for (const [i, chunk] of chunks.entries())
      for (const { word } of chunk) {
        const points = [...word];
        for (let n = RANGE_PREFIX; n <= points.length; n++) {
          const start = points.slice(0, n).join('');
          expect(inRange(start, list[i]!), `${start} in ${list[i]!.join(' … ')}`).toBe(true);
        }
        // A word of the index one character shorter that starts it fetches this chunk too.
        const short = points.slice(0, RANGE_PREFIX - 1).join('');
        if (points.length >= RANGE_PREFIX && held.has(short))
          expect(
            after.some((entry) => entry[2] === list[i]![2] && inRange(short, entry)),
            `${short} fetches ${word}`,
          ).toBe(true);
      }
    // Every string from the first range's start to the last one's end lies in some range (these
    // among them), so Pagefind never falls back to matching chunks by first letters.
    for (const t of ['acupuncture', 'lumbars', 'lumbaz', 'medicatio', 'providi', 'treati', 'zzzz'])
      if (compareBytes(t, list[0]![0]) >= 0 && compareBytes(t, list.at(-1)![1]) <= 0)
        expect(
          list.some((r) => inRange(t, r)),
          t,
        ).toBe(true);
  });

  test('finds in Pagefind’s own search what Pagefind’s chunks found, whole words and typed starts alike', async () => {
    const server = await startStaticServer({ root });
    try {
      const open = async (bundle: string) => {
        const pf = (await import(
          /* @vite-ignore */ `${pathToFileURL(join(root, bundle, 'pagefind.js')).href}?bundle=${bundle}`
        )) as Pagefind;
        await pf.options({ basePath: `${server.url}${bundle}/` });
        await pf.init();
        return pf;
      };
      const [orig, cut] = [await open('orig'), await open('cut')];
      // Whole words, forms held by their stems, starts of words, and starts no word has but a word starts ("medicatio": "medic").
      const terms = [
        'lumbar',
        'pain',
        'back',
        'mri',
        'acupuncture',
        'medication',
        'lumbosacral',
        'painful',
        'lumb',
        'lumba',
        'pai',
        'ba',
        'medicatio',
        'acupunct',
        'mris',
        'record1',
        'pag',
      ];
      const counts = async (pf: Pagefind) => Promise.all(terms.map(async (t) => [t, (await pf.search(t)).results.length] as const));
      const found = await counts(orig);
      expect(found.filter(([, n]) => n === 0)).toEqual([]);
      // No word finds fewer records; a start may find more, where Pagefind's own chunks left a
      // longer word it starts in the next chunk ("back" then misses "background").
      const now = await counts(cut);
      expect(now.filter(([, n], i) => n < found[i]![1])).toEqual([]);
      const whole = ['lumbar', 'pain', 'mri', 'acupuncture', 'medication', 'lumbosacral', 'norco'];
      expect(now.filter(([t]) => whole.includes(t))).toEqual(found.filter(([t]) => whole.includes(t)));
    } finally {
      await server.close();
    }
  }, 60_000);

  test('refuses a file that is not a Pagefind word index, naming it', () => {
    expect(() => readChunk(gzipSync('pagefind_frag{}'), 'index/en_1.pf_index')).toThrow('index/en_1.pf_index: not a Pagefind word index');
    expect(() => readChunk(gzipSync(Buffer.from([...Buffer.from('pagefind_dcd'), 0x82, 0x80, 0x80])), 'index/en_2.pf_index')).toThrow(
      'index/en_2.pf_index: a Pagefind word index this indexer cannot read: not [words]',
    );
  });
});
