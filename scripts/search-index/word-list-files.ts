// A shard's word lists (src/lib/search/word-lists.ts) written beside its Pagefind bundle, a file
// per group of words (their first three characters, groupFile; in a small shard a file per two
// characters, listNameLength), once the bundle's records are named by row: what a search that
// can count and rank by the lists fetches of a shard instead of Pagefind's metadata and word
// chunks (docs/search.md, "Word lists"). And a note of its groups and of the words of its letters
// with their stems, from which the index writes the site's word directory (word-directory.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createStemmer } from 'multilingual-stemmer';
import { searchWords } from '../../src/lib/search/search-words.ts';
import {
  encodeListGroup,
  encodeWordList,
  groupFile,
  groupOf,
  GROUPED,
  GROUP_LENGTH,
  OWN_LIST_BYTES,
  ownFile,
  SHARD_WORDS_FILE,
  type ListGroup,
  type ShardWordsNote,
  type WordList,
} from '../../src/lib/search/word-lists.ts';
import { readBundleWords, type RequestSpans } from './pagefind-words.ts';
import { runPool } from './run-pool.ts';

const stem = createStemmer('en');

/** The words of a record's HTML as a query folds them (search-words.ts), those a group file can hold. */
export function surfaceWords(html: string, into: Set<string>): void {
  for (const word of searchWords(html.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' '))) if (GROUPED.test(word)) into.add(word);
}

/**
 * Writes the word lists of the bundle in `dir` (its records named by `tag`), its group files named
 * by `nameLength` characters of their group (listNameLength); returns how many files.
 */
export async function writeWordLists(
  dir: string,
  tag: string,
  spanOf: RequestSpans,
  surfaces: ReadonlySet<string>,
  nameLength = GROUP_LENGTH,
): Promise<number> {
  const shard = await readBundleWords(dir, spanOf);
  const listGroup = (words: WordList[]): ListGroup => ({ tag, records: shard.records, fields: shard.fields, words });
  const grouped: WordList[] = [];
  const own: WordList[] = [];
  for (const list of shard.words) {
    if (!GROUPED.test(list.word)) continue;
    (encodeWordList(list).length >= OWN_LIST_BYTES ? own : grouped).push(list);
  }
  const groups = Map.groupBy(grouped, (list) => groupOf(list.word));
  // A file per name, holding the groups that share it in order.
  const named = Map.groupBy([...groups.keys()].sort(), (key) => groupFile(key, nameLength));
  const files: [string, ListGroup][] = [
    ...[...named].map(([file, keys]): [string, ListGroup] => [file, listGroup(keys.flatMap((key) => groups.get(key)!))]),
    ...own.map((list): [string, ListGroup] => [ownFile(list.word), listGroup([list])]),
  ];
  for (const folder of new Set(files.map(([file]) => dirname(file)))) await mkdir(join(dir, folder), { recursive: true });
  // Small files: the default level packs them as tightly as 9, and writes overlap.
  await runPool(files, 16, ([file, group]) => writeFile(join(dir, file), gzipSync(encodeListGroup(group))));
  const ownGroups = new Set(own.map((l) => groupOf(l.word)));
  const note: ShardWordsNote = {
    groups: [...groups.keys()].sort(),
    own: own.map((l) => l.word),
    // Of its group files' words, those of groups where it has words of their own as well: elsewhere
    // its group file is the only one with the group's words, and the page fetches it.
    small: [...groups]
      .filter(([key]) => ownGroups.has(key))
      .flatMap(([, words]) => words.map((l) => l.word))
      .sort(),
    surfaces: {},
  };
  // A word is kept only where this shard indexed its stem: Pagefind stemmed the same text, so a
  // stem it did not index would be one its stemmer and this one disagree on, and the page leaves
  // such a word to Pagefind.
  const indexed = new Set(shard.words.map((l) => l.word));
  // Words with digits (case numbers, dates) are left to Pagefind: nearly each is a word of its own, and they
  // would be most of the directory.
  for (const word of [...surfaces].sort()) {
    if (/\d/.test(word)) continue;
    const stemmed = stem(word);
    if (indexed.has(stemmed)) note.surfaces[word] = stemmed === word ? '' : stemmed;
  }
  await writeFile(join(dir, SHARD_WORDS_FILE), gzipSync(JSON.stringify(note), { level: 9 }));
  return files.length;
}
