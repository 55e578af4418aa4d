// The similarity stage kept between builds: a build that reuses the last build's numbers must give
// exactly what ranking every item again gives, whatever changed (letters added after the others or
// between them, on a day that already has letters, edited, redated, undated or removed). Each case
// starts from the 148 sample letters in content/ and compares with a fresh full ranking.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { keptRankingKey, RANKING_CODE, readKeptRanking, writeKeptRanking } from '../../src/data/kept-ranking-file.ts';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { letterVersion } from '../../src/lib/corpus/cache-keys.ts';
import { flattenItems } from '../../src/lib/corpus/flatten-items.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { SIMILAR_DEFAULTS } from '../../src/lib/similar/find-similar.ts';
import { findPrecedents, precedentsOf, rankItems } from '../../src/lib/similar/precedents.ts';
import { rankReusing, type KeptRanking } from '../../src/lib/similar/reuse-ranking.ts';
import type { Determination } from '../../src/lib/schema/index.ts';
import { readDeterminations } from '../support/fixture-corpus.ts';

const repoRoot = join(import.meta.dirname, '../..');
const content = join(repoRoot, 'content');
const guidelines = loadCatalogue(content).guidelines;
const sample = readDeterminations(join(content, 'determinations'));
const byId = (id: string) => sample.find((d) => d.id === id)!;

/** One build of these letters on the numbers the last one kept, checked against a full ranking. */
function build(letters: Determination[], kept?: KeptRanking) {
  const determinations = sortByDecided(letters);
  const items = flattenItems(determinations);
  const versions = new Map(determinations.map((d) => [d.id, letterVersion('', d)]));
  const result = rankReusing(items, determinations, guidelines, versions, kept);
  const full = rankItems(items, determinations, guidelines);
  expect([...result.ranking.matches]).toEqual([...full.matches]);
  expect([...result.ranking.counts]).toEqual([...full.counts]);
  // And what the pages read, item by item.
  const reused = precedentsOf(items, guidelines, result.ranking);
  const fresh = findPrecedents(items, determinations, guidelines);
  for (const d of determinations) {
    expect(reused.of(d.id), d.id).toEqual(fresh.of(d.id));
    expect(reused.shownBy(d.id), d.id).toEqual(fresh.shownBy(d.id));
  }
  const dated = items.filter((r) => r.decided).length;
  return { kept: result.kept!, reused: result.reused, dated, fresh, items };
}

const first = build(sample);
/** Dated items decided before the day, which a build after a change on that day reuses. */
const datedBefore = (letters: Determination[], day: string) =>
  letters.filter((d) => d.dates.decided && d.dates.decided < day).reduce((n, d) => n + d.items.length, 0);

/** A copy of a sample letter under another id and date. */
const copy = (from: Determination, id: string, decided: string | undefined): Determination => ({
  ...structuredClone(from),
  id,
  caseNumber: id,
  dates: decided ? { ...from.dates, decided } : {},
});

