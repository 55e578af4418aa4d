// What the open-data stage keeps between builds, in the build cache beside Astro's
// (imr-open-data.json): the key of each file it may keep (a period's data files and search data, a
// list's items.csv) with its rows, size and sha256, and every file the stage made in the last
// build, written or kept, which the prune step (src/integrations/prune-stale-output.ts) keeps.
// Worker code: erasable TypeScript only.
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeWhole } from './files/write-whole.ts';

export const OPEN_DATA_MEMORY = 'imr-open-data.json';

export interface KeptFile {
  /** Of its rows and what shapes them (src/lib/open-data/period-keys.ts). */
  key: string;
  rows: number;
  bytes: number;
  /** As written: a file with another (written by a build whose memory was lost) is written again. */
  mtimeMs: number;
  /** Of the file's bytes, hex (the .gz files, which data/index.json lists). */
  sha256?: string;
  /** A list's items.csv: each segment's period, key and bytes, in the file's order after its header (listSegments). */
  segments?: [period: string, key: string, bytes: number][];
}

export interface OpenDataMemory {
  /** The output folder the files are in: for another, the memory says nothing. */
  outDir: string;
  /** When the stage of the build that wrote it started (ms since 1970): the prune step trusts only its own build's. */
  startedAt: number;
  /** By path in the output folder ("data/2016/items.csv.gz", "search/letters/2016.jsonl"). */
  files: Record<string, KeptFile>;
  /** Every file the stage made or kept, by path in the output folder. */
  made: string[];
}

/** The memory of the last build into `outDir`, if any. */
export async function readOpenDataMemory(cacheDir: string, outDir: string): Promise<OpenDataMemory | undefined> {
  try {
    const memory = JSON.parse(await readFile(join(cacheDir, OPEN_DATA_MEMORY), 'utf8')) as OpenDataMemory;
    return resolve(memory.outDir) === resolve(outDir) && memory.files && Array.isArray(memory.made) ? memory : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole, then renamed: a failed build leaves the last one. */
export async function writeOpenDataMemory(cacheDir: string, memory: OpenDataMemory): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const file = join(cacheDir, OPEN_DATA_MEMORY);
  await writeWhole(file, JSON.stringify(memory));
}
