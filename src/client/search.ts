// The search page's only script: reads the search from the URL, runs it with Pagefind's JS API,
// writes results and filter counts into the page the build rendered, and keeps the URL in step so
// a search can be shared and reloaded. Results are built with DOM calls: nothing from the index
// is inserted as HTML except Pagefind's <mark> highlights, which are rebuilt element by element.
import { FILTER_KEYS, FILTER_LEGENDS, type FilterKey } from '../lib/search/filter-keys.ts';
import { joinBase } from '../lib/paths/join-base.ts';
import { PAGE_SIZE } from '../lib/paging/page-size.ts';
import { pagefindOptions } from '../lib/search/pagefind-options.ts';
import { defaultSort, parseSearchState, searchQuery, SORTS, type SearchState, type Sort } from '../lib/search/search-state.ts';
import type { Pagefind, PagefindResult, PagefindResultData } from './pagefind-api.ts';
import { openShardedPagefind, type ShardedPagefind } from './sharded-pagefind.ts';
import { setupCsvDownload } from './csv-download.ts';

const BASE = import.meta.env.BASE_URL;
/** Results whose text is fetched with the search; the others load as they near the screen. */
const EAGER_RESULTS = 10;

const $ = <T extends Element>(selector: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`search page: missing ${selector}`);
  return el;
};

