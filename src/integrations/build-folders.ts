// Tells the site's code at render time (src/data/build-folders.ts) the project's folder and Astro's
// cache folder (where, among others, the open data keeps its memory of the files it wrote,
// src/data/open-data-memory.ts), and, for `astro build`, the output folder where the open data goes
// (src/data/open-data.ts). They go in the environment of the process that renders the
// pages rather than into the bundled code: code that names a folder would change every page's
// fingerprint when the folder changes (docs/scale.md, "A cache the way of starting the build does
// not move").
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BUILD_CACHE_VARIABLE, OUT_DIR_VARIABLE, ROOT_VARIABLE } from '../data/build-folders.ts';

export function buildFolders(): AstroIntegration {
  return {
    name: 'imr-build-folders',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        process.env[ROOT_VARIABLE] = config.root.href;
        process.env[BUILD_CACHE_VARIABLE] = fileURLToPath(config.cacheDir);
        if (command === 'build') process.env[OUT_DIR_VARIABLE] = fileURLToPath(config.outDir);
        else delete process.env[OUT_DIR_VARIABLE];
      },
    },
  };
}
