// /search/catalogue.json.gz (CATALOGUE_PATH): the catalogue's treatment types and guidelines with
// the names and match rules they go by, for the search page to offer one named in a query as a
// filter. Fetched after the first results, so it does not weigh on them.
import { gzippedJson } from '../../data/files/gzipped-json.ts';
import { loadCatalogue } from '../../data/files/load-catalogue.ts';
import { corpusCatalogue } from '../../data/files/content-dir.ts';
import { catalogueEntries } from '../../lib/search/catalogue-suggestions.ts';
import { FAMILY_LABELS } from '../../lib/search/filter-groups.ts';

export function GET(): Response {
  const { taxonomy, guidelines } = loadCatalogue(corpusCatalogue().dir);
  return gzippedJson(catalogueEntries(taxonomy.types, taxonomy.fallback, guidelines, FAMILY_LABELS));
}