export function startSearch(): void {
  const form = $<HTMLFormElement>('#search-form');
  const input = $<HTMLInputElement>('#q');
  const sortSelect = $<HTMLSelectElement>('#sort');
  const status = $<HTMLElement>('#search-status');
  const list = $<HTMLOListElement>('#results');
  const pager = $<HTMLElement>('#result-pages');
  const app = $<HTMLElement>('#search-app');
  const boxes = () => [...app.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-filter]')];

  let state: SearchState = parseSearchState(location.search);
  let run = 0;
  let lazy: IntersectionObserver | undefined;
  let pagefind: ShardedPagefind | undefined;

  // The index comes in shards (pagefind/shards.json): the first shard's bundle is loaded and
  // the others merged into it, with their filter indexes (without which there are no counts).
  const load = async (): Promise<ShardedPagefind> => {
    pagefind ??= await openShardedPagefind({
      root: joinBase(BASE, '/pagefind/'),
      load: (shard) => import(/* @vite-ignore */ joinBase(BASE, `/pagefind/${shard.id}/pagefind.js`)) as Promise<Pagefind>,
      options: { baseUrl: BASE, excerptLength: 28 },
    });
    return pagefind;
  };

  const showState = () => {
    input.value = state.q;
    sortSelect.value = state.sort;
    // "Best match" needs words to rank by.
    const relevance = sortSelect.querySelector<HTMLOptionElement>('option[value="relevance"]');
    if (relevance) relevance.disabled = state.q === '';
    for (const box of boxes()) box.checked = (state.filters[box.dataset.filter as FilterKey] ?? []).includes(box.value);
  };

  const readForm = (): SearchState => {
    const filters: SearchState['filters'] = {};
    for (const box of boxes()) {
      if (!box.checked) continue;
      const key = box.dataset.filter as FilterKey;
      (filters[key] ??= []).push(box.value);
    }
    const q = input.value.trim();
    // An order left at its default follows the words (best match with words, newest without);
    // one the reader picked stays.
    const chosen = SORTS.find((s) => s === sortSelect.value) ?? defaultSort(q);
    const sort: Sort = chosen === defaultSort(state.q) ? defaultSort(q) : chosen === 'relevance' && q === '' ? 'newest' : chosen;
    return { q, filters, sort, page: 1 };
  };

  const go = async (next: SearchState, mode: 'push' | 'replace' | 'none') => {
    state = next;
    const url = `${location.pathname}${searchQuery(state)}`;
    if (mode === 'push' && url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    if (mode === 'replace') history.replaceState(null, '', url);
    showState();
    await search();
  };

  const search = async () => {
    const mine = ++run;
    status.textContent = 'Searching…';
    let api: ShardedPagefind;
    try {
      api = await load();
    } catch {
      status.textContent = 'The search index could not be loaded. Browse the determinations, guidelines or treatment types instead.';
      return;
    }
    try {
      await runSearch(api, mine);
    } catch {
      if (mine === run) status.textContent = 'The search failed. Reload the page to try again.';
    }
  };

  const runSearch = async (api: ShardedPagefind, mine: number) => {
    const term = state.q === '' ? null : state.q;
    // Only the results of the page shown are fetched; a page past the last shows the last.
    let page = 1;
    const main = await api.search(term, pagefindOptions(state), (total) => {
      page = Math.min(state.page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
      return { start: (page - 1) * PAGE_SIZE, end: page * PAGE_SIZE };
    });
    // Each group's counts ignore the group's own selection, so its other values stay choosable.
    const counts: Partial<Record<FilterKey, Record<string, number>>> = {};
    for (const key of FILTER_KEYS) {
      if (!state.filters[key]?.length) {
        counts[key] = main.filters[key] ?? {};
        continue;
      }
      const others: SearchState = { ...state, filters: { ...state.filters, [key]: [] } };
      const without = await api.search(term, pagefindOptions(others), () => ({ start: 0, end: 0 }));
      counts[key] = without.filters[key] ?? {};
    }
    const pages = Math.max(1, Math.ceil(main.total / PAGE_SIZE));
    // Each result's text is a file of its own (~2 KB): the first screenful is fetched now, the
    // rest of the page as it scrolls into view.
    const data = await Promise.all(main.results.slice(0, EAGER_RESULTS).map((r) => r.data()));
    if (mine !== run) return; // a newer search has started
    showCounts(counts);
    showStatus(main.total, page, pages);
    showActiveFilters();
    const hasWords = state.q !== '';
    const outcomes = state.filters.outcome ?? [];
    const item = (d: PagefindResultData) => resultItem(d, hasWords, outcomes);
    list.replaceChildren(...data.map(item));
    showLater(main.results.slice(EAGER_RESULTS), item, mine);
    showPager(page, pages);
  };

  // Placeholders for the rest of the page, each replaced by its result once it nears the screen.
  // A jump down the page (End key, a scrollbar drag) skips placeholders; they load too.
  const showLater = (results: PagefindResult[], item: (d: PagefindResultData) => HTMLLIElement, mine: number) => {
    lazy?.disconnect();
    const pending = new Map<Element, PagefindResult>(); // in list order
    const fill = (target: Element, result: PagefindResult) => {
      pending.delete(target);
      lazy?.unobserve(target);
      void result.data().then((d) => mine === run && target.replaceWith(item(d)));
    };
    lazy = new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting } of entries) {
          if (!isIntersecting || !pending.has(target)) continue;
          for (const [earlier, result] of [...pending]) {
            fill(earlier, result);
            if (earlier === target) break;
          }
        }
      },
      { rootMargin: '100% 0px' },
    );
    for (const result of results) {
      const li = el('li', 'result result-pending', 'Loading…');
      li.setAttribute('aria-busy', 'true');
      pending.set(li, result);
      list.append(li);
      lazy.observe(li);
    }
  };

  const showCounts = (counts: Partial<Record<FilterKey, Record<string, number>>>) => {
    for (const box of boxes()) {
      const n = counts[box.dataset.filter as FilterKey]?.[box.value] ?? 0;
      const out = box.closest('label')?.querySelector('.count');
      if (out) out.textContent = String(n);
      box.disabled = n === 0 && !box.checked;
      box.closest('label')?.classList.toggle('zero', n === 0 && !box.checked);
    }
  };

  // The filters in use as removable chips above the results: a shared link shows what it holds
  // even when a value sits below the fold of its list, or has no checkbox on this build.
  const chips = $<HTMLUListElement>('#active-filters');
  const inUse = $<HTMLElement>('#filters-in-use');
  const showActiveFilters = () => {
    chips.replaceChildren();
    const used = FILTER_KEYS.flatMap((key) => (state.filters[key] ?? []).map((value) => ({ key, value })));
    inUse.textContent = used.length > 0 ? ` (${used.length} in use)` : '';
    for (const { key, value } of used) {
      const box = boxes().find((b) => b.dataset.filter === key && b.value === value);
      const label = box?.closest('label')?.querySelector('.check-label')?.textContent ?? value;
      const legend = FILTER_LEGENDS[key];
      const button = el('button', 'chip');
      button.type = 'button';
      button.append(el('span', 'chip-key', `${legend}: `), label, el('span', 'chip-x', ' ×'));
      button.setAttribute('aria-label', `Remove filter ${legend}: ${label}`);
      button.addEventListener('click', () => {
        const left = (state.filters[key] ?? []).filter((v) => v !== value);
        void go({ ...state, filters: { ...state.filters, [key]: left }, page: 1 }, 'push');
      });
      const li = el('li');
      li.append(button);
      chips.append(li);
    }
  };

  const showStatus = (total: number, page: number, pages: number) => {
    const what = total === 1 ? '1 determination' : `${total} determinations`;
    const verb = total === 1 ? 'matches' : 'match';
    const filtered = FILTER_KEYS.some((key) => (state.filters[key] ?? []).length > 0);
    const order = state.sort === 'oldest' ? ', oldest first' : state.sort === 'newest' ? ', newest first' : '';
    const words = state.q ? ` ${verb} “${state.q}”` : filtered ? ` ${verb} the filters` : '';
    const range = pages > 1 ? ` Showing ${(page - 1) * PAGE_SIZE + 1}–${Math.min(page * PAGE_SIZE, total)}.` : '';
    status.textContent =
      total === 0 ? `No determination matches${state.q ? ` “${state.q}”` : ''}${filtered ? ' with these filters' : ''}.` : `${what}${words}${order}.${range}`;
  };

  const showPager = (page: number, pages: number) => {
    pager.replaceChildren();
    if (pages <= 1) return;
    const link = (n: number, text: string, rel?: string) => {
      const a = document.createElement('a');
      a.href = `${location.pathname}${searchQuery({ ...state, page: n })}`;
      a.textContent = text;
      if (rel) a.rel = rel;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        void go({ ...state, page: n }, 'push').then(() => status.scrollIntoView({ block: 'start' }));
      });
      return a;
    };
    if (page > 1) pager.append(link(page - 1, '‹ Previous', 'prev'));
    const where = document.createElement('span');
    where.textContent = `Page ${page} of ${pages}`;
    pager.append(where);
    if (page < pages) pager.append(link(page + 1, 'Next ›', 'next'));
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void go(readForm(), 'push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void go(readForm(), 'replace'), 300);
  });
  // Checkboxes belong to the form through their form attribute but sit outside it in the DOM.
  app.addEventListener('change', (e) => {
    if (e.target === input) return;
    void go(readForm(), 'push');
  });
  $<HTMLAnchorElement>('#clear-filters').addEventListener('click', (e) => {
    e.preventDefault();
    void go({ q: state.q, filters: {}, sort: defaultSort(state.q), page: 1 }, 'push');
  });
  window.addEventListener('popstate', () => void go(parseSearchState(location.search), 'none'));

  // Filters start folded on a phone (the chips above the results show those in use), open on a
  // wide screen where they sit beside the results.
  const panel = document.querySelector<HTMLDetailsElement>('#filters-panel');
  if (panel) panel.open = window.matchMedia('(min-width: 56em)').matches;

  setupCsvDownload({ load, state: () => state });
  void go(state, 'none');
}

