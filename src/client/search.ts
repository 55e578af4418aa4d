// The search page's only script: reads the search from the URL, runs it over the sharded index
// (run-search.ts), writes it into the page the build rendered (show-answer.ts) and keeps the URL in
// step. A page's first search answers from one shard first (staged-shards.ts), then from all.
import { joinBase } from '../lib/paths/join-base.ts';
import { suggestFilters, type CatalogueEntry } from '../lib/search/catalogue-suggestions.ts';
import type { TermSources } from '../lib/search/query-terms.ts';
import { withoutFilter, withoutFilters } from '../lib/search/filters-in-use.ts';
import { formState } from '../lib/search/form-state.ts';
import { droppedNote, keepKnownFilters, keepKnownSections } from '../lib/search/known-filters.ts';
import { parseSearchState, searchQuery, type SearchState } from '../lib/search/search-state.ts';
import { STATUS_INDEX_FAILED, STATUS_SEARCH_FAILED, STATUS_SEARCHING } from '../lib/search/search-status.ts';
import { CATALOGUE_PATH, TERMS_PATH } from '../lib/search/search-files.ts';
import { firstShards } from '../lib/search/staged-shards.ts';
import type { Pagefind } from './pagefind-api.ts';
import { loadFor } from './load-for.ts';
import { runSearch, type SearchAnswer } from './run-search.ts';
import {
  filterLabels,
  findSearchPage,
  foldFiltersOnPhones,
  onFormChange,
  readForm,
  showNote,
  showState,
  showSuggestions,
} from './search-page.ts';
import { showAnswer } from './show-answer.ts';
import { openShardedIndex, type ShardedIndex } from './sharded-index.ts';
import { fetchGzipJson } from './gzip-json.ts';
import { onceEach } from './once-each.ts';
import { setupCsvDownload } from './csv-download.ts';
import { fieldAnswer, showFieldAnswer } from './field-answer.ts';

const BASE = import.meta.env.BASE_URL;

export function startSearch(): void {
  const page = findSearchPage();
  const labels = filterLabels(page);
  let state: SearchState = parseSearchState(''); // the URL's search, once goToUrl() below has run
  let run = 0;
  const index = indexLoader();
  const catalogue = catalogueLoader();
  const terms = termsLoader();
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
    const current = () => mine === run;
    const shown = state;
    page.status.textContent = STATUS_SEARCHING;
    showSuggestions(page, [], () => {});
    showFieldAnswer(page, undefined, BASE);
    // Fetched beside the index; without it the words are searched as typed.
    const pendingSources = shown.q ? terms().catch(() => undefined) : undefined;
    let api: ShardedIndex;
    try {
      api = await index();
    } catch {
      page.status.textContent = STATUS_INDEX_FAILED;
      return;
    }
    try {
      const sources = await pendingSources;
      // A search by filters alone reads the shards' facet tables, not their Pagefind bundles, and
      // one the word lists answer reads those (loadFor). Only the page's first search answers from
      // one shard first, whatever it loaded.
      const first = firstShards(api.manifest, api.loaded(false), shown);
      if (first.length > 0) {
        await loadFor(
          api,
          first.map((s) => s.id),
          shown,
          sources,
        );
        const answer = current() ? await runSearch(api, shown, sources) : undefined;
        if (answer && current()) await show(answer, shown, current);
      }
      await loadFor(api, api.manifest.shards.map((s) => s.id).reverse(), shown, sources);
      const answer = current() ? await runSearch(api, shown, sources) : undefined;
      if (answer && current()) await show(answer, shown, current);
    } catch {
      if (current()) page.status.textContent = STATUS_SEARCH_FAILED;
    }
  };

  const show = async (answer: SearchAnswer, shown: SearchState, current: () => boolean) => {
    // Cited sections are checked against the whole index: one it lacks is left out, as on load.
    const sections = keepKnownSections(shown, answer.search.sectionLabels);
    if (answer.complete && sections.dropped.length > 0) return void go(sections.state, 'replace', droppedNote(sections.dropped));
    const at = await showAnswer(page, labels, answer, shown, current, {
      removeFilter: (key, value) => void go(withoutFilter(state, key, value), 'push'),
      hrefOf: (n) => urlOf({ ...state, page: n }),
      goToPage: (n) => void go({ ...state, page: n }, 'push').then(() => page.status.scrollIntoView({ block: 'start' })),
    });
    if (!at || !answer.complete) return;
    if (at.page !== shown.page) {
      // A page past the last (an old link, a hand-edited one) shows the last: the URL says so.
      state = { ...shown, page: at.page };
      history.replaceState(null, '', urlOf(state));
    }
    void offerFilters(shown, answer, current);
  };

  // Treatment types and guidelines the words name, offered as filters with what they would give,
  // and the answer from the fields for what the words name.
  const offerFilters = async (shown: SearchState, answer: SearchAnswer, current: () => boolean) => {
    const { counts } = answer.search;
    const entries = shown.q ? await catalogue().catch(() => []) : [];
    if (!current()) return;
    const suggested = suggestFilters(shown.q, entries);
    showFieldAnswer(page, fieldAnswer(shown, answer, suggested), BASE);
    const offered = suggested
      .filter(({ key, value }) => !(shown.filters[key] ?? []).includes(value))
      .map((s) => ({ ...s, count: counts[s.key][s.value] ?? 0 }))
      .filter((s) => s.count > 0);
    showSuggestions(
      page,
      offered,
      (key, value) => void go({ ...state, filters: { ...state.filters, [key]: [...(state.filters[key] ?? []), value] }, page: 1 }, 'push'),
    );
  };

  onFormChange(
    page,
    (mode) => void go(formState(state, readForm(page)), mode),
    () => void go(withoutFilters(state), 'push'),
  );
  window.addEventListener('popstate', () => void goToUrl());
  foldFiltersOnPhones(page);
  setupCsvDownload({ load: index, state: () => state, terms });
  void goToUrl();
}

/** One of the search page's gzipped data files (search-files.ts), fetched once when first needed; a failure is forgotten, so the next search tries again. */
function fileLoader<T>(path: string): () => Promise<T> {
  const once = onceEach((url) => fetchGzipJson<T>(url));
  return () => once(joinBase(BASE, path));
}

/** The catalogue of treatment types and guidelines, fetched when a search's answer is complete. */
const catalogueLoader = () => fileLoader<CatalogueEntry[]>(CATALOGUE_PATH);

/** The synonyms and region names, fetched beside the index by the first search with words. */
const termsLoader = () => fileLoader<TermSources>(TERMS_PATH);

/** Opens the index (pagefind/shards.json.gz) on first use and keeps it; shards are merged as searches need them. */
function indexLoader(): () => Promise<ShardedIndex> {
  let opened: Promise<ShardedIndex> | undefined;
  return () =>
    (opened ??= openShardedIndex({
      root: joinBase(BASE, '/pagefind/'),
      load: () => import(/* @vite-ignore */ joinBase(BASE, '/pagefind/pagefind.js')) as Promise<Pagefind>,
      baseUrl: BASE,
      options: { excerptLength: 28 },
    }));
}
