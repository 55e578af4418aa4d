// The ranking of a build that follows another: the last build's numbers (kept in the build cache
// by src/data/kept-ranking-file.ts) reused for every item decided before the earliest change, and
// only the items from that day on ranked again. Exact, not approximate: an item's matches and
// figure read only the items decided on or before its own day (find-similar.ts, cohort-counts.ts),
// and a day before every added, removed or changed letter (at its old and its new date) has the
// same letters on or before it as last time, with the same data (their letterVersion).
// An undated letter is in no timeline: it moves no day, and its items have no matches.
import { COUNTS_STRIDE } from './cohort-counts.ts';
import { rankItems, type Ranking } from './precedents.ts';
import { SIMILAR_DEFAULTS, type SimilarOptions } from './find-similar.ts';
import { dayOf } from './timeline.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import type { Determination, Guideline } from '../schema/index.ts';

/** A ranking with its items named by letter (id and version) instead of by place in one build's list. */
export interface KeptRanking {
  /** Letter ids, in the order of the items ranked. */
  letters: string[];
  /** Each letter's letterVersion (src/lib/corpus/cache-keys.ts); "" for one that had none. */
  versions: string[];
  /** Each letter's decision day as yyyymmdd, 0 when undated. */
  days: Int32Array;
  /** Each letter's first item row, and then the number of rows. */
  firstRow: Int32Array;
  /** The Ranking's numbers; a match is an item row. */
  matches: Int32Array;
  counts: Int32Array;
}

export interface ReusedRanking {
  ranking: Ranking;
  /** What the next build reuses; undefined when letter ids repeat (never in a content collection). */
  kept: KeptRanking | undefined;
  /** Items whose numbers were reused rather than ranked again. */
  reused: number;
}

/** The letters of `items` (a letter's items together), in their order. */
function lettersOf(items: readonly ItemRef[], versions: ReadonlyMap<string, string>) {
  const letters: string[] = [];
  const days: number[] = [];
  const firstRow: number[] = [];
  items.forEach((ref, i) => {
    if (i > 0 && items[i - 1]!.determinationId === ref.determinationId) return;
    letters.push(ref.determinationId);
    days.push(ref.decided ? dayOf(ref.decided) : 0);
    firstRow.push(i);
  });
  firstRow.push(items.length);
  const unique = new Set(letters).size === letters.length;
  return {
    letters,
    versions: letters.map((id) => versions.get(id) ?? ''),
    days: Int32Array.from(days),
    firstRow: Int32Array.from(firstRow),
    unique,
  };
}

/**
 * The first day whose items may rank differently from the kept ones: the earliest decision day,
 * old or new, of a letter added, removed or changed. Infinity when nothing changed.
 */
function firstChangedDay(kept: KeptRanking, now: ReturnType<typeof lettersOf>): number {
  const before = new Map(kept.letters.map((id, k) => [id, k]));
  let since = Infinity;
  const moves = (day: number) => {
    if (day > 0 && day < since) since = day;
  };
  now.letters.forEach((id, c) => {
    const k = before.get(id);
    before.delete(id);
    // A letter without a version cannot be told unchanged.
    if (k !== undefined && now.versions[c] !== '' && kept.versions[k] === now.versions[c]) return;
    moves(now.days[c]!);
    if (k !== undefined) moves(kept.days[k]!);
  });
  for (const k of before.values()) moves(kept.days[k]!);
  return since;
}

/**
 * Copies the kept numbers of every letter decided before `since` into the ranking, with its matches
 * renamed to this build's item indices. False if a match has no item now (it cannot, by the
 * argument above; the caller then ranks everything).
 */
function restore(kept: KeptRanking, now: ReturnType<typeof lettersOf>, since: number, ranking: Ranking, limit: number): number | false {
  const itemOfRow = new Int32Array(kept.matches.length / limit).fill(-1);
  const before = new Map(kept.letters.map((id, k) => [id, k]));
  const same: [number, number][] = [];
  now.letters.forEach((id, c) => {
    const k = before.get(id);
    if (k === undefined || now.versions[c] === '' || kept.versions[k] !== now.versions[c]) return;
    for (let row = kept.firstRow[k]!, item = now.firstRow[c]!; row < kept.firstRow[k + 1]!; row++, item++) itemOfRow[row] = item;
    if (now.days[c]! > 0 && now.days[c]! < since) same.push([c, k]);
  });
  let reused = 0;
  for (const [c, k] of same) {
    if (kept.firstRow[k + 1]! - kept.firstRow[k]! !== now.firstRow[c + 1]! - now.firstRow[c]!) return false;
    for (let row = kept.firstRow[k]!, item = now.firstRow[c]!; row < kept.firstRow[k + 1]!; row++, item++) {
      for (let s = 0; s < limit; s++) {
        const match = kept.matches[row * limit + s]!;
        if (match < 0) continue;
        const renamed = itemOfRow[match]!;
        if (renamed < 0) return false;
        ranking.matches[item * limit + s] = renamed;
      }
      ranking.counts.set(kept.counts.subarray(row * COUNTS_STRIDE, (row + 1) * COUNTS_STRIDE), item * COUNTS_STRIDE);
      reused++;
    }
  }
  return reused;
}

/** A ranking of `count` items none of which is ranked yet: no matches, zero counts (as rankItems leaves them). */
const unranked = (count: number, limit: number): Ranking => ({
  matches: new Int32Array(count * limit).fill(-1),
  counts: new Int32Array(count * COUNTS_STRIDE),
});

/** Whether the kept arrays have the sizes their letters say (a file from elsewhere may not). */
function fits(kept: KeptRanking, limit: number): boolean {
  const rows = kept.firstRow[kept.letters.length];
  return (
    kept.versions.length === kept.letters.length &&
    kept.days.length === kept.letters.length &&
    kept.firstRow.length === kept.letters.length + 1 &&
    rows !== undefined &&
    kept.matches.length === rows * limit &&
    kept.counts.length === rows * COUNTS_STRIDE
  );
}

/**
 * The ranking of `items` (as rankItems gives it), reusing what `kept` holds from the last build
 * wherever it cannot have changed. `versions`: each letter's letterVersion. `kept` must come from
 * the same ranking code, catalogue and options (the caller's cache key says so).
 */
export function rankReusing(
  items: readonly ItemRef[],
  determinations: readonly Determination[],
  guidelines: readonly Guideline[],
  versions: ReadonlyMap<string, string>,
  kept: KeptRanking | undefined,
  options: SimilarOptions = SIMILAR_DEFAULTS,
): ReusedRanking {
  const now = lettersOf(items, versions);
  const keep = (ranking: Ranking): KeptRanking | undefined =>
    now.unique ? { letters: now.letters, versions: now.versions, days: now.days, firstRow: now.firstRow, ...ranking } : undefined;
  const usable = kept !== undefined && now.unique && fits(kept, options.limit);
  const since = usable ? firstChangedDay(kept, now) : 0;
  if (since > 0) {
    // Nothing changed (a rebuild after a change of code or catalogue text): every number is a kept
    // one, so no item is ranked, and the subjects and timeline of every item are not worked out.
    const ranking =
      since === Infinity ? unranked(items.length, options.limit) : rankItems(items, determinations, guidelines, options, since);
    const reused = restore(kept!, now, since, ranking, options.limit);
    if (reused !== false) return { ranking, kept: keep(ranking), reused };
  }
  const ranking = rankItems(items, determinations, guidelines, options);
  return { ranking, kept: keep(ranking), reused: 0 };
}
