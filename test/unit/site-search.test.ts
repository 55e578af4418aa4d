import { describe, expect, test } from 'vitest';
import { determinationFilters } from '../../src/lib/search/determination-filters.ts';
import { FILTER_KEYS } from '../../src/lib/search/filter-keys.ts';
import { regionLabels } from '../../src/lib/catalogue/index-treatment-regions.ts';
import { catalogueOnlyFacets, searchFacets } from '../../src/lib/search/filter-groups.ts';
import { parseSearchState, searchQuery } from '../../src/lib/search/search-state.ts';
import type { Determination } from '../../src/lib/schema/index.ts';
import { fixtureDeterminations } from '../support/fixture-corpus.ts';

const determinations = fixtureDeterminations();
const byId = (id: string) => determinations.find((d) => d.id === id) as Determination;

describe('determinationFilters', () => {
  test('gives each filter the distinct values of the determination, item outcomes and types included', () => {
    expect(determinationFilters(byId('CM17-0012345'))).toEqual({
      outcome: ['overturned', 'upheld'],
      treatment: ['tens-ems-unit', 'brace'],
      // The TENS unit names no region; the brace, the low back.
      region: ['none', 'lumbar-spine'],
      guideline: ['mtus-chronic-pain-2009', 'mtus-low-back-2004'],
      year: ['2017'],
      specialty: ['Physical Medicine & Rehabilitation'],
    });
  });

  test('leaves out filters without a value and counts a guideline cited by both sides once', () => {
    const filters = determinationFilters({ ...byId('CM14-0123456'), dates: {} });
    expect(filters.year).toBeUndefined();
    expect(filters.priority).toBeUndefined();
    expect(filters.guideline).toEqual(['mtus-chronic-pain-2009']);
    expect(determinationFilters(byId('CM15-0045678')).priority).toEqual(['expedited']);
  });
});

describe('searchFacets', () => {
  const facets = searchFacets(determinations, {
    treatment: new Map([
      ['tens-ems-unit', 'TENS / EMS units'],
      ['mri', 'MRI'],
    ]),
    guideline: new Map([['mtus-chronic-pain-2009', 'MTUS Chronic Pain 2009']]),
    region: regionLabels([{ slug: 'lumbar-spine', label: 'Lumbar spine (low back)' }]),
  });
  const options = (key: string) => facets.find((f) => f.key === key)?.options.map((o) => `${o.value}=${o.label}`);

  test('has a group per filter, in the page order, with the legend shown', () => {
    expect(facets.map((f) => [f.key, f.legend])).toEqual([
      ['outcome', 'Outcome'],
      ['treatment', 'Treatment type'],
      ['region', 'Body region'],
      ['guideline', 'Guideline cited'],
      ['cited', 'Cited by'],
      ['year', 'Decision year'],
      ['specialty', 'Reviewer specialty'],
      ['priority', 'Priority'],
    ]);
  });

  test('orders outcomes and priorities fixed, years newest first, the rest by label', () => {
    expect(options('outcome')).toEqual(['upheld=Upheld', 'overturned=Overturned']);
    expect(options('priority')).toEqual(['standard=Standard', 'expedited=Expedited']);
    expect(options('year')).toEqual(['2017=2017', '2016=2016', '2015=2015', '2014=2014']);
    expect(options('treatment')).toEqual([
      'brace=brace',
      'mri=MRI',
      'opioids=opioids',
      'physical-therapy=physical-therapy',
      'tens-ems-unit=TENS / EMS units',
    ]);
    // Body regions in the catalogue's order, head to foot, with the items naming none last.
    expect(options('region')?.slice(0, 2)).toEqual(['lumbar-spine=Lumbar spine (low back)', 'none=No body region named']);
  });

  test('drops a filter no determination has a value for', () => {
    const undated = determinations.map((d) => ({ ...d, dates: {}, priority: undefined }));
    const keys = searchFacets(undated, { treatment: new Map(), guideline: new Map(), region: new Map() }).map((f) => f.key);
    expect(keys).toEqual(['outcome', 'treatment', 'region', 'guideline', 'cited', 'specialty']);
  });

  test('offers each guideline family the letters cite as one choice, in the catalogue’s order', () => {
    const families = new Map([
      ['mtus-chronic-pain-2009', 'mtus'],
      ['odg-pain', 'odg'],
      ['mtus-shoulder-2004', 'mtus'],
    ]);
    const withFamilies = searchFacets(determinations, { treatment: new Map(), guideline: new Map(), region: new Map() }, (g) =>
      families.get(g),
    );
    expect(withFamilies.find((f) => f.key === 'family')?.options).toEqual([
      { value: 'mtus', label: 'Any MTUS chapter' },
      { value: 'odg', label: 'Any ODG chapter' },
    ]);
    expect(withFamilies.map((f) => f.key).indexOf('family')).toBe(withFamilies.map((f) => f.key).indexOf('guideline') - 1);
  });
});

