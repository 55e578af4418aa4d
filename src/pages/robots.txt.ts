// /robots.txt: everything may be crawled but the search page's endless query URLs; names the
// sitemap index. Crawlers read robots.txt at the root of a host only: under BASE_PATH, copy its
// lines into the host's own.
import type { APIRoute } from 'astro';
import { href } from '../lib/paths/href.ts';
import { SEARCH, SITEMAP_INDEX } from '../lib/paths/routes.ts';
import { siteUrl } from '../lib/paths/site-url.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nDisallow: ${href(SEARCH)}?\n\nSitemap: ${siteUrl(SITEMAP_INDEX)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
