// The folders the site's code needs at render time, as src/integrations/build-folders.ts sets them
// in the environment of the process that renders the pages: the project's folder and Astro's cache
// folder (in `astro build` and `astro dev`), and where the open data goes and keeps its memory
// (`astro build` only: in `astro dev` nothing is written and only the sizes are counted).
//
// Read when asked, not bundled into the code, and not through `astro:config/server`: that module
// imports Astro's manifest of every page, so a module of ours that imported it joined every page
// into one cycle of the module graph, and Astro's fingerprint of each page's code covered all of
// them (docs/scale.md, "A change of code renders every page"); and a folder in the bundled code
// changes every page's fingerprint when the folder changes.

/** The environment variables that hold them. */
export const ROOT_VARIABLE = 'IMR_PROJECT_ROOT';
export const BUILD_CACHE_VARIABLE = 'IMR_BUILD_CACHE_DIR';
export const OUT_DIR_VARIABLE = 'IMR_OPEN_DATA_OUT_DIR';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: the site's pages are rendered by \`astro build\` or \`astro dev\`, whose integration (src/integrations/build-folders.ts) sets it`,
    );
  return value;
};

/** The project's folder, as a file URL ending in "/". */
export const projectRoot = (): URL => new URL(required(ROOT_VARIABLE));

/** Astro's cache folder (its `cacheDir`), a path. */
export const buildCacheFolder = (): string => required(BUILD_CACHE_VARIABLE);

/** Where the open data goes and where it keeps its memory (Astro's cache folder): both only in `astro build`. */
export const openDataFolders = (): { outDir: string | undefined; cacheDir: string | undefined } => {
  const outDir = process.env[OUT_DIR_VARIABLE] || undefined;
  return { outDir, cacheDir: outDir && buildCacheFolder() };
};
