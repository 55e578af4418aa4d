// Keys of the files the build keeps between builds (a period's data files and search data, a
// list's items.csv): a file is written again only when its key changes. A key covers what shapes
// the file's rows: the code and catalogue (`shape`) and each letter it holds, by id and version
// (letterVersion in src/lib/corpus/cache-keys.ts: the letter's file and parsed data), in order.
import { sha256 } from '../files/sha256.ts';

/** Key of what shapes the rows besides the letters: the code's digest, the catalogue, the site's address. */
export function shapeKey(parts: unknown): string {
  return sha256(JSON.stringify(parts));
}

/**
 * Key of a file of these rows, in the file's order: a letter (`id`) or one of its items (`number`).
 * `versions`: determination id -> letterVersion.
 */
export function rowsKey(shape: string, rows: Iterable<{ id: string; number?: number }>, versions: ReadonlyMap<string, string>): string {
  // One string hashed at once: the same bytes as an update a row, at about half the cost (a list
  // key names every item of the list, some two million names a build at 100k letters).
  let text = shape;
  for (const { id, number } of rows) text += `\n${id}${number === undefined ? '' : `#${number}`} ${versions.get(id) ?? ''}`;
  return sha256(text);
}
