// The shards' facet files and the site's one list of their values (src/lib/search/facet-table.ts),
// written by the indexer from the letters' search data, after Pagefind's part. The list only grows
// (values are added at its end), and it is kept in the index's cache between builds: a shard's file
// written in an earlier build stays right while the list still starts with the values it was
// written against. One whose start no longer matches (the list was lost with part of the cache, or
// the code that writes them changed) is written again; that needs the shard's search data only,
// not Pagefind. A cache folder shared by two sites shares the list too: each site's files are
// checked against it, and values only the other site has count nothing.
// Whether a file fits is read from a small note beside it (its digest, what it needs of the list,
// its sections' labels and its guidelines' families), so a run reads no table it keeps: at a million letters, 400 of them. The
// file's name carries its digest, so a note can only lead to a file written against the values
// it names, whatever order two runs sharing the cache wrote them in.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FACET_VALUE_KEYS, facetFile, noFacetValues, type FacetFile, type FacetValues } from '../../src/lib/search/facet-table.ts';
import { encodeFacetFile } from '../../src/lib/search/facet-encoding.ts';
import type { LetterFacts } from '../../src/lib/search/letter-facts.ts';
import { writeWhole } from '../../src/data/files/write-whole.ts';
import { readCacheJson } from './files-cache.ts';

/** The list in the cache folder (plain JSON, with the digest of the code that wrote it). */
export const VALUES_CACHE_FILE = 'facet-values.json';
/**
 * A shard's cached facet file is `facets-<shard hash>-<code digest>-<values digest>.bin.gz`, its
 * note `facets-<shard hash>-<code digest>.about.json`.
 */
const FACETS_CACHE_PREFIX = 'facets-';

/** The note beside a cached facet file: what tells whether it fits the list, its sections' labels and its guidelines' families. */
interface FacetNote {
  version: FacetFile['version'];
  tag: string;
  /** The file's digest (FacetFile.values), which its name carries. */
  values: string;
  needs: FacetFile['needs'];
  labels: [number, string][];
  /** Each guideline value it cites, with its family's value (-1: none). */
  families: [number, number][];
}

export interface ShardFacetInput {
  /** The shard's hash (which covers its letters' search data) and record tag. */
  hash: string;
  tag: string;
  /** Its letters' facts in row order, read only when its file is written. */
  facts: () => Promise<LetterFacts[]>;
}

export interface FacetFiles {
  /** The list as it is now, with its key. */
  list: FacetValues;
  /** Per shard, in the order given: its cached file, the note beside it, and its digest (FacetFile.values). */
  files: { path: string; note: string; values: string }[];
  /** Files written in this run (the others were kept). */
  written: number;
}

/**
 * Digest of the code and each key's first `needs` values: what a file written against them holds
 * (undefined when the list is shorter). The page asks for a facet file by it, so a file written
 * by other code is never taken for this one.
 */
export function valuesDigest(list: FacetValues, needs: FacetFile['needs'], code: string): string | undefined {
  const hash = createHash('sha256').update(`${code}\n`);
  for (const key of FACET_VALUE_KEYS) {
    if (list.values[key].length < needs[key]) return undefined;
    hash.update(`${JSON.stringify([key, list.values[key].slice(0, needs[key])])}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

/** The list the cache keeps, if the same code wrote it and it has every key. */
async function keptList(cacheDir: string, code: string): Promise<FacetValues | undefined> {
  const kept = await readCacheJson<{ code: string; list: FacetValues }>(join(cacheDir, VALUES_CACHE_FILE));
  const list = kept?.code === code ? kept.list : undefined;
  const whole =
    list?.version === 2 &&
    Array.isArray(list.sectionLabels) &&
    Array.isArray(list.guidelineFamily) &&
    FACET_VALUE_KEYS.every((k) => Array.isArray(list.values[k]));
  return whole ? list : undefined;
}

/**
 * The facet file of every shard, oldest first so that values join the list in date order, each
 * kept from the cache when it still fits the list. `code`: digest of the code that writes them.
 */
export async function writeFacetFiles(cacheDir: string, shards: readonly ShardFacetInput[], code: string): Promise<FacetFiles> {
  const list = (await keptList(cacheDir, code)) ?? noFacetValues();
  const files: FacetFiles['files'] = [];
  // Every shard's note, kept or fresh: the labels and families it gives the list.
  const notes: FacetNote[] = [];
  let written = 0;
  for (const shard of shards) {
    const named = join(cacheDir, `${FACETS_CACHE_PREFIX}${shard.hash.slice(0, 16)}-${code.slice(0, 8)}`);
    const pathOf = (values: string) => `${named}-${values}.bin.gz`;
    const notePath = `${named}.about.json`;
    const note = await readCacheJson<FacetNote>(notePath);
    const fits =
      note?.version === 6 &&
      note.tag === shard.tag &&
      Array.isArray(note.labels) &&
      Array.isArray(note.families) &&
      note.values === valuesDigest(list, note.needs, code) &&
      (await stat(pathOf(note.values)).catch(() => undefined))?.isFile();
    if (fits) {
      files.push({ path: pathOf(note.values), note: notePath, values: note.values });
      notes.push(note);
      continue;
    }
    const own = new Map<number, string>();
    const families = new Map<number, number>();
    const file = facetFile(await shard.facts(), list, own, families);
    const values = valuesDigest(list, file.needs, code)!;
    await writeWhole(pathOf(values), gzipSync(encodeFacetFile({ ...file, tag: shard.tag, values }), { level: 9 }));
    const fresh: FacetNote = {
      version: file.version,
      tag: shard.tag,
      values,
      needs: file.needs,
      labels: [...own],
      families: [...families],
    };
    await writeWhole(notePath, JSON.stringify(fresh));
    files.push({ path: pathOf(values), note: notePath, values });
    notes.push(fresh);
    written++;
  }
  // Each section's label and each guideline's family are its newest shard's, whichever shards this
  // run wrote: a list kept from a run that stopped half way may hold another catalogue's families.
  for (const { labels, families } of notes) {
    for (const [i, label] of labels) list.sectionLabels[i] = label;
    for (const [g, family] of families) list.guidelineFamily[g] = family;
  }
  list.key = createHash('sha256')
    .update(JSON.stringify([list.values, list.sectionLabels, list.guidelineFamily]))
    .digest('hex')
    .slice(0, 12);
  await writeWhole(join(cacheDir, VALUES_CACHE_FILE), JSON.stringify({ code, list }));
  return { list, files, written };
}
