// The search page's CSV rows (src/lib/search/download-rows.ts) from what a letter's search record
// carries: the same cells as the open data's items.csv, for the items the search matched.
import { describe, expect, test } from 'vitest';
import { itemRow, ITEM_HEADER, type ItemRowContext } from '../../src/lib/open-data/item-columns.ts';
import { parseResultItems, resultItemsMeta, searchItemsMeta } from '../../src/lib/search/download-data.ts';
import { RESULT_HEADER, resultRows, type ResultData, type RowContext } from '../../src/lib/search/download-rows.ts';
import type { Determination } from '../../src/lib/schema/index.ts';
import { fixtureDeterminations, fixtureGuidelines, fixtureTaxonomy } from '../support/fixture-corpus.ts';

const ORIGIN = 'https://imr.example.org';
const determinations = fixtureDeterminations();
const byId = (id: string) => determinations.find((d) => d.id === id)!;
const treatmentLabels = new Map(fixtureTaxonomy().types.map((t) => [t.slug, t.label]));
const guidelineLabels = new Map(fixtureGuidelines().map((g) => [g.slug, g.short]));
const labels = { treatmentLabel: (s: string) => treatmentLabels.get(s) ?? s, guidelineLabel: (s: string) => guidelineLabels.get(s) ?? s };

/** A letter's search record as Pagefind gives it back for the page /imr/determinations/<id>/. */
function result(d: Determination): ResultData {
  return {
    url: `/imr/determinations/${d.id}/`,
    meta: {
      title: `Case ${d.id}`,
      date: d.dates.decided,
      specialty: d.reviewer.specialties.join(', '),
      priority: d.priority,
      items: resultItemsMeta(d),
    },
  };
}
const all = (d: Determination) => d.items.map((_, i) => i + 1);

const context = (state: Partial<RowContext['state']> = {}): RowContext => ({
  origin: ORIGIN,
  ...labels,
  state: { q: '', filters: {}, ...state },
});

describe('search result rows', () => {
  test('have the columns of items.csv and the same cells for every item', () => {
    expect(RESULT_HEADER).toEqual(ITEM_HEADER);
    const ctx: ItemRowContext = { ...labels, pageUrl: (id, n) => `${ORIGIN}/imr/determinations/${id}/#item-${n}` };
    for (const d of determinations) {
      expect(resultRows(result(d), all(d), context()), d.id).toEqual(d.items.map((_, i) => itemRow(d, i + 1, ctx)));
    }
  });

  test('hold exactly the items the search matched, in its order, and skip numbers the letter lacks', () => {
    const d = byId('CM16-0213037'); // two MRI items
    const numbers = (items: number[]) => resultRows(result(d), items, context()).map((r) => r[3]);
    expect(numbers([2])).toEqual([2]);
    expect(numbers([1, 2])).toEqual([1, 2]);
    expect(numbers([])).toEqual([]);
    expect(numbers([3])).toEqual([]);
  });

  test('read an index made before the items carried treatment types and citations', () => {
    expect(parseResultItems('[["Norco 10/325mg #60","overturned"]]')).toEqual([['Norco 10/325mg #60', 'overturned', '', [], [], []]]);
    expect(parseResultItems('not json')).toEqual([]);
    const old = { ...result(byId('CM15-0045678')), meta: { items: '[["Norco 10/325mg #60","overturned"]]' } };
    const [row] = resultRows(old, [1], context());
    expect(Object.fromEntries(RESULT_HEADER.map((h, i) => [h, row![i]]))).toMatchObject({
      determination_id: 'CM15-0045678',
      decided: '',
      request: 'Norco 10/325mg #60',
      treatment_type: '',
      reviewer_citations: '',
    });
  });
});

describe('items.csv rows', () => {
  test('name each citation by guideline, section and pages, and list the specialties', () => {
    const ctx: ItemRowContext = { ...labels, pageUrl: (id, n) => `${ORIGIN}/determinations/${id}/#item-${n}` };
    const row = Object.fromEntries(ITEM_HEADER.map((h, i) => [h, itemRow(byId('CM15-0045678'), 1, ctx)[i]]));
    expect(row).toEqual({
      determination_id: 'CM15-0045678',
      case_number: 'CM15-0045678',
      decided: '2015-03-20',
      item_number: 1,
      request: 'Norco 10/325mg #60',
      treatment_type: labels.treatmentLabel('opioids'),
      treatment_type_slug: 'opioids',
      body_regions: '',
      outcome: 'overturned',
      reviewer_citations: `${labels.guidelineLabel('odg-pain')}: Opioids, criteria for use`,
      claims_administrator_citations: `${labels.guidelineLabel('mtus-chronic-pain-2009')}: pp. 78–80`,
      reviewer_specialties: 'Anesthesiology; Pain Medicine',
      priority: 'expedited',
      page_url: `${ORIGIN}/determinations/CM15-0045678/#item-1`,
    });
  });
});

describe('the items metadata Pagefind indexes', () => {
  // Pagefind splits a metadata value at white space and drops the punctuation inside a word.
  const indexedWords = (text: string) =>
    text
      .split(/\s+/)
      .map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
      .filter(Boolean);

  test("reads back as each item's request and outcome, and holds no word glued from two values", () => {
    const d = determinations.reduce((a, b) => (b.items.length > a.items.length ? b : a));
    expect(d.items.length).toBeGreaterThan(1);
    const meta = searchItemsMeta(d);
    expect(JSON.parse(meta)).toEqual(d.items.map((i) => [i.request, i.outcome]));
    const own = new Set(d.items.flatMap((i) => indexedWords(`${i.request} ${i.outcome}`)));
    expect(indexedWords(meta).filter((w) => !own.has(w))).toEqual([]);
  });
});
