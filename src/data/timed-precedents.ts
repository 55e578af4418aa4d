// The similarity stage of the build, timed: one line on stdout that `npm run bench` reads,
// "[imr] similar items: N items in T ms, cpu C ms, kept M MB" (M: the numbers kept for the pages).
// IMR_SIMILAR=off skips the stage (no item then shows an earlier determination), to measure the
// build without it.
import { findPrecedents, type Precedents } from '../lib/similar/precedents.ts';
import type { ItemRef } from '../lib/corpus/flatten-items.ts';
import type { Determination, Guideline } from '../lib/schema/index.ts';

export const SIMILAR_LOG = /similar items: (\d+) items in (\d+) ms, cpu (\d+) ms, kept ([\d.]+) MB/;

export function timedPrecedents(
  items: readonly ItemRef[],
  determinations: readonly Determination[],
  guidelines: readonly Guideline[],
): Precedents {
  if (process.env.IMR_SIMILAR === 'off') return findPrecedents([], [], guidelines);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const precedents = findPrecedents(items, determinations, guidelines);
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const kept = Math.round((precedents.keptBytes / 1e6) * 10) / 10;
  console.log(
    `[imr] similar items: ${items.length} items in ${ms} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms, kept ${kept} MB`,
  );
  return precedents;
}
