import { formatDate } from '../format/format-date.ts';
import { FILTER_KEYS } from './filter-keys.ts';
import type { ResultPage } from './result-page.ts';
import type { SearchState } from './search-state.ts';

/** The status line while a search runs, and when it cannot run. */
export const STATUS_SEARCHING = 'Searching…';
export const STATUS_INDEX_FAILED =
  'The search index could not be loaded. Browse the determinations, guidelines or treatment types instead.';
export const STATUS_SEARCH_FAILED = 'The search failed. Reload the page to try again.';

/** How many disputed items match, and in how many letters. */
export interface MatchCount {
  items: number;
  letters: number;
  /** With words: letters holding them as such, and as a phrase (asked for three words or more). */
  exact?: number;
  phrase?: number;
  /** Words no letter has at all, and words it has only as the start of longer ones. */
  missing?: readonly string[];
  prefixOnly?: readonly string[];
}

const quoteList = (words: readonly string[]) => words.map((w) => `‘${w}’`).join(', ');

/** What the words matched exactly, after the count; "" when every result holds them as typed. */
function exactNote(count: MatchCount): string {
  const notes: string[] = [];
  if (count.prefixOnly?.length) {
    const it = count.prefixOnly.length === 1 ? 'it' : 'them';
    notes.push(`No exact match for ${quoteList(count.prefixOnly)}; showing words that start with ${it}.`);
  } else {
    const exact = count.exact ?? count.letters;
    const phrase = count.phrase ?? 0;
    if (phrase > 0)
      notes.push(
        `${phrase} ${phrase === 1 ? 'holds' : 'hold'} the exact phrase${exact < count.letters ? `, ${exact} the exact words` : ''}.`,
      );
    else if (exact < count.letters) notes.push(`${exact} ${exact === 1 ? 'holds' : 'hold'} the exact words.`);
  }
  return notes.map((n) => ` ${n}`).join('');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The status line above the results: how many disputed items match and in how many letters, what
 * they match (and how many hold the words exactly), their order, and which letters this page
 * shows when there is more than one page.
 *   "3 disputed items in 2 determinations match “zynex”, newest first. Showing 51–52."
 *   "7 disputed items in 5 determinations match “lumbar mri”. 3 hold the exact words."
 */
export function searchStatus(state: SearchState, count: MatchCount, at: ResultPage): string {
  const filtered = FILTER_KEYS.some((key) => (state.filters[key] ?? []).length > 0);
  if (count.missing?.length) return `No disputed item matches “${state.q}”: no letter has a word like ${quoteList(count.missing)}.`;
  if (count.items === 0) return `No disputed item matches${state.q ? ` “${state.q}”` : ''}${filtered ? ' with these filters' : ''}.`;
  const what = `${plural(count.items, 'disputed item', 'disputed items')} in ${plural(count.letters, 'determination', 'determinations')}`;
  const verb = count.items === 1 ? 'matches' : 'match';
  const order = state.sort === 'oldest' ? ', oldest first' : state.sort === 'newest' ? ', newest first' : '';
  const words = state.q ? ` ${verb} “${state.q}”` : filtered ? ` ${verb} the filters` : '';
  const range = at.pages > 1 ? ` Showing ${at.start + 1}–${Math.min(at.end, count.letters)}.` : '';
  return `${what}${words}${order}.${state.q ? exactNote(count) : ''}${range}`;
}

/**
 * The status line of first results, from the shards searched first (staged-shards.ts): what they
 * hold so far and that the rest is being searched, so a first shard's best is never taken for the
 * corpus's best. Counts beside the filters stay blank until the complete answer.
 *   "So far 4 disputed items in 3 determinations match “lumbar MRI” among the letters decided since October 1, 2026. Searching earlier years…"
 */
export function partialStatus(state: SearchState, count: MatchCount, covered: { first: string; last: string }): string {
  const filtered = FILTER_KEYS.some((key) => (state.filters[key] ?? []).length > 0);
  const undated = (iso: string) => iso.startsWith('0000');
  const later = state.sort === 'oldest';
  const among = later
    ? undated(covered.last)
      ? 'among the undated letters'
      : `among the letters decided up to ${formatDate(covered.last)}`
    : undated(covered.first)
      ? 'among the letters searched so far'
      : `among the letters decided since ${formatDate(covered.first)}`;
  const what = state.q ? ` “${state.q}”` : filtered ? ' the filters' : '';
  const next = later ? 'Searching later years…' : 'Searching earlier years…';
  if (count.items === 0) return `Nothing yet${what ? ` matches${what}` : ''} ${among}. ${next}`;
  const found = `${plural(count.items, 'disputed item', 'disputed items')} in ${plural(count.letters, 'determination', 'determinations')}`;
  return `So far ${found}${what ? ` ${count.items === 1 ? 'matches' : 'match'}${what}` : ''} ${among}. ${next}`;
}
