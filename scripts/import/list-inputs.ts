// Expands the importer's PATH arguments into the letter files to read, in a stable order.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const LETTER_EXTENSIONS = new Set(['.pdf', '.txt']);
/** Why a file inside a folder is passed over (a notes.docx, a scan.jpg, a README.md). */
export const IGNORED_TYPE = 'not a .pdf or .txt letter';
/** A link whose target is gone (or a file that vanished while the folder was listed). */
export const IGNORED_LINK = 'cannot be read (a broken symbolic link?)';

export interface Inputs {
  /** Files to import, sorted, each once. */
  files: string[];
  /** Paths named on the command line that cannot be imported, with the reason (reported as skips). */
  rejected: Array<{ file: string; reason: string }>;
  /** Other files found inside folders (READMEs, images...), named on screen and in the report, not skipped. */
  ignored: Array<{ file: string; reason: string }>;
}

export function listInputs(paths: string[]): Inputs {
  const files = new Set<string>();
  const rejected: Inputs['rejected'] = [];
  const ignored: Inputs['ignored'] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      rejected.push({ file: path, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      let entries;
      try {
        entries = readdirSync(path, { recursive: true });
      } catch (error) {
        rejected.push({
          file: path,
          reason: `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        });
        continue;
      }
      for (const name of entries.map(String)) {
        const file = join(path, name);
        // statSync follows symbolic links, so a linked letter counts like any other.
        const kind = safeStat(file);
        if (kind?.isFile() && LETTER_EXTENSIONS.has(extname(name).toLowerCase())) files.add(file);
        else if (kind?.isFile()) ignored.push({ file, reason: IGNORED_TYPE });
        else if (kind === undefined) ignored.push({ file, reason: IGNORED_LINK });
      }
    } else if (LETTER_EXTENSIONS.has(extname(path).toLowerCase())) files.add(path);
    else rejected.push({ file: path, reason: `not a letter: expected a .pdf or .txt file, got "${extname(path) || 'no extension'}"` });
  }
  return { files: [...files].sort(), rejected, ignored: ignored.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

function safeStat(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined; // a dangling link: listed as ignored
  }
}
