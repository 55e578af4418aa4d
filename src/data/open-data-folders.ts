// Where the open data goes and where its memory is kept, as src/integrations/open-data-dir.ts sets
// them for `astro build`; both undefined in `astro dev`, where nothing is written and only the
// sizes are counted. Read when asked, at render time: not bundled into the code.

/** The environment variables that hold them. */
export const OUT_DIR_VARIABLE = 'IMR_OPEN_DATA_OUT_DIR';
export const CACHE_DIR_VARIABLE = 'IMR_OPEN_DATA_CACHE_DIR';

export const openDataFolders = (): { outDir: string | undefined; cacheDir: string | undefined } => ({
  outDir: process.env[OUT_DIR_VARIABLE] || undefined,
  cacheDir: process.env[CACHE_DIR_VARIABLE] || undefined,
});
