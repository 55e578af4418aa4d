import type { LetterMatch, ShardPart } from './item-search.ts';
import type { Sort } from './search-state.ts';

/**
 * The matching letters in the order asked for. Newest and oldest follow the decision date: shards
 * are runs of dates (oldest first in the manifest) and rows within a shard are in date order.
 * Best match puts the letters with an item whose request holds the words first, then those
 * holding the words as a phrase, then those holding the words themselves (not only as starts of
 * longer words), each by its best-matching record's relevance, newer letters first among equals.
 */
export function orderResults(
  letters: readonly LetterMatch[],
  parts: readonly Pick<ShardPart, 'place'>[],
  sort: Sort,
  hasWords: boolean,
): LetterMatch[] {
  const place = (m: LetterMatch) => parts[m.part]!.place;
  const newest = (a: LetterMatch, b: LetterMatch) => place(b) - place(a) || b.letter - a.letter;
  const order =
    sort === 'oldest'
      ? (a: LetterMatch, b: LetterMatch) => -newest(a, b)
      : sort === 'newest' || !hasWords
        ? newest
        : (a: LetterMatch, b: LetterMatch) =>
            Number(b.requested.length > 0) - Number(a.requested.length > 0) ||
            Number(b.phrase) - Number(a.phrase) ||
            Number(b.exact) - Number(a.exact) ||
            b.score - a.score ||
            newest(a, b);
  return [...letters].sort(order);
}
