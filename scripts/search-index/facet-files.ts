// The shards' facet files and the site's one list of their values (src/lib/search/facet-table.ts),
// written by the indexer from the letters' search data, after Pagefind's part. The list only grows
// (values are added at its end), and it is kept in the index's cache between builds: a shard's file
// written in an earlier build stays right while the list still starts with the values it was
// written against. One whose start no longer matches (the list was lost with part of the cache) is
// written again; that needs the shard's search data only, not Pagefind.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FACET_VALUE_KEYS, facetFile, noFacetValues, type FacetFile, type FacetValues } from '../../src/lib/search/facet-table.ts';
import type { LetterFacts } from '../../src/lib/search/letter-facts.ts';

/** The list in the cache folder (plain JSON). */
export const VALUES_CACHE_FILE = 'facet-values.json';
/** Cached facet files are named so: `facets-<shard hash>-<code digest>.json.gz`. */
const FACETS_CACHE_PREFIX = 'facets-';

export interface ShardFacetInput {
  /** The shard's hash (which covers its letters' search data) and record tag. */
  hash: string;
  tag: string;
  /** Its letters' facts in row order, read only when its file is written. */
  facts: () => LetterFacts[];
}

export interface FacetFiles {
  /** The list as it is now, with its key. */
  list: FacetValues;
  /** Per shard, in the order given: its cached file and the digest of the values it refers to. */
  files: { path: string; values: string }[];
  /** Files written in this run (the others were kept). */
  written: number;
}

/** Digest of each key's first `needs` values: what a file written against them refers to (undefined when the list is shorter). */
export function valuesDigest(list: FacetValues, needs: FacetFile['needs']): string | undefined {
  const hash = createHash('sha256');
  for (const key of FACET_VALUE_KEYS) {
    if (list.values[key].length < needs[key]) return undefined;
    hash.update(`${JSON.stringify([key, list.values[key].slice(0, needs[key])])}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

async function readJson<T>(path: string, gzipped: boolean): Promise<T | undefined> {
  try {
    const bytes = await readFile(path);
    return JSON.parse((gzipped ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

async function writeWhole(path: string, bytes: string | Buffer): Promise<void> {
  await writeFile(`${path}.tmp-${process.pid}`, bytes);
  await rename(`${path}.tmp-${process.pid}`, path);
}

/**
 * The facet file of every shard, oldest first so that values join the list in date order, each
 * kept from the cache when it still fits the list. `code`: digest of the code that writes them.
 */
export async function writeFacetFiles(cacheDir: string, shards: readonly ShardFacetInput[], code: string): Promise<FacetFiles> {
  const kept = await readJson<FacetValues>(join(cacheDir, VALUES_CACHE_FILE), false);
  const list = kept?.version === 1 ? kept : noFacetValues();
  const files: FacetFiles['files'] = [];
  let written = 0;
  for (const shard of shards) {
    const path = join(cacheDir, `${FACETS_CACHE_PREFIX}${shard.hash.slice(0, 16)}-${code.slice(0, 8)}.json.gz`);
    const before = await readJson<FacetFile>(path, true);
    const fits = before?.version === 4 && before.tag === shard.tag && before.values === valuesDigest(list, before.needs);
    if (fits) {
      files.push({ path, values: before.values! });
      continue;
    }
    const file = facetFile(shard.facts(), list);
    const values = valuesDigest(list, file.needs)!;
    await writeWhole(path, gzipSync(JSON.stringify({ ...file, tag: shard.tag, values }), { level: 9 }));
    files.push({ path, values });
    written++;
  }
  list.key = createHash('sha256')
    .update(JSON.stringify([list.values, list.sectionLabels]))
    .digest('hex')
    .slice(0, 12);
  await writeWhole(join(cacheDir, VALUES_CACHE_FILE), JSON.stringify(list));
  return { list, files, written };
}
