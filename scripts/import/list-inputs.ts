// Expands the importer's PATH arguments into the letter files to read, in a stable order.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const LETTER_EXTENSIONS = new Set(['.pdf', '.txt']);

export interface Inputs {
  /** Files to import, sorted, each once. */
  files: string[];
  /** Paths that are not letters, with the reason (reported as skips). */
  rejected: Array<{ file: string; reason: string }>;
}

export function listInputs(paths: string[]): Inputs {
  const files = new Set<string>();
  const rejected: Inputs['rejected'] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      rejected.push({ file: path, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && LETTER_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.add(join(entry.parentPath, entry.name));
      }
    } else if (LETTER_EXTENSIONS.has(extname(path).toLowerCase())) files.add(path);
    else rejected.push({ file: path, reason: `not a letter: expected a .pdf or .txt file, got "${extname(path) || 'no extension'}"` });
  }
  return { files: [...files].sort(), rejected };
}
