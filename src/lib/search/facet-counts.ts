import type { FilterKey } from './filter-keys.ts';

/** One checkbox's count, and whether it is greyed out: a value with no result, unless it is checked. */
export function optionCount(
  counts: Partial<Record<FilterKey, Record<string, number>>>,
  key: FilterKey,
  value: string,
  checked: boolean,
): { count: number; zero: boolean } {
  const count = counts[key]?.[value] ?? 0;
  return { count, zero: count === 0 && !checked };
}
