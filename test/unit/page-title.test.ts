import { describe, expect, test } from 'vitest';
import { MAX_TITLE, pageTitle, sourceLength } from '../../src/lib/format/page-title.ts';

describe('page titles', () => {
  test('name the site after the page when both fit', () => {
    expect(pageTitle('Guidelines')).toBe('Guidelines · IMR Determinations');
  });

  test('drop the site name when the page title alone fits', () => {
    const title = 'CM16-0213037: MRI of the right shoulder without contrast and 1 more';
    expect(pageTitle(title)).toBe(title);
  });

  test('cut a longer title at a word, with an ellipsis, within the limit', () => {
    const title = 'CM16-0229336: Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture';
    const shown = pageTitle(title);
    expect(shown).toBe('CM16-0229336: Acute inpatient rehabilitation physical therapy and…');
    expect(shown.length).toBeLessThanOrEqual(MAX_TITLE);
  });

  test('cut a title without spaces anywhere', () => {
    expect(pageTitle('x'.repeat(100))).toBe(`${'x'.repeat(MAX_TITLE - 1)}…`);
  });
});

describe('page titles with characters the page escapes', () => {
  test('count & < > " \' as their entities, so the page source stays within the limit', () => {
    const title = "CM16-0100001: Physical therapy <script>alert('request')</script> x 6 visits";
    const shown = pageTitle(title);
    expect(sourceLength(shown)).toBeLessThanOrEqual(MAX_TITLE);
    expect(shown.startsWith('CM16-0100001: Physical therapy <script>')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });
});
