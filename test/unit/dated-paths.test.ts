// The keys of a dated list's pages: a numbered page keeps its key while newer letters arrive; the
// list's own page, which draws its figures from the whole list, moves with any letter of it.
import { describe, expect, test } from 'vitest';
import { cacheKeys } from '../../src/lib/corpus/cache-keys.ts';
import { datedPaths } from '../../src/lib/paging/dated-paths.ts';
import { PAGE_SIZE } from '../../src/lib/paging/page-size.ts';

/** Letters L<n>, oldest first, at version v1 unless changed. */
const letters = (count: number) => Array.from({ length: count }, (_, i) => `L${i + 1}`);
const keysOf = (ids: string[], changed: Record<string, string> = {}) => {
  const keys = cacheKeys(new Map(ids.map((id) => [id, changed[id] ?? 'v1'])), {});
  const newestFirst = [...ids].reverse();
  const paths = datedPaths(newestFirst, { keys, idOf: (id) => id, frame: { list: 'mri' }, whole: { rows: newestFirst } });
  return new Map(paths.map((p) => [p.params.page ?? 'newest', p.cacheKey]));
};

describe('datedPaths keys', () => {
  const size = 3 * PAGE_SIZE + 5;
  const before = keysOf(letters(size));

  test('keeps the numbered pages’ keys when a newer letter arrives, and moves the newest page’s', () => {
    const after = keysOf(letters(size + 1));
    expect(before.size).toBe(3);
    expect(after.get('1')).toBe(before.get('1'));
    expect(after.get('2')).toBe(before.get('2'));
    expect(after.get('newest')).not.toBe(before.get('newest'));
  });

  test('moves the newest page’s key with a letter only an older page shows, and that page’s key only', () => {
    const after = keysOf(letters(size), { L1: 'v2' });
    expect(after.get('newest')).not.toBe(before.get('newest'));
    expect(after.get('1')).not.toBe(before.get('1'));
    expect(after.get('2')).toBe(before.get('2'));
  });
});
