import { describe, expect, test } from 'vitest';
import { optionCount } from '../../src/lib/search/facet-counts.ts';

describe('optionCount', () => {
  test('greys out a value no result has, unless the reader ticked it', () => {
    const counts = { outcome: { upheld: 1, overturned: 0 } };
    expect(optionCount(counts, 'outcome', 'upheld', false)).toEqual({ count: 1, zero: false });
    expect(optionCount(counts, 'outcome', 'overturned', false)).toEqual({ count: 0, zero: true });
    expect(optionCount(counts, 'outcome', 'overturned', true)).toEqual({ count: 0, zero: false });
    // A value missing from the counts has none.
    expect(optionCount(counts, 'year', '2014', false)).toEqual({ count: 0, zero: true });
  });
});
