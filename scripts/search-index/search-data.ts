// The letters' search data as the build wrote it (SEARCH_DATA_DIR: a JSON line per letter, a file
// per decision period): a hash of each page's line for the shard hashes, and the lines themselves
// for the shards indexed and the facet files written. With a cache file, a period's file whose
// size and times are those of the last run is not read for its hashes: an update reads the periods
// its letters joined, not every letter's line (197 MB at 100,000 letters, some 2 GB at a million).
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileStamp } from '../../src/lib/files/file-stamp.ts';
import { SEARCH_DATA_DIR, type SearchRecordData } from '../../src/lib/search/letter-facts.ts';
import { readFilesCache, writeFilesCache } from './files-cache.ts';

export interface SearchData {
  /** Page ("determinations/<id>/index.html") -> sha256 of its line. */
  sha256: ReadonlyMap<string, string>;
  /** The pages' lines, parsed, in the order given. */
  records(pages: readonly string[]): Promise<SearchRecordData[]>;
  /** Period files read for their hashes in this run (the others were as the cache knew them). */
  read: number;
  /** Pages whose line is new or other than the cache knew it (every page without a cache). */
  changed: ReadonlySet<string>;
}

/** What the cache keeps of one period's file: its stamp, and its pages with their lines' hashes. */
type KnownFile = [stamp: string, pages: string[], sha256: string[]];
const CACHE_VERSION = 1;

/** A line opens with its page (letter-facts.ts writes it first): read alone, as parsing every line took a second at 100k letters. */
const PAGE_FIRST = /^\{"page":("(?:[^"\\]|\\.)*")/;
const pageOf = (line: string): string => {
  const first = PAGE_FIRST.exec(line);
  return first ? (JSON.parse(first[1]!) as string) : (JSON.parse(line) as SearchRecordData).page;
};

export async function readSearchData(root: string, cacheFile?: string): Promise<SearchData> {
  const dir = join(root, SEARCH_DATA_DIR);
  const cannotRead = (error: unknown, name?: string) =>
    new Error(`${name ? join(dir, name) : dir}: cannot read the letters' search data (${(error as Error).message}); build the site again`, {
      cause: error,
    });

  // Each file's lines by page, with the stamp of what was read, read once when first needed.
  const texts = new Map<string, Promise<{ stamp: string; lines: Map<string, string> }>>();
  const readLines = async (name: string) => {
    const file = await open(join(dir, name));
    try {
      const stamp = fileStamp(await file.stat());
      const lines = new Map<string, string>();
      (await file.readFile('utf8')).split('\n').forEach((line, k) => {
        if (line === '') return;
        try {
          lines.set(pageOf(line), line);
        } catch (error) {
          throw new Error(`line ${k + 1}: ${(error as Error).message}`, { cause: error });
        }
      });
      return { stamp, lines };
    } finally {
      await file.close();
    }
  };
  const linesOf = (name: string) => {
    let read = texts.get(name);
    if (!read) texts.set(name, (read = readLines(name).catch((error: unknown) => Promise.reject(cannotRead(error, name)))));
    return read;
  };

  const before = await readFilesCache<KnownFile>(cacheFile, CACHE_VERSION);
  const now: Record<string, KnownFile> = {};
  const sha256 = new Map<string, string>();
  const fileOf = new Map<string, string>();
  const changed = new Set<string>();
  let read = 0;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  } catch (error) {
    throw cannotRead(error);
  }
  for (const name of names) {
    const stamp = fileStamp(await stat(join(dir, name)).catch((error: unknown) => Promise.reject(cannotRead(error, name))));
    let known = before[name];
    if (known?.[0] !== stamp) {
      const { stamp: readStamp, lines } = await linesOf(name);
      const was = new Map(known?.[1].map((page, k) => [page, known![2][k]]));
      known = [readStamp, [...lines.keys()], [...lines.values()].map((line) => createHash('sha256').update(line).digest('hex'))];
      known[1].forEach((page, k) => {
        if (was.get(page) !== known![2][k]) changed.add(page);
      });
      read++;
    }
    now[name] = known;
    known[1].forEach((page, k) => {
      sha256.set(page, known[2][k]!);
      fileOf.set(page, name);
    });
  }
  if (cacheFile && (read > 0 || Object.keys(before).length !== names.length)) await writeFilesCache(cacheFile, CACHE_VERSION, now);

  const records = async (pages: readonly string[]) => {
    const out: SearchRecordData[] = [];
    for (const page of pages) {
      const name = fileOf.get(page);
      if (name === undefined) throw new Error(`${dir}: no search data for ${page}; build the site again`);
      const { stamp, lines } = await linesOf(name);
      // Its file was rewritten since it was hashed (a build ran meanwhile): the hashes are not its lines'.
      if (stamp !== now[name]![0]) throw new Error(`${join(dir, name)} changed while the site was indexed; index it again`);
      try {
        out.push(JSON.parse(lines.get(page)!) as SearchRecordData);
      } catch (error) {
        throw cannotRead(new Error(`the line of ${page}: ${(error as Error).message}`), name);
      }
    }
    return out;
  };
  return { sha256, records, read, changed };
}
