// List packs: which years are packed (only closed ones, so an update writes none again), a pack's
// file read back as its shards' files, and an update that moves an unchanged pack over.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { planPacks, writeListPacks } from '../../scripts/search-index/list-packs.ts';
import { decodeFacetFiles, encodeFacetFile } from '../../src/lib/search/facet-encoding.ts';
import { FACET_FILE, facetFile, noFacetValues } from '../../src/lib/search/facet-table.ts';
import {
  decodeListPack,
  encodeListGroup,
  encodeListPack,
  groupFile,
  listNameLength,
  packFile,
  type ListGroup,
} from '../../src/lib/search/word-lists.ts';

const shard = (id: string, tag = `t-${id}`) => ({ id, tag });
/** A facet file of no letters, which a bundle's tag tells from another's. */
const noFacets = facetFile([], noFacetValues());
const group = (tag: string, word: string): ListGroup => ({
  tag,
  records: 9,
  fields: ['title'],
  words: [{ word, rows: [3], weights: [24], fields: [0], shared: [[]], request: [1] }],
});

describe('which shards are packed', () => {
  test('each year before the newest shard’s, and each month of its year before its month, that has two shards or more', () => {
    const shards = [
      'undated-2016',
      '2014-2015',
      '2015-01_06',
      '2016-01_04',
      '2016-05_12',
      '2017-01.1',
      '2017-01.2',
      '2017-02-01_10',
      '2017-02.2',
    ];
    expect(planPacks(shards.map((id) => shard(id))).map((p) => [p.id, p.shards])).toEqual([
      ['2016', ['2016-01_04', '2016-05_12']],
      ['2017-01', ['2017-01.1', '2017-01.2']],
    ]);
    // A month of several shards is packed once it is over: an update adds to the newest month.
    expect(planPacks(['2017-01.1', '2017-01.2'].map((id) => shard(id)))).toEqual([]);
    expect(planPacks(['2014-2017', '2018-01_04', '2018-05_08', '2018-09'].map((id) => shard(id)))).toEqual([]);
  });
  test('a pack’s key changes with any of its shards’ tags or facet tables', () => {
    const before = planPacks([shard('2016-01'), shard('2016-02'), shard('2017-01')]);
    const after = planPacks([shard('2016-01'), shard('2016-02', 'changed'), shard('2017-01')]);
    const facets = planPacks([shard('2016-01'), { ...shard('2016-02'), facets: 'other' }, shard('2017-01')]);
    expect(new Set([before, after, facets].map((p) => p[0]!.key)).size).toBe(3);
  });
});

test('a pack’s file gives back each shard’s file, and names the file where it ends early', () => {
  const parts = [encodeListGroup(group('a', 'mri')), encodeListGroup(group('b', 'mris'))];
  expect(decodeListPack(encodeListPack(parts), 'p')).toEqual([group('a', 'mri'), group('b', 'mris')]);
  expect(() => decodeListPack(encodeListPack(parts).subarray(0, 30), 'packs/2016/lists/mri.bin.gz')).toThrow(
    'packs/2016/lists/mri.bin.gz ends early, inside its file 2',
  );
});

describe('writing packs', () => {
  const work = mkdtempSync(join(tmpdir(), 'imr-packs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const bundle = (index: string, id: string, words: string[]) => {
    const folder = join(index, id);
    mkdirSync(join(folder, 'lists'), { recursive: true });
    for (const w of words) writeFileSync(join(folder, groupFile(w.slice(0, 3))), gzipSync(encodeListGroup(group(`t-${id}`, w))));
    writeFileSync(join(folder, FACET_FILE), gzipSync(encodeFacetFile({ ...noFacets, tag: `t-${id}` })));
    return { id, folder, tag: `t-${id}` };
  };
  const read = (index: string, file: string) => decodeListPack(gunzipSync(readFileSync(join(index, file))), file);

  test('packs each file of a closed year’s shards, and an update moves the pack over unchanged', async () => {
    const first = join(work, 'first');
    const shards = [bundle(first, '2016-01', ['mri', 'lum']), bundle(first, '2016-02', ['mri']), bundle(first, '2017-01', ['mri'])];
    const [pack] = await writeListPacks(first, shards);
    expect(read(first, packFile('2016', groupFile('mri'))).map((g) => g.tag)).toEqual(['t-2016-01', 't-2016-02']);
    expect(read(first, packFile('2016', groupFile('lum'))).map((g) => g.tag)).toEqual(['t-2016-01']);
    // Its shards' facet tables, in one file.
    expect(decodeFacetFiles(gunzipSync(readFileSync(join(first, packFile('2016', FACET_FILE))))).map((f) => f.tag)).toEqual([
      't-2016-01',
      't-2016-02',
    ]);
    const second = join(work, 'second');
    const again = [bundle(second, '2016-01', []), bundle(second, '2016-02', []), bundle(second, '2017-01', ['mri'])];
    expect(await writeListPacks(second, again, first)).toEqual([pack]);
    // Moved, not written from the (empty) bundles: the first index's content.
    expect(read(second, packFile('2016', groupFile('lum'))).map((g) => g.tag)).toEqual(['t-2016-01']);
  });

  test('a small shard’s files of two groups each are packed as the groups’ own files', async () => {
    const index = join(work, 'binned');
    const large = bundle(index, '2016-01', ['mri']);
    // A small shard (listNameLength): "mri" and "mrsa" in one file, lists/mr.bin.gz.
    const small = join(index, '2016-02');
    mkdirSync(join(small, 'lists'), { recursive: true });
    const both = { ...group('t-2016-02', 'mri'), words: [group('', 'mri').words[0]!, group('', 'mrsa').words[0]!] };
    writeFileSync(join(small, groupFile('mri', 2)), gzipSync(encodeListGroup(both)));
    writeFileSync(join(small, FACET_FILE), gzipSync(encodeFacetFile({ ...noFacets, tag: 't-2016-02' })));
    await writeListPacks(index, [
      large,
      { id: '2016-02', folder: small, tag: 't-2016-02', listNames: 2 },
      bundle(index, '2017-01', ['mri']),
    ]);
    expect(groupFile('mri', 2)).toBe('lists/mr.bin.gz');
    expect(read(index, packFile('2016', groupFile('mri')))).toEqual([group('t-2016-01', 'mri'), group('t-2016-02', 'mri')]);
    expect(read(index, packFile('2016', groupFile('mrsa')))).toEqual([group('t-2016-02', 'mrsa')]);
  });
});

test('a shard of at most 500 letters names its group files by two characters, a larger one by three', () => {
  expect([1, 154, 500, 501, 2500].map(listNameLength)).toEqual([2, 2, 2, 3, 3]);
});
