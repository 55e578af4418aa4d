// The open-data stage's files (run on its worker thread, open-data-worker.ts): which of them the
// last build left that can be kept, the writing of the others, data/index.json, and the memory for
// the next build (open-data-memory.ts). A file is kept when its key (the letters it holds, by id and
// version, and the code and catalogue that shape its rows: src/lib/open-data/period-keys.ts) is the
// one it was written with and it is still as written; a period's two data files go together.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest } from './files/code-digest.ts';
import { partialFiles, type PartialFiles } from './files/partial-files.ts';
import { readOpenDataMemory, writeOpenDataMemory, type KeptFile, type OpenDataMemory } from './open-data-memory.ts';
import type { OpenDataJob } from './open-data-worker.ts';
import { indexGuidelines } from '../lib/catalogue/index-guidelines.ts';
import { indexTreatmentRegions } from '../lib/catalogue/index-treatment-regions.ts';
import { flattenItems } from '../lib/corpus/flatten-items.ts';
import { dataIndex, type DataPeriod } from '../lib/open-data/data-index.ts';
import { rowsKey, shapeKey } from '../lib/open-data/period-keys.ts';
import { groupByPeriod } from '../lib/open-data/periods.ts';
import {
  DETERMINATIONS_FILE,
  ITEMS_FILE,
  listCsvs,
  writeOpenData,
  type OpenDataInput,
  type PublishedFile,
  type WrittenOpenData,
} from '../lib/open-data/write-open-data.ts';
import { absoluteUrl } from '../lib/paths/absolute-url.ts';
import { DATA, dataFilePath, determinationPath, periodDataPath } from '../lib/paths/routes.ts';
import { SEARCH_DATA_DIR, searchDataFile, searchDataLine } from '../lib/search/letter-facts.ts';
import type { Determination } from '../lib/schema/index.ts';

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

/** Letters per append of the search index's input. */
const SEARCH_DATA_CHUNK = 1000;
/** The stat calls in flight while checking what the last build left. */
const STATS = 64;

