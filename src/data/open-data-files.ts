// The open-data stage's files (run on its worker thread, open-data-worker.ts): which of them the
// last build left that can be kept, the writing of the others, data/index.json, and the memory for
// the next build (open-data-memory.ts). A file is kept when its key (the letters it holds, by id and
// version, and the code and catalogue that shape its rows: src/lib/open-data/period-keys.ts) is the
// one it was written with and it is still as written; a period's two data files go together. The
// keys come from the corpus's outline; the letters come a part at a time, and only the parts that
// a written file needs (open-data-parts.ts).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest } from './files/code-digest.ts';
import { partialFiles, type PartialFiles } from './files/partial-files.ts';
import { partsInOrder, takeJob, type FromWorker, type Port } from './open-data-parts.ts';
import { readOpenDataMemory, writeOpenDataMemory, type KeptFile, type OpenDataMemory } from './open-data-memory.ts';
import { dataIndex, type DataPeriod } from '../lib/open-data/data-index.ts';
import type { ItemRowContext } from '../lib/open-data/item-columns.ts';
import { itemPlaces, listSegments, outlinePeriods, type OpenDataOutline } from '../lib/open-data/open-data-outline.ts';
import { rowsKey, shapeKey } from '../lib/open-data/period-keys.ts';
import {
  DETERMINATIONS_FILE,
  ITEM_CSV_HEADER,
  ITEMS_FILE,
  openDataWriter,
  type PlannedSegment,
  type PublishedFile,
  type WrittenOpenData,
} from '../lib/open-data/write-open-data.ts';
import { absoluteUrl } from '../lib/paths/absolute-url.ts';
import { DATA, dataFilePath, determinationPath, periodDataPath } from '../lib/paths/routes.ts';
import type { NameGroup } from '../lib/search/name-match.ts';
import { SEARCH_DATA_DIR, searchDataFile, searchDataLine } from '../lib/search/letter-facts.ts';
import type { Determination, Guideline } from '../lib/schema/index.ts';

export interface OpenDataJob {
  /** The corpus without its letters: ids, periods, item counts and every list's items. */
  outline: OpenDataOutline;
  /** Each determination's letterVersion (src/lib/corpus/cache-keys.ts), in the outline's order. */
  versions: string[];
  /** Letters a part (src/data/open-data-parts.ts). */
  partSize: number;
  /** The catalogue's guidelines, in slug order. */
  guidelines: readonly Guideline[];
  /** The catalogue's body-region slugs, in file order. */
  regions: readonly string[];
  treatmentLabels: [slug: string, label: string][];
  guidelineLabels: [slug: string, short: string][];
  /** The site's origin and base path, for the absolute page URLs of the rows. */
  site: string;
  base: string;
  /** The build's output folder and cache folder; none in astro dev. */
  outDir: string | undefined;
  cacheDir: string | undefined;
  /** Write the open data too (IMR_OPEN_DATA=off: the search index's input only). */
  openData: boolean;
  /** The catalogue's synonym groups: the search data says which each request names. */
  synonyms: readonly NameGroup[];
}

/** The worker's work: takes the job from `port`, asks it for the parts, and replies with the report or the error. */
export async function serveOpenData(port: Port): Promise<void> {
  const { job, want, release } = await takeJob<OpenDataJob>(port);
  try {
    port.postMessage({ data: await publishFiles(job, want, release) } satisfies FromWorker<OpenData>);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker<OpenData>);
  }
}

export interface OpenData {
  schema: PublishedFile;
  /** data/index.json. */
  index: PublishedFile;
  /** Each period's files, newest first. */
  periods: DataPeriod[];
  /** The items.csv files of the treatment-type, treatment × region and guideline-section pages. */
  lists: { treatments: number; regions: number; sections: number; bytes: number };
  /** Files written by this build and kept from the last: the periods' data files, the lists' and the search data's. */
  written: FileCounts;
  kept: FileCounts;
}

export interface FileCounts {
  periods: number;
  lists: number;
  search: number;
}

/** The stat calls in flight while checking what the last build left. */
const STATS = 64;

