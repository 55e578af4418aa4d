// Treatment type × body region (src/lib/catalogue/index-treatment-regions.ts): the lists behind a
// type's "By body region" table, checked against the fixture letters' frontmatter by hand.
import { describe, expect, test } from 'vitest';
import { indexTreatmentRegions, NO_REGION } from '../../src/lib/catalogue/index-treatment-regions.ts';
import { countOutcomes } from '../../src/lib/corpus/count-outcomes.ts';
import { flattenItems, type ItemRef } from '../../src/lib/corpus/flatten-items.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { fixtureDeterminations, fixtureRegions } from '../support/fixture-corpus.ts';

const items = flattenItems(sortByDecided(fixtureDeterminations()));
const order = fixtureRegions().map((r) => r.slug);
const ids = (refs: readonly ItemRef[]) => refs.map((r) => `${r.determinationId}#${r.number}`);

/** An item of type `type` naming `regions`, for the cases the fixture letters lack. */
function ref(id: string, type: string, regions: string[], outcome: 'upheld' | 'overturned' = 'upheld'): ItemRef {
  const item = { request: id, outcome, treatmentType: type, bodyRegions: regions, citations: { claimsAdministrator: [], reviewer: [] } };
  return { determinationId: id, caseNumber: null, decided: undefined, number: 1, item };
}

describe('indexTreatmentRegions', () => {
  test('lists each type’s regions in catalogue order and the items naming none last, with their items', () => {
    // By the fixture frontmatter: MRI items 1 (shoulder) and 2 (cervical spine) of CM16-0213037; the
    // TENS items of CM14-0123456 (lumbar spine) and CM17-0012345 (none); the brace of CM17-0012345
    // (lumbar spine); Norco of CM15-0045678 and physical therapy of CM16-0100001 (none).
    const index = indexTreatmentRegions(items, order);
    expect(index.map((e) => [e.treatment, e.region, ids(e.items), countOutcomes(e.items)])).toEqual([
      ['brace', 'lumbar-spine', ['CM17-0012345#2'], { total: 1, upheld: 1, overturned: 0 }],
      ['mri', 'cervical-spine', ['CM16-0213037#2'], { total: 1, upheld: 1, overturned: 0 }],
      ['mri', 'shoulder', ['CM16-0213037#1'], { total: 1, upheld: 1, overturned: 0 }],
      ['opioids', NO_REGION, ['CM15-0045678#1'], { total: 1, upheld: 0, overturned: 1 }],
      ['physical-therapy', NO_REGION, ['CM16-0100001#1'], { total: 1, upheld: 0, overturned: 1 }],
      ['tens-ems-unit', 'lumbar-spine', ['CM14-0123456#1'], { total: 1, upheld: 1, overturned: 0 }],
      ['tens-ems-unit', NO_REGION, ['CM17-0012345#1'], { total: 1, upheld: 0, overturned: 1 }],
    ]);
  });

  test('puts an item naming several regions in the list of each, once, so the lists can hold more items than the type', () => {
    const refs = [
      ref('A', 'mri', ['cervical-spine', 'lumbar-spine']),
      ref('B', 'mri', ['lumbar-spine'], 'overturned'),
      ref('C', 'mri', []),
      ref('D', 'mri', ['knee', 'knee']),
    ];
    const index = indexTreatmentRegions(refs, order);
    expect(index.map((e) => [e.region, ids(e.items)])).toEqual([
      ['cervical-spine', ['A#1']],
      ['lumbar-spine', ['A#1', 'B#1']],
      ['knee', ['D#1']],
      [NO_REGION, ['C#1']],
    ]);
    expect(index.reduce((n, e) => n + e.items.length, 0)).toBe(5);
  });

  test('puts regions the catalogue lacks after its own, A–Z, and before the items naming none', () => {
    const refs = [ref('A', 'mri', []), ref('B', 'mri', ['wrist']), ref('C', 'mri', ['elbow']), ref('D', 'mri', ['knee'])];
    expect(indexTreatmentRegions(refs, order).map((e) => e.region)).toEqual(['knee', 'elbow', 'wrist', NO_REGION]);
  });
});
