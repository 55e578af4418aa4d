// "Download these results (CSV)" on the search page: the current search's items as a CSV file
// (src/client/build-download.ts), with a line saying what it holds and, when capped, where all of
// it is (the /data/ page).
import type { TermSources } from '../lib/search/query-terms.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import type { ShardedIndex } from './sharded-index.ts';

export interface CsvDownloadOptions {
  /** The search index, loaded. */
  load(): Promise<ShardedIndex>;
  /** The search on screen. */
  state(): SearchState;
  /** The synonyms and region names the words were read with. */
  terms(): Promise<TermSources>;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Labels of a filter's values as the search page shows them (value -> label). */
function filterLabels(key: string): (value: string) => string {
  const labels = new Map<string, string>();
  for (const box of document.querySelectorAll<HTMLInputElement>(`input[data-filter="${key}"]`)) {
    labels.set(box.value, box.closest('label')?.querySelector('.check-label')?.textContent?.trim() ?? box.value);
  }
  return (value) => labels.get(value) ?? value;
}

function save(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function setupCsvDownload({ load, state, terms }: CsvDownloadOptions): void {
  const button = document.querySelector<HTMLButtonElement>('#csv-download');
  const note = document.querySelector<HTMLElement>('#csv-note');
  if (!button || !note) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    note.textContent = 'Preparing the file…';
    try {
      const search = state();
      const [{ buildResultsCsv, MAX_ROWS }, api, sources] = await Promise.all([
        import('./build-download.ts'),
        load(),
        search.q ? terms() : undefined,
      ]);
      const csv = await buildResultsCsv(
        api,
        search,
        { origin: location.origin, treatmentLabel: filterLabels('treatment'), guidelineLabel: filterLabels('guideline') },
        sources,
      );
      save(csv.text, `imr-search-${new Date().toISOString().slice(0, 10)}.csv`);
      const what = `${count(csv.rows, 'matching item', 'matching items')} from ${count(csv.covered, 'determination', 'determinations')}`;
      note.replaceChildren(
        csv.capped
          ? `The file holds the first ${what}: the search matched ${count(csv.matched, 'determination', 'determinations')}, and a file holds at most ${count(MAX_ROWS, 'item', 'items')}. Every item is in the `
          : `The file holds ${what}.`,
      );
      if (csv.capped) {
        const link = document.createElement('a');
        link.href = note.dataset.openData ?? '';
        link.textContent = 'open data';
        note.append(link, '.');
      }
    } catch {
      note.textContent = 'The file could not be made. Reload the page to try again.';
    } finally {
      button.disabled = false;
    }
  });
}
