// Tells the open-data stage (src/data/open-data.ts, run by the /data/ page during `astro build`)
// where the output folder is, and the build cache where it keeps its memory of the files it wrote
// (src/data/open-data-memory.ts): Astro gives pages no way to know them. Absent in `astro dev`.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function openDataDir(): AstroIntegration {
  return {
    name: 'imr-open-data-dir',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const define = {
          'import.meta.env.OPEN_DATA_OUT_DIR': JSON.stringify(fileURLToPath(config.outDir)),
          'import.meta.env.OPEN_DATA_CACHE_DIR': JSON.stringify(fileURLToPath(config.cacheDir)),
        };
        updateConfig({ vite: { define } });
      },
    },
  };
}
