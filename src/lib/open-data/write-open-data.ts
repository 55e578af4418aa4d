// Writes the open data through a sink that appends text to files: data/schema.json, each period's
// data/<period>/determinations.jsonl.gz and items.csv.gz (periods: src/lib/open-data/periods.ts;
// the sink compresses), and items.csv in the folder of every treatment-type, treatment × body-region
// and guideline-section page with items. Files the caller keeps from the last build (`write` says
// no) are skipped. One pass over the corpus, a part at a time, writes all of them: the writer knows
// the corpus only by its outline (open-data-outline.ts) and is handed its letters a part at a time
// (by the build's thread, src/data/open-data-parts.ts), so memory holds one part whatever the size
// of the corpus, and parts that no written file needs are never handed over. A list file's rows of
// a period the caller says are unchanged are copied from the file the last build wrote.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CSV_BOM, csvLines } from './csv.ts';
import { determinationJsonSchema } from './determination-json-schema.ts';
import { ITEM_HEADER, itemRow, type ItemRowContext } from './item-columns.ts';
import {
  itemPlaces,
  listSegments,
  openDataOutline,
  outlinePeriods,
  type ListCsv,
  type ListSegment,
  type OpenDataOutline,
  type OutlineList,
} from './open-data-outline.ts';
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
  /** Every list's items.csv, written or kept; `bytes` of those written, and of each of their segments (listSegments). */
  lists: (Omit<ListCsv, 'refs'> & { rows: number; bytes?: number; segments?: number[] })[];
}

/** Bytes of a list file the last build wrote, kept for a segment whose rows are unchanged: `start` to `end` of `file`. */
export interface ListCopy {
  file: string;
  start: number;
  end: number;
}

/** A segment of a list file to write (listSegments): made from its rows, or copied when `copy` says where from. */
export interface PlannedSegment extends ListSegment {
  copy?: ListCopy;
}

/** What every items CSV opens with: the byte-order mark and the column names. */
export const ITEM_CSV_HEADER = `${CSV_BOM}${csvLines([ITEM_HEADER])}`;

/** Appends text; gives its bytes. */
async function putText(sink: Sink, path: string, text: string): Promise<number> {
  await sink.append(path, text);
  return Buffer.byteLength(text);
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
 * An items CSV being written, and how far it has got: its segments (a period's run of its items,
 * listSegments) in order, each made from its rows as the parts of the corpus come in corpus order,
 * or copied from the file the last build wrote.
 */
interface ListFile {
  path: string;
  opened: boolean;
  segments: { positions: Int32Array; copy?: ListCopy; next: number; bytes: number }[];
  /** The segment being written. */
  at: number;
  bytes: number;
}

/** Bytes of a copy read and appended at once: copies stream, so memory holds this much a file. */
const COPY_CHUNK = 1 << 20;

/** Appends a range of the last build's file, `chunkBytes` at a time (whole characters, whatever the cut). */
export async function appendCopy(sink: Sink, path: string, { file, start, end }: ListCopy, chunkBytes = COPY_CHUNK): Promise<void> {
  const decoder = new StringDecoder('utf8');
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(Math.max(1, Math.min(chunkBytes, end - start)));
    for (let at = start; at < end;) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, end - at), at);
      if (read === 0) throw new Error(`open data: ${file} ended before byte ${end}`);
      at += read;
      await sink.append(path, decoder.write(chunk.subarray(0, read)));
    }
    const rest = decoder.end();
    if (rest) await sink.append(path, rest);
  } finally {
    closeSync(fd);
  }
}

/** What a list file gets next: text, or a range of its last file to copy. */
type Piece = string | ListCopy;

/** Appends the pieces in order; gives the bytes appended. */
async function appendPieces(sink: Sink, path: string, pieces: readonly Piece[]): Promise<number> {
  let bytes = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') bytes += await putText(sink, path, piece);
    else {
      await appendCopy(sink, path, piece);
      bytes += piece.end - piece.start;
    }
  }
  return bytes;
}

/** A list file to write, its segments made from their rows or copied. */
function listFile(l: OutlineList, planned: readonly PlannedSegment[]): ListFile {
  const segments = planned.map((seg) => ({
    positions: seg.copy ? new Int32Array(0) : l.positions.subarray(seg.start, seg.end),
    copy: seg.copy,
    next: 0,
    bytes: 0,
  }));
  return { path: l.path, opened: false, segments, at: 0, bytes: 0 };
}

