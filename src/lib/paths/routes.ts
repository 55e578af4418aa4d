// Every route of the site as a site path (before the base: links go through href()). The route
// files under src/pages/ give these shapes; nothing else spells them.

export const HOME = '/';
export const DETERMINATIONS = '/determinations/';
export const GUIDELINES = '/guidelines/';
export const TREATMENTS = '/treatments/';
export const SEARCH = '/search/';
export const OUTCOMES = '/outcomes/';
export const DATA = '/data/';
/** Atom feed of the newest determinations. */
export const FEED = '/feed.xml';
export const ROBOTS = '/robots.txt';
/** Names the sitemaps (src/integrations/sitemaps.ts). */
export const SITEMAP_INDEX = '/sitemap-index.xml';

/** `/determinations/<id>/`, or its item's anchor `#item-<n>` when an item number is given. */
export function determinationPath(id: string, itemNumber?: number): string {
  return `${DETERMINATIONS}${id}/${itemNumber === undefined ? '' : `#item-${itemNumber}`}`;
}

/** `/guidelines/<slug>/`. */
export function guidelinePath(slug: string): string {
  return `${GUIDELINES}${slug}/`;
}

/** `/guidelines/<slug>/<key>/`: a cited section (slugified name) or page (`page-<n>`). */
export function sectionPath(slug: string, key: string): string {
  return `${GUIDELINES}${slug}/${key}/`;
}

/** `/treatments/<slug>/`. */
export function treatmentPath(slug: string): string {
  return `${TREATMENTS}${slug}/`;
}

/** `/treatments/<type>/<guideline>/`: items of a type whose reviewer cited the guideline. */
export function treatmentGuidelinePath(treatment: string, guideline: string): string {
  return `${TREATMENTS}${treatment}/${guideline}/`;
}

/** `/treatments/<type>/<guideline>/<key>/`: items of a type whose reviewer cited the section (or page). */
export function treatmentSectionPath(treatment: string, guideline: string, key: string): string {
  return `${TREATMENTS}${treatment}/${guideline}/${key}/`;
}

/** The folder of a treatment type's body-region lists (so no guideline may take it as its slug). */
export const REGIONS = 'regions';

/** `/treatments/<type>/regions/<region>/`: items of a type whose request names the body region (or `none`). */
export function treatmentRegionPath(treatment: string, region: string): string {
  return `${TREATMENTS}${treatment}/${REGIONS}/${region}/`;
}

/** `/search/` with its query: `searchPath({ treatment: 'mri' })` -> `/search/?treatment=mri`. */
export function searchPath(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${SEARCH}?${query}` : SEARCH;
}

/** `/data/<name>`: a corpus-wide open-data file (`schema.json`, `index.json`). */
export function dataFilePath(name: string): string {
  return `${DATA}${name}`;
}

/** `/data/<period>/<name>`: a period's open-data file (`determinations.jsonl.gz`, `items.csv.gz`). */
export function periodDataPath(period: string, name: string): string {
  return `${DATA}${period}/${name}`;
}

/** `<list>items.csv`: the items of a treatment-type, treatment × region or guideline-section list as CSV, in its folder. */
export function listCsvPath(listPath: string): string {
  return `${listPath}items.csv`;
}

/** `<list>feed.xml`: the Atom feed of a treatment type's, a treatment × region list's or a guideline's newest determinations. */
export function listFeedPath(listPath: string): string {
  return `${listPath}feed.xml`;
}

/** `/sitemap-<n>.xml`, n from 0: the sitemaps the index names. */
export function sitemapPath(n: number): string {
  return `/sitemap-${n}.xml`;
}
