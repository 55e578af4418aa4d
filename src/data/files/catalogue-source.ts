// Which folder's catalogue a content folder is read with. A content folder (CORPUS_DIR) holds a
// whole catalogue of its own, or none: with none, the bundled one (this project's content/) is
// read, and check, import and the build each say so in one line, so a new, empty folder works
// without a setup step. Half a catalogue is refused, naming what is missing and where to copy it
// from: reading some parts from one catalogue and some from another would classify letters against
// a mixture nobody chose. Every message names folders by their absolute path.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The catalogue's parts, as load-catalogue.ts reads them from a content folder. */
export const CATALOGUE_PARTS = ['guidelines', 'treatments.yml', 'body-regions.yml', 'synonyms.yml'] as const;

export interface CatalogueSource {
  /** The folder whose catalogue is read. */
  dir: string;
  /** The content folder has no catalogue, so the bundled one is read. */
  bundled: boolean;
}

/** A content folder that cannot be used as it is; the message says why and what to do, in one line. */
export class CorpusSetupError extends Error {
  override name = 'CorpusSetupError';
}

/**
 * @param contentDir the content folder (absolute)
 * @param bundledDir the project's own content folder, whose catalogue is the fallback (absolute)
 * @param label the content folder as messages name it ("/srv/imr (CORPUS_DIR)")
 */
export function catalogueSource(contentDir: string, bundledDir: string, label = contentDir): CatalogueSource {
  if (!isFolder(contentDir))
    throw new CorpusSetupError(
      `${label}: no such folder: create it (mkdir -p ${contentDir}) and import letters into it, or correct CORPUS_DIR`,
    );
  if (resolve(contentDir) === resolve(bundledDir)) return { dir: contentDir, bundled: false };
  const present = CATALOGUE_PARTS.filter((part) => existsSync(join(contentDir, part)));
  if (present.length === CATALOGUE_PARTS.length) return { dir: contentDir, bundled: false };
  if (present.length === 0) return { dir: bundledDir, bundled: true };
  const missing = CATALOGUE_PARTS.filter((part) => !present.includes(part));
  const them = missing.length === 1 ? 'it' : 'them';
  throw new CorpusSetupError(
    `${label} has part of a catalogue (${present.map(shownPart).join(', ')}) but no ${missing.map(shownPart).join(', ')}: ` +
      `copy ${them} from the bundled catalogue (cp -r ${missing.map((p) => join(bundledDir, p)).join(' ')} ${contentDir}/), ` +
      `or remove ${present.map(shownPart).join(', ')} from ${contentDir} to use the bundled catalogue`,
  );
}

/** The one line a command prints when it reads the bundled catalogue for a content folder. */
export function bundledCatalogueNotice(contentDir: string, bundledDir: string, label = contentDir): string {
  return (
    `catalogue: ${label} has none, so the bundled one is used (${bundledDir}: ${CATALOGUE_PARTS.map(shownPart).join(', ')}); ` +
    `copy those into ${contentDir} to keep a catalogue of your own`
  );
}

const shownPart = (part: string) => (part.endsWith('.yml') ? part : `${part}/`);

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
