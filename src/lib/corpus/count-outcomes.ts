import type { Outcome } from '../schema/index.ts';

export interface OutcomeCounts {
  /** Items counted. */
  total: number;
  /** Items whose UR denial the reviewer upheld. */
  upheld: number;
  /** Items found medically necessary (denial overturned). */
  overturned: number;
}

type Counted = { outcome: Outcome } | { item: { outcome: Outcome } };

/**
 * Counts items by outcome, those `which` takes when given (without an array of them: a list's
 * first page counts the whole list); accepts bare items or anything with an `item` holding one.
 */
export function countOutcomes<T extends Counted>(items: readonly T[], which?: (entry: T) => boolean): OutcomeCounts {
  const counts: OutcomeCounts = { total: 0, upheld: 0, overturned: 0 };
  for (const entry of items) {
    if (which && !which(entry)) continue;
    const outcome = 'item' in entry ? entry.item.outcome : entry.outcome;
    counts.total += 1;
    counts[outcome] += 1;
  }
  return counts;
}
