// Writes an answer (run-search.ts) into the search page: the status line, the counts beside the
// filters, the chips, the results of the page shown (the first screenful fetched at once, the rest
// as they near the screen) and the pager. A first answer, from the shards searched first, says
// so in its status and leaves the counts blank and the pager out until the complete one.
import { filtersInUse } from '../lib/search/filters-in-use.ts';
import type { FilterKey } from '../lib/search/filter-keys.ts';
import type { FilterLabels } from '../lib/search/known-filters.ts';
import { pager, resultPage, type ResultPage } from '../lib/search/pager.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import { partialStatus, searchStatus } from '../lib/search/search-status.ts';
import { datesCovered } from '../lib/search/staged-shards.ts';
import { appendLazily, type LazyResults } from './lazy-results.ts';
import { resultElement } from './result-element.ts';
import { termsNote } from '../lib/search/query-terms.ts';
import { matchCount, resultMarks, type SearchAnswer } from './run-search.ts';
import { clearCounts, showChips, showCounts, showPager, type SearchPage } from './search-page.ts';

/**
 * Results whose text is fetched with the search; the others load as they near the screen. A first
 * answer fetches fewer, to be on screen sooner (the complete answer reuses what they fetched).
 */
const EAGER_RESULTS = 10;
const EAGER_FIRST_RESULTS = 5;

export interface AnswerActions {
  removeFilter(key: FilterKey, value: string): void;
  hrefOf(page: number): string;
  goToPage(page: number): void;
}

/** Writes the answer and returns the page of results it shows; undefined when a newer search came first. */
export async function showAnswer(
  page: SearchPage,
  labels: FilterLabels,
  answer: SearchAnswer,
  shown: SearchState,
  current: () => boolean,
  actions: AnswerActions,
): Promise<ResultPage | undefined> {
  const { ordered } = answer;
  // Only the letters of the page shown are fetched; a page past the last shows the last.
  const at = resultPage(ordered.length, answer.complete ? shown.page : 1);
  const onPage = ordered.slice(at.start, at.end);
  const render = async (i: number) => resultElement(await answer.view(onPage[i]!), resultMarks(onPage[i]!));
  const eager = answer.complete ? EAGER_RESULTS : EAGER_FIRST_RESULTS;
  const first = await Promise.all(onPage.slice(0, eager).map((_, i) => render(i)));
  if (!current()) return undefined;

  const sections = labels.section as Map<string, string> | undefined;
  for (const [value, label] of Object.entries(answer.search.sectionLabels)) sections?.set(value, label);
  if (answer.complete) {
    showCounts(page, answer.search.counts);
    page.status.textContent = searchStatus(shown, matchCount(answer), at);
  } else {
    clearCounts(page);
    page.status.textContent = partialStatus(shown, matchCount(answer), datesCovered(answer.shards));
  }
  showChips(page, filtersInUse(shown), labels, actions.removeFilter);
  page.list.replaceChildren(...first);
  // What the list holds, for tests and the benchmark: this query's first or complete answer.
  page.list.dataset.search = answer.complete ? 'complete' : 'first';
  page.list.dataset.query = shown.q;
  // When it was shown (ms since the epoch), so the benchmark can tell what was fetched before.
  page.list.dataset.shownAt = String(Math.round(performance.timeOrigin + performance.now()));
  lazyResults?.stop();
  lazyResults = appendLazily(
    page.list,
    onPage.slice(eager).map((_, i) => () => render(eager + i)),
    current,
  );
  showPager(page, answer.complete ? pager(at) : undefined, actions.hrefOf, actions.goToPage);
  const note = answer.words ? termsNote(answer.words.terms) : '';
  page.terms.textContent = note ? `Searched for ${note}.` : '';
  page.terms.hidden = note === '';
  showStarted(page, answer);
  return at;
}

/** Most letters the fold of words only started lists. */
const STARTED_SHOWN = 20;

/**
 * The items the typed words find only as starts of longer words, folded after the results and in
 * no count; their letters are fetched when the fold is opened.
 */
function showStarted(page: SearchPage, answer: SearchAnswer): void {
  const { started } = page;
  const items = answer.search.words?.started.items ?? 0;
  started.hidden = !answer.complete || items === 0;
  started.open = false;
  const list = started.querySelector('ol')!;
  list.replaceChildren();
  if (started.hidden || !answer.words) return;
  const terms = answer.words.terms.filter((t) => !t.region).map((t) => t.typed);
  const named = answer.words.prefixOnly.length > 0 ? answer.words.prefixOnly : terms;
  started.querySelector('summary')!.textContent =
    `Words that start with ${named.map((w) => `‘${w}’`).join(', ')}: ${items.toLocaleString('en-US')} ${items === 1 ? 'item' : 'items'}`;
  const letters = answer.started.slice(0, STARTED_SHOWN);
  started.ontoggle = () => {
    if (!started.open || list.childElementCount > 0) return;
    void Promise.all(letters.map(async (m) => resultElement(await answer.view(m)))).then((elements) => list.replaceChildren(...elements));
  };
}

let lazyResults: LazyResults | undefined;
