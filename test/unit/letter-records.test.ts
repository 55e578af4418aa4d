// A determination page cut into search records (one for the letter, one per disputed item), and
// the names that give a record's shard and row back from a search result's id.
import { describe, expect, test } from 'vitest';
import { letterRecords } from '../../scripts/search-index/letter-records.ts';
import { recordName, recordOf, recordTag } from '../../src/lib/search/shard-manifest.ts';

const facts = {
  year: '2017',
  specialty: ['Pain Medicine'],
  items: [1, 2].map(() => ({ outcome: 'upheld', treatment: 'mri', claims: {}, reviewer: {} })),
  sections: {},
};
const ITEMS_META = `<meta data-pagefind-meta="items[content]" content="[[&quot;<script>alert(1)</script> brace&quot;,&quot;upheld&quot;]]">`;
const result = { date: '2017-02-03', specialty: 'Pain Medicine', items: '[]' };
const data = { page: 'determinations/CM17-0012345/index.html', facts, result } as unknown as Parameters<typeof letterRecords>[1];
const PAGE = `<!doctype html><html lang="en"><head>${ITEMS_META}</head><body>
<article class="determination" data-pagefind-body data-pagefind-sort="decided:2017-02-03"><h1>Case CM17-0012345</h1>
<section class="decisions"><section class="item" aria-labelledby="item-1"><h3 id="item-1">Item 1: TENS &amp; &quot;EMS&quot;</h3><div class="prose"><section class="footnotes">note</section><p>one</p></div></section>
<section class="item" aria-labelledby="item-2"><h3 id="item-2">Item 2: Brace</h3><p>two</p></section></section>
<section class="summary"><h2>Clinical case summary</h2><p>lifting a box</p></section></article></body></html>`;

describe('letterRecords', () => {
  const records = letterRecords(PAGE, data, 'determinations/CM17-0012345/index.html');

  test('passes on the CSV data it was handed', () => {
    expect(records.result).toEqual(result);
  });

  test('gives the letter’s record without its item sections, carrying its row key', () => {
    const letter = records.letter(7);
    expect(letter).toContain('<h1>Case CM17-0012345</h1>');
    expect(letter).toContain('lifting a box');
    expect(letter).not.toContain('Item 1');
    expect(letter).not.toContain('two');
    expect(letter).not.toContain('decided:');
    // The sort keys, then the page's metadata tags whole, even with a ">" in a value.
    expect(letter).toContain(`<head><meta data-pagefind-sort="row[content]" content="7">${ITEMS_META}</head>`);
  });

  test('gives each item a record of its own section, titled by its heading, nested sections and all', () => {
    expect(records.items).toHaveLength(2);
    const first = records.items[0]!(8);
    expect(first).toContain('<meta data-pagefind-meta="title[content]" content="Item 1: TENS &amp; &quot;EMS&quot;">');
    expect(first).toContain('<meta data-pagefind-sort="row[content]" content="8">');
    expect(first).toContain('<section class="footnotes">note</section><p>one</p></div></section></div></body>');
    expect(first).not.toContain('two');
    // The heading, and so the request, at the least weight: its places come first (see letter-records.ts).
    expect(records.items[1]!(9)).toContain('<h3 id="item-2" data-pagefind-weight="1.042">Item 2: Brace</h3><p>two</p></section></div>');
  });

  test('refuses a page whose item sections and facts disagree', () => {
    expect(() =>
      letterRecords(PAGE.replace(/<section class="item" aria-labelledby="item-2">/, '<section class="other">'), data, 'x.html'),
    ).toThrow('x.html: 1 item sections for 2 items');
    expect(() => letterRecords('<html></html>', data, 'y.html')).toThrow('y.html: no data-pagefind-sort');
  });
});

describe('recordName', () => {
  test('names a record by its shard’s tag and its row, and gives both back', () => {
    const tag = recordTag('1be1c178cdb4db838898bcff9ac53b47f8147cf1935dbfed0117ef31473bc006');
    expect(tag).toBe('1be1c178cdb4');
    for (const row of [1, 35, 36, 262143]) {
      const name = recordName(tag, row);
      expect(name).toMatch(/^[0-9a-f]{12}~[0-9a-z]+$/);
      expect(recordOf(name)).toEqual({ tag, row });
    }
    expect(recordName(tag, 56)).toBe('1be1c178cdb4~1k');
  });

  test('gives nothing back for a name Pagefind gave', () => {
    for (const name of ['en_7b938d2', '~1', '2016~', '2016~1K', '2016~1-']) expect(recordOf(name), name).toBeUndefined();
  });
});
