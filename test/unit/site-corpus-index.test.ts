import { describe, expect, test } from 'vitest';
import { countOutcomes } from '../../src/lib/corpus/count-outcomes.ts';
import { flattenItems } from '../../src/lib/corpus/flatten-items.ts';
import { groupConsecutive } from '../../src/lib/corpus/group-consecutive.ts';
import { indexGuidelines, type SectionEntry } from '../../src/lib/catalogue/index-guidelines.ts';
import { relatedSections } from '../../src/lib/catalogue/related-sections.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { topSections, topSectionsByType } from '../../src/lib/catalogue/top-sections.ts';
import { treatmentRows, UNLISTED_GROUP } from '../../src/lib/catalogue/treatment-rows.ts';
import { fixtureDeterminations, fixtureGuidelines, fixtureTaxonomy } from '../support/fixture-corpus.ts';

const determinations = sortByDecided(fixtureDeterminations());
const items = flattenItems(determinations);
const guidelines = fixtureGuidelines();
const index = indexGuidelines(items, guidelines);
const entry = (slug: string) => index.find((g) => g.slug === slug);

describe('sortByDecided', () => {
  test('puts the newest decision first', () => {
    expect(determinations.map((d) => d.id)).toEqual(['CM17-0012345', 'CM16-0213037', 'CM16-0100001', 'CM15-0045678', 'CM14-0123456']);
  });

  test('puts undated determinations last and breaks ties by id', () => {
    const d = (id: string, decided?: string) => ({ id, dates: decided ? { decided } : {} });
    expect(sortByDecided([d('b'), d('c', '2016-01-01'), d('a'), d('a2', '2016-01-01'), d('z', '2017-01-01')]).map((x) => x.id)).toEqual([
      'z',
      'a2',
      'c',
      'a',
      'b',
    ]);
  });
});

describe('flattenItems and countOutcomes', () => {
  test('keep every item with its determination, number and decision date', () => {
    expect(items).toHaveLength(7);
    expect(items.slice(0, 2).map((r) => [r.determinationId, r.number, r.decided, r.item.request])).toEqual([
      ['CM17-0012345', 1, '2017-02-03', 'TENS unit rental for 30 days'],
      ['CM17-0012345', 2, '2017-02-03', 'Lumbar support brace'],
    ]);
  });

  test('count upheld and overturned items, bare or wrapped', () => {
    expect(countOutcomes(items)).toEqual({ total: 7, upheld: 4, overturned: 3 });
    expect(countOutcomes(determinations[0]?.items ?? [])).toEqual({ total: 2, upheld: 1, overturned: 1 });
    expect(countOutcomes([])).toEqual({ total: 0, upheld: 0, overturned: 0 });
  });
});

describe('indexGuidelines', () => {
  test('lists the catalogue by family (MTUS, ACOEM, ODG, other) then title, and cited slugs it lacks last', () => {
    expect(index.map((g) => g.slug)).toEqual([
      'mtus',
      'mtus-chronic-pain-2009',
      'mtus-neck-upper-back-2004',
      'mtus-shoulder-2004',
      'odg-pain',
      'other',
      'mtus-low-back-2004',
    ]);
    expect(entry('mtus-low-back-2004')?.guideline).toBeUndefined();
    expect(entry('other')?.items).toEqual([]);
  });

  test('counts an item once per guideline and section however many sides cite it', () => {
    const cp = entry('mtus-chronic-pain-2009');
    expect(cp?.items.map((r) => `${r.determinationId}#${r.number}`)).toEqual([
      'CM17-0012345#1',
      'CM16-0100001#1',
      'CM15-0045678#1',
      'CM14-0123456#1',
    ]);
    const page121 = cp?.sections.find((s) => s.key === 'page-121');
    expect(page121?.items).toHaveLength(1);
    expect(page121?.items[0]?.sides).toEqual(['claimsAdministrator', 'reviewer']);
    expect(page121?.topic).toBe('NMES (neuromuscular electrical stimulation devices)');
  });

  test('orders sections: named ones A–Z, then pages by number', () => {
    expect(entry('mtus-chronic-pain-2009')?.sections.map((s) => s.key)).toEqual([
      'physical-medicine-a-script-alert-section-script',
      'tens-chronic-pain-transcutaneous-electrical-nerve-stimulation',
      'page-78',
      'page-79',
      'page-80',
      'page-114',
      'page-115',
      'page-116',
      'page-121',
    ]);
  });

  test('records which side cited an item under a section', () => {
    const tens = entry('mtus-chronic-pain-2009')?.sections.find((s) => s.key.startsWith('tens-'));
    expect(tens?.items.map((r) => r.sides)).toEqual([['reviewer']]);
    expect(
      entry('mtus-chronic-pain-2009')
        ?.sections.find((s) => s.key === 'page-114')
        ?.items.map((r) => r.sides),
    ).toEqual([['claimsAdministrator']]);
  });
});

