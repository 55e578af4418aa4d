// Cuts a built determination page into the records Pagefind indexes, each a small HTML document so
// Pagefind applies data-pagefind-ignore, meta and sort as on pages: one per disputed item (its
// <section class="item">) and one for the rest of the letter. The filter values come as data
// (SEARCH_DATA_DIR, src/lib/search/letter-facts.ts); an item record opens with its heading, so
// its request's words stand where the facts say (src/lib/search/item-heading.ts).
import type { ResultMeta } from '../../src/lib/search/download-data.ts';
import type { SearchRecordData } from '../../src/lib/search/letter-facts.ts';

export interface LetterRecords {
  /** The CSV download's data of the letter. */
  result: ResultMeta;
  /** The letter's own record (its article without the item sections), given its row in the shard. */
  letter: (row: number) => string;
  /** One per item, in item order. */
  items: ((row: number) => string)[];
}

const SORT = /data-pagefind-sort="[^"]*"/;
const ITEM_START = /<section class="item"/g;
const SECTION_TAG = /<(\/?)section\b/g;
const HEADING = /<h3 id="item-\d+"[^>]*>([\s\S]*?)<\/h3>/;
// A <meta data-pagefind-meta> tag; its quoted values may hold ">" (a request "<script>" is text).
const META_TAG = /<meta\s+data-pagefind-meta=(?:"[^"]*"|'[^']*')(?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;

/** Where each item section starts and ends (after its matching </section>). */
function itemSpans(html: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const start of html.matchAll(ITEM_START)) {
    const at = start.index;
    if (spans.length > 0 && at < spans.at(-1)![1]) continue;
    let depth = 0;
    SECTION_TAG.lastIndex = at;
    for (let m = SECTION_TAG.exec(html); m; m = SECTION_TAG.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        spans.push([at, html.indexOf('>', m.index) + 1]);
        break;
      }
    }
    if (depth !== 0) throw new Error('an item section has no end');
  }
  return spans;
}

/** The record's row as a sort key (a head tag): the indexer names each record by it (pagefind-meta.ts). */
const rowKey = (row: number) => `<meta data-pagefind-sort="row[content]" content="${row}">`;

/**
 * The heading's words get the one weight Pagefind lists first (it stores weights as 24 × the
 * weight, and sorts a word's places in a record by weight with 25 before all others), about the
 * body text's for ranking; a quoted one-word search gives only the first place: so a word the
 * request holds is found at its place in the request, which is how the search tells requested
 * from mentioned (src/lib/search/item-search.ts; test/build/search-index.test.ts guards it).
 */
const HEADING_TAG = /<h3 id="item-\d+"/;
const REQUEST_WEIGHT = ' data-pagefind-weight="1.042"';

function itemDocument(section: string, row: number): string {
  const title = (HEADING.exec(section)?.[1] ?? '').replace(/<[^>]*>/g, '').trim();
  const weighted = section.replace(HEADING_TAG, (tag) => `${tag}${REQUEST_WEIGHT}`);
  return `<!doctype html><html lang="en"><head><meta data-pagefind-meta="title[content]" content="${title.replace(/"/g, '&quot;')}">${rowKey(row)}</head><body><div data-pagefind-body>${weighted}</div></body></html>`;
}

/**
 * The letter's record: its <article> (the part Pagefind indexes) and the head's data-pagefind
 * tags, without the rest of the page, which Pagefind would parse only to leave it out.
 */
function letterDocument(page: string, sort: string): string {
  const head = [...page.matchAll(META_TAG)].map((m) => m[0]).join('');
  const start = page.indexOf('<article');
  const end = page.lastIndexOf('</article>');
  const article = start >= 0 && end > start ? page.slice(start, end + '</article>'.length) : page;
  // The sort keys first: nothing in the page's tags can then hide them from Pagefind.
  return `<!doctype html><html lang="en"><head>${sort}${head}</head><body>${article.replace(SORT, '')}</body></html>`;
}

/** The records of a page (`file`, for messages) and its search data. */
export function letterRecords(html: string, { facts, result }: SearchRecordData, file: string): LetterRecords {
  if (!SORT.test(html)) throw new Error(`${file}: no data-pagefind-sort`);
  const spans = itemSpans(html);
  if (spans.length !== facts.items.length) throw new Error(`${file}: ${spans.length} item sections for ${facts.items.length} items`);
  let rest = '';
  let from = 0;
  for (const [start, end] of spans) {
    rest += html.slice(from, start);
    from = end;
  }
  rest += html.slice(from);
  return {
    result,
    letter: (row) => letterDocument(rest, rowKey(row)),
    items: spans.map(
      ([start, end]) =>
        (row: number) =>
          itemDocument(html.slice(start, end), row),
    ),
  };
}