/** Output-relative path of a site path ("/data/x" -> "data/x"). */
const outputPath = (path: string) => path.replace(/^\//, '');

/** Whether the file is still as the memory says it was written: its size and time. */
async function asWritten(outDir: string, path: string, was: KeptFile): Promise<boolean> {
  const now = await stat(join(outDir, path)).catch(() => undefined);
  return now !== undefined && now.size === was.bytes && now.mtimeMs === was.mtimeMs;
}

/** The files whose memory says they can stay: same key, and the size and time they were written with. */
async function keptFiles(outDir: string, memory: OpenDataMemory | undefined, keys: Map<string, string>): Promise<Set<string>> {
  const candidates = [...keys].filter(([path, key]) => memory?.files[path]?.key === key).map(([path]) => path);
  const kept = new Set<string>();
  for (let i = 0; i < candidates.length; i += STATS) {
    await Promise.all(
      candidates.slice(i, i + STATS).map(async (path) => {
        if (await asWritten(outDir, path, memory!.files[path]!)) kept.add(path);
      }),
    );
  }
  return kept;
}

/** How each item's row names its treatment type, guidelines and page. */
function rowContext(job: OpenDataJob): ItemRowContext {
  const treatmentLabels = new Map(job.treatmentLabels);
  const guidelineLabels = new Map(job.guidelineLabels);
  return {
    treatmentLabel: (slug) => treatmentLabels.get(slug) ?? slug,
    guidelineLabel: (slug) => guidelineLabels.get(slug) ?? slug,
    pageUrl: (id, n) => absoluteUrl(job.site, job.base, determinationPath(id, n)),
  };
}

/** A period's two data files, by path in the output folder. */
const dataFiles = (period: string) => [DETERMINATIONS_FILE, ITEMS_FILE].map((name) => outputPath(periodDataPath(period, name)));

/** Every file that can be kept, by path in the output folder, with its key; and the periods. */
async function fileKeys(job: OpenDataJob) {
  const { ids } = job.outline;
  const versions = new Map(ids.map((id, i) => [id, job.versions[i]!]));
  const code = codeDigest(fileURLToPath(new URL('open-data-worker.ts', import.meta.url)), fileURLToPath(new URL('../..', import.meta.url)));
  const { site, base, treatmentLabels, guidelineLabels, guidelines, regions, synonyms } = job;
  const shape = shapeKey({ code, site, base, treatmentLabels, guidelineLabels, guidelines, regions, synonyms });
  const periods = outlinePeriods(job.outline).map((p) => ({
    ...p,
    key: rowsKey(
      shape,
      p.indexes.map((i) => ({ id: ids[i]! })),
      versions,
    ),
  }));
  const keys = new Map<string, string>();
  for (const p of periods) keys.set(searchDataFile(p.period), p.key);
  // Without open data there are no list files, so no segments.
  if (!job.openData) return { periods, keys, segments: new Map<string, ListSegmentKey[]>() };
  for (const p of periods) for (const path of dataFiles(p.period)) keys.set(path, p.key);
  const { firstItem, owner } = itemPlaces(job.outline.itemCounts);
  const rows = function* (positions: Int32Array) {
    for (const k of positions) yield { id: ids[owner[k]!]!, number: k - firstItem[owner[k]!]! + 1 };
  };
  // A list's key is its segments' keys: a segment whose key is unchanged is copied from the file.
  const segments = new Map<string, ListSegmentKey[]>();
  for (const l of job.outline.lists) {
    const path = outputPath(l.path);
    const keyed = listSegments(job.outline, l.positions, owner).map((seg) => ({
      ...seg,
      key: rowsKey(shape, rows(l.positions.subarray(seg.start, seg.end)), versions),
    }));
    segments.set(path, keyed);
    keys.set(path, shapeKey(keyed.map((seg) => seg.key)));
  }
  return { periods, keys, segments };
}

/** A segment of a list file with the key of its rows; `copy` once listCopies finds it unchanged. */
interface ListSegmentKey extends PlannedSegment {
  key: string;
}

/**
 * Marks, in each list file to write whose last version is intact (its size and time as written),
 * the segments whose key is unchanged with the range of that file to copy: its rows of those
 * periods are the same bytes. A list whose item CSV's header or columns changed has other keys.
 */
async function listCopies(
  outDir: string,
  memory: OpenDataMemory | undefined,
  segments: Map<string, ListSegmentKey[]>,
  writes: (path: string) => boolean,
): Promise<void> {
  const header = Buffer.byteLength(ITEM_CSV_HEADER);
  for (const [path, keyed] of segments) {
    const was = memory?.files[path];
    if (!writes(path) || !was?.segments || !(await asWritten(outDir, path, was))) continue;
    const old = new Map<string, { key: string; start: number; end: number }>();
    let at = header;
    for (const [period, key, bytes] of was.segments) {
      old.set(period, { key, start: at, end: at + bytes });
      at += bytes;
    }
    if (at !== was.bytes) continue;
    const file = join(outDir, path);
    for (const seg of keyed) {
      const before = old.get(seg.period);
      if (seg.period !== '' && before?.key === seg.key) seg.copy = { file, start: before.start, end: before.end };
    }
  }
}

/** The parts of the corpus that files to be written need, in order: their periods' letters and their lists' items not copied. */
function neededParts(
  job: OpenDataJob,
  periods: readonly { period: string; indexes: number[] }[],
  writes: (path: string) => boolean,
  segments: Map<string, ListSegmentKey[]>,
): number[] {
  const needed = new Uint8Array(Math.ceil(job.outline.ids.length / job.partSize));
  const need = (letter: number) => (needed[Math.floor(letter / job.partSize)] = 1);
  for (const p of periods) {
    const files = job.openData ? [searchDataFile(p.period), ...dataFiles(p.period)] : [searchDataFile(p.period)];
    if (files.some(writes)) for (const i of p.indexes) need(i);
  }
  if (job.openData) {
    const { owner } = itemPlaces(job.outline.itemCounts);
    for (const l of job.outline.lists) {
      const path = outputPath(l.path);
      if (!writes(path)) continue;
      for (const seg of segments.get(path)!) if (!seg.copy) for (const k of l.positions.subarray(seg.start, seg.end)) need(owner[k]!);
    }
  }
  return [...needed.keys()].filter((part) => needed[part] === 1);
}

/** How many files of each kind were written (`wasKept` false) or kept. */
function fileCounts(keys: Map<string, string>, kept: Set<string>, wasKept: boolean): FileCounts {
  const paths = [...keys.keys()].filter((p) => kept.has(p) === wasKept);
  const search = paths.filter((p) => p.startsWith(SEARCH_DATA_DIR)).length;
  const periods = paths.filter((p) => p.startsWith(outputPath(DATA))).length;
  return { periods, lists: paths.length - search - periods, search };
}

/**
 * The open data of the job, from the parts of the corpus `want` gives (src/data/open-data-parts.ts);
 * `release` is told which parts it needs, so that it holds no other.
 */
export async function publishFiles(
  job: OpenDataJob,
  want: (part: number) => Promise<readonly Determination[]>,
  release: (needed: readonly number[]) => void = () => undefined,
): Promise<OpenData> {
  const started = Date.now();
  const { periods, keys, segments } = await fileKeys(job);
  const memory = job.outDir && job.cacheDir ? await readOpenDataMemory(job.cacheDir, job.outDir) : undefined;
  const kept = job.outDir ? await keptFiles(job.outDir, memory, keys) : new Set<string>();
  for (const p of periods) if (!dataFiles(p.period).every((f) => kept.has(f))) for (const f of dataFiles(p.period)) kept.delete(f);
  const writes = (path: string) => !kept.has(path);
  if (job.outDir) await listCopies(job.outDir, memory, segments, writes);

  const files = job.outDir ? partialFiles(job.outDir) : undefined;
  const sizes = new Map<string, { rows: number; bytes: number; sha256?: string }>();
  let written: WrittenOpenData | undefined;
  try {
    const writer = job.openData
      ? await openDataWriter(
          job.outline,
          rowContext(job),
          files ?? NO_FILES,
          (p) => writes(outputPath(p)),
          (p) => segments.get(outputPath(p)),
        )
      : undefined;
    const search = searchDataWriter(job, files);
    const needed = neededParts(job, periods, writes, segments);
    release(needed);
    for await (const { part, determinations } of partsInOrder(needed, want)) {
      await search.part(determinations, part * job.partSize, writes);
      await writer?.part(determinations, part * job.partSize);
    }
    for (const [path, bytes] of search.bytes) sizes.set(path, { rows: 0, bytes });
    written = await writer?.end();
    for (const [path, gz] of (await files?.commit()) ?? []) sizes.set(outputPath(path), { rows: 0, ...gz });
  } catch (error) {
    await files?.abort();
    throw error;
  }

  // What each file holds now, written or kept: rows, bytes, sha256 and the time it was written.
  const rows = new Map<string, number>(periods.map((p) => [searchDataFile(p.period), p.indexes.length]));
  for (const p of written?.periods ?? []) for (const f of [p.determinations, p.items]) rows.set(outputPath(f.path), f.rows);
  const listSegmentsWritten = new Map<string, [string, string, number][]>();
  for (const l of written?.lists ?? []) {
    const path = outputPath(l.path);
    rows.set(path, l.rows);
    if (l.bytes !== undefined) sizes.set(path, { rows: 0, bytes: l.bytes });
    if (l.segments)
      listSegmentsWritten.set(
        path,
        segments.get(path)!.map((seg, i) => [seg.period, seg.key, l.segments![i]!]),
      );
  }
  const records: Record<string, KeptFile> = {};
  for (const [path, key] of keys) {
    if (kept.has(path)) records[path] = memory!.files[path]!;
    else {
      const mtimeMs = job.outDir ? (await stat(join(job.outDir, path))).mtimeMs : 0;
      const segmentsOf = listSegmentsWritten.get(path);
      records[path] = {
        ...sizes.get(path),
        key,
        rows: rows.get(path) ?? 0,
        bytes: sizes.get(path)?.bytes ?? 0,
        mtimeMs,
        ...(segmentsOf ? { segments: segmentsOf } : {}),
      };
    }
  }
  const report = await writeIndex(job, written, records);
  if (job.outDir && job.cacheDir) {
    const made = [...keys.keys(), ...(job.openData ? [report.schema.path, report.index.path].map(outputPath) : [])];
    await writeOpenDataMemory(job.cacheDir, { outDir: job.outDir, startedAt: started, files: records, made });
  }
  return { ...report, written: fileCounts(keys, kept, false), kept: fileCounts(keys, kept, true) };
}

/** A sink that writes nothing (astro dev: the /data/ page only counts). */
const NO_FILES = { append: async () => undefined };

/** The search index's input, a file a period, appended a part at a time; `bytes`: of each file written. */
function searchDataWriter(job: OpenDataJob, files: PartialFiles | undefined) {
  const bySlug = new Map(job.guidelines.map((g) => [g.slug, g]));
  const bytes = new Map<string, number>();
  const part = async (determinations: readonly Determination[], first: number, writes: (path: string) => boolean) => {
    const texts = new Map<string, string[]>();
    determinations.forEach((d, j) => {
      const path = searchDataFile(job.outline.periods[first + j]!);
      if (!writes(path)) return;
      const line = searchDataLine(d, (slug) => bySlug.get(slug), job.synonyms);
      const list = texts.get(path);
      if (list) list.push(line);
      else texts.set(path, [line]);
    });
    for (const [path, list] of texts) {
      const text = list.join('');
      await files?.append(path, text);
      bytes.set(path, (bytes.get(path) ?? 0) + Buffer.byteLength(text));
    }
  };
  return { part, bytes };
}

/** data/index.json from the periods' files as they are now; the report on the open data. */
async function writeIndex(
  job: OpenDataJob,
  written: WrittenOpenData | undefined,
  records: Record<string, KeptFile>,
): Promise<Omit<OpenData, 'written' | 'kept'>> {
  if (!written) return NO_OPEN_DATA;
  const file = (path: string) => {
    const r = records[outputPath(path)]!;
    return { path, rows: r.rows, bytes: r.bytes, sha256: r.sha256 ?? '' };
  };
  const periods = written.periods.map((p) => ({
    period: p.period,
    determinations: file(p.determinations.path),
    items: file(p.items.path),
  }));
  const indexPath = dataFilePath('index.json');
  const text = `${JSON.stringify(dataIndex(written.schema.path, periods), null, 2)}\n`;
  if (job.outDir) {
    const files = partialFiles(job.outDir);
    await files.append(indexPath, text);
    await files.commit();
  }
  const lists = (kind: string) => written.lists.filter((l) => l.kind === kind).length;
  return {
    schema: written.schema,
    index: { path: indexPath, rows: periods.length, bytes: Buffer.byteLength(text) },
    periods,
    lists: {
      treatments: lists('treatment'),
      regions: lists('region'),
      sections: lists('section'),
      bytes: written.lists.reduce((n, l) => n + (records[outputPath(l.path)]?.bytes ?? 0), 0),
    },
  };
}

const NONE = { path: '', rows: 0, bytes: 0 };
const NO_OPEN_DATA: Omit<OpenData, 'written' | 'kept'> = {
  schema: NONE,
  index: NONE,
  periods: [],
  lists: { treatments: 0, regions: 0, sections: 0, bytes: 0 },
};
