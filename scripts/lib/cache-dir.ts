import { join } from 'node:path';

/** Where builds keep what they reuse: Astro's cacheDir (ASTRO_CACHE_DIR, else node_modules/.astro). */
export function buildCacheDir(): string {
  // `||` as astro.config.mjs: an empty ASTRO_CACHE_DIR means the default there too.
  return process.env.ASTRO_CACHE_DIR || join(import.meta.dirname, '../../node_modules/.astro');
}
