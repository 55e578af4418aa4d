// The search page's elements (rendered at build time by src/pages/search.astro), and the writing of
// a search into them: the form, the filter boxes and their counts, the chips, the pager. What to
// write is worked out in src/lib/search/; this module only touches the DOM.
import { FILTER_KEYS, FILTER_LEGENDS, type FilterKey } from '../lib/search/filter-keys.ts';
import type { FormValues } from '../lib/search/form-state.ts';
import { optionCount } from '../lib/search/facet-counts.ts';
import type { FilterLabels } from '../lib/search/known-filters.ts';
import type { Pager } from '../lib/search/pager.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import { $, el } from './dom.ts';

export interface SearchPage {
  app: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  sortSelect: HTMLSelectElement;
  scopeSelect: HTMLSelectElement;
  status: HTMLElement;
  note: HTMLElement;
  terms: HTMLElement;
  answer: HTMLElement;
  started: HTMLDetailsElement;
  suggestions: HTMLElement;
  list: HTMLOListElement;
  pager: HTMLElement;
  chips: HTMLUListElement;
  inUse: HTMLElement;
  clear: HTMLAnchorElement;
  panel: HTMLDetailsElement;
}

export function findSearchPage(): SearchPage {
  return {
    app: $('#search-app'),
    form: $('#search-form'),
    input: $('#q'),
    sortSelect: $('#sort'),
    scopeSelect: $('#scope'),
    status: $('#search-status'),
    note: $('#search-note'),
    terms: $('#search-terms'),
    answer: $('#search-answer'),
    started: $('#started-results'),
    suggestions: $('#search-suggestions'),
    list: $('#results'),
    pager: $('#result-pages'),
    chips: $('#active-filters'),
    inUse: $('#filters-in-use'),
    clear: $('#clear-filters'),
    panel: $('#filters-panel'),
  };
}

/** The filter checkboxes; they belong to the form through their form attribute but sit outside it. */
const boxes = (page: SearchPage) => [...page.app.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-filter]')];
const keyOf = (box: HTMLInputElement) => box.dataset.filter as FilterKey;

/**
 * Every filter value the page knows, with its label: the checkboxes, and the catalogue entries
 * without one, which the build lists as <data> elements in the <template id="filter-labels">.
 */
export function filterLabels(page: SearchPage): FilterLabels {
  const labels = new Map(FILTER_KEYS.map((key) => [key, new Map<string, string>()]));
  for (const box of boxes(page))
    labels.get(keyOf(box))?.set(box.value, box.closest('label')?.querySelector('.check-label')?.textContent ?? box.value);
  const listed =
    document.querySelector<HTMLTemplateElement>('#filter-labels')?.content.querySelectorAll<HTMLDataElement>('data[data-filter]') ?? [];
  for (const data of listed) labels.get(data.dataset.filter as FilterKey)?.set(data.value, data.textContent ?? data.value);
  return Object.fromEntries(labels);
}

/** The note above the results (filter values left out of a link), hidden when there is none. */
export function showNote(page: SearchPage, text: string): void {
  page.note.textContent = text;
  page.note.hidden = text === '';
}

/** Sets the form to a search: words, order, ticked boxes. */
export function showState(page: SearchPage, state: SearchState): void {
  page.input.value = state.q;
  page.sortSelect.value = state.sort;
  page.scopeSelect.value = state.scope;
  // "Best match" needs words to rank by.
  const relevance = page.sortSelect.querySelector<HTMLOptionElement>('option[value="relevance"]');
  if (relevance) relevance.disabled = state.q === '';
  for (const box of boxes(page)) box.checked = (state.filters[keyOf(box)] ?? []).includes(box.value);
}

export function readForm(page: SearchPage): FormValues {
  const filters: SearchState['filters'] = {};
  for (const box of boxes(page)) if (box.checked) (filters[keyOf(box)] ??= []).push(box.value);
  return { q: page.input.value, scope: page.scopeSelect.value, sort: page.sortSelect.value, filters };
}

/** Writes each box's count; a box with none (and not ticked) is disabled and greyed out. */
export function showCounts(page: SearchPage, counts: Partial<Record<FilterKey, Record<string, number>>>): void {
  for (const box of boxes(page)) {
    const { count, zero } = optionCount(counts, keyOf(box), box.value, box.checked);
    const out = box.closest('label')?.querySelector('.count');
    if (out) out.textContent = String(count);
    box.disabled = zero;
    box.closest('label')?.classList.toggle('zero', zero);
  }
}

