// A letter's card is its record's fragment without the text; anything but a letter's fragment is refused by name.
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { cardOf } from '../../scripts/search-index/letter-cards.ts';

const fragment = (record: object) => gzipSync(`pagefind_dcd${JSON.stringify(record)}`);
const letter = {
  url: '/determinations/CM17-0012345/',
  content: 'Case CM17-0012345. Clinical case summary. The injured worker hurt her back lifting a box.',
  word_count: 14,
  filters: {},
  meta: { title: 'Case CM17-0012345', decided: 'February 14, 2017', items: '[["Lumbar support brace","upheld"]]' },
  anchors: [],
};

test('keeps the URL and metadata of a letter’s record and drops its text', () => {
  const card = JSON.parse(gunzipSync(cardOf(fragment(letter), 'f')).toString('utf8')) as unknown;
  expect(card).toEqual({ url: letter.url, meta: letter.meta });
});

test('refuses an item’s record, a record without its item list, and a file that is not a fragment, naming the file', () => {
  const item = { ...letter, url: `${letter.url}#item-1`, meta: { title: 'Item 1: Lumbar support brace' } };
  expect(() => cardOf(fragment(item), 'fragment/x~2.pf_fragment')).toThrow(/fragment\/x~2\.pf_fragment: expected a letter's record/);
  expect(() => cardOf(fragment({ ...letter, meta: { title: 'Case' } }), 'y')).toThrow(/y: expected a letter's record/);
  expect(() => cardOf(gzipSync('{"url":"/"}'), 'z')).toThrow('z: not a Pagefind fragment file');
});
