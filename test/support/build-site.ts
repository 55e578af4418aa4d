// Builds a site the way `npm run build` does (astro build, then scripts/search-index.ts) for a
// given corpus, output folder and base path, with its own build cache (Astro's and the letter store's)
// so builds never share state.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { indexSite } from '../../scripts/search-index.ts';
import { siteOrigin } from '../../src/lib/paths/site-origin.ts';

export const repoRoot = join(import.meta.dirname, '../..');

export interface SiteBuild {
  /** Built site folder. */
  dir: string;
  /** Astro base it was built with ("/" or "/imr/"). */
  base: string;
  /** Corpus folder it was built from. */
  corpus: string;
  /** Origin of its absolute URLs (SITE_URL, or the placeholder without it). */
  origin: string;
  /** What `astro build` printed, stdout and stderr as they came, without colour codes (buildSite's builds; not a site read from disk). */
  log?: string;
}

const VITEST_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
const ANSI = /\x1b\[[0-9;]*m/g;

export async function buildSite(options: {
  corpus: string;
  outDir: string;
  base: string;
  cacheDir: string;
  shardPages?: number;
  siteUrl?: string;
  /** More environment variables for the build. */
  env?: Record<string, string>;
}): Promise<SiteBuild> {
  // Vitest copies import.meta.env's keys into process.env; a real build never has them, and they
  // change which variables Astro inlines into its modules (astro.config.mjs drops `_` for that).
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key))),
    ...options.env,
    SITE_URL: options.siteUrl ?? '',
    CORPUS_DIR: options.corpus,
    OUT_DIR: options.outDir,
    BASE_PATH: options.base,
    ASTRO_CACHE_DIR: options.cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Plain text, whatever the terminal or CI: the tests read the log's lines.
    NO_COLOR: '1',
  };
  const astro = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
  const log = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(text.replace(ANSI, ''))
        : reject(new Error(`astro build of ${options.corpus} (base ${options.base}) failed:\n${text}`)),
    );
  });
  await indexSite(options.outDir, { cacheDir: join(options.cacheDir, 'search-index'), maxShardPages: options.shardPages });
  return { dir: options.outDir, base: options.base, corpus: options.corpus, origin: siteOrigin(options.siteUrl).origin, log };
}
