// A search result's elements, built from its view (result-view.ts) with DOM calls: nothing from
// the index is inserted as HTML except Pagefind's <mark> highlights, which are rebuilt element by
// element.
import { el } from './dom.ts';
import type { ItemView, Outcome, ResultView } from './result-view.ts';

export function resultElement(view: ResultView, marks: readonly string[] = []): HTMLLIElement {
  const li = el('li', 'result');
  const h = el('h3');
  const a = el('a');
  a.href = view.url;
  a.textContent = view.title;
  h.append(a);
  for (const mark of marks) h.append(' ', el('span', 'result-mark', mark));
  li.append(h, el('p', 'result-meta', view.facts));
  if (view.excerpt) li.append(excerpt(view.excerpt));
  const ul = el('ul', 'subresults');
  for (const item of view.items) ul.append(itemElement(item));
  li.append(ul);
  if (view.others.length > 0) {
    // The letter's other items, folded: they are part of the letter but not of the answer.
    const details = el('details', 'other-items');
    const n = view.others.length;
    details.append(el('summary', undefined, `${n} other ${n === 1 ? 'item' : 'items'} in this letter, not matching`));
    const others = el('ul', 'subresults');
    for (const item of view.others) others.append(itemElement(item, 'subresult-other'));
    details.append(others);
    li.append(details);
  }
  return li;
}

/** The stand-in for a result whose text has not been fetched yet. */
export function pendingElement(): HTMLLIElement {
  const li = el('li', 'result result-pending', 'Loading…');
  li.setAttribute('aria-busy', 'true');
  return li;
}

function itemElement(item: ItemView, className?: string): HTMLLIElement {
  const li = el('li', className);
  const line = el('p', 'subresult-title');
  if (item.outcome) line.append(badge(item.outcome), ' ');
  const a = el('a');
  a.href = item.url;
  a.textContent = item.title;
  line.append(a);
  if (item.where) {
    // Where the words are: a request that names them answers a precedent question; a mention does not.
    const where = el('span', `result-mark item-where item-${item.where}`, item.where === 'requested' ? 'in the request' : 'mentioned only');
    where.dataset.where = item.where;
    line.append(' ', where);
  }
  li.append(line);
  if (item.excerpt) li.append(excerpt(item.excerpt));
  return li;
}

function badge(outcome: Outcome): HTMLSpanElement {
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
