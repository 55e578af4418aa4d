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

  test('cuts a newest month larger than the limit at its days, so that later letters change only its last runs', () => {
    // March 2022: 4 letters a day on the 1st to the 9th, 12 on the 10th (its newest 10 a shard of their own); then 3 on the 11th.
    const on = (day: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        file: `determinations/CM22-03${day}${String(i).padStart(3, '0')}/index.html`,
        decided: `2022-03-${day}`,
      }));
    const march = [...['01', '02', '03', '04', '05', '06', '07', '08', '09'].flatMap((d) => on(d, 4)), ...on('10', 12)];
    const base = [...year('2020', 9), ...year('2021', 9)];
    const before = planShards([...base, ...march], 10);
    expect(before.map((s) => `${s.id}:${s.pages.length}`)).toEqual([
      '2020:9',
      '2021:9',
      '2022-03-01_02:8',
      '2022-03-03_04:8',
      '2022-03-05_06:8',
      '2022-03-07_08:8',
      '2022-03-09_10:6',
      '2022-03.newest:10',
    ]);
    const after = planShards([...base, ...march, ...on('11', 3)], 10);
    expect(after.slice(0, 6)).toEqual(before.slice(0, 6));
    expect(after.slice(6).map((s) => `${s.id}:${s.pages.length}`)).toEqual(['2022-03-09_10:9', '2022-03.newest:10']);
    // A day larger than the limit in equal runs.
    expect(planShards([...base, ...on('10', 35)], 10).map((s) => `${s.id}:${s.pages.length}`)).toEqual([
      '2020:9',
      '2021:9',
      '2022-03-10.1:8',
      '2022-03-10.2:8',
      '2022-03-10.3:9',
      '2022-03.newest:10',
    ]);
  });

  test('cuts a year larger than the limit at its months, and a month larger than the limit into equal runs', () => {
    // 2020: 3 letters in each of January to April and 9 in May; 2021: 2.
    const on = (dates: string[]) => dates.map((decided, i) => ({ file: `determinations/CM${decided}-${i}/index.html`, decided }));
    const pages = on([
      ...['01', '02', '03', '04'].flatMap((m) => [`2020-${m}-05`, `2020-${m}-15`, `2020-${m}-25`]),
      ...['01', '02', '03', '04', '05', '06', '08', '09', '10'].map((d) => `2020-05-${d}`),
      '2021-01-03',
      '2021-01-04',
    ]);
    const shards = planShards(pages, 4);
    expect(shards.map((s) => `${s.id}:${s.pages.length}`)).toEqual([
      '2020-01:3',
      '2020-02:3',
      '2020-03:3',
      '2020-04:3',
      '2020-05.1:3',
      '2020-05.2:3',
      '2020-05.3:3',
      '2021-01:2',
    ]);
    const dates = shards.flatMap((s) => s.pages.map((p) => p.decided));
    expect(dates).toEqual([...dates].sort());
    // A letter decided late for March changes March's shard alone.
    const late = planShards([...pages, ...on(['2020-03-20'])], 4);
    expect(late.filter((s, k) => JSON.stringify(s) !== JSON.stringify(shards[k])).map((s) => s.id)).toEqual(['2020-03']);
  });

  test('joins months next to each other while they fit one shard', () => {
    // 2020: two letters a month (24); with a limit of 13, January to June and July to December.
    const twice = Array.from({ length: 24 }, (_, i) => {
      const decided = `2020-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 ? '20' : '05'}`;
      return { file: `determinations/CM20-${String(i).padStart(7, '0')}/index.html`, decided };
    });
    const late = { file: 'determinations/CM20-9999999/index.html', decided: '2020-02-11' };
    const next = { file: 'determinations/CM21-0000001/index.html', decided: '2021-01-05' };
    expect(summary([...twice, next], 13)).toEqual(['2020-01_06:12', '2020-07_12:12', '2021-01:1']);
    // A letter decided late for February: its run changes; the later one does not.
    expect(summary([...twice, late, next], 13)).toEqual(['2020-01_06:13', '2020-07_12:12', '2021-01:1']);
  });

  test('re-indexes the year’s last run of months, not the year, when the newest month joins it', () => {
    // 2021 holds 30 letters a month; the limit, 100, holds three months.
    const month = (m: string) =>
      Array.from({ length: 30 }, (_, i) => ({
        file: `determinations/CM21-${m}${String(i).padStart(5, '0')}/index.html`,
        decided: `2021-${m}-${String((i % 28) + 1).padStart(2, '0')}`,
      }));
    const through = (last: number) => Array.from({ length: last }, (_, i) => month(String(i + 1).padStart(2, '0'))).flat();
    const august = planShards([...year('2020', 50), ...through(8)], 100);
    const september = planShards([...year('2020', 50), ...through(9)], 100);
    expect(august.map((s) => s.id)).toEqual(['2020', '2021-01_03', '2021-04_06', '2021-07', '2021-08']);
    expect(september.map((s) => s.id)).toEqual(['2020', '2021-01_03', '2021-04_06', '2021-07_08', '2021-09']);
    // August joined July's run; the other runs are the same shards as before.
    const changed = september.filter((s) => JSON.stringify(s) !== JSON.stringify(august.find((a) => a.id === s.id))).map((s) => s.id);
    expect(changed).toEqual(['2021-07_08', '2021-09']);
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
