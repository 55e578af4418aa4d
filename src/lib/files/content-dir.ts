import { resolve } from 'node:path';

/** The content folder: `CORPUS_DIR` when set (same layout as content/), else ./content. */
export function contentDir(): string {
  return resolve(process.env.CORPUS_DIR ?? 'content');
}
