// The search page's only script: reads the search from the URL, runs it over the sharded index
// (run-search.ts), writes results and filter counts into the page the build rendered, and keeps
// the URL in step so a search can be shared and reloaded. What to show is worked out by pure
// functions (status line, counts, pages, result views); this controller runs the searches and
// wires the page's events.
import { joinBase } from '../lib/paths/join-base.ts';
import { filtersInUse, withoutFilter, withoutFilters } from '../lib/search/filters-in-use.ts';
import { formState } from '../lib/search/form-state.ts';
import { droppedNote, keepKnownFilters, keepKnownSections } from '../lib/search/known-filters.ts';
import { pager, resultPage } from '../lib/search/result-page.ts';
import { parseSearchState, searchQuery, type SearchState } from '../lib/search/search-state.ts';
import { searchStatus, STATUS_INDEX_FAILED, STATUS_SEARCH_FAILED, STATUS_SEARCHING } from '../lib/search/search-status.ts';
import { appendLazily, type LazyResults } from './lazy-results.ts';
import type { Pagefind } from './pagefind-api.ts';
import { resultElement } from './result-element.ts';
import { matchCount, resultMarks, runSearch, type SearchAnswer } from './run-search.ts';
import { filterLabels, findSearchPage, foldFiltersOnPhones, onFormChange, readForm, showChips, showCounts, showNote, showPager, showState, showSuggestions } from './search-page.ts';
import { suggestFilters, type CatalogueEntry } from '../lib/search/catalogue-suggestions.ts';
import { openShardedIndex, type ShardedIndex } from './sharded-index.ts';

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
    let api: ShardedIndex;
    try {
      api = await index();
    } catch {
      page.status.textContent = STATUS_INDEX_FAILED;
      return;
    }
    try {
      const answer = await runSearch(api, state);
      if (mine === run) await show(answer, state, () => mine === run);
    } catch {
      if (mine === run) page.status.textContent = STATUS_SEARCH_FAILED;
    }
  };

  const show = async (answer: SearchAnswer, shown: SearchState, current: () => boolean) => {
    const { search: found, ordered } = answer;
    // Cited sections are checked against the whole index: one it lacks is left out, as on load.
    const sections = keepKnownSections(shown, found.sectionLabels);
    if (answer.complete && sections.dropped.length > 0) return void go(sections.state, 'replace', droppedNote(sections.dropped));
    // Only the letters of the page shown are fetched; a page past the last shows the last.
    const at = resultPage(ordered.length, shown.page);
    const onPage = ordered.slice(at.start, at.end);
    const render = async (i: number) => resultElement(await answer.view(onPage[i]!), resultMarks(onPage[i]!));
    // Each letter's text is a few small files: the first screenful is fetched now, the rest of
    // the page as it scrolls into view.
    const first = await Promise.all(onPage.slice(0, EAGER_RESULTS).map((_, i) => render(i)));
    if (!current()) return; // a newer search has started
    if (at.page !== shown.page) {
      // A page past the last (an old link, a hand-edited one) shows the last: the URL says so.
      state = { ...shown, page: at.page };
      history.replaceState(null, '', urlOf(state));
    }
    for (const [value, label] of Object.entries(found.sectionLabels)) (labels.section as Map<string, string> | undefined)?.set(value, label);
    showCounts(page, found.counts);
    page.status.textContent = searchStatus(shown, matchCount(answer), at);
    showChips(page, filtersInUse(shown), labels, (key, value) => void go(withoutFilter(state, key, value), 'push'));
    page.list.replaceChildren(...first);
    lazy?.stop();
    lazy = appendLazily(
      page.list,
      onPage.slice(EAGER_RESULTS).map((_, i) => () => render(EAGER_RESULTS + i)),
      current,
    );
    void offerFilters(shown, found.counts, current);
    const toPage = (n: number) => void go({ ...state, page: n }, 'push').then(() => page.status.scrollIntoView({ block: 'start' }));
    showPager(page, pager(at), (n) => urlOf({ ...state, page: n }), toPage);
  };

  // Treatment types and guidelines the words name, offered as filters with what they would give.
  const catalogue = catalogueLoader();
  const offerFilters = async (shown: SearchState, counts: SearchAnswer['search']['counts'], current: () => boolean) => {
    const entries = shown.q ? await catalogue().catch(() => []) : [];
    if (!current()) return;
    const offered = suggestFilters(shown.q, entries)
      .filter(({ key, value }) => !(shown.filters[key] ?? []).includes(value))
      .map((s) => ({ ...s, count: counts[s.key][s.value] ?? 0 }))
      .filter((s) => s.count > 0);
    showSuggestions(page, offered, (key, value) => void go({ ...state, filters: { ...state.filters, [key]: [...(state.filters[key] ?? []), value] }, page: 1 }, 'push'));
  };

  onFormChange(page, (mode) => void go(formState(state, readForm(page)), mode), () => void go(withoutFilters(state), 'push'));
  window.addEventListener('popstate', () => void goToUrl());
  foldFiltersOnPhones(page);
  void goToUrl();
}

/** The catalogue of treatment types and guidelines (/search/catalogue.json), fetched once when first needed. */
function catalogueLoader(): () => Promise<CatalogueEntry[]> {
  let entries: Promise<CatalogueEntry[]> | undefined;
  return () =>
    (entries ??= fetch(joinBase(BASE, '/search/catalogue.json')).then((r) => {
      if (!r.ok) throw new Error(`${r.status} fetching the catalogue`);
      return r.json() as Promise<CatalogueEntry[]>;
    }));
}

/**
 * Opens the index on first use and keeps it. It comes in shards (pagefind/shards.json), each
 * merged into the first one's Pagefind with its facet table.
 */
function indexLoader(): () => Promise<ShardedIndex> {
  let opened: Promise<ShardedIndex> | undefined;
  return () => {
    opened ??= (async () => {
      const index = await openShardedIndex({
        root: joinBase(BASE, '/pagefind/'),
        load: (shard) => import(/* @vite-ignore */ joinBase(BASE, `/pagefind/${shard.id}/pagefind.js`)) as Promise<Pagefind>,
        options: { baseUrl: BASE, excerptLength: 28 },
      });
      await index.load([...index.manifest.shards].reverse().map((s) => s.id));
      return index;
    })();
    return opened;
  };
}
