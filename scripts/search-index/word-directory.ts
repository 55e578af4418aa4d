// The site's word directory (src/lib/search/word-lists.ts, WordGroup), written from every shard's
// note of its groups and its letters' words (word-list-files.ts) when the index is published: per
// group of words, which shards have a file of it and the words typed that start so with their
// stems; and the list of every group. The page reads a word's group there before it asks any shard
// for its lists, so it never asks for a file that is not there, and asks for every file with the
// directory's key (the manifest's `words`, a digest of the shards' ids and tags, from which the
// directory follows), so a browser's cache never gives it one of another build.
//
// A group's file changes only when a shard gains or loses the group or the letters a word: an
// update moves the unchanged ones over from the index it replaces (their digests in HASHES_FILE)
// instead of writing some thousands of files again.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  GROUP_LENGTH,
  SHARD_WORDS_FILE,
  WORD_GROUPS_FILE,
  wordGroupFile,
  type ShardWordsNote,
  type WordGroup,
} from '../../src/lib/search/word-lists.ts';
import { runPool } from './run-pool.ts';

/** Each group file's digest, beside the directory, for the next update to tell which it may keep. */
const HASHES_FILE = 'words/hashes.json';

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

async function readNote(folder: string): Promise<ShardWordsNote> {
  const path = join(folder, SHARD_WORDS_FILE);
  try {
    return JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as ShardWordsNote;
  } catch (error) {
    throw new Error(`${path}: the shard's note of its words cannot be read (${(error as Error).message})`, { cause: error });
  }
}

/** The digests of the directory in `pagefind`, or none. */
async function readHashes(pagefind: string | undefined): Promise<Record<string, string>> {
  if (!pagefind) return {};
  try {
    return JSON.parse(await readFile(join(pagefind, HASHES_FILE), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Writes the directory into `pagefind` (the index's folder being published) from the shards'
 * bundles there, moving over the files that have not changed from `previous` (the folder it
 * replaces); returns its key.
 */
export async function writeWordDirectory(
  pagefind: string,
  shards: readonly { id: string; folder: string; tag: string }[],
  previous?: string,
): Promise<string> {
  const notes = await Promise.all(shards.map(({ folder }) => readNote(folder)));
  const groups = new Map<string, WordGroup>();
  const groupNamed = (name: string) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { shards: [], own: {}, surfaces: {} }));
    return g;
  };
  notes.forEach((note, k) => {
    const id = shards[k]!.id;
    for (const group of note.groups) groupNamed(group).shards.push(id);
    for (const word of note.own) (groupNamed(word.slice(0, GROUP_LENGTH)).own[word] ??= []).push(id);
  });
  const small = new Map<WordGroup, Set<string>>();
  for (const note of notes)
    for (const word of note.small) {
      const g = groupNamed(word.slice(0, GROUP_LENGTH));
      if (!small.has(g)) small.set(g, new Set());
      small.get(g)!.add(word);
    }
  // Listed for the groups with words of their own only (needsGroupFile); empty where no shard has smaller ones.
  for (const g of groups.values()) if (Object.keys(g.own).length > 0) g.small = [...(small.get(g) ?? [])].sort();
  for (const note of notes)
    for (const [word, stem] of Object.entries(note.surfaces)) {
      // A word whose group no shard indexed finds nothing; the page need not know its stem.
      const g = groups.get(word.slice(0, GROUP_LENGTH));
      if (g) g.surfaces[word] = stem;
    }
  await mkdir(join(pagefind, dirname(WORD_GROUPS_FILE)), { recursive: true });
  const names = [...groups.keys()].sort();
  await writeFile(join(pagefind, WORD_GROUPS_FILE), gzipSync(JSON.stringify(names)));
  const before = await readHashes(previous);
  const hashes: Record<string, string> = {};
  await runPool(names, 16, async (name) => {
    const text = JSON.stringify(groups.get(name));
    const hash = (hashes[name] = digest(text));
    const file = wordGroupFile(name);
    if (previous && before[name] === hash) {
      try {
        return await rename(join(previous, file), join(pagefind, file));
      } catch {
        // Gone from the folder it replaces: written below.
      }
    }
    await writeFile(join(pagefind, file), gzipSync(text));
  });
  await writeFile(join(pagefind, HASHES_FILE), JSON.stringify(hashes));
  return createHash('sha256')
    .update(shards.map((s) => `${s.id} ${s.tag}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
}
