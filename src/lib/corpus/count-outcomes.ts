import type { Outcome } from '../schema/index.ts';

export interface OutcomeCounts {
  /** Items counted. */
  total: number;
  /** Items whose UR denial the reviewer upheld. */
  upheld: number;
  /** Items found medically necessary (denial overturned). */
  overturned: number;
}

/** Counts items by outcome; accepts bare items or anything with an `item` holding one. */
export function countOutcomes(items: readonly ({ outcome: Outcome } | { item: { outcome: Outcome } })[]): OutcomeCounts {
  const counts: OutcomeCounts = { total: 0, upheld: 0, overturned: 0 };
  for (const entry of items) {
    const outcome = 'item' in entry ? entry.item.outcome : entry.outcome;
    counts.total += 1;
    counts[outcome] += 1;
  }
  return counts;
}
