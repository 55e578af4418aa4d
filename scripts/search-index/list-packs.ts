// The index's packs (ListPack in src/lib/search/word-lists.ts): per closed year (or closed month
// of the newest year), its shards' word list files, each name's shards in one file, and their
// facet tables in one file, so that a search of every shard fetches a year's lists of a word, and
// its facet tables, in one request each (at 100,000 letters 13 packs stand for 41 shards). Only periods before the newest shard's are packed, so an update,
// whose letters are the newest, moves every pack over from the index it replaces; a pack whose
// shards changed is written again.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FACET_FILE } from '../../src/lib/search/facet-table.ts';
import {
  decodeListGroup,
  encodeListGroup,
  encodeListPack,
  groupFile,
  groupOf,
  GROUP_LENGTH,
  packFile,
  type ListPack,
} from '../../src/lib/search/word-lists.ts';
import { runPool } from './run-pool.ts';

/** Beside a pack's files: its key, for the next update to tell whether it may keep the pack. */
const KEY_FILE = 'key';

/** A shard as packs are planned: its id, tag, facet file's digest and how its group files are named (ShardInfo). */
interface PlannedShard {
  id: string;
  tag: string;
  facets?: string;
  listNames?: number;
}

interface PackedShard extends PlannedShard {
  /** Its bundle's folder in the index being published, its facet file there. */
  folder: string;
}

/** The year of a shard's letters ("2016-05_08"), or undefined (undated letters, or several years). */
const yearOf = (id: string) => /^(\d{4})-\d{2}(?!\d)/.exec(id)?.[1];
/** The month of a shard's letters ("2017-01", "2017-01.2", "2017-02-01_10"), or undefined (several months). */
const monthOf = (id: string) => /^(\d{4}-\d{2})(?:$|[.-])/.exec(id)?.[1];

/**
 * The packs of these shards (oldest first): each closed year, before the newest shard's, and each
 * closed month of the newest shard's year, that has two shards or more.
 */
export function planPacks(shards: readonly PlannedShard[]): ListPack[] {
  const newest = shards.at(-1)?.id ?? '';
  const [year, month] = [yearOf(newest), monthOf(newest)];
  const packOf = (id: string) => {
    const y = yearOf(id);
    if (!y || !year || y > year) return undefined;
    if (y < year) return y;
    const m = monthOf(id);
    return m && month && m < month ? m : undefined;
  };
  const packs = new Map<string, PlannedShard[]>();
  for (const shard of shards) {
    const pack = packOf(shard.id);
    if (pack) (packs.get(pack) ?? packs.set(pack, []).get(pack)!).push(shard);
  }
  return [...packs]
    .filter(([, of]) => of.length > 1)
    .map(([id, of]) => ({
      id,
      shards: of.map((s) => s.id),
      key: createHash('sha256')
        .update(of.map((s) => `${s.id} ${s.tag} ${s.facets ?? ''}`).join('\n'))
        .digest('hex')
        .slice(0, 12),
    }));
}

/** A bundle's list files, by name under the bundle ("lists/lum.bin.gz", "lists/mri/mri.bin.gz"). */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(folder, 'lists'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.bin.gz'))
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .sort();
}

/**
 * A small shard's list files (listNameLength) as a pack names them: each bin of groups split into
 * its groups' files, ungzipped; files of words of their own as they are.
 */
async function splitBins(folder: string, names: readonly string[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    const bytes = gunzipSync(await readFile(join(folder, name)));
    if (dirname(name) !== 'lists') {
      files.set(name, bytes);
      continue;
    }
    const bin = decodeListGroup(bytes, join(folder, name));
    for (const [group, words] of Map.groupBy(bin.words, (w) => groupOf(w.word)))
      files.set(groupFile(group), encodeListGroup({ ...bin, words }));
  }
  return files;
}

async function writePack(next: string, pack: ListPack, shards: readonly PackedShard[]): Promise<void> {
  const byName = new Map<string, PackedShard[]>();
  const binned = new Map<PackedShard, Map<string, Uint8Array>>();
  for (const shard of shards) {
    let names = await listFiles(shard.folder);
    if ((shard.listNames ?? GROUP_LENGTH) < GROUP_LENGTH) {
      const files = await splitBins(shard.folder, names);
      binned.set(shard, files);
      names = [...files.keys()];
    }
    for (const name of names) (byName.get(name) ?? byName.set(name, []).get(name)!).push(shard);
  }
  const folders = new Set([...byName.keys()].map((name) => dirname(join(next, packFile(pack.id, name)))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await runPool([...byName], 16, async ([name, of]) => {
    const parts = await Promise.all(of.map(async (s) => binned.get(s)?.get(name) ?? gunzipSync(await readFile(join(s.folder, name)))));
    await writeFile(join(next, packFile(pack.id, name)), gzipSync(encodeListPack(parts)));
  });
  // Its shards' facet tables, one after another (facet-encoding.ts).
  const tables = await Promise.all(shards.map(async (s) => gunzipSync(await readFile(join(s.folder, FACET_FILE)))));
  await writeFile(join(next, packFile(pack.id, FACET_FILE)), gzipSync(Buffer.concat(tables), { level: 9 }));
  await writeFile(join(next, packFile(pack.id, KEY_FILE)), pack.key);
}

/**
 * Writes the packs of `shards` into `next` (the index being published), moving over those whose
 * key is the same from `previous` (the folder it replaces); returns them for the manifest.
 */
export async function writeListPacks(next: string, shards: readonly PackedShard[], previous?: string): Promise<ListPack[]> {
  const packs = planPacks(shards);
  const byId = new Map(shards.map((s) => [s.id, s]));
  for (const pack of packs) {
    const kept = previous && (await readFile(join(previous, packFile(pack.id, KEY_FILE)), 'utf8').catch(() => undefined));
    if (kept === pack.key) {
      await mkdir(dirname(join(next, packFile(pack.id, ''))), { recursive: true });
      await rename(join(previous!, packFile(pack.id, '')), join(next, packFile(pack.id, '')));
    } else
      await writePack(
        next,
        pack,
        pack.shards.map((id) => byId.get(id)!),
      );
  }
  return packs;
}