describe('catalogueOnlyFacets', () => {
  const labels = {
    treatment: new Map([
      ['tens-ems-unit', 'TENS / EMS units'],
      ['mri', 'MRI'],
      ['bone-growth-stimulator', 'Bone growth stimulators'],
      ['other', 'Other'],
    ]),
    guideline: new Map([
      ['mtus-chronic-pain-2009', 'MTUS Chronic Pain 2009'],
      ['acoem-2004', 'ACOEM 2004'],
    ]),
    region: regionLabels([
      { slug: 'lumbar-spine', label: 'Lumbar spine (low back)' },
      { slug: 'knee', label: 'Knee' },
    ]),
  };

  test('lists the catalogue entries no letter has, with their labels, and none that has a checkbox', () => {
    const only = catalogueOnlyFacets(searchFacets(determinations, labels), labels);
    expect(only.map((f) => [f.key, f.options.map((o) => `${o.value}=${o.label}`)])).toEqual([
      ['treatment', ['bone-growth-stimulator=Bone growth stimulators', 'other=Other']],
      ['region', ['knee=Knee']],
      ['guideline', ['acoem-2004=ACOEM 2004']],
    ]);
  });

  test('lists nothing for a group whose every entry has letters', () => {
    const used = {
      treatment: new Map([['mri', 'MRI']]),
      guideline: new Map([['mtus-chronic-pain-2009', 'MTUS Chronic Pain 2009']]),
      region: new Map([
        ['lumbar-spine', 'Lumbar spine'],
        ['cervical-spine', 'Cervical spine'],
        ['none', 'No body region named'],
      ]),
    };
    expect(catalogueOnlyFacets(searchFacets(determinations, used), used)).toEqual([]);
  });
});

describe('search state in the URL', () => {
  test('reads words, repeated filters, sort and page', () => {
    expect(parseSearchState('?q=zynex&outcome=upheld&outcome=overturned&year=2014&sort=oldest&page=2')).toEqual({
      q: 'zynex',
      scope: 'items',
      filters: { outcome: ['upheld', 'overturned'], year: ['2014'] },
      sort: 'oldest',
      page: 2,
    });
  });

  test('defaults to best match with words and newest first without, and ignores what it does not know', () => {
    expect(parseSearchState('?q=+norco+')).toEqual({ q: 'norco', scope: 'items', filters: {}, sort: 'relevance', page: 1 });
    expect(parseSearchState('')).toEqual({ q: '', scope: 'items', filters: {}, sort: 'newest', page: 1 });
    expect(parseSearchState('?colour=red&sort=sideways&page=-3&outcome=&outcome=upheld&outcome=upheld')).toEqual({
      q: '',
      scope: 'items',
      filters: { outcome: ['upheld'] },
      sort: 'newest',
      page: 1,
    });
  });

  test('writes a state back into a query string that reads the same, defaults left out', () => {
    const state = parseSearchState('?q=lumbar MRI&specialty=Physical Medicine %26 Rehabilitation&treatment=mri&sort=newest&page=3');
    expect(searchQuery(state)).toBe('?q=lumbar+MRI&treatment=mri&specialty=Physical+Medicine+%26+Rehabilitation&sort=newest&page=3');
    expect(parseSearchState(searchQuery(state))).toEqual(state);
    expect(searchQuery(parseSearchState('?q=zynex&outcome=upheld&sort=relevance&page=1'))).toBe('?q=zynex&outcome=upheld');
    expect(searchQuery(parseSearchState(''))).toBe('');
  });

  test('uses the filter keys as URL parameters', () => {
    for (const key of FILTER_KEYS) expect(parseSearchState(`?${key}=x`).filters[key]).toEqual(['x']);
  });
});