describe('topSections', () => {
  test('ranks the sections cited by a set of items, most cited first', () => {
    const mri = items.filter((r) => r.item.treatmentType === 'mri');
    expect(topSections(mri, index).map((t) => [t.guideline.slug, t.section.key, t.count])).toEqual([
      ['mtus-neck-upper-back-2004', 'special-studies', 1],
      ['mtus-shoulder-2004', 'special-studies', 1],
    ]);
  });

  test('counts each item once and stops at the limit', () => {
    const tens = items.filter((r) => r.item.treatmentType === 'tens-ems-unit');
    const top = topSections(tens, index, 2);
    expect(top).toHaveLength(2);
    expect(top.every((t) => t.count === 1)).toBe(true);
    const doubled = topSections([...tens, ...tens], index, 100);
    expect(doubled.map((t) => t.count)).toEqual(doubled.map(() => 1));
  });

  test('ranks every treatment type at once as it ranks the type’s items', () => {
    const types = [...new Set(items.map((r) => r.item.treatmentType))];
    expect(types.length).toBeGreaterThanOrEqual(5);
    for (const limit of [1, 2, 10]) {
      const byType = topSectionsByType(index, limit);
      for (const type of types) {
        expect(byType.get(type) ?? [], type).toEqual(
          topSections(
            items.filter((r) => r.item.treatmentType === type),
            index,
            limit,
          ),
        );
      }
    }
  });
});

describe('treatmentRows', () => {
  const rows = treatmentRows(fixtureTaxonomy().types, items);

  test('lists every type of the taxonomy, grouped in file order, with outcome counts', () => {
    expect(rows.map((r) => [r.group, r.slug, r.counts.total, r.counts.upheld, r.counts.overturned])).toEqual([
      ['Durable medical equipment', 'tens-ems-unit', 2, 1, 1],
      ['Imaging', 'mri', 2, 2, 0],
      ['Medications', 'opioids', 1, 0, 1],
      ['Physical medicine', 'physical-therapy', 1, 0, 1],
      ['Other', 'other', 0, 0, 0],
      [UNLISTED_GROUP, 'brace', 1, 1, 0],
    ]);
  });

  test('keeps a group together even when its types are apart in the file', () => {
    const types = [
      { slug: 'a', label: 'A', group: 'G1', match: [], exclude: [] },
      { slug: 'b', label: 'B', group: 'G2', match: [], exclude: [] },
      { slug: 'c', label: 'C', group: 'G1', match: [], exclude: [] },
    ];
    expect(treatmentRows(types, []).map((r) => r.slug)).toEqual(['a', 'c', 'b']);
  });
});

describe('groupConsecutive', () => {
  test('splits an ordered list into runs under one key, keeping order', () => {
    const rows = [
      { g: 'a', n: 1 },
      { g: 'a', n: 2 },
      { g: 'b', n: 3 },
      { g: 'a', n: 4 },
    ];
    expect(groupConsecutive(rows, (r) => r.g)).toEqual([
      { key: 'a', rows: [rows[0], rows[1]] },
      { key: 'b', rows: [rows[2]] },
      { key: 'a', rows: [rows[3]] },
    ]);
    expect(groupConsecutive([], String)).toEqual([]);
  });
});

describe('relatedSections', () => {
  test('links a cited page and the named sections the catalogue puts on it, both ways', () => {
    const sections = entry('mtus-chronic-pain-2009')?.sections ?? [];
    const byKey = (key: string) => sections.find((s) => s.key === key) as SectionEntry;
    const tens = byKey('tens-chronic-pain-transcutaneous-electrical-nerve-stimulation');
    expect(relatedSections(sections, byKey('page-115')).map((s) => s.key)).toEqual([tens.key]);
    expect(relatedSections(sections, tens).map((s) => s.key)).toEqual(['page-114', 'page-115', 'page-116']);
    expect(relatedSections(sections, byKey('page-121'))).toEqual([]);
  });
});
