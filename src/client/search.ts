// The search page's only script: reads the search from the URL, runs it with Pagefind's JS API,
// writes results and filter counts into the page the build rendered, and keeps the URL in step so
// a search can be shared and reloaded. What to show is worked out by pure functions (status line,
// counts, pages, result views); this controller runs the searches and wires the page's events.
import { joinBase } from '../lib/paths/join-base.ts';
import { facetCounts } from '../lib/search/facet-counts.ts';
import { filtersInUse, withoutFilter, withoutFilters } from '../lib/search/filters-in-use.ts';
import { formState } from '../lib/search/form-state.ts';
import { droppedNote, keepKnownFilters } from '../lib/search/known-filters.ts';
import { pagefindOptions } from '../lib/search/pagefind-options.ts';
import { pager, resultPage } from '../lib/search/result-page.ts';
import { parseSearchState, searchQuery, type SearchState } from '../lib/search/search-state.ts';
import { searchStatus, STATUS_INDEX_FAILED, STATUS_SEARCH_FAILED, STATUS_SEARCHING } from '../lib/search/search-status.ts';
import { appendLazily, type LazyResults } from './lazy-results.ts';
import type { Pagefind, PagefindResultData } from './pagefind-api.ts';
import { resultElement } from './result-element.ts';
import { resultView } from './result-view.ts';
import {
  filterLabels,
  findSearchPage,
  foldFiltersOnPhones,
  onFormChange,
  readForm,
  showChips,
  showCounts,
  showNote,
  showPager,
  showState,
} from './search-page.ts';
import { openShardedPagefind, type ShardedPagefind } from './sharded-pagefind.ts';
import { setupCsvDownload } from './csv-download.ts';

const BASE = import.meta.env.BASE_URL;
/** Results whose text is fetched with the search; the others load as they near the screen. */
const EAGER_RESULTS = 10;

export function startSearch(): void {
  const page = findSearchPage();
  const labels = filterLabels(page);
  let state: SearchState = parseSearchState(''); // the URL's search, once goToUrl() below has run
  let run = 0;
  let lazy: LazyResults | undefined;
  const index = indexLoader();
  const urlOf = (s: SearchState) => `${location.pathname}${searchQuery(s)}`;

  // The URL is rewritten to the search shown (defaults left out, unknown values dropped), so it
  // can be shared as it is; a change of search adds a history entry, typing does not.
  const go = async (next: SearchState, mode: 'push' | 'replace', note = '') => {
    state = next;
    const url = urlOf(state);
    if (url !== `${location.pathname}${location.search}`) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    showState(page, state);
    showNote(page, note);
    await search();
  };
  // A search from the address bar, a link or the history: only values the site has.
  const goToUrl = () => {
    const { state: known, dropped } = keepKnownFilters(parseSearchState(location.search), labels);
    return go(known, 'replace', droppedNote(dropped));
  };

  const search = async () => {
    const mine = ++run;
    page.status.textContent = STATUS_SEARCHING;
    let api: ShardedPagefind;
    try {
      api = await index();
    } catch {
      page.status.textContent = STATUS_INDEX_FAILED;
      return;
    }
    try {
      await runSearch(api, state, () => mine === run);
    } catch {
      if (mine === run) page.status.textContent = STATUS_SEARCH_FAILED;
    }
  };

  const runSearch = async (api: ShardedPagefind, shown: SearchState, current: () => boolean) => {
    const term = shown.q === '' ? null : shown.q;
    // Only the results of the page shown are fetched; a page past the last shows the last.
    const main = await api.search(term, pagefindOptions(shown), (total) => resultPage(total, shown.page));
    const at = resultPage(main.total, shown.page);
    const counts = await facetCounts(
      shown,
      main.filters,
      async (others) => (await api.search(term, pagefindOptions(others), () => ({ start: 0, end: 0 }))).filters,
    );
    // Each result's text is a file of its own (~2 KB): the first screenful is fetched now, the
    // rest of the page as it scrolls into view.
    const data = await Promise.all(main.results.slice(0, EAGER_RESULTS).map((r) => r.data()));
    if (!current()) return; // a newer search has started
    if (at.page !== shown.page) {
      // A page past the last (an old link, a hand-edited one) shows the last: the URL says so.
      state = { ...shown, page: at.page };
      history.replaceState(null, '', urlOf(state));
    }
    showCounts(page, counts);
    page.status.textContent = searchStatus(shown, main.total, at);
    showChips(page, filtersInUse(shown), labels, (key, value) => void go(withoutFilter(state, key, value), 'push'));
    const render = (d: PagefindResultData) => resultElement(resultView(d, shown.q !== '', shown.filters.outcome ?? []));
    page.list.replaceChildren(...data.map(render));
    lazy?.stop();
    lazy = appendLazily(page.list, main.results.slice(EAGER_RESULTS), render, current);
    const toPage = (n: number) => void go({ ...state, page: n }, 'push').then(() => page.status.scrollIntoView({ block: 'start' }));
    showPager(page, pager(at), (n) => urlOf({ ...state, page: n }), toPage);
  };

  onFormChange(
    page,
    (mode) => void go(formState(state, readForm(page)), mode),
    () => void go(withoutFilters(state), 'push'),
  );
  window.addEventListener('popstate', () => void goToUrl());
  foldFiltersOnPhones(page);
  setupCsvDownload({ load: index, state: () => state });
  void goToUrl();
}

/**
 * Opens the index on first use and keeps it. It comes in shards (pagefind/shards.json): the first
 * shard's bundle is loaded and the others merged into it, with their filter indexes (without
 * which there are no counts).
 */
function indexLoader(): () => Promise<ShardedPagefind> {
  let pagefind: ShardedPagefind | undefined;
  return async () => {
    pagefind ??= await openShardedPagefind({
      root: joinBase(BASE, '/pagefind/'),
      load: (shard) => import(/* @vite-ignore */ joinBase(BASE, `/pagefind/${shard.id}/pagefind.js`)) as Promise<Pagefind>,
      options: { baseUrl: BASE, excerptLength: 28 },
    });
    return pagefind;
  };
}
