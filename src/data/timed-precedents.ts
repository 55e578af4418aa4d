// The similarity stage of the build, timed: one line on stdout that `npm run bench` reads,
// "[imr] similar items: N items in T ms, cpu C ms, kept M MB, reused R" (M: the numbers kept for
// the pages; R: items whose numbers came from the last build, src/data/kept-ranking-file.ts).
// IMR_SIMILAR=off skips the stage (no item then shows an earlier determination), to measure the
// build without it.
import { SIMILAR_DEFAULTS } from '../lib/similar/find-similar.ts';
import { findPrecedents, precedentsOf, type Precedents } from '../lib/similar/precedents.ts';
import { rankReusing } from '../lib/similar/reuse-ranking.ts';
import { keptRankingKey, readKeptRanking, writeKeptRanking } from './kept-ranking-file.ts';
import type { ItemRef } from '../lib/corpus/flatten-items.ts';
import type { Determination, Guideline } from '../lib/schema/index.ts';

export const SIMILAR_LOG = /similar items: (\d+) items in (\d+) ms, cpu (\d+) ms, kept ([\d.]+) MB(?:, reused (\d+))?/;

/** Where the numbers are kept between builds: the build cache, and the project whose code ranks. */
export interface KeptRankingPlace {
  cacheDir: string;
  root: string;
}

/** `versions`: each letter's letterVersion, which names it in the kept numbers. */
export function timedPrecedents(
  items: readonly ItemRef[],
  determinations: readonly Determination[],
  guidelines: readonly Guideline[],
  versions: ReadonlyMap<string, string>,
  place: KeptRankingPlace,
): Precedents {
  if (process.env.IMR_SIMILAR === 'off') return findPrecedents([], [], guidelines);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const key = keptRankingKey(place.root, guidelines, SIMILAR_DEFAULTS);
  const before = key === undefined ? undefined : readKeptRanking(place.cacheDir, key);
  const { ranking, kept, reused } = rankReusing(items, determinations, guidelines, versions, before, SIMILAR_DEFAULTS);
  if (key !== undefined && kept) writeKeptRanking(place.cacheDir, key, kept);
  const precedents = precedentsOf(items, guidelines, ranking, SIMILAR_DEFAULTS);
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const keptMB = Math.round((precedents.keptBytes / 1e6) * 10) / 10;
  console.log(
    `[imr] similar items: ${items.length} items in ${ms} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms, kept ${keptMB} MB, reused ${reused}`,
  );
  return precedents;
}
