// Placeholders for the results of a page not fetched with the search, each replaced by its result
// once it nears the screen. A jump down the page (End key, a scrollbar drag) skips placeholders;
// those above the one reached load too, so the list never has holes above the reader.
import type { PagefindResult, PagefindResultData } from './pagefind-api.ts';
import { pendingElement } from './result-element.ts';

export interface LazyResults {
  /** Stops loading (a newer search replaces the list). */
  stop(): void;
}

/**
 * Appends a placeholder per result to `list` and fills each in with `render(data)` as it comes
 * within a screen of view; `current()` says whether this search is still the one shown.
 */
export function appendLazily(
  list: HTMLElement,
  results: readonly PagefindResult[],
  render: (d: PagefindResultData) => HTMLElement,
  current: () => boolean,
): LazyResults {
  const pending = new Map<Element, PagefindResult>(); // in list order
  const fill = (target: Element, result: PagefindResult) => {
    pending.delete(target);
    observer.unobserve(target);
    void result.data().then((d) => current() && target.replaceWith(render(d)));
  };
  const observer = new IntersectionObserver(
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
    const li = pendingElement();
    pending.set(li, result);
    list.append(li);
    observer.observe(li);
  }
  return { stop: () => observer.disconnect() };
}