describe('a build reusing the last build’s similarity numbers', () => {
  test('reuses every item when no letter changed', () => {
    expect(first.reused).toBe(0);
    const again = build(sample, first.kept);
    expect(again.reused).toBe(again.dated);
  });

  test('ranks only the new letters when they are decided after every other', () => {
    const added = [copy(byId('CM17-0021656'), 'CM17-9000001', '2017-03-03'), copy(sample[5]!, 'CM17-9000002', '2017-03-04')];
    const next = build([...sample, ...added], first.kept);
    expect(next.reused).toBe(first.dated);
    expect(next.fresh.of('CM17-9000001')[0]!.matches.length).toBeGreaterThan(0);
  });

  test('ranks again from the day of a letter added between the others', () => {
    const added = copy(byId('CM17-0021656'), 'CM17-9000003', '2017-01-15');
    const letters = [...sample, added];
    const next = build(letters, first.kept);
    expect(next.reused).toBe(datedBefore(sample, '2017-01-15'));
    expect(next.reused).toBeLessThan(first.dated);
  });

  test('counts a letter added on a day that has letters for the others of that day, before or after it by id', () => {
    const day = '2017-02-17';
    const there = sample.filter((d) => d.dates.decided === day);
    const lowest = there.map((d) => d.id).sort()[0]!;
    // Copies of that day's letters, with ids sorting before and after every one of them.
    const added = [copy(byId(lowest), 'CM00-0000001', day), copy(byId(lowest), 'CM99-9999999', day)];
    const next = build([...sample, ...added], first.kept);
    expect(next.reused).toBe(datedBefore(sample, day));
    // The change reaches the letter of that day that sorts first: its figure counts the new ones.
    expect(next.fresh.of(lowest)[0]!.counts.total).toBeGreaterThan(first.fresh.of(lowest)[0]!.counts.total);
  });

  test('ranks again from an edited letter’s day, old or new', () => {
    const old = sample.find((d) => d.dates.decided === '2016-12-30')!;
    const edited = structuredClone(old);
    edited.items[0]!.outcome = edited.items[0]!.outcome === 'upheld' ? 'overturned' : 'upheld';
    edited.items[0]!.request = `${edited.items[0]!.request} lumbar`;
    const next = build([...sample.filter((d) => d !== old), edited], first.kept);
    expect(next.reused).toBe(datedBefore(sample, '2016-12-30'));

    // Moved later: the days between its old and new date change as well.
    const moved = { ...structuredClone(old), dates: { ...old.dates, decided: '2017-02-20' } };
    const after = build([...sample.filter((d) => d !== old), moved], first.kept);
    expect(after.reused).toBe(datedBefore(sample, '2016-12-30'));
  });

  test('ranks again from a removed letter’s day', () => {
    const gone = sample.find((d) => d.dates.decided === '2017-01-25')!;
    const next = build(
      sample.filter((d) => d !== gone),
      first.kept,
    );
    expect(next.reused).toBe(datedBefore(sample, '2017-01-25'));
  });

  test('lets a letter without a decision date change nothing dated, and counts one that gains or loses its date', () => {
    const undated = sample.find((d) => !d.dates.decided)!;
    const added = build([...sample, copy(byId('CM17-0021656'), 'imr-undated-2', undefined)], first.kept);
    expect(added.reused).toBe(first.dated);
    const gains = build([...sample.filter((d) => d !== undated), { ...undated, dates: { decided: '2017-01-10' } }], first.kept);
    expect(gains.reused).toBe(datedBefore(sample, '2017-01-10'));
    const loser = sample.find((d) => d.dates.decided === '2017-02-01')!;
    const loses = build([...sample.filter((d) => d !== loser), { ...loser, dates: {} }], first.kept);
    expect(loses.reused).toBe(datedBefore(sample, '2017-02-01'));
  });

  test('stays exact over a run of builds with random changes, each on the last one’s numbers', () => {
    let seed = 19;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const days = [...new Set(sample.map((d) => d.dates.decided).filter((d) => d !== undefined))];
    let letters = [...sample];
    let kept = first.kept;
    let partial = 0;
    for (let step = 0; step < 24; step++) {
      const change = pick(['add', 'add', 'edit', 'remove', 'redate']);
      const target = pick(letters);
      const day = next() < 0.1 ? undefined : pick(days);
      if (change === 'add') letters = [...letters, copy(pick(sample), `CM17-8${String(step).padStart(6, '0')}`, day)];
      if (change === 'remove') letters = letters.filter((d) => d !== target);
      if (change === 'redate') letters = letters.map((d) => (d === target ? copy(d, d.id, day) : d));
      if (change === 'edit') {
        const edited = structuredClone(target);
        const item = pick(edited.items);
        item.outcome = item.outcome === 'upheld' ? 'overturned' : 'upheld';
        item.request = `${pick(sample).items[0]!.request}`;
        letters = letters.map((d) => (d === target ? edited : d));
      }
      const built = build(letters, kept);
      if (built.reused > 0 && built.reused < built.dated) partial++;
      kept = built.kept;
    }
    expect(partial).toBeGreaterThan(8);
  });

  test('ranks everything when the kept numbers do not fit their letters', () => {
    const cut = { ...first.kept, matches: first.kept.matches.subarray(5) };
    expect(build(sample, cut).reused).toBe(0);
    expect(build(sample, { ...first.kept, firstRow: new Int32Array(0) }).reused).toBe(0);
  });
});

describe('the kept numbers’ file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-kept-ranking-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads back what was written under the same key, and nothing under another', () => {
    const key = keptRankingKey(repoRoot, guidelines, SIMILAR_DEFAULTS)!;
    expect(readKeptRanking(join(dir, 'cache'), key)).toBeUndefined();
    writeKeptRanking(join(dir, 'cache'), key, first.kept);
    expect(readKeptRanking(join(dir, 'cache'), key)).toEqual(first.kept);
    expect(readKeptRanking(join(dir, 'cache'), `${key}x`)).toBeUndefined();
  });

  test('changes its key with the ranking’s code, the guidelines and the options', () => {
    const root = join(dir, 'project');
    for (const folder of RANKING_CODE) cpSync(join(repoRoot, folder), join(root, folder), { recursive: true });
    const key = keptRankingKey(root, guidelines, SIMILAR_DEFAULTS);
    expect(key).toBe(keptRankingKey(repoRoot, guidelines, SIMILAR_DEFAULTS));
    expect(keptRankingKey(root, guidelines.slice(1), SIMILAR_DEFAULTS)).not.toBe(key);
    expect(keptRankingKey(root, guidelines, { ...SIMILAR_DEFAULTS, window: 100 })).not.toBe(key);
    const code = join(root, 'src/lib/similar/request-terms.ts');
    writeFileSync(code, `${readFileSync(code, 'utf8')}\n// changed\n`);
    expect(keptRankingKey(root, guidelines, SIMILAR_DEFAULTS)).not.toBe(key);
    expect(keptRankingKey(join(dir, 'nowhere'), guidelines, SIMILAR_DEFAULTS)).toBeUndefined();
  });

  test('its key covers every module the ranking runs', () => {
    // The modules reuse-ranking.ts loads at run time (type-only imports load nothing).
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';/gms))
        visit(resolve(dirname(file), spec!));
    };
    visit(join(repoRoot, 'src/lib/similar/reuse-ranking.ts'));
    expect(seen.size).toBeGreaterThan(5);
    for (const file of seen)
      expect(RANKING_CODE.some((folder) => relative(join(repoRoot, folder), file).startsWith('..') === false)).toBe(true);
  });
});
