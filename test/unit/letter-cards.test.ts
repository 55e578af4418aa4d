// A letter's card is its record's URL and metadata as Pagefind took them; anything but a letter's record is refused by URL.
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { cardOf } from '../../scripts/search-index/letter-cards.ts';

const letter = {
  url: '/determinations/CM17-0012345/',
  meta: { title: 'Case CM17-0012345', decided: 'February 14, 2017', items: '[["Lumbar support brace","upheld"]]' },
};

test('keeps the URL and metadata of a letter’s record, and nothing else Pagefind answered', () => {
  const card = JSON.parse(gunzipSync(cardOf({ ...letter, uniqueWords: 14 } as typeof letter)).toString('utf8')) as unknown;
  expect(card).toEqual(letter);
});

test('refuses an item’s record and a record without its item list, naming its URL', () => {
  const item = { url: `${letter.url}#item-1`, meta: { title: 'Item 1: Lumbar support brace' } };
  expect(() => cardOf(item)).toThrow("/determinations/CM17-0012345/#item-1: expected a letter's record");
  expect(() => cardOf({ ...letter, meta: { title: 'Case' } })).toThrow(
    "/determinations/CM17-0012345/: expected a letter's record, with its metadata's item list",
  );
});
