// Where the search page's own data files are, from the site's root (written by the endpoints
// src/pages/search/*.json.gz.ts, read by src/client/search.ts).
/** The catalogue's treatment types and guidelines with the names they go by (CatalogueEntry[]). */
export const CATALOGUE_PATH = '/search/catalogue.json.gz';
/** The synonyms and region names (TermSources). */
export const TERMS_PATH = '/search/terms.json.gz';
