import { formatDate } from '../format/format-date.ts';
import { FILTER_KEYS } from './filter-keys.ts';
import type { ResultPage } from './pager.ts';
import type { WordCounts } from './item-search.ts';
import type { Scope, SearchState } from './search-state.ts';

/** The status line while a search runs, and when it cannot run. */
export const STATUS_SEARCHING = 'Searching…';
export const STATUS_INDEX_FAILED =
  'The search index could not be loaded. Browse the determinations, guidelines or treatment types instead.';
export const STATUS_SEARCH_FAILED = 'The search failed. Reload the page to try again.';

/** How many disputed items match, and in how many letters. */
export interface MatchCount {
  items: number;
  letters: number;
  /** With words: letters holding them as a phrase (asked for three words or more). */
  phrase?: number;
  /** With words: where they are, scope aside. */
  words?: WordCounts;
  /** The scope the results are listed in (item-search.ts: the item scope may widen to letters). */
  listed?: Scope;
  /** Words no letter has at all, and words it has only as the start of longer ones. */
  missing?: readonly string[];
  prefixOnly?: readonly string[];
}

const quoteList = (words: readonly string[]) => words.map((w) => `‘${w}’`).join(', ');
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What the list holds in each scope. */
const SCOPE_LISTED: Record<Scope, string> = {
  request: 'the requests',
  items: 'requests and mentions',
  all: 'requests, mentions and letters',
};

/**
 * Where the words are: the items whose request holds them, with their outcomes, then those that
 * only mention them, then letters that hold them only in their own text. Scope aside, so the
 * reader sees what the other scopes would add.
 *   "22 items request “lumbar MRI”: 22 upheld, 0 overturned · 33 more mention it."
 */
export function wordsLine(q: string, words: WordCounts, prefixOnly: readonly string[] = []): string {
  const { requested, mentioned, letterOnly } = words;
  const head =
    requested.items === 0
      ? `No item requests “${q}”`
      : `${plural(requested.items, 'item requests', 'items request')} “${q}”: ${requested.upheld} upheld, ${requested.overturned} overturned`;
  const more = [
    ...(mentioned > 0 ? [`${mentioned.toLocaleString('en-US')} more ${mentioned === 1 ? 'mentions' : 'mention'} it`] : []),
    ...(letterOnly > 0 ? [`${plural(letterOnly, 'letter has', 'letters have')} it only in the letter’s own text`] : []),
  ];
  const none = prefixOnly.length > 0 ? ` No letter holds ${quoteList(prefixOnly)} as typed.` : '';
  return `${[head, ...more].join(' · ')}.${none}`;
}

/**
 * The status line above the results: with words, where they are (wordsLine), then what the list
 * holds in the scope chosen, its order, and which letters this page shows when there is more
 * than one page.
 *   "22 items request “lumbar MRI”: 22 upheld, 0 overturned · 33 more mention it. Listed: 55 disputed items in 40 determinations (requests and mentions). Showing 1–20."
 *   "3 disputed items in 2 determinations match the filters, newest first."
 */
export function searchStatus(state: SearchState, count: MatchCount, at: ResultPage): string {
  const filtered = FILTER_KEYS.some((key) => (state.filters[key] ?? []).length > 0);
  if (count.missing?.length) return `No disputed item matches “${state.q}”: no letter has a word like ${quoteList(count.missing)}.`;
  const order = state.sort === 'oldest' ? ', oldest first' : state.sort === 'newest' ? ', newest first' : '';
  const range = at.pages > 1 ? ` Showing ${at.start + 1}–${Math.min(at.end, count.letters)}.` : '';
  const what = `${plural(count.items, 'disputed item', 'disputed items')} in ${plural(count.letters, 'determination', 'determinations')}`;
  if (state.q) {
    const words = count.words ?? NO_WORDS;
    const phrase = count.phrase ? ` ${plural(count.phrase, 'letter holds', 'letters hold')} the exact phrase.` : '';
    const scope = count.listed ?? state.scope;
    const listed =
      count.letters === 0
        ? ''
        : count.items === 0
          ? ` Listed: ${plural(count.letters, 'determination', 'determinations')} by the letter’s own text${order}.`
          : ` Listed: ${what} (${SCOPE_LISTED[scope]})${order}.`;
    return `${wordsLine(state.q, words, count.prefixOnly)}${listed}${phrase}${range}`;
  }
  if (count.items === 0) return `No disputed item matches${filtered ? ' with these filters' : ''}.`;
  const verb = count.items === 1 ? 'matches' : 'match';
  return `${what}${filtered ? ` ${verb} the filters` : ''}${order}.${range}`;
}

const NO_WORDS: WordCounts = {
  requested: { items: 0, upheld: 0, overturned: 0 },
  mentioned: 0,
  letterOnly: 0,
  started: { items: 0, letters: [] },
};

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