/** Output-relative path of a site path ("/data/x" -> "data/x"). */
const outputPath = (path: string) => path.replace(/^\//, '');

/** The files whose memory says they can stay: same key, and the size and time they were written with. */
async function keptFiles(outDir: string, memory: OpenDataMemory | undefined, keys: Map<string, string>): Promise<Set<string>> {
  const candidates = [...keys].filter(([path, key]) => memory?.files[path]?.key === key).map(([path]) => path);
  const kept = new Set<string>();
  for (let i = 0; i < candidates.length; i += STATS) {
    await Promise.all(
      candidates.slice(i, i + STATS).map(async (path) => {
        const was = memory!.files[path]!;
        const now = await stat(join(outDir, path)).catch(() => undefined);
        if (now && now.size === was.bytes && now.mtimeMs === was.mtimeMs) kept.add(path);
      }),
    );
  }
  return kept;
}

/** The writer's input: the items and the guideline and region indexes are made again here rather
 * than copied over (copying is work on the build's thread, making them is work on this one). */
function openDataInput(job: OpenDataJob): OpenDataInput {
  const items = flattenItems(job.determinations);
  const treatmentLabels = new Map(job.treatmentLabels);
  const guidelineLabels = new Map(job.guidelineLabels);
  return {
    determinations: job.determinations,
    items,
    guidelineIndex: indexGuidelines(items, job.guidelines),
    treatmentRegions: indexTreatmentRegions(items, job.regions),
    treatmentLabel: (slug) => treatmentLabels.get(slug) ?? slug,
    guidelineLabel: (slug) => guidelineLabels.get(slug) ?? slug,
    pageUrl: (id, n) => absoluteUrl(job.site, job.base, determinationPath(id, n)),
  };
}

/** A period's two data files, by path in the output folder. */
const dataFiles = (period: string) => [DETERMINATIONS_FILE, ITEMS_FILE].map((name) => outputPath(periodDataPath(period, name)));

/** Every file that can be kept, by path in the output folder, with its key; and the periods. */
async function fileKeys(job: OpenDataJob, input: OpenDataInput) {
  const versions = new Map(job.versions);
  const code = await codeDigest(
    fileURLToPath(new URL('open-data-worker.ts', import.meta.url)),
    fileURLToPath(new URL('../..', import.meta.url)),
  );
  const { site, base, treatmentLabels, guidelineLabels, guidelines, regions, synonyms } = job;
  const shape = shapeKey({ code, site, base, treatmentLabels, guidelineLabels, guidelines, regions, synonyms });
  const periods = groupByPeriod(job.determinations).map((p) => ({
    ...p,
    key: rowsKey(
      shape,
      p.determinations.map((d) => ({ id: d.id })),
      versions,
    ),
  }));
  const keys = new Map<string, string>();
  for (const p of periods) keys.set(searchDataFile(p.period), p.key);
  if (!job.openData) return { periods, keys };
  for (const p of periods) for (const path of dataFiles(p.period)) keys.set(path, p.key);
  for (const l of listCsvs(input)) {
    const rows = l.refs.map((r) => ({ id: r.determinationId, number: r.number }));
    keys.set(outputPath(l.path), rowsKey(shape, rows, versions));
  }
  return { periods, keys };
}

/** How many files of each kind were written (`wasKept` false) or kept. */
function fileCounts(keys: Map<string, string>, kept: Set<string>, wasKept: boolean): FileCounts {
  const paths = [...keys.keys()].filter((p) => kept.has(p) === wasKept);
  const search = paths.filter((p) => p.startsWith(SEARCH_DATA_DIR)).length;
  const periods = paths.filter((p) => p.startsWith(outputPath(DATA))).length;
  return { periods, lists: paths.length - search - periods, search };
}

export async function publishFiles(job: OpenDataJob): Promise<OpenData> {
  const started = Date.now();
  const input = openDataInput(job);
  const { periods, keys } = await fileKeys(job, input);
  const memory = job.outDir && job.cacheDir ? await readOpenDataMemory(job.cacheDir, job.outDir) : undefined;
  const kept = job.outDir ? await keptFiles(job.outDir, memory, keys) : new Set<string>();
  for (const p of periods) if (!dataFiles(p.period).every((f) => kept.has(f))) for (const f of dataFiles(p.period)) kept.delete(f);

  const files = job.outDir ? partialFiles(job.outDir) : undefined;
  const sizes = new Map<string, { rows: number; bytes: number; sha256?: string }>();
  let written: WrittenOpenData | undefined;
  try {
    const searchPeriods = periods.filter((p) => !kept.has(searchDataFile(p.period)));
    for (const [path, bytes] of await writeSearchData(job, searchPeriods, files)) sizes.set(path, { rows: 0, bytes });
    if (job.openData) written = await writeOpenData(input, files ?? NO_FILES, (path) => !kept.has(outputPath(path)));
    for (const [path, gz] of (await files?.commit()) ?? []) sizes.set(outputPath(path), { rows: 0, ...gz });
  } catch (error) {
    await files?.abort();
    throw error;
  }

  // What each file holds now, written or kept: rows, bytes, sha256 and the time it was written.
  const rows = new Map<string, number>(periods.map((p) => [searchDataFile(p.period), p.determinations.length]));
  for (const p of written?.periods ?? []) for (const f of [p.determinations, p.items]) rows.set(outputPath(f.path), f.rows);
  for (const l of written?.lists ?? []) {
    rows.set(outputPath(l.path), l.rows);
    if (l.bytes !== undefined) sizes.set(outputPath(l.path), { rows: 0, bytes: l.bytes });
  }
  const records: Record<string, KeptFile> = {};
  for (const [path, key] of keys) {
    if (kept.has(path)) records[path] = memory!.files[path]!;
    else {
      const mtimeMs = job.outDir ? (await stat(join(job.outDir, path))).mtimeMs : 0;
      records[path] = { ...sizes.get(path), key, rows: rows.get(path) ?? 0, bytes: sizes.get(path)?.bytes ?? 0, mtimeMs };
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

/** The search index's input of these periods, a file each; gives the bytes of each file. */
async function writeSearchData(
  job: OpenDataJob,
  periods: readonly { period: string; determinations: readonly Determination[] }[],
  files: PartialFiles | undefined,
): Promise<Map<string, number>> {
  const bySlug = new Map(job.guidelines.map((g) => [g.slug, g]));
  const bytes = new Map<string, number>();
  for (const { period, determinations } of periods) {
    const path = searchDataFile(period);
    bytes.set(path, 0);
    for (let start = 0; start < determinations.length; start += SEARCH_DATA_CHUNK) {
      const text = determinations
        .slice(start, start + SEARCH_DATA_CHUNK)
        .map((d) => searchDataLine(d, (slug) => bySlug.get(slug), job.synonyms))
        .join('');
      await files?.append(path, text);
      bytes.set(path, bytes.get(path)! + Buffer.byteLength(text));
    }
  }
  return bytes;
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
