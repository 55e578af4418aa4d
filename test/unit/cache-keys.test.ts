// Incremental-build cache keys: a page's key moves exactly when something it shows changed.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { cacheKeys, letterVersion, withCacheKey } from '../../src/lib/corpus/cache-keys.ts';

const versions = (changes: Record<string, string> = {}) => new Map(Object.entries({ A: 'a1', B: 'b1', C: 'c1', ...changes }));
const catalogue = { guidelines: [{ slug: 'odg-low-back', short: 'ODG Low Back' }], taxonomy: [{ slug: 'mri', label: 'MRI' }] };

describe('cacheKeys', () => {
  test('moves the key of a page that shows a changed letter, and only of those', () => {
    const before = cacheKeys(versions(), catalogue);
    const after = cacheKeys(versions({ B: 'b2' }), catalogue);
    expect(after.of(['A', 'B'])).not.toBe(before.of(['A', 'B']));
    expect(after.of(['A', 'C'])).toBe(before.of(['A', 'C']));
    expect(after.corpus).not.toBe(before.corpus);
  });

  test('moves every key when the catalogue changes, and a list key when its members change', () => {
    const before = cacheKeys(versions(), catalogue);
    const relabelled = cacheKeys(versions(), { ...catalogue, taxonomy: [{ slug: 'mri', label: 'Magnetic resonance imaging' }] });
    expect(relabelled.of(['A'])).not.toBe(before.of(['A']));
    expect(before.of(['A', 'B'])).not.toBe(before.of(['A', 'B', 'C']));
    expect(cacheKeys(versions({ D: 'd1' }), catalogue).corpus).not.toBe(before.corpus);
  });

  test('moves a page’s key when the figures it shows over other letters change', () => {
    const keys = cacheKeys(versions(), catalogue);
    expect(keys.of(['A'], '1: 41 3')).not.toBe(keys.of(['A'], '1: 42 3'));
    expect(keys.of(['A'], '1: 41 3')).not.toBe(keys.of(['A']));
    expect(keys.of(['A'], '')).toBe(keys.of(['A']));
  });

  test('moves a key with the plain data a page shows besides its letters, and only then', () => {
    const keys = cacheKeys(versions(), catalogue);
    expect(keys.of(['A'], { counts: { total: 3 } })).toBe(keys.of(['A'], { counts: { total: 3 } }));
    expect(keys.of(['A'], { counts: { total: 4 } })).not.toBe(keys.of(['A'], { counts: { total: 3 } }));
    expect(keys.of(['A'], { counts: { total: 3 } })).not.toBe(keys.of(['A']));
  });

  test('a letter’s version follows its file digest and its parsed data', () => {
    expect(letterVersion('123', { id: 'A' })).toBe(letterVersion('123', { id: 'A' }));
    expect(letterVersion('124', { id: 'A' })).not.toBe(letterVersion('123', { id: 'A' }));
    expect(letterVersion('123', { id: 'A', extra: 1 })).not.toBe(letterVersion('123', { id: 'A' }));
  });

  // A deployed site's kept pages stay kept only while the keys' bytes do: pinned to the form
  // "<catalogue key>\n<id> <version>…\n\n<shown>", hashed with SHA-256 into base64url.
  test('keeps the bytes of its keys, so a kept site is not rendered again', () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
    const keys = cacheKeys(versions(), catalogue);
    const catalogueKey = sha256(JSON.stringify(catalogue));
    expect(keys.of(['B', 'A'], '1: 41 3')).toBe(sha256(`${catalogueKey}\nB b1\nA a1\n\n1: 41 3`));
    expect(keys.of(['A', 'Z'], { total: 3 })).toBe(sha256(`${catalogueKey}\nA a1\nZ \n\n{"total":3}`));
    expect(keys.corpus).toBe(sha256(`${catalogueKey}\nA a1\nB b1\nC c1`));
  });

  test('gives every page of a list the list’s key', () => {
    expect(withCacheKey([{ params: { page: undefined } }, { params: { page: '2' } }], 'k').map((p) => p.cacheKey)).toEqual(['k', 'k']);
  });
});
