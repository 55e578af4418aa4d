// @ts-check
import { setFlagsFromString } from 'node:v8';
import { defineConfig } from 'astro/config';
import { pruneStaleOutput } from './src/integrations/prune-stale-output.ts';
import { buildFolders } from './src/integrations/build-folders.ts';
import { siteOriginNotice } from './src/integrations/site-origin-notice.ts';
import { catalogueNotice } from './src/integrations/catalogue-notice.ts';
import { sitemaps } from './src/integrations/sitemaps.ts';
import { siteOrigin } from './src/lib/paths/site-origin.ts';
import { LETTER_MARKDOWN_OPTIONS, letterMarkdown } from './src/lib/body/letter-markdown.ts';

// Each page leaves its HTML behind in buffers outside the JavaScript heap, and V8 starts a full
// garbage collection whenever such memory has grown by 64 MB; counted against the heap's own limit
// instead, a large build collects far less often (docs/scale.md, "Garbage collection sized to the
// heap"). Set on the Node the project pins (24), whose V8 has the flag; an older V8 would print an
// unknown-flag line.
if (Number(process.versions.node.split('.')[0]) >= 24) setFlagsFromString('--external-memory-accounted-in-global-limit');

// The shell's `_` (the command it last ran) differs with how the build is started (npm run, npx,
// a script). Astro inlines every environment variable whose name a module using `import.meta.env`
// contains, and every module contains "_", so `_` would change the code hash of every page and
// render the whole site again (experimental.incrementalBuild below). No page reads it.
delete process.env._;

// Absolute URLs (feeds, sitemaps, robots.txt, data files): SITE_URL=https://imr.example.org, else
// a placeholder origin and one line saying so (src/lib/paths/site-origin.ts).
const site = siteOrigin(process.env.SITE_URL);

// Hosting under a sub-path: BASE_PATH=/imr/ npm run build. Tests also move the output and the
// build cache (OUT_DIR, ASTRO_CACHE_DIR; the letter store's cache is there too, src/data/letter-cache.ts)
// so builds of other corpora never share them.
export default defineConfig({
  site: site.origin,
  base: process.env.BASE_PATH || '/',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  output: 'static',
  trailingSlash: 'always',
  // Pages render while earlier ones are written: 16 in flight keep the thread busy while files are written.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
  devToolbar: { enabled: false },
  // Incremental builds: a page whose cache key (src/lib/corpus/cache-keys.ts) and code are unchanged is
  // kept from the last build instead of rendered again, so the output folder is not emptied
  // first; pruneStaleOutput removes what this build no longer makes.
  experimental: { incrementalBuild: true },
  vite: { build: { emptyOutDir: false } },
  // Sitemaps (sitemap-index.xml, sitemap-<n>.xml of at most 50,000 URLs) before the prune, which
  // then sees them written by this build.
  integrations: [catalogueNotice(), buildFolders(), siteOriginNotice(site), sitemaps(), pruneStaleOutput()],
  // Astro's line per page becomes progress and a summary (src/integrations/build-log.mjs).
  logger: { entrypoint: new URL('./src/integrations/build-log.mjs', import.meta.url) },
  markdown: { processor: letterMarkdown, ...LETTER_MARKDOWN_OPTIONS },
});
