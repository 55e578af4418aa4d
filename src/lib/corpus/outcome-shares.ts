import type { OutcomeCounts } from './count-outcomes.ts';

/** Whole-number percentages of upheld and overturned that always add up to 100 (0 and 0 when empty). */
export function outcomeShares(counts: OutcomeCounts): { upheld: number; overturned: number } {
  if (counts.total === 0) return { upheld: 0, overturned: 0 };
  const upheld = Math.round((counts.upheld / counts.total) * 100);
  return { upheld, overturned: 100 - upheld };
}
