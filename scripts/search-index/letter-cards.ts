// Each letter's card (letterCardPath, src/lib/search/shard-manifest.ts): its own record's URL and
// metadata, cut from the fragment file Pagefind wrote for it, so a card says what the fragment
// says. The search page shows a letter's title, facts and item list from it whenever it shows no
// excerpt of the letter's own text, which is most results: their items hold the words.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { letterCardPath, recordName, type LetterCard } from '../../src/lib/search/shard-manifest.ts';

/** What Pagefind writes before the JSON of a fragment file. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A card's file, from the bytes of its letter's fragment file (`name` for messages). */
export function cardOf(fragment: Buffer, name: string): Buffer {
  const text = gunzipSync(fragment).toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${name}: not a Pagefind fragment file`);
  const { url, meta } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Partial<LetterCard>;
  if (typeof url !== 'string' || url.includes('#') || typeof meta?.items !== 'string')
    throw new Error(`${name}: expected a letter's record, with its URL and its metadata's item list`);
  return gzipSync(JSON.stringify({ url, meta } satisfies LetterCard), { level: 9 });
}

/** Writes the cards of the letters at `rows` of the bundle in `dir`, whose records are named by `tag` (pagefind-meta.ts). */
export async function writeLetterCards(dir: string, tag: string, rows: readonly number[]): Promise<void> {
  await mkdir(join(dir, 'card'));
  for (const row of rows) {
    const fragment = join(dir, 'fragment', `${recordName(tag, row)}.pf_fragment`);
    await writeFile(join(dir, letterCardPath(tag, row)), cardOf(await readFile(fragment), fragment));
  }
}
