// Which shards a search opens before its first results.
import { describe, expect, test } from 'vitest';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import type { ShardInfo, ShardManifest } from '../../src/lib/search/shard-manifest.ts';
import { datesCovered, firstShards } from '../../src/lib/search/staged-shards.ts';

const shard = (id: string, first: string, last: string): ShardInfo => ({
  id,
  pages: 1,
  items: 1,
  records: 3,
  first,
  last,
  tag: id,
  facets: id,
  listNames: 2,
});
const SHARDS = [
  shard('undated-2015', '0000-00-00', '2015-12-30'),
  shard('2016', '2016-01-02', '2016-12-31'),
  shard('2017-02', '2017-02-01', '2017-02-27'),
];
const manifest: ShardManifest = { version: 8, pagefind: '1.6.0', root: '2017-02', values: 'v', shards: SHARDS };
const first = (query: string, loaded: ShardInfo[] = []) => firstShards(manifest, loaded, parseSearchState(query)).map((s) => s.id);

describe('firstShards', () => {
  test('opens the newest shard first for best match and newest first, the oldest for oldest first', () => {
    expect(first('?q=norco')).toEqual(['2017-02']);
    expect(first('?outcome=upheld')).toEqual(['2017-02']);
    expect(first('?q=norco&sort=oldest')).toEqual(['undated-2015']);
  });

  test('searches everything at once once shards are loaded, on a page past the first, or with one shard', () => {
    expect(first('?q=norco', [SHARDS[2]!])).toEqual([]);
    expect(first('?q=norco&page=2')).toEqual([]);
    expect(firstShards({ ...manifest, shards: [SHARDS[0]!] }, [], parseSearchState(''))).toEqual([]);
  });

  test('gives the decision dates the shards searched first cover', () => {
    expect(datesCovered([SHARDS[2]!])).toEqual({ first: '2017-02-01', last: '2017-02-27' });
    expect(datesCovered(SHARDS.slice(0, 2))).toEqual({ first: '0000-00-00', last: '2016-12-31' });
  });
});
