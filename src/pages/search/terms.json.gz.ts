// /search/terms.json.gz (TERMS_PATH): what the search page reads into the words typed
// (src/lib/search/query-terms.ts): the synonym groups of content/synonyms.yml and the names of the
// body regions. Small, and fetched beside the index by the first search with words.
import { gzippedJson } from '../../data/files/gzipped-json.ts';
import { loadCatalogue } from '../../data/files/load-catalogue.ts';
import { corpusCatalogue } from '../../data/files/content-dir.ts';
import type { TermSources } from '../../lib/search/query-terms.ts';

export function GET(): Response {
  const { synonyms, regions } = loadCatalogue(corpusCatalogue().dir);
  const sources: TermSources = {
    synonyms,
    regions: regions.map(({ slug, label, names }) => ({ slug, label, names })),
  };
  return gzippedJson(sources);
}
