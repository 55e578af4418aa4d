// Treatment types and guidelines named in a query, offered as filters.
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { catalogueEntries, suggestFilters } from '../../src/lib/search/catalogue-suggestions.ts';
import { FAMILY_LABELS } from '../../src/lib/search/filter-groups.ts';
import { repoRoot } from '../support/build-site.ts';
import { join } from 'node:path';

const { taxonomy, guidelines } = loadCatalogue(join(repoRoot, 'content'));
const entries = catalogueEntries(taxonomy.types, taxonomy.fallback, guidelines, FAMILY_LABELS);
const suggest = (q: string) => suggestFilters(q, entries).map((s) => `${s.key}:${s.value}=${s.label}`);

describe('suggestFilters', () => {
  test('offers the treatment type a request name or label in the query belongs to', () => {
    expect(suggest('TENS unit')).toEqual(['treatment:tens-ems-unit=TENS / EMS / interferential units']);
    expect(suggest('lumbar MRI')).toEqual(['treatment:mri=MRI (including MR arthrogram)']);
    expect(suggest('norco')).toContain('treatment:opioids=Opioids');
  });

  test('offers a guideline the query names, and a whole family for its name alone', () => {
    expect(suggest('ODG pain chapter')).toEqual(['guideline:odg-pain=ODG Pain (Chronic)']);
    expect(suggest('ODG')).toEqual(['family:odg=Any ODG chapter']);
    // A chapter's own rules ("pain") count only with its family named.
    expect(suggest('chronic low back pain')).toEqual([]);
  });

  test('offers nothing for words that name no catalogue entry, nor the fallback type', () => {
    expect(suggest('lifting a box at work')).toEqual([]);
    expect(suggest('')).toEqual([]);
    expect(suggest('other')).toEqual([]);
  });
});
