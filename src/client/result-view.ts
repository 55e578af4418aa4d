// What one search result shows, worked out from Pagefind's result data without touching the DOM
// (result-element.ts builds the elements). Every string here is untrusted text from the letters,
// to be set as text; the excerpts are Pagefind's HTML, whose <mark>s alone are kept.
import type { PagefindResultData } from './pagefind-api.ts';

export type Outcome = 'upheld' | 'overturned';

/** One disputed item under a result. */
export interface ItemView {
  url: string;
  /** "Item 2: Norco 10/325 mg #60" */
  title: string;
  /** Its outcome, for the badge; absent when the index holds none. */
  outcome?: Outcome;
  /** Pagefind's excerpt (HTML) of the item's words that matched. */
  excerpt?: string;
  /** With words: whether its request holds them, or only its guideline lines or rationale. */
  where?: 'requested' | 'mentioned';
}

export interface ResultView {
  url: string;
  title: string;
  /** "January 5, 2017 · Orthopedic Surgery · 2 items" */
  facts: string;
  /** Pagefind's excerpt (HTML) of the letter's own text, when the words matched it and no item. */
  excerpt?: string;
  /** The items that match the search. */
  items: ItemView[];
  /** The letter's other items, shown folded and marked as not matching. */
  others: ItemView[];
}

/** Which of the letter's items match, and what Pagefind gave for those whose own text matched. */
export interface MatchedItems {
  items: readonly number[];
  /** Of those, the ones whose request holds the words. */
  requested: readonly number[];
  own: ReadonlyMap<number, PagefindResultData>;
  /** The letter's own text held the words (and no item's did). */
  letterHit: boolean;
}

/**
 * Whether a result shows an excerpt of its letter's own text: the words are in the letter's own
 * record and in none of its matching items' records. Otherwise the letter's card has all it shows.
 */
export const showsLetterText = (hasWords: boolean, letterHit: boolean, ownItems: number): boolean =>
  hasWords && letterHit && ownItems === 0;

/**
 * One determination in the results: title and facts from its own record, the matching items
 * (with the excerpt of their own text where the words are in it), the others folded.
 */
export function resultView(letter: PagefindResultData, matched: MatchedItems, hasWords: boolean): ResultView {
  const items = parseItems(letter.meta.items);
  const facts = [letter.meta.decided, letter.meta.specialty, `${items.length} ${items.length === 1 ? 'item' : 'items'}`]
    .filter(Boolean)
    .join(' · ');
  const url = letter.url.replace(/#.*$/, '');
  const view = (n: number): ItemView => {
    const [request, outcome] = items[n - 1] ?? ['', ''];
    const excerpt = matched.own.get(n)?.excerpt;
    return {
      url: `${url}#item-${n}`,
      title: `Item ${n}: ${request}`,
      ...(outcome === 'upheld' || outcome === 'overturned' ? { outcome } : {}),
      ...(hasWords && excerpt ? { excerpt } : {}),
    };
  };
  const wanted = new Set(matched.items);
  const requested = new Set(matched.requested);
  const numbers = items.map((_, i) => i + 1);
  const matchedView = (n: number): ItemView => ({
    ...view(n),
    ...(hasWords ? { where: requested.has(n) ? 'requested' : 'mentioned' } : {}),
  });
  return {
    url,
    title: letter.meta.title ?? url,
    facts,
    ...(showsLetterText(hasWords, matched.letterHit, matched.own.size) && letter.excerpt ? { excerpt: letter.excerpt } : {}),
    items: numbers.filter((n) => wanted.has(n)).map(matchedView),
    others: numbers.filter((n) => !wanted.has(n)).map(view),
  };
}

/** The `items` metadata: a JSON list of [request, outcome] pairs; anything else reads as none. */
function parseItems(json: string | undefined): [string, string][] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is [string, string] => Array.isArray(v) && typeof v[0] === 'string') : [];
  } catch {
    return [];
  }
}
