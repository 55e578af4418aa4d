// What a search result shows, from the Pagefind result data of a letter's own record and of its
// matching items' records, in the shape the fixture site's index gives (test/build/search-index.test.ts
// checks that shape against a real index).
import { describe, expect, test } from 'vitest';
import type { PagefindResultData } from '../../src/client/pagefind-api.ts';
import { resultView, type MatchedItems } from '../../src/client/result-view.ts';

const URL = '/determinations/CM17-0012345/';
const ITEMS = [
  ['TENS unit rental for 30 days', 'overturned'],
  ['Lumbar support brace', 'upheld'],
];

function letter(
  meta: PagefindResultData['meta'] = {},
  excerpt = 'after lifting a box at work. A one-month <mark>TENS</mark> trial and a lumbar brace',
): PagefindResultData {
  return {
    url: URL,
    excerpt,
    meta: {
      title: 'Case CM17-0012345',
      decided: 'February 3, 2017',
      specialty: 'Physical Medicine & Rehabilitation',
      items: JSON.stringify(ITEMS),
      ...meta,
    },
  };
}

const item = (n: number, excerpt: string): PagefindResultData => ({
  url: `${URL}#item-${n}`,
  excerpt,
  meta: { title: `Item ${n}: ${ITEMS[n - 1]?.[0]}` },
});
const matched = (items: number[], own: [number, PagefindResultData][] = [], letterHit = false, requested: number[] = []): MatchedItems => ({
  items,
  requested,
  own: new Map(own),
  letterHit,
});

describe('resultView', () => {
  test('without words lists the matching items in letter order, linked to their headings, with their outcomes', () => {
    expect(resultView(letter(), matched([1, 2]), false)).toEqual({
      url: URL,
      title: 'Case CM17-0012345',
      facts: 'February 3, 2017 · Physical Medicine & Rehabilitation · 2 items',
      items: [
        { url: `${URL}#item-1`, title: 'Item 1: TENS unit rental for 30 days', outcome: 'overturned' },
        { url: `${URL}#item-2`, title: 'Item 2: Lumbar support brace', outcome: 'upheld' },
      ],
      others: [],
    });
  });

  test('with words shows the excerpt of each item whose own text holds them, and no excerpt of the letter', () => {
    const view = resultView(letter(), matched([2], [[2, item(2, 'a lumbar support <mark>brace</mark> is not recommended')]], true), true);
    expect(view.excerpt).toBeUndefined();
    expect(view.items).toEqual([
      {
        url: `${URL}#item-2`,
        title: 'Item 2: Lumbar support brace',
        outcome: 'upheld',
        excerpt: 'a lumbar support <mark>brace</mark> is not recommended',
        where: 'mentioned',
      },
    ]);
  });

  test('folds the items that do not match, and marks them apart', () => {
    const view = resultView(letter(), matched([2], [[2, item(2, '<mark>brace</mark>')]]), true);
    expect(view.others).toEqual([{ url: `${URL}#item-1`, title: 'Item 1: TENS unit rental for 30 days', outcome: 'overturned' }]);
  });

  test('shows the letter’s excerpt when only its own text held the words', () => {
    const view = resultView(letter(), matched([1, 2], [], true), true);
    expect(view.excerpt).toBe(letter().excerpt);
    expect(view.items.map((i) => i.title)).toEqual(['Item 1: TENS unit rental for 30 days', 'Item 2: Lumbar support brace']);
    expect(view.items.every((i) => i.excerpt === undefined)).toBe(true);
  });

  test('keeps markup in a letter’s text as text, for the page to set as text', () => {
    const items = JSON.stringify([['<img src=x onerror=alert(1)> brace', 'upheld']]);
    const view = resultView(letter({ title: 'Case <b>1</b>', items }), matched([1]), false);
    expect(view.title).toBe('Case <b>1</b>');
    expect(view.items[0]?.title).toBe('Item 1: <img src=x onerror=alert(1)> brace');
  });

  test('reads missing or broken metadata as no facts and no items, and the URL as the title', () => {
    const view = resultView({ url: URL, excerpt: '', meta: { items: '[["Norco", "upheld"' } }, matched([]), false);
    expect(view).toEqual({ url: URL, title: URL, facts: '0 items', items: [], others: [] });
    const one = resultView(
      letter({
        specialty: '',
        items: JSON.stringify([
          ['Norco', 'pending'],
          [42, 'upheld'],
        ]),
      }),
      matched([1]),
      false,
    );
    expect(one.facts).toBe('February 3, 2017 · 1 item');
    // An outcome the site does not know gets no badge.
    expect(one.items).toEqual([{ url: `${URL}#item-1`, title: 'Item 1: Norco' }]);
  });
});
