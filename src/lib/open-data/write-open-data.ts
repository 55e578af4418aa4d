// Writes the open data through a sink that appends text to files: data/schema.json, each period's
// data/<period>/determinations.jsonl.gz and items.csv.gz (periods: src/lib/open-data/periods.ts;
// the sink compresses), and items.csv in the folder of every treatment-type, treatment × body-region
// and guideline-section page with items. Files the caller keeps from the last build (`write` says
// no) are skipped. One pass over the corpus, a part at a time, writes all of them: the writer knows
// the corpus only by its outline (open-data-outline.ts) and is handed its letters a part at a time
// (by the build's thread, src/data/open-data-parts.ts), so memory holds one part whatever the size
// of the corpus, and parts that no written file needs are never handed over.
import { CSV_BOM, csvLines } from './csv.ts';
import { determinationJsonSchema } from './determination-json-schema.ts';
import { ITEM_HEADER, itemRow, type ItemRowContext } from './item-columns.ts';
import { itemPlaces, openDataOutline, outlinePeriods, type ListCsv, type OpenDataOutline } from './open-data-outline.ts';
import type { GuidelineEntry } from '../catalogue/index-guidelines.ts';
import type { TreatmentRegionEntry } from '../catalogue/index-treatment-regions.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import { dataFilePath, periodDataPath } from '../paths/routes.ts';
import type { Determination } from '../schema/index.ts';

/**
 * Determinations in a part. Each item's CSV row is made once, then goes to its period's
 * items.csv.gz and to the items.csv of every list holding it; memory holds one such part of the
 * corpus as text.
 */
export const CHUNK = 2000;
/** Files appended to at once. */
const PARALLEL = 8;

/** Where the files go: text appended to a file by site path ("/data/2016/items.csv.gz"). */
export interface Sink {
  append(path: string, text: string): Promise<void>;
}

export interface OpenDataInput extends ItemRowContext {
  /** Newest decision first, as the lists. */
  determinations: readonly Determination[];
  /** Every item, same order. */
  items: readonly ItemRef[];
  guidelineIndex: readonly GuidelineEntry[];
  treatmentRegions: readonly TreatmentRegionEntry[];
}

export interface PublishedFile {
  /** Site path ("/data/2016/items.csv.gz"). */
  path: string;
  /** Lines of data: determinations (JSONL) or items (CSV, header not counted); 1 for the schema. */
  rows: number;
  bytes: number;
}

/** A period's files (periodDataPath) and their rows. */
export interface PeriodFiles {
  period: string;
  determinations: { path: string; rows: number };
  items: { path: string; rows: number };
}

export interface WrittenOpenData {
  schema: PublishedFile;
  /** Every period, newest first, written or kept. */
  periods: PeriodFiles[];
  /** Every list's items.csv, written or kept; `bytes` of those written. */
  lists: (Omit<ListCsv, 'refs'> & { rows: number; bytes?: number })[];
}

export const DETERMINATIONS_FILE = 'determinations.jsonl.gz';
export const ITEMS_FILE = 'items.csv.gz';

/** The periods' files and rows, newest first. */
export function periodFiles(outline: Pick<OpenDataOutline, 'periods' | 'itemCounts'>): PeriodFiles[] {
  return outlinePeriods(outline).map(({ period, indexes }) => ({
    period,
    determinations: { path: periodDataPath(period, DETERMINATIONS_FILE), rows: indexes.length },
    items: { path: periodDataPath(period, ITEMS_FILE), rows: indexes.reduce((n, i) => n + outline.itemCounts[i]!, 0) },
  }));
}

