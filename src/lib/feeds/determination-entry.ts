import type { AtomEntry } from './atom.ts';
import type { FeedPick } from './newest-determinations.ts';
import type { Determination } from '../schema/index.ts';

export interface EntryContext {
  /** Absolute URL of a determination page. */
  pageUrl(id: string): string;
  treatmentLabel(slug: string): string;
}

/**
 * A determination as a feed entry: named by case number and its first item of the feed, the
 * summary listing those items with treatment type and outcome.
 *   title:   "CM16-0213037: MRI of the right shoulder without contrast (and 1 more item)"
 *   summary: "Item 1, MRI: MRI of the right shoulder without contrast — upheld. Item 2, …"
 */
export function determinationEntry(d: Determination, pick: FeedPick, ctx: EntryContext): AtomEntry {
  const items = pick.numbers.map((n) => ({ n, item: d.items[n - 1]! }));
  const first = items[0]!.item.request;
  const more = items.length > 1 ? ` (and ${items.length - 1} more ${items.length === 2 ? 'item' : 'items'})` : '';
  const summary = items
    .map(({ n, item }) => `Item ${n}, ${ctx.treatmentLabel(item.treatmentType)}: ${item.request} — ${item.outcome}.`)
    .join(' ');
  return {
    url: ctx.pageUrl(d.id),
    title: `${d.caseNumber ?? d.id}: ${first}${more}`,
    updated: `${d.dates.decided}T00:00:00Z`,
    summary,
  };
}
