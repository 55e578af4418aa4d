// A facet file leaves out what its table makes again (each guideline's family, a reviewer's
// citations that are the claims administrator's, where the request starts): on the sample
// letters' own search facts, the table gives every item's facts back as they were.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import {
  facetFile,
  facetTable,
  ITEM_FIELDS,
  noFacetValues,
  type CitedRow,
  type FacetValues,
  type ItemFields,
} from '../../src/lib/search/facet-table.ts';
import { searchFacts, type CitedFacts } from '../../src/lib/search/letter-facts.ts';
import type { Citation } from '../../src/lib/schema/index.ts';
import { readDeterminations } from '../support/fixture-corpus.ts';

const repo = join(import.meta.dirname, '../..');
const { guidelines } = loadCatalogue(join(repo, 'content'));
const bySlug = new Map(guidelines.map((g) => [g.slug, g]));
const determinations = readDeterminations(join(repo, 'content/determinations'));
const facts = determinations.map((d) => searchFacts(d, (slug) => bySlug.get(slug)));

type Side = { guideline: string[]; family: string[]; section: string[] };

/** An item of the table in the facts' own words, with each side's families. */
function asFacts(fields: ItemFields, item: number, { values }: FacetValues) {
  const cited = ([g, f, s]: CitedRow): Side => ({
    guideline: g.map((i) => values.guideline[i]!),
    family: f.map((i) => values.family[i]!),
    section: s.map((i) => values.section[i]!),
  });
  return { claims: cited(fields.cited(item, false)), reviewer: cited(fields.cited(item, true)), request: fields.request(item) };
}

/** What the table should give: the facts, and each side's families from its letter's citations and the catalogue. */
const expected = determinations.flatMap((d, l) =>
  d.items.map((item, n) => {
    const { claims, reviewer, request } = facts[l]!.items[n]!;
    const families = (c: CitedFacts, citations: readonly Citation[]): Side => ({
      ...c,
      family: [...new Set(citations.map((x) => bySlug.get(x.guideline)?.family).filter((f) => f !== undefined))],
    });
    return {
      claims: families(claims, item.citations.claimsAdministrator),
      reviewer: families(reviewer, item.citations.reviewer),
      request,
    };
  }),
);

test('gives back every sample item’s citations, families and request span from the stored form', () => {
  const list = noFacetValues();
  const file = facetFile(facts, list);
  const table = facetTable(JSON.parse(JSON.stringify(file)), list);
  expect(expected.length).toBeGreaterThan(300);
  expect(Array.from({ length: table.itemCount }, (_, i) => asFacts(table.fields, i, list))).toEqual(expected);
  // The stored form does leave them out: 72 of the 341 sample items' reviewers cite what the claims administrator cites; no item stores a family.
  const stored = Array.from({ length: file.items.length / ITEM_FIELDS }, (_, i) =>
    file.items.slice(i * ITEM_FIELDS, (i + 1) * ITEM_FIELDS),
  );
  expect(stored).toHaveLength(expected.length);
  expect(stored.filter((i) => i[4] === -1)).toHaveLength(72);
  // Each list of values once: the sample's items and letters share far fewer lists than they name.
  expect(new Set(file.lists.map((l) => l.join(','))).size).toBe(file.lists.length);
  expect(file.lists.length).toBeLessThan(expected.length);
});

test('refuses search facts whose request does not start after its heading, and facts of an older build', () => {
  const [first] = facts;
  const moved = { ...first!, items: first!.items.map((i) => ({ ...i, request: [3, 5] as [number, number] })) };
  expect(() => facetFile([moved], noFacetValues())).toThrow("search data: item 1's request starts at word 3, not after its heading");
  const { families: _, ...older } = first!;
  expect(() => facetFile([older as typeof first & object], noFacetValues())).toThrow('an older build');
});
