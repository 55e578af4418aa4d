// How the search index is cut into shards, and how a date-sorted search reads them back in order.
import { describe, expect, test } from 'vitest';
import { planShards, type PageRef } from '../../scripts/search-index/shard-plan.ts';
import { shardSpans, type ShardInfo } from '../../src/lib/search/shard-manifest.ts';

/** `n` pages decided in `year`, one a day from January 1. */
function year(y: string, n: number): PageRef[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(Number(y), 0, 1 + i)).toISOString().slice(0, 10);
    return { file: `determinations/CM${y.slice(2)}-${String(i).padStart(7, '0')}/index.html`, decided: day };
  });
}

const summary = (pages: PageRef[], max: number) => planShards(pages, max).map((s) => `${s.id}:${s.pages.length}`);

describe('planShards', () => {
  test('packs whole decision years into shards of at most the limit, oldest first', () => {
    expect(summary([...year('2015', 3), ...year('2013', 2), ...year('2014', 2), ...year('2016', 4)], 5)).toEqual([
      '2013-2014:4',
      '2015:3',
      '2016-01:4',
    ]);
  });

  test('gives the newest month, where new letters land, a shard of its own once there are several', () => {
    // 40 letters of 2016: 31 in January, 9 in February.
    expect(summary([...year('2014', 5), ...year('2015', 5), ...year('2016', 40)], 45)).toEqual(['2014-2016:41', '2016-02:9']);
    expect(summary([...year('2013', 2), ...year('2014', 2), ...year('2015', 2)], 5)).toEqual(['2013-2014:4', '2015-01:2']);
    expect(summary([...year('2013', 2), ...year('2014', 2), ...year('2015', 2)], 6)).toEqual(['2013-2015:6']);
  });

  test('re-plans only the newest month when letters are added to it', () => {
    const before = planShards([...year('2015', 20), ...year('2016', 40)], 35);
    const after = planShards([...year('2015', 20), ...year('2016', 45)], 35);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.map((s) => s.id)).toEqual(['2015', '2016', '2016-02']);
  });

  test('cuts a year larger than the limit into runs of equal size by decision date', () => {
    const shards = planShards([...year('2020', 10), ...year('2021', 2)], 4);
    expect(shards.map((s) => `${s.id}:${s.pages.length}`)).toEqual(['2020.1:3', '2020.2:3', '2020.3:4', '2021-01:2']);
    const dates = shards.flatMap((s) => s.pages.map((p) => p.decided));
    expect(dates).toEqual([...dates].sort());
  });

  test('puts undated letters first, in a shard of their own years', () => {
    const undated = [{ file: 'determinations/X/index.html', decided: '0000-00-00' }];
    expect(summary([...year('2014', 2), ...year('2013', 1), ...undated], 3)).toEqual(['undated-2013:2', '2014-01:2']);
  });

  test('leaves earlier shards as they were when letters are added to the latest year', () => {
    const before = planShards([...year('2013', 3), ...year('2014', 3), ...year('2015', 2)], 4);
    const after = planShards([...year('2013', 3), ...year('2014', 3), ...year('2015', 4)], 4);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after.map((s) => s.id)).toEqual(['2013', '2014', '2015-01']);
  });

  test('places every page in exactly one shard', () => {
    const pages = [...year('2013', 7), ...year('2014', 1), ...year('2015', 9), ...year('2016', 2)];
    const files = planShards(pages, 3).flatMap((s) => s.pages.map((p) => p.file));
    expect(files.sort()).toEqual(pages.map((p) => p.file).sort());
  });

  test('refuses a shard size that is not a positive whole number', () => {
    expect(() => planShards([], 0)).toThrow('shard size must be a positive whole number, got 0');
  });
});

describe('shardSpans', () => {
  const shards = ['2014-2015', '2016', '2017'].map((id) => ({ id }) as ShardInfo);
  const counts = { '2014-2015': 3, '2016': 0, '2017': 4 };

  test('reads the newest shards first for newest-first order', () => {
    expect(shardSpans(shards, counts, 'desc', 0, 5)).toEqual([
      { id: '2017', skip: 0, take: 4 },
      { id: '2014-2015', skip: 0, take: 1 },
    ]);
  });

  test('reads only the shards that hold the wanted range', () => {
    expect(shardSpans(shards, counts, 'asc', 1, 3)).toEqual([{ id: '2014-2015', skip: 1, take: 2 }]);
    expect(shardSpans(shards, counts, 'asc', 4, 50)).toEqual([{ id: '2017', skip: 1, take: 3 }]);
    expect(shardSpans(shards, counts, 'asc', 0, 0)).toEqual([]);
  });
});
