// The similarity stage of the build, timed: one line on stdout that `npm run bench` reads
// ("[imr] similar items: N items in T ms, cpu C ms, kept M MB"). IMR_SIMILAR=off skips the stage
// (every item then shows no earlier determination), to measure the build without it.
import { findPrecedents, type Precedents } from '../lib/similar/precedents.ts';
import type { ItemRef } from '../lib/corpus/flatten-items.ts';
import type { Determination, Guideline } from '../lib/schema/index.ts';

export const SIMILAR_LOG = /similar items: (\d+) items in (\d+) ms, cpu (\d+) ms, kept (-?\d+) MB/;

export function timedPrecedents(items: readonly ItemRef[], determinations: readonly Determination[], guidelines: readonly Guideline[]): Precedents {
  if (process.env.IMR_SIMILAR === 'off') return findPrecedents([], [], guidelines);
  const heap = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const precedents = findPrecedents(items, determinations, guidelines);
  const ms = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  // Without a collection first this counts garbage too: an upper bound of what the stage keeps.
  const kept = Math.round((process.memoryUsage().heapUsed - heap) / 1e6);
  console.log(`[imr] similar items: ${items.length} items in ${ms} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms, kept ${kept} MB`);
  return precedents;
}
