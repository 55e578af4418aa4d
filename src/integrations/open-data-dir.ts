// Tells the open-data stage (src/data/open-data.ts, started by the corpus's load during `astro
// build`) where the output folder is, and the build cache where it keeps its memory of the files
// it wrote (src/data/open-data-memory.ts): Astro gives pages no way to know them. They go in the
// environment of the build's process, which renders the pages, rather than into the bundled code:
// code that names a folder would change every page's fingerprint when the folder changes (docs/
// scale.md, "A cache the way of starting the build does not move"). Absent in `astro dev`.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_DIR_VARIABLE, OUT_DIR_VARIABLE } from '../data/open-data-folders.ts';

export function openDataDir(): AstroIntegration {
  return {
    name: 'imr-open-data-dir',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') {
          delete process.env[OUT_DIR_VARIABLE];
          delete process.env[CACHE_DIR_VARIABLE];
          return;
        }
        process.env[OUT_DIR_VARIABLE] = fileURLToPath(config.outDir);
        process.env[CACHE_DIR_VARIABLE] = fileURLToPath(config.cacheDir);
      },
    },
  };
}
