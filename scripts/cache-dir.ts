import { join } from 'node:path';

/** Where builds keep what they reuse: Astro's cacheDir (ASTRO_CACHE_DIR, else node_modules/.astro). */
export function buildCacheDir(): string {
  return process.env.ASTRO_CACHE_DIR ?? join(import.meta.dirname, '../node_modules/.astro');
}
