// @ts-check
import { defineConfig } from 'astro/config';
import { safeMarkdown } from './src/lib/safe-markdown.ts';

// Hosting under a sub-path: BASE_PATH=/imr/ npm run build. Tests also move the output and the
// content-layer cache (OUT_DIR, ASTRO_CACHE_DIR) so builds of other corpora never share them.
export default defineConfig({
  base: process.env.BASE_PATH || '/',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  integrations: [
    {
      name: 'imr-safe-markdown',
      hooks: {
        // The default processor's plugin lists are meant to be extended in place by integrations.
        'astro:config:setup': ({ config }) => {
          const processor = /** @type {{ options: { hastPlugins: unknown[] } }} */ (/** @type {unknown} */ (config.markdown.processor));
          processor.options.hastPlugins.push(safeMarkdown);
        },
      },
    },
  ],
});
