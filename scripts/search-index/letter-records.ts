// Cuts a built determination page into the search records Pagefind indexes: one record per
// disputed item (its <section class="item">: heading, guideline lines, rationale) and one for the
// rest of the letter (case number, summary, the letter's own text), each as a small HTML document
// so Pagefind applies data-pagefind-ignore, meta and sort as it does on pages. The page's
// <meta name="imr-search"> gives the filter values (src/lib/search/search-facts.ts), and
// <meta name="imr-result-csv"> the CSV download's data (src/lib/search/result-items.ts).
//
//   <article class="determination" data-pagefind-body data-pagefind-sort="decided:2016-12-09">
//     ...<section class="item" aria-labelledby="item-1"><h3 id="item-1">Item 1: MRI ...</h3>...</section>
import type { ResultMeta } from '../../src/lib/search/result-items.ts';
import type { LetterFacts } from '../../src/lib/search/search-facts.ts';

export interface LetterRecords {
  facts: LetterFacts;
  /** The CSV download's data of the letter. */
  result: ResultMeta;
  /** The letter's own record (its article without the item sections), given its row and letter number in the shard. */
  letter: (row: number, letter: number) => string;
  /** One per item, in item order. */
  items: ((row: number) => string)[];
}

const SORT = /data-pagefind-sort="[^"]*"/;
const ITEM_START = /<section class="item"/g;
const SECTION_TAG = /<(\/?)section\b/g;
const HEADING = /<h3 id="item-\d+"[^>]*>([\s\S]*?)<\/h3>/;
// A <meta data-pagefind-meta> tag; its quoted values may hold ">" (a request "<script>" is text).
const META_TAG = /<meta\s+data-pagefind-meta=(?:"[^"]*"|'[^']*')(?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;

/** Attribute values as Astro escapes them: &quot; &amp; &lt; &gt; &#39; and numeric references. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

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

/** Sort keys as head tags: `row` orders every record, `letter` only the letters' own records. */
const sortKeys = (keys: Record<string, number>) =>
  Object.entries(keys)
    .map(([k, v]) => `<meta data-pagefind-sort="${k}[content]" content="${v}">`)
    .join('');

function itemDocument(section: string, row: number): string {
  const title = (HEADING.exec(section)?.[1] ?? '').replace(/<[^>]*>/g, '').trim();
  return `<!doctype html><html lang="en"><head><meta data-pagefind-meta="title[content]" content="${title.replace(/"/g, '&quot;')}">${sortKeys({ row })}</head><body><div data-pagefind-body>${section}</div></body></html>`;
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

/** The JSON a page carries in <meta name="<name>" content="...">. */
function metaJson<T>(html: string, name: string, file: string): T {
  const content = new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html)?.[1];
  if (content === undefined) throw new Error(`${file}: no <meta name="${name}">`);
  return JSON.parse(decodeAttribute(content)) as T;
}

export function letterRecords(html: string, file: string): LetterRecords {
  const facts = metaJson<LetterFacts>(html, 'imr-search', file);
  const result = metaJson<ResultMeta>(html, 'imr-result-csv', file);
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
    facts,
    result,
    letter: (row, letter) => letterDocument(rest, sortKeys({ row, letter })),
    items: spans.map(
      ([start, end]) =>
        (row: number) =>
          itemDocument(html.slice(start, end), row),
    ),
  };
}
