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

  test('names the letters in order, and an id without a version apart from every other', () => {
    const keys = cacheKeys(versions(), catalogue);
    expect(keys.of(['A', 'B'])).not.toBe(keys.of(['B', 'A']));
    expect(keys.of(['A', 'Z'])).not.toBe(keys.of(['A', 'Y']));
    expect(keys.of(['A', 'Z'])).not.toBe(keys.of(['A']));
    expect(keys.of(new Set(['A', 'B']))).toBe(keys.of(['A', 'B']));
  });

  // A deployed site's kept pages stay kept only while the keys' bytes do: pinned to the form
  // "<catalogue key>\n<count>\n<unknown ids>\n" + 16 bytes of SHA-256(version) per letter +
  // "\n<shown>", hashed with SHA-256 into base64url.
  test('keeps the bytes of its keys, so a kept site is not rendered again', () => {
    const sha256 = (...parts: (string | Buffer)[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('base64url');
    const named = (...vs: string[]) => Buffer.concat(vs.map((v) => createHash('sha256').update(v).digest().subarray(0, 16)));
    const keys = cacheKeys(versions(), catalogue);
    const catalogueKey = sha256(JSON.stringify(catalogue));
    expect(keys.of(['B', 'A'], '1: 41 3')).toBe(sha256(`${catalogueKey}\n2\n\n`, named('b1', 'a1'), '\n1: 41 3'));
    expect(keys.of(['A', 'Z'], { total: 3 })).toBe(
      sha256(`${catalogueKey}\n2\n1 Z\n`, Buffer.concat([named('a1'), Buffer.alloc(16)]), '\n{"total":3}'),
    );
    expect(keys.corpus).toBe(sha256(`${catalogueKey}\n3\n\n`, named('a1', 'b1', 'c1')));
  });

  test('gives every page of a list the list’s key', () => {
    expect(withCacheKey([{ params: { page: undefined } }, { params: { page: '2' } }], 'k').map((p) => p.cacheKey)).toEqual(['k', 'k']);
  });
});
