import { describe, expect, test } from 'vitest';
import { outcomeShares } from '../../src/lib/corpus/outcome-shares.ts';

describe('outcomeShares', () => {
  test('adds up to 100 where rounding each share would give 101', () => {
    expect(outcomeShares({ total: 8, upheld: 1, overturned: 7 })).toEqual({ upheld: 13, overturned: 87 });
  });
  test('gives 0 and 0 for no items', () => {
    expect(outcomeShares({ total: 0, upheld: 0, overturned: 0 })).toEqual({ upheld: 0, overturned: 0 });
  });
});
