/** The heading of a disputed item on its letter's page: "Item 2: Norco 10/325mg #60". */
export const itemHeading = (n: number, request: string): string => `Item ${n}: ${request}`;

/** Pagefind numbers a record's words at white space, each chunk one word (even "#" or "/"). */
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Where the request's words stand in the item's search record, which opens with its heading
 * (scripts/search-index/letter-records.ts): [first, end) in Pagefind's word positions, so the
 * search can tell words in the request from words further down (guideline lines, rationale).
 */
export function requestSpan(n: number, request: string): [number, number] {
  const first = requestStart(n);
  return [first, first + wordCount(request)];
}

/** Where item `n`'s request starts in its search record: after its heading's words. */
export function requestStart(n: number): number {
  return wordCount(itemHeading(n, ''));
}
