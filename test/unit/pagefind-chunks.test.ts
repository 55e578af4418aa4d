// The word index cut again: on a bundle Pagefind 1.6 writes here, every word keeps its bytes and
// lands in exactly one chunk, a large word alone; and every chunk's range holds each typed start of
// its words, so Pagefind fetches the chunk for it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHUNK_BYTES,
  OWN_CHUNK_BYTES,
  RANGE_PREFIX,
  chunkRanges,
  cutWords,
  readChunk,
  recutChunks,
  type ChunkWord,
} from '../../scripts/search-index/pagefind-chunks.ts';
import { readMeta } from '../../scripts/search-index/pagefind-meta.ts';

let dir: string;
const chunkList = () =>
  readMeta(
    readFileSync(
      join(
        dir,
        readdirSync(dir).find((n) => n.endsWith('.pf_meta'))!,
      ),
    ),
    'meta',
  )[2] as [string, string, string][];
const wordsOf = (list: [string, string, string][]): ChunkWord[][] =>
  list.map(([, , name]) => readChunk(readFileSync(join(dir, 'index', `${name}.pf_index`)), name));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-pagefind-chunks-'));
  const { index } = await pagefind.createIndex({});
  // "lumbar" in every record, three times: a word far larger than OWN_CHUNK_BYTES; the others small.
  for (let row = 1; row <= 900; row++)
    await index!.addCustomRecord({
      url: `/r${row}/`,
      content: `lumbar spine lumbar ${row % 7 === 0 ? 'lumbosacral' : 'lumbago'} lumbar record${row % 40} acupuncture`,
      language: 'en',
    });
  await index!.writeFiles({ outputPath: dir });
  await pagefind.close();
  before = chunkList();
  beforeWords = wordsOf(before);
  after = await recutChunks(dir, before);
}, 60_000);
// Pagefind's chunks and their words, then the chunks cut again.
let before: [string, string, string][];
let beforeWords: ChunkWord[][];
let after: [string, string, string][];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cutting the words into chunks', () => {
  test('gives a large word a chunk of its own and groups the rest up to CHUNK_BYTES', () => {
    const small = Math.ceil(CHUNK_BYTES / 6);
    expect(small).toBeLessThan(OWN_CHUNK_BYTES);
    expect(cutWords([100, OWN_CHUNK_BYTES, small, small, small, small, small, small, 50])).toEqual([[0], [1], [2, 3, 4, 5, 6, 7], [8]]);
    expect(cutWords([])).toEqual([]);
  });

  test('starts a chunk’s range at the first characters of its first word, and ends it where the next starts if that is later', () => {
    expect(RANGE_PREFIX).toBe(4);
    expect(
      chunkRanges([
        ['actual', 'acupoint'],
        ['acupunctur', 'acupunctur'],
        ['acut', 'acut'],
        ['lumbar', 'lumbar'],
        ['lumbosacr', 'made'],
        ['mri', 'mri'],
        ['éèêëz', 'f'],
      ]),
    ).toEqual([
      ['actu', 'acupoint'],
      // "acupuncture", a form the index holds only by its stem, lies in this range and no other.
      ['acup', 'acut'],
      ['acut', 'lumb'],
      ['lumb', 'lumbar'],
      ['lumb', 'mri'],
      ['mri', 'éèêë'],
      ['éèêë', 'f'],
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

    const chunks = wordsOf(after);
    expect(chunks.flat().map((w) => [w.word, w.bytes.toString('hex')])).toEqual(words.map((w) => [w.word, w.bytes.toString('hex')]));
    expect(chunks.find((c) => c.some((w) => w.word === 'lumbar'))!.map((w) => w.word)).toEqual(['lumbar']);
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(after.map(([, , name]) => `${name}.pf_index`).sort());
    expect(after.map(([from, to]) => [from, to])).toEqual(chunkRanges(chunks.map((c) => [c[0]!.word, c.at(-1)!.word])));
  });

  test('puts each typed start of a word, of RANGE_PREFIX characters or more, in the range of the chunk that holds the word', () => {
    const list = after;
    const chunks = wordsOf(list);
    const inRange = (term: string, [from, to]: [string, string, string]) => from <= term && term <= to;
    for (const [i, chunk] of chunks.entries())
      for (const { word } of chunk)
        for (let n = RANGE_PREFIX; n <= word.length; n++)
          expect(inRange(word.slice(0, n), list[i]!), `${word.slice(0, n)} in ${list[i]}`).toBe(true);
    // "lumb" fetches "lumbago", "lumbar" and "lumbosacral"'s chunks alike.
    const holding = (w: string) => list[chunks.findIndex((c) => c.some((x) => x.word === w))]!;
    for (const w of ['lumbago', 'lumbar', 'lumbosacr']) expect(inRange('lumb', holding(w))).toBe(true);
    // Between the first range's start and the last's end no word falls outside every range, so
    // Pagefind never falls back to matching chunks by first letters (which fetched unrelated ones).
    for (const t of ['acupuncture', 'lumbars', 'lumbaz', 'recordz', 'spines', 'lumbagos'])
      if (t >= list[0]![0] && t <= list.at(-1)![1])
        expect(
          list.some((r) => inRange(t, r)),
          t,
        ).toBe(true);
  });

  test('refuses a file that is not a Pagefind word index, naming it', () => {
    expect(() => readChunk(gzipSync('pagefind_frag{}'), 'index/en_1.pf_index')).toThrow('index/en_1.pf_index: not a Pagefind word index');
    expect(() => readChunk(gzipSync(Buffer.from([...Buffer.from('pagefind_dcd'), 0x82, 0x80, 0x80])), 'index/en_2.pf_index')).toThrow(
      'index/en_2.pf_index: a Pagefind word index this indexer cannot read: not [words]',
    );
  });
});
