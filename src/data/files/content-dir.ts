import { resolve } from 'node:path';
import { bundledCatalogueNotice, catalogueSource, type CatalogueSource } from './catalogue-source.ts';

/** The content folder: `CORPUS_DIR` when set (same layout as content/), else ./content. */
export function contentDir(): string {
  return resolve(process.env.CORPUS_DIR || 'content');
}

/** The project's own content folder (npm scripts run in the project's folder), whose catalogue is the fallback. */
export function bundledContentDir(): string {
  return resolve('content');
}

/** The content folder as messages name it: its absolute path, marked when CORPUS_DIR chose it. */
export function contentDirLabel(): string {
  return process.env.CORPUS_DIR ? `${contentDir()} (CORPUS_DIR)` : contentDir();
}

/**
 * Where the content folder's catalogue is read from: its own, or the bundled one when it has none
 * (src/data/files/catalogue-source.ts). Throws CorpusSetupError for a folder that is missing or
 * holds part of a catalogue.
 */
export function corpusCatalogue(): CatalogueSource & { notice?: string } {
  const source = catalogueSource(contentDir(), bundledContentDir(), contentDirLabel());
  return source.bundled ? { ...source, notice: bundledCatalogueNotice(contentDir(), bundledContentDir(), contentDirLabel()) } : source;
}
