import type { ItemRef } from '../corpus/flatten-items.ts';

/** How many determinations a feed holds. */
export const FEED_SIZE = 50;

export interface FeedPick {
  id: string;
  /** The item numbers of this determination that the list holds. */
  numbers: number[];
}

/**
 * The first `limit` dated determinations of a list of items in corpus order (newest decision
 * first), each with its items of the list. Undated letters have no place in a feed ordered by date.
 */
export function newestDeterminations(refs: readonly ItemRef[], limit = FEED_SIZE): FeedPick[] {
  const picks = new Map<string, FeedPick>();
  for (const ref of refs) {
    if (ref.decided === undefined) continue;
    const pick = picks.get(ref.determinationId);
    if (pick) {
      if (!pick.numbers.includes(ref.number)) pick.numbers.push(ref.number);
      continue;
    }
    if (picks.size === limit) break;
    picks.set(ref.determinationId, { id: ref.determinationId, numbers: [ref.number] });
  }
  return [...picks.values()];
}
