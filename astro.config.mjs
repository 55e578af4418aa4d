// @ts-check
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import { contentDir } from './src/lib/content-dir.ts';
import { letterMarkdown } from './src/lib/letter-markdown.ts';

// Astro keeps the content layer's data store (each letter's data and rendered HTML, ~9 KB) as one
// string, and V8 strings end at 512 MB: about 55,000 letters. Larger corpora use the chunked store,
// which is slower to write (Astro 7 sizes its chunks a character at a time), so only they use it.
const CHUNKED_STORE_FROM = 40_000;
const letters = (() => {
  try {
    return readdirSync(join(contentDir(), 'determinations'), { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
  } catch {
    return 0;
  }
})();

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
  experimental: letters >= CHUNKED_STORE_FROM ? { collectionStorage: 'chunked' } : {},
  markdown: { processor: letterMarkdown, syntaxHighlight: false },
});
