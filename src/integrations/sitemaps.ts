// Writes sitemap-index.xml and sitemap-<n>.xml (src/lib/sitemaps/sitemap-xml.ts) into the output
// folder once the pages are built: every HTML page of this build (rendered or kept), absolute
// under `site` and `base`, the 404 page left out. (@astrojs/sitemap does the same but sorts URLs
// with a locale-aware compare, slow on a large site and growing past n log n.)
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { absoluteUrl } from '../lib/paths/absolute-url.ts';
import { SITEMAP_INDEX, sitemapPath } from '../lib/paths/routes.ts';
import { sitemapIndexXml, sitemapRuns, sitemapXml } from '../lib/sitemaps/sitemap-xml.ts';

export function sitemaps(): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'imr-sitemaps',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!config.site) return;
        const url = (path: string) => absoluteUrl(config.site!, config.base, path);
        const paths = pages
          .map((p) => `/${p.pathname}`)
          .filter((path) => !/^\/404\/?$/.test(path))
          .sort();
        const runs = sitemapRuns(paths.map(url));
        const root = fileURLToPath(dir);
        await mkdir(root, { recursive: true });
        await Promise.all(runs.map((run, n) => writeFile(join(root, sitemapPath(n).slice(1)), sitemapXml(run))));
        await writeFile(join(root, SITEMAP_INDEX.slice(1)), sitemapIndexXml(runs.map((_, n) => url(sitemapPath(n)))));
        // Addresses, not a second count of pages: the build log's summary counts those (404.html too).
        logger.info(`${paths.length} addresses in ${runs.length} sitemap(s), named in ${SITEMAP_INDEX.slice(1)} (every page but 404.html)`);
      },
    },
  };
}
