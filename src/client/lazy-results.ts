// Placeholders for the results of a page not fetched with the search, each replaced by its result
// once it nears the screen. A jump down the page (End key, a scrollbar drag) skips placeholders;
// those above the one reached load too, so the list never has holes above the reader.
import { pendingElement } from './result-element.ts';

export interface LazyResults {
  /** Stops loading (a newer search replaces the list). */
  stop(): void;
}

/**
 * Appends a placeholder per result to `list` and fills each in with `render()` as it comes
 * within a screen of view; `current()` says whether this search is still the one shown.
 */
export function appendLazily(list: HTMLElement, renders: readonly (() => Promise<HTMLElement>)[], current: () => boolean): LazyResults {
  const pending = new Map<Element, () => Promise<HTMLElement>>(); // in list order
  const fill = (target: Element, render: () => Promise<HTMLElement>) => {
    pending.delete(target);
    observer.unobserve(target);
    void render().then((element) => current() && target.replaceWith(element));
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!isIntersecting || !pending.has(target)) continue;
        for (const [earlier, render] of [...pending]) {
          fill(earlier, render);
          if (earlier === target) break;
        }
      }
    },
    { rootMargin: '100% 0px' },
  );
  for (const render of renders) {
    const li = pendingElement();
    pending.set(li, render);
    list.append(li);
    observer.observe(li);
  }
  return { stop: () => observer.disconnect() };
}