/** Runs the jobs, `width` at a time. */
async function inParallel(jobs: (() => Promise<unknown>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
}

/**
 * An items CSV being written, and how far it has got: its items come in corpus order, each part of
 * the corpus takes the run of them it holds.
 */
interface ListFile {
  path: string;
  positions: Int32Array;
  next: number;
  bytes: number;
}

export interface OpenDataWriter {
  /**
   * Writes a part of the corpus: its determinations from the `first`-th on. Parts come in corpus
   * order; a part that holds no letter of a written file may be left out.
   */
  part(determinations: readonly Determination[], first: number): Promise<void>;
  /** What every period and list holds, once the parts are written. */
  end(): WrittenOpenData;
}

/** Starts writing every file `write` accepts (all by default): the schema and the period files' headers. */
export async function openDataWriter(
  outline: OpenDataOutline,
  ctx: ItemRowContext,
  sink: Sink,
  write: (path: string) => boolean = () => true,
): Promise<OpenDataWriter> {
  const put = async (path: string, text: string) => {
    await sink.append(path, text);
    return Buffer.byteLength(text);
  };
  const { firstItem, owner } = itemPlaces(outline.itemCounts);
  const header = `${CSV_BOM}${csvLines([ITEM_HEADER])}`;
  const listFiles = outline.lists
    .filter((l) => write(l.path))
    .map((l): ListFile => ({ path: l.path, positions: l.positions, next: 0, bytes: 0 }));
  const periods = periodFiles(outline);
  const writtenPeriods = new Map(periods.filter((p) => write(p.determinations.path) || write(p.items.path)).map((p) => [p.period, p]));

  const schemaPath = dataFilePath('schema.json');
  const schema = { path: schemaPath, rows: 1, bytes: await put(schemaPath, `${JSON.stringify(determinationJsonSchema(), null, 2)}\n`) };
  // Each period's items file opens with its header, its first text.
  for (const p of writtenPeriods.values()) {
    await put(p.determinations.path, '');
    await put(p.items.path, header);
  }

  const part = async (determinations: readonly Determination[], first: number) => {
    if (determinations.length > 0 && determinations[0]!.id !== outline.ids[first])
      throw new Error(`open data: part at ${first} starts with ${determinations[0]!.id}, not ${outline.ids[first]}`);
    const itemStart = firstItem[first]!;
    const itemEnd = firstItem[first + determinations.length]!;
    // Each item's row, made once for its period file and its lists, by position in the corpus.
    const lines: (string | undefined)[] = new Array<string | undefined>(itemEnd - itemStart);
    const line = (k: number) => {
      const d = owner[k]!;
      return (lines[k - itemStart] ??= csvLines([itemRow(determinations[d - first]!, k - firstItem[d]! + 1, ctx)]));
    };
    // The part's text of each period file it reaches, in corpus order.
    const periodText = new Map<string, string[]>();
    const add = (path: string, text: string) => {
      const texts = periodText.get(path);
      if (texts) texts.push(text);
      else periodText.set(path, [text]);
    };
    determinations.forEach((d, j) => {
      const p = writtenPeriods.get(outline.periods[first + j]!);
      if (!p) return;
      add(p.determinations.path, `${JSON.stringify(d)}\n`);
      for (let k = firstItem[first + j]!; k < firstItem[first + j + 1]!; k++) add(p.items.path, line(k));
    });
    const jobs = [...periodText].map(
      ([path, texts]) =>
        async () =>
          put(path, texts.join('')),
    );
    for (const file of listFiles) {
      const opens = file.next === 0;
      const taken: string[] = [];
      for (; file.next < file.positions.length && file.positions[file.next]! < itemEnd; file.next++) {
        const k = file.positions[file.next]!;
        if (k < itemStart) throw new Error(`open data: ${file.path} has an item in a part it was not given`);
        taken.push(line(k));
      }
      const text = `${opens ? header : ''}${taken.join('')}`;
      if (taken.length > 0) jobs.push(async () => (file.bytes += await put(file.path, text)));
    }
    await inParallel(jobs, PARALLEL);
  };

  const end = (): WrittenOpenData => {
    const unfinished = listFiles.find((f) => f.next < f.positions.length);
    if (unfinished) throw new Error(`open data: ${unfinished.path} was not given all its items`);
    const written = new Map(listFiles.map((f) => [f.path, f.bytes]));
    return {
      schema,
      periods,
      lists: outline.lists.map((l) => ({ path: l.path, kind: l.kind, rows: l.positions.length, bytes: written.get(l.path) })),
    };
  };
  return { part, end };
}

/** Writes every file `write` accepts (all by default) from the whole corpus, `chunk` letters at a time. */
export async function writeOpenData(
  input: OpenDataInput,
  sink: Sink,
  write: (path: string) => boolean = () => true,
  chunk = CHUNK,
): Promise<WrittenOpenData> {
  const writer = await openDataWriter(openDataOutline(input), input, sink, write);
  for (let start = 0; start < input.determinations.length; start += chunk)
    await writer.part(input.determinations.slice(start, start + chunk), start);
  return writer.end();
}
