// /determinations/<id>/search.json: what the search index needs of a letter besides its page's
// text (scripts/search-index/letter-records.ts), handed over as data: each item's filter values,
// body regions and where its request stands in its record, and the CSV download's data.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCorpus } from '../../../data/corpus.ts';
import { resultCsvMeta } from '../../../lib/search/result-items.ts';
import { searchFacts, type SearchRecordData } from '../../../lib/search/search-facts.ts';
import type { Determination } from '../../../lib/schema/index.ts';

export const getStaticPaths = (async () => {
  const { determinations, keys } = await loadCorpus();
  return determinations.map((d) => ({ params: { id: d.id }, props: { d }, cacheKey: keys.of([d.id]) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ d: Determination }> = async ({ props: { d } }) => {
  const { guidelines } = await loadCorpus();
  const bySlug = new Map(guidelines.map((g) => [g.slug, g]));
  const data: SearchRecordData = { facts: searchFacts(d, (slug) => bySlug.get(slug)), result: resultCsvMeta(d) };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