/** Position of the list's next row to write; Infinity when only copies are left. */
function nextRow(file: ListFile): number {
  for (let i = file.at; i < file.segments.length; i++) {
    const seg = file.segments[i]!;
    if (seg.next < seg.positions.length) return seg.positions[seg.next]!;
  }
  return Infinity;
}

/**
 * What the parts up to `itemEnd` complete of the list: its header, its segments' rows (text made
 * once, joined) and the copies after them (ranges, read when appended).
 */
function advance(file: ListFile, header: string, itemStart: number, itemEnd: number, line: (k: number) => string): Piece[] {
  const pieces: Piece[] = [];
  let texts: string[] = [];
  const flush = () => {
    if (texts.length > 0) pieces.push(texts.join(''));
    texts = [];
  };
  if (!file.opened) {
    texts.push(header);
    file.opened = true;
  }
  for (; file.at < file.segments.length; file.at++) {
    const seg = file.segments[file.at]!;
    if (seg.copy) {
      flush();
      pieces.push(seg.copy);
      seg.bytes += seg.copy.end - seg.copy.start;
    }
    for (; seg.next < seg.positions.length && seg.positions[seg.next]! < itemEnd; seg.next++) {
      const k = seg.positions[seg.next]!;
      if (k < itemStart) throw new Error(`open data: ${file.path} has an item in a part it was not given`);
      const text = line(k);
      texts.push(text);
      seg.bytes += Buffer.byteLength(text);
    }
    if (seg.next < seg.positions.length) break;
  }
  flush();
  return pieces;
}

export interface OpenDataWriter {
  /**
   * Writes a part of the corpus: its determinations from the `first`-th on. Parts come in corpus
   * order; a part that holds no letter of a written file may be left out.
   */
  part(determinations: readonly Determination[], first: number): Promise<void>;
  /** What every period and list holds, once the parts are written (and the copies that follow the last of them). */
  end(): Promise<WrittenOpenData>;
}

/**
 * Starts writing every file `write` accepts (all by default): the schema and the period files'
 * headers. `plan`: a list file's segments, some to copy from the last build's file; by default
 * its listSegments, all made from their rows.
 */
export async function openDataWriter(
  outline: OpenDataOutline,
  ctx: ItemRowContext,
  sink: Sink,
  write: (path: string) => boolean = () => true,
  plan?: (path: string) => readonly PlannedSegment[] | undefined,
): Promise<OpenDataWriter> {
  const put = (path: string, text: string) => putText(sink, path, text);
  const { firstItem, owner } = itemPlaces(outline.itemCounts);
  const header = ITEM_CSV_HEADER;
  const listFiles = outline.lists
    .filter((l) => write(l.path))
    .map((l) => listFile(l, plan?.(l.path) ?? listSegments(outline, l.positions, owner)));
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
      // A list none of whose rows this part holds waits: its copies go with the rows before them.
      if (nextRow(file) >= itemEnd) continue;
      const pieces = advance(file, header, itemStart, itemEnd, line);
      if (pieces.length > 0) jobs.push(async () => (file.bytes += await appendPieces(sink, file.path, pieces)));
    }
    await inParallel(jobs, PARALLEL);
  };

  const end = async (): Promise<WrittenOpenData> => {
    const unfinished = listFiles.find((f) => nextRow(f) !== Infinity);
    if (unfinished) throw new Error(`open data: ${unfinished.path} was not given all its items`);
    // What follows the last rows given: copies, and the header of a list of copies alone.
    const noRow = () => '';
    for (const file of listFiles) {
      const pieces = advance(file, header, Infinity, Infinity, noRow);
      if (pieces.length > 0) file.bytes += await appendPieces(sink, file.path, pieces);
    }
    const written = new Map(listFiles.map((f) => [f.path, f]));
    return {
      schema,
      periods,
      lists: outline.lists.map((l) => {
        const file = written.get(l.path);
        return {
          path: l.path,
          kind: l.kind,
          rows: l.positions.length,
          bytes: file?.bytes,
          segments: file?.segments.map((seg) => seg.bytes),
        };
      }),
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
  return await writer.end();
}
