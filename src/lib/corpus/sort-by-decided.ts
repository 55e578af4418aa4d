import type { Determination } from '../schema/index.ts';

/**
 * Newest decision first; determinations without a decision date go last; ties by id so the
 * order (and so every paginated list) is the same on every build.
 */
export function sortByDecided<T extends Pick<Determination, 'id' | 'dates'>>(determinations: readonly T[]): T[] {
  return [...determinations].sort((a, b) => {
    const da = a.dates.decided ?? '';
    const db = b.dates.decided ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
