// Sitemaps (sitemaps.org protocol 0.9): files of at most 50,000 URLs, and an index naming them.
import { xmlText } from '../feeds/atom.ts';

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One sitemap file: a <urlset> of absolute URLs. */
export function sitemapXml(urls: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${XMLNS}">\n${urls.map((u) => `<url><loc>${xmlText(u)}</loc></url>\n`).join('')}</urlset>\n`;
}

/** The sitemap index: a <sitemapindex> of the sitemap files' absolute URLs. */
export function sitemapIndexXml(sitemaps: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${XMLNS}">\n${sitemaps.map((u) => `<sitemap><loc>${xmlText(u)}</loc></sitemap>\n`).join('')}</sitemapindex>\n`;
}

/** URLs in sitemap-sized runs, in order. */
export function sitemapRuns<T>(urls: readonly T[], limit = SITEMAP_URL_LIMIT): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < urls.length; i += limit) runs.push(urls.slice(i, i + limit));
  return runs;
}
