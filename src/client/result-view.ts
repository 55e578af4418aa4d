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
  /** Under an outcome filter, an item of another outcome (listed after the wanted ones, marked). */
  otherOutcome: boolean;
  /** Pagefind's excerpt (HTML) of the item's words that matched. */
  excerpt?: string;
}

export interface ResultView {
  url: string;
  title: string;
  /** "January 5, 2017 · Orthopedic Surgery · 2 items" */
  facts: string;
  /** Pagefind's excerpt (HTML), shown when the words matched the letter but none of its items. */
  excerpt?: string;
  items: ItemView[];
}

/**
 * One determination in the results: title, facts, excerpt, and its items. Filters apply to whole
 * determinations, so with an outcome filter the items of that outcome come first and the others
 * are marked; items of that outcome the words did not reach are listed too.
 */
export function resultView(d: PagefindResultData, hasWords: boolean, outcomes: readonly string[]): ResultView {
  const items = parseItems(d.meta.items);
  const facts = [d.meta.decided, d.meta.specialty, `${items.length} ${items.length === 1 ? 'item' : 'items'}`].filter(Boolean).join(' · ');
  const subs = d.sub_results.filter((s) => itemNumber(s.anchor?.id) > 0);
  const others = d.sub_results.filter((s) => itemNumber(s.anchor?.id) === 0);
  const excerpt = hasWords && others[0]?.excerpt && subs.length === 0 ? others[0].excerpt : undefined;

  const wanted = (n: number) => outcomes.length === 0 || outcomes.includes(items[n - 1]?.[1] ?? '');
  const whole = (n: number) => ({ n, url: `${d.url}#item-${n}`, title: `Item ${n}: ${items[n - 1]?.[0] ?? ''}` });
  const rows: { n: number; url: string; title: string; text?: string }[] = hasWords
    ? subs.map((s) => ({ n: itemNumber(s.anchor?.id), url: s.url, title: s.title, text: s.excerpt }))
    : items.map((_, i) => whole(i + 1));
  if (hasWords && outcomes.length > 0) {
    const shown = new Set(rows.map((r) => r.n));
    for (let n = 1; n <= items.length; n++) if (!shown.has(n) && wanted(n)) rows.push(whole(n));
  }
  // Stable sort: matching outcomes first, letter order otherwise kept.
  rows.sort((x, y) => Number(wanted(y.n)) - Number(wanted(x.n)));

  return {
    url: d.url,
    title: d.meta.title ?? d.url,
    facts,
    ...(excerpt ? { excerpt } : {}),
    items: rows.map((r) => {
      const outcome = items[r.n - 1]?.[1];
      return {
        url: r.url,
        title: r.title,
        ...(outcome === 'upheld' || outcome === 'overturned' ? { outcome } : {}),
        otherOutcome: !wanted(r.n),
        ...(r.text ? { excerpt: r.text } : {}),
      };
    }),
  };
}

/** The item number of a sub-result's anchor (`item-3` → 3), or 0 for any other part of the page. */
function itemNumber(anchor: string | undefined): number {
  return anchor?.startsWith('item-') ? Number(anchor.slice('item-'.length)) : 0;
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
