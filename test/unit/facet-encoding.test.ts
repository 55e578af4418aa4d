// A facet file's bytes: the sample letters' table read back number for number (-1 included), each
// field in the fewest bytes its values need, a pack's files one after another, and bytes that are
// no facet file refused with where they fail.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { decodeFacetFiles, encodeFacetFile } from '../../src/lib/search/facet-encoding.ts';
import { facetFile, noFacetValues, type FacetFile } from '../../src/lib/search/facet-table.ts';
import { searchFacts } from '../../src/lib/search/letter-facts.ts';
import { readDeterminations } from '../support/fixture-corpus.ts';

const repo = join(import.meta.dirname, '../..');
const { guidelines } = loadCatalogue(join(repo, 'content'));
const bySlug = new Map(guidelines.map((g) => [g.slug, g]));
const facts = readDeterminations(join(repo, 'content/determinations')).map((d) => searchFacts(d, (slug) => bySlug.get(slug)));
const sample = { ...facetFile(facts, noFacetValues()), tag: 'sample', values: 'abc' };

const plain = (f: ReturnType<typeof decodeFacetFiles>[number]) => ({ ...f, letters: Array.from(f.letters), items: Array.from(f.items) });

test('the sample letters’ facet file reads back as it was written, numbers as Int32Arrays', () => {
  expect(sample.items).toContain(-1);
  const [read, more] = decodeFacetFiles(encodeFacetFile(sample));
  expect(more).toBeUndefined();
  expect(read!.items).toBeInstanceOf(Int32Array);
  expect(plain(read!)).toEqual(sample);
});

test('each field takes the bytes its largest value needs', () => {
  const file = (items: number[]): FacetFile => ({ ...facetFile([], noFacetValues()), letters: [0, 0, -1, 1], items });
  const size = (items: number[]) => encodeFacetFile(file(items)).length;
  const small = [0, 1, 2, 3, -1, -1, 4, 5, -1];
  // 254 still fits a byte (255 once shifted by one); 255 and 65,534 take two; 65,535 four.
  expect(size(small.with(7, 254)) - size(small)).toBe(0);
  expect(size(small.with(7, 255)) - size(small)).toBe(1);
  expect(size(small.with(7, 65_535)) - size(small)).toBe(3);
  expect(plain(decodeFacetFiles(encodeFacetFile(file(small.with(7, 65_535))))[0]!).items[7]).toBe(65_535);
  expect(() => encodeFacetFile(file(small.with(3, -2)))).toThrow('facet file: item number 3 is -2, not a whole number from -1');
  // The page reads the numbers into an Int32Array.
  expect(() => encodeFacetFile(file(small.with(7, 2 ** 31)))).toThrow(
    'item number 7 is 2147483648, not a whole number from -1 that an Int32Array holds',
  );
  expect(() => encodeFacetFile(file(small.slice(1)))).toThrow('facet file: 4 letter and 8 item numbers are not whole rows');
});

test('a pack’s file is its shards’ files one after another', () => {
  const other = { ...facetFile(facts.slice(0, 2), noFacetValues()), tag: 'other' };
  const a = encodeFacetFile(sample);
  const b = encodeFacetFile(other);
  const pack = new Uint8Array([...a, ...b]);
  expect(decodeFacetFiles(pack).map(plain)).toEqual([sample, other]);
});

test('bytes that are no facet file are refused, naming the file and byte where they fail', () => {
  const bytes = encodeFacetFile(sample);
  expect(() => decodeFacetFiles(new TextEncoder().encode('{"version":6}'))).toThrow('facet file 1 (byte 0): not a facet file');
  expect(() => decodeFacetFiles(bytes.subarray(0, bytes.length - 1))).toThrow('facet file 1 (byte 0): its rows run past the end');
  expect(() => decodeFacetFiles(bytes.subarray(0, 20))).toThrow('facet file 1 (byte 0): its head runs past the end');
  expect(() => decodeFacetFiles(new Uint8Array([...bytes, 0x49]))).toThrow(`facet file 2 (byte ${bytes.length}): not a facet file`);
});