/**
 * One determination in the results: title, facts, excerpt, and its items. Filters apply to whole
 * determinations, so with an outcome filter the items of that outcome come first and the others
 * are marked; items of that outcome the words did not reach are listed too.
 */
function resultItem(d: PagefindResultData, hasWords: boolean, outcomes: string[]): HTMLLIElement {
  const li = el('li', 'result');
  const h = el('h3');
  const a = el('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  li.append(h);

  const items = parseItems(d.meta.items);
  const facts = [d.meta.decided, d.meta.specialty, `${items.length} ${items.length === 1 ? 'item' : 'items'}`].filter(Boolean);
  li.append(el('p', 'result-meta', facts.join(' · ')));

  const itemNumber = (anchor: string | undefined) => (anchor?.startsWith('item-') ? Number(anchor.slice('item-'.length)) : 0);
  const subs = d.sub_results.filter((s) => itemNumber(s.anchor?.id) > 0);
  const others = d.sub_results.filter((s) => itemNumber(s.anchor?.id) === 0);
  if (hasWords && others[0]?.excerpt && subs.length === 0) li.append(excerpt(others[0].excerpt));

  const wanted = (n: number) => outcomes.length === 0 || outcomes.includes(items[n - 1]?.[1] ?? '');
  const rows: { n: number; url: string; title: string; text?: string }[] = hasWords
    ? subs.map((s) => ({ n: itemNumber(s.anchor?.id), url: s.url, title: s.title, text: s.excerpt }))
    : items.map(([request], i) => ({ n: i + 1, url: `${d.url}#item-${i + 1}`, title: `Item ${i + 1}: ${request}` }));
  if (hasWords && outcomes.length > 0) {
    const shown = new Set(rows.map((r) => r.n));
    items.forEach(([request], i) => {
      if (!shown.has(i + 1) && wanted(i + 1)) rows.push({ n: i + 1, url: `${d.url}#item-${i + 1}`, title: `Item ${i + 1}: ${request}` });
    });
  }
  // Stable sort: matching outcomes first, letter order otherwise kept.
  rows.sort((x, y) => Number(wanted(y.n)) - Number(wanted(x.n)));

  const ul = el('ul', 'subresults');
  for (const r of rows) ul.append(subResult(r.url, r.title, items[r.n - 1]?.[1], r.text, !wanted(r.n)));
  li.append(ul);
  return li;
}

function subResult(url: string, title: string, outcome: string | undefined, text: string | undefined, other: boolean): HTMLLIElement {
  const li = el('li', other ? 'subresult-other' : undefined);
  const line = el('p', 'subresult-title');
  if (outcome === 'upheld' || outcome === 'overturned') line.append(badge(outcome), ' ');
  const a = el('a');
  a.href = url;
  a.textContent = title;
  line.append(a);
  if (other) line.append(el('span', 'muted small', ' (other outcome)'));
  li.append(line);
  if (text) li.append(excerpt(text));
  return li;
}

function badge(outcome: 'upheld' | 'overturned'): HTMLSpanElement {
  const span = el('span', `badge badge-${outcome}`);
  const mark = el('span', 'badge-mark', outcome === 'upheld' ? '✕' : '✓');
  mark.setAttribute('aria-hidden', 'true');
  span.append(mark, outcome === 'upheld' ? 'Upheld' : 'Overturned');
  return span;
}

/** Pagefind's excerpt with its <mark>s kept and everything else reduced to text. */
function excerpt(html: string): HTMLParagraphElement {
  const p = el('p', 'excerpt');
  // DOMParser documents are inert: nothing in them loads or runs.
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  for (const node of doc.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') p.append(el('mark', undefined, node.textContent ?? ''));
    else p.append(node.textContent ?? '');
  }
  return p;
}

function parseItems(json: string | undefined): [string, string][] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is [string, string] => Array.isArray(v) && typeof v[0] === 'string') : [];
  } catch {
    return [];
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
