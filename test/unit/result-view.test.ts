// What a search result shows, from Pagefind's result data in the shape the fixture site's index
// gives (test/build/search-index.test.ts checks that shape against a real index).
import { describe, expect, test } from 'vitest';
import type { PagefindResultData, PagefindSubResult } from '../../src/client/pagefind-api.ts';
import { resultView } from '../../src/client/result-view.ts';

const URL = '/determinations/CM17-0012345/';
const ITEMS = [
  ['TENS unit rental for 30 days', 'overturned'],
  ['Lumbar support brace', 'upheld'],
];

function result(subs: PagefindSubResult[], meta: PagefindResultData['meta'] = {}): PagefindResultData {
  return {
    url: URL,
    excerpt: '',
    meta: {
      title: 'Case CM17-0012345',
      decided: 'February 3, 2017',
      specialty: 'Physical Medicine & Rehabilitation',
      items: JSON.stringify(ITEMS),
      ...meta,
    },
    filters: {},
    sub_results: subs,
  };
}

const pageStart: PagefindSubResult = {
  title: 'Case CM17-0012345',
  url: URL,
  excerpt: 'after lifting a box at work. A one-month <mark>TENS</mark> trial and a lumbar brace',
};
const item = (n: number, excerpt: string): PagefindSubResult => ({
  title: `Item ${n}: ${ITEMS[n - 1]?.[0]}`,
  url: `${URL}#item-${n}`,
  excerpt,
  anchor: { element: 'h3', id: `item-${n}`, text: `Item ${n}: ${ITEMS[n - 1]?.[0]}`, location: 40 * n },
});

describe('resultView', () => {
  test('without words lists every item in letter order, linked to its heading, with its outcome', () => {
    const view = resultView(result([pageStart]), false, []);
    expect(view).toEqual({
      url: URL,
      title: 'Case CM17-0012345',
      facts: 'February 3, 2017 · Physical Medicine & Rehabilitation · 2 items',
      items: [
        { url: `${URL}#item-1`, title: 'Item 1: TENS unit rental for 30 days', outcome: 'overturned', otherOutcome: false },
        { url: `${URL}#item-2`, title: 'Item 2: Lumbar support brace', outcome: 'upheld', otherOutcome: false },
      ],
    });
  });

  test('with words lists the items they reached, each with its excerpt, and no excerpt of the page', () => {
    const view = resultView(result([pageStart, item(2, 'a lumbar support <mark>brace</mark> is not recommended')]), true, []);
    expect(view.excerpt).toBeUndefined();
    expect(view.items).toEqual([
      {
        url: `${URL}#item-2`,
        title: 'Item 2: Lumbar support brace',
        outcome: 'upheld',
        otherOutcome: false,
        excerpt: 'a lumbar support <mark>brace</mark> is not recommended',
      },
    ]);
  });

  test('with words that reached no item shows the excerpt of the page instead', () => {
    const view = resultView(result([pageStart]), true, []);
    expect(view.excerpt).toBe(pageStart.excerpt);
    expect(view.items).toEqual([]);
  });

  test('with an outcome filter puts the items of that outcome first, adds those the words missed, and marks the others', () => {
    const view = resultView(result([pageStart, item(1, 'one-month <mark>TENS</mark> trial')]), true, ['upheld']);
    expect(view.items.map((i) => [i.title, i.outcome, i.otherOutcome, i.excerpt])).toEqual([
      ['Item 2: Lumbar support brace', 'upheld', false, undefined],
      ['Item 1: TENS unit rental for 30 days', 'overturned', true, 'one-month <mark>TENS</mark> trial'],
    ]);
    // Without words every item is listed already; the filter only orders and marks them.
    expect(resultView(result([]), false, ['upheld']).items.map((i) => [i.title, i.otherOutcome])).toEqual([
      ['Item 2: Lumbar support brace', false],
      ['Item 1: TENS unit rental for 30 days', true],
    ]);
  });

  test('keeps markup in a letter’s text as text, for the page to set as text', () => {
    const items = JSON.stringify([['<img src=x onerror=alert(1)> brace', 'upheld']]);
    const view = resultView(result([], { title: 'Case <b>1</b>', items }), false, []);
    expect(view.title).toBe('Case <b>1</b>');
    expect(view.items[0]?.title).toBe('Item 1: <img src=x onerror=alert(1)> brace');
  });

  test('reads missing or broken metadata as no facts and no items, and the URL as the title', () => {
    const view = resultView({ ...result([]), meta: { items: '[["Norco", "upheld"' } }, false, []);
    expect(view).toEqual({ url: URL, title: URL, facts: '0 items', items: [] });
    const one = resultView(
      result([], {
        specialty: '',
        items: JSON.stringify([
          ['Norco', 'pending'],
          [42, 'upheld'],
        ]),
      }),
      false,
      [],
    );
    expect(one.facts).toBe('February 3, 2017 · 1 item');
    // An outcome the site does not know gets no badge.
    expect(one.items).toEqual([{ url: `${URL}#item-1`, title: 'Item 1: Norco', otherOutcome: false }]);
  });
});
