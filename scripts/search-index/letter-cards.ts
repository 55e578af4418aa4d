// Each letter's card (letterCardPath, src/lib/search/shard-manifest.ts): its own record's URL and
// metadata as Pagefind took them, the two things its fragment file holds besides the letter's text
// (a build test compares every card with its fragment). The search page shows a letter's title,
// facts and item list from it whenever it shows no excerpt of the letter's own text, which is most
// results: their items hold the words.
import { gzipSync } from 'node:zlib';
import type { LetterCard } from '../../src/lib/search/shard-manifest.ts';

/** A card's file, from what Pagefind answered when it took the letter's record (`url` names it in messages). */
export function cardOf({ url, meta }: LetterCard): Buffer {
  if (url.includes('#') || typeof meta.items !== 'string')
    throw new Error(`${url}: expected a letter's record, with its metadata's item list (the letter's metadata did not reach Pagefind)`);
  return gzipSync(JSON.stringify({ url, meta } satisfies LetterCard), { level: 9 });
}
