// Tells the open-data stage (src/data/open-data.ts, run by the /data/ page during `astro build`)
// where the output folder is: Astro gives pages no way to know it. Absent in `astro dev`.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function openDataDir(): AstroIntegration {
  return {
    name: 'imr-open-data-dir',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { define: { 'import.meta.env.OPEN_DATA_OUT_DIR': JSON.stringify(fileURLToPath(config.outDir)) } } });
      },
    },
  };
}
