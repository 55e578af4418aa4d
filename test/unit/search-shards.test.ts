// How the search index is cut into shards.
import { describe, expect, test } from 'vitest';
import { NEWEST_SHARD_PAGES, planShards, type PageRef } from '../../scripts/search-index/shard-plan.ts';

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

  test('gives the newest NEWEST_SHARD_PAGES letters a shard of their own when the newest month holds more', () => {
    const many = Array.from({ length: NEWEST_SHARD_PAGES + 2 }, (_, i) => ({
      file: `determinations/CM22-${String(i).padStart(7, '0')}/index.html`,
      decided: '2022-03-15',
    }));
    const shards = planShards([...year('2020', 300), ...year('2021', 100), ...many], 500);
    expect(shards.map((s) => `${s.id}:${s.pages.length}`)).toEqual(['2020-2021:400', '2022-03:2', `2022-03.newest:${NEWEST_SHARD_PAGES}`]);
    // The newest pages, by date then file: the end of the order.
    expect(shards.at(-1)!.pages.at(-1)!.file).toBe(many.at(-1)!.file);
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