/** Blanks every box's count (a first answer's counts would be wrong) and leaves every box choosable. */
export function clearCounts(page: SearchPage): void {
  for (const box of boxes(page)) {
    const out = box.closest('label')?.querySelector('.count');
    if (out) out.textContent = '';
    box.disabled = false;
    box.closest('label')?.classList.remove('zero');
  }
}

/**
 * The filters in use as removable chips above the results: a shared link shows what it holds
 * even when a value sits below the fold of its list, or has no checkbox (a catalogue entry no
 * letter has yet).
 */
export function showChips(
  page: SearchPage,
  used: readonly { key: FilterKey; value: string }[],
  labels: FilterLabels,
  remove: (key: FilterKey, value: string) => void,
): void {
  page.chips.replaceChildren();
  page.inUse.textContent = used.length > 0 ? ` (${used.length} in use)` : '';
  for (const { key, value } of used) {
    const label = labels[key]?.get(value) ?? value;
    const legend = FILTER_LEGENDS[key];
    const button = el('button', 'chip');
    button.type = 'button';
    button.append(el('span', 'chip-key', `${legend}: `), label, el('span', 'chip-x', ' ×'));
    button.setAttribute('aria-label', `Remove filter ${legend}: ${label}`);
    button.addEventListener('click', () => remove(key, value));
    const li = el('li');
    li.append(button);
    page.chips.append(li);
  }
}

/**
 * The catalogue entries the words name, as filters one click away ("Treatment type: Opioids,
 * 14 items"), hidden when there is none.
 */
export function showSuggestions(
  page: SearchPage,
  offered: readonly { key: FilterKey; value: string; label: string; count: number }[],
  pick: (key: FilterKey, value: string) => void,
): void {
  page.suggestions.replaceChildren();
  page.suggestions.hidden = offered.length === 0;
  if (offered.length === 0) return;
  page.suggestions.append('Narrow to: ');
  offered.forEach(({ key, value, label, count }, i) => {
    const button = el('button', 'chip suggestion', `${FILTER_LEGENDS[key]}: ${label}, ${count} ${count === 1 ? 'item' : 'items'}`);
    button.type = 'button';
    button.addEventListener('click', () => pick(key, value));
    if (i > 0) page.suggestions.append(' ');
    page.suggestions.append(button);
  });
}

/** The pager under the results: links to the pages before and after, each with its own URL. */
export function showPager(page: SearchPage, at: Pager | undefined, hrefOf: (n: number) => string, goTo: (n: number) => void): void {
  page.pager.replaceChildren();
  if (!at) return;
  const link = (n: number, text: string, rel: string) => {
    const a = el('a', undefined, text);
    a.href = hrefOf(n);
    a.rel = rel;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      goTo(n);
    });
    return a;
  };
  if (at.previous) page.pager.append(link(at.previous, '‹ Previous', 'prev'));
  page.pager.append(el('span', undefined, at.label));
  if (at.next) page.pager.append(link(at.next, 'Next ›', 'next'));
}

/**
 * Calls `change` when the reader changes the search in the form: at once for a submit, a box or
 * the order (a new history entry), once typing pauses for words (the same entry); and `clear`
 * for "Clear all filters".
 */
export function onFormChange(page: SearchPage, change: (mode: 'push' | 'replace') => void, clear: () => void): void {
  page.form.addEventListener('submit', (e) => {
    e.preventDefault();
    change('push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  page.input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => change('replace'), 300);
  });
  // Checkboxes belong to the form through their form attribute but sit outside it in the DOM.
  page.app.addEventListener('change', (e) => {
    if (e.target !== page.input) change('push');
  });
  page.clear.addEventListener('click', (e) => {
    e.preventDefault();
    clear();
  });
}

/**
 * Filters start folded on a phone (the chips above the results show those in use), open on a
 * wide screen where they sit beside the results.
 */
export function foldFiltersOnPhones(page: SearchPage): void {
  page.panel.open = window.matchMedia('(min-width: 56em)').matches;
}
