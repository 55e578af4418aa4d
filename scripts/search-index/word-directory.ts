// The site's word directory (src/lib/search/word-lists.ts, WordGroup), written from every shard's
// note of its groups and its letters' words (word-list-files.ts) when the index is published: per
// group of words, which shards have a file of it and the words typed that start so with their
// stems; and the list of every group. The page reads a word's group there before it asks any shard
// for its lists, so it never asks for a file that is not there.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { SHARD_WORDS_FILE, WORD_GROUPS_FILE, wordGroupFile, type ShardWordsNote, type WordGroup } from '../../src/lib/search/word-lists.ts';

/** Writes the directory into `pagefind` (the published index's folder) from the shards' bundles there; returns a key of its content. */
export async function writeWordDirectory(pagefind: string, shards: readonly { id: string; folder: string }[]): Promise<string> {
  const groups = new Map<string, WordGroup>();
  for (const { id, folder } of shards) {
    const path = join(folder, SHARD_WORDS_FILE);
    let note: ShardWordsNote;
    try {
      note = JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as ShardWordsNote;
    } catch (error) {
      throw new Error(`${path}: the shard's note of its words cannot be read (${(error as Error).message})`, { cause: error });
    }
    for (const group of note.groups) {
      let g = groups.get(group);
      if (!g) groups.set(group, (g = { shards: [], surfaces: {} }));
      g.shards.push(id);
    }
    for (const [word, stem] of Object.entries(note.surfaces)) {
      const g = groups.get(word.slice(0, 3));
      // A word whose group no shard indexed finds nothing; the page need not know its stem.
      if (g) g.surfaces[word] = stem;
    }
  }
  const hash = createHash('sha256');
  await mkdir(join(pagefind, dirname(WORD_GROUPS_FILE)), { recursive: true });
  const names = [...groups.keys()].sort();
  await writeFile(join(pagefind, WORD_GROUPS_FILE), gzipSync(JSON.stringify(names), { level: 9 }));
  for (const name of names) {
    const text = JSON.stringify(groups.get(name));
    hash.update(`${name}\n${text}\n`);
    await writeFile(join(pagefind, wordGroupFile(name)), gzipSync(text, { level: 9 }));
  }
  return hash.digest('hex').slice(0, 12);
}
