import { describe, expect, test } from 'vitest';
import { href } from '../../src/lib/paths/href.ts';
import { joinBase } from '../../src/lib/paths/join-base.ts';
import { slugify } from '../../src/lib/catalogue/citation-targets.ts';

describe('joinBase', () => {
  test('joins a base and a path with exactly one slash between them', () => {
    expect(joinBase('/imr/', '/guidelines/')).toBe('/imr/guidelines/');
    expect(joinBase('/imr', 'guidelines/')).toBe('/imr/guidelines/');
    expect(joinBase('/imr//', '//guidelines/x/')).toBe('/imr/guidelines/x/');
  });

  test('keeps a root base at the root', () => {
    expect(joinBase('/', '/')).toBe('/');
    expect(joinBase('/', '/search/?q=zynex')).toBe('/search/?q=zynex');
    expect(joinBase('', 'search/')).toBe('/search/');
  });

  test('gives the base itself for an empty path, and a nested base stays whole', () => {
    expect(joinBase('/imr/', '')).toBe('/imr/');
    expect(joinBase('a/b', '/c/')).toBe('/a/b/c/');
  });

  test('href prefixes the configured base (the root in tests)', () => {
    expect(href('/determinations/CM16-0213037/#item-1')).toBe('/determinations/CM16-0213037/#item-1');
  });
});

describe('slugify', () => {
  test('makes a cited section name a lower-case dashed slug', () => {
    expect(slugify('Special Studies')).toBe('special-studies');
    expect(slugify('Opioids, criteria for use')).toBe('opioids-criteria-for-use');
    expect(slugify('Low Back - Lumbar & Thoracic (Acute & Chronic)')).toBe('low-back-lumbar-thoracic-acute-chronic');
  });

  test('drops accents and anything that is not a letter or digit', () => {
    expect(slugify('  Électro-diagnostic   testing! ')).toBe('electro-diagnostic-testing');
    expect(slugify('Physical Medicine</a><script>')).toBe('physical-medicine-a-script');
  });

  test('never gives an empty slug or one that looks like a page number', () => {
    expect(slugify('—')).toBe('section');
    expect(slugify('2')).toBe('section-2');
    expect(slugify('Page 121')).toBe('page-121');
  });
});
