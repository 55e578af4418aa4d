// Writes the open data through a sink that appends text to files: data/schema.json, each period's
// data/<period>/determinations.jsonl.gz and items.csv.gz (periods: src/lib/open-data/periods.ts;
// the sink compresses), and items.csv in the folder of every treatment-type, treatment × body-region
// and guideline-section page with items. Files the caller keeps from the last build (`write` says
// no) are skipped. One pass over the corpus, a part at a time, writes all of them, so memory holds
// one part whatever the size of the corpus.
import { CSV_BOM, csvLines } from './csv.ts';
import { determinationJsonSchema } from './determination-json-schema.ts';
import { ITEM_HEADER, itemRow, type ItemRowContext } from './item-columns.ts';
import { groupByPeriod, periodOf } from './periods.ts';
import type { GuidelineEntry } from '../catalogue/index-guidelines.ts';
import type { TreatmentRegionEntry } from '../catalogue/index-treatment-regions.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import { dataFilePath, listCsvPath, periodDataPath, sectionPath, treatmentPath, treatmentRegionPath } from '../paths/routes.ts';
import type { Determination } from '../schema/index.ts';

/**
 * Determinations taken at a time. Each item's CSV row is made once, then goes to its period's
 * items.csv.gz and to the items.csv of every list holding it; memory holds one such part of the
 * corpus as text.
 */
const CHUNK = 2000;
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

/** A list page's items.csv. */
export interface ListCsv {
  path: string;
  kind: 'treatment' | 'region' | 'section';
  /** Its items, in the file's order. */
  refs: readonly ItemRef[];
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
export function periodFiles(determinations: readonly Determination[]): PeriodFiles[] {
  return groupByPeriod(determinations).map(({ period, determinations: list }) => ({
    period,
    determinations: { path: periodDataPath(period, DETERMINATIONS_FILE), rows: list.length },
    items: { path: periodDataPath(period, ITEMS_FILE), rows: list.reduce((n, d) => n + d.items.length, 0) },
  }));
}

/** The items.csv of every treatment type with items, type × region and cited section, with their items. */
export function listCsvs(input: Pick<OpenDataInput, 'items' | 'guidelineIndex' | 'treatmentRegions'>): ListCsv[] {
  const byType = new Map<string, ItemRef[]>();
  for (const ref of input.items) {
    const list = byType.get(ref.item.treatmentType);
    if (list) list.push(ref);
    else byType.set(ref.item.treatmentType, [ref]);
  }
  return [
    ...[...byType].map(([slug, refs]) => ({ path: listCsvPath(treatmentPath(slug)), kind: 'treatment' as const, refs })),
    ...input.treatmentRegions.map((e) => ({
      path: listCsvPath(treatmentRegionPath(e.treatment, e.region)),
      kind: 'region' as const,
      refs: e.items,
    })),
    ...input.guidelineIndex.flatMap((entry) =>
      entry.sections.map((s) => ({ path: listCsvPath(sectionPath(entry.slug, s.key)), kind: 'section' as const, refs: s.items })),
    ),
  ];
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
 * An items CSV being written, and how far it has got. Its items come in corpus order (the lists
 * run newest first, as the corpus): each part of the corpus takes the run of them it holds. (An
 * item out of that order waits, with those after it, for the part that holds it: the file keeps
 * its own order.)
 */
interface ListFile {
  path: string;
  refs: readonly ItemRef[];
  next: number;
  bytes: number;
}

/** Writes every file `write` accepts (all by default) and says what each period and list holds. */
export async function writeOpenData(
  input: OpenDataInput,
  sink: Sink,
  write: (path: string) => boolean = () => true,
  chunk = CHUNK,
): Promise<WrittenOpenData> {
  const put = async (path: string, text: string) => {
    await sink.append(path, text);
    return Buffer.byteLength(text);
  };
  const byId = new Map(input.determinations.map((d) => [d.id, d]));
  const position = new Map(input.determinations.map((d, i) => [d.id, i]));
  const header = `${CSV_BOM}${csvLines([ITEM_HEADER])}`;
  const lists = listCsvs(input);
  const listFiles = lists.filter((l) => write(l.path)).map((l): ListFile => ({ path: l.path, refs: l.refs, next: 0, bytes: 0 }));
  const periods = periodFiles(input.determinations);
  const writtenPeriods = new Map(periods.filter((p) => write(p.determinations.path) || write(p.items.path)).map((p) => [p.period, p]));

  const schemaPath = dataFilePath('schema.json');
  const schema = { path: schemaPath, rows: 1, bytes: await put(schemaPath, `${JSON.stringify(determinationJsonSchema(), null, 2)}\n`) };
  // Each period's items file opens with its header, its first text.
  for (const p of writtenPeriods.values()) {
    await put(p.determinations.path, '');
    await put(p.items.path, header);
  }

  for (let start = 0; start < input.determinations.length; start += chunk) {
    const end = start + chunk;
    const lines = new Map<string, string>();
    const line = (ref: Pick<ItemRef, 'determinationId' | 'number'>) => {
      const key = `${ref.determinationId}#${ref.number}`;
      let text = lines.get(key);
      if (text === undefined) lines.set(key, (text = csvLines([itemRow(byId.get(ref.determinationId)!, ref.number, input)])));
      return text;
    };
    // The part's text of each period file it reaches, in corpus order.
    const periodText = new Map<string, string[]>();
    const add = (path: string, text: string) => {
      const texts = periodText.get(path);
      if (texts) texts.push(text);
      else periodText.set(path, [text]);
    };
    for (const d of input.determinations.slice(start, end)) {
      const p = writtenPeriods.get(periodOf(d));
      if (!p) continue;
      add(p.determinations.path, `${JSON.stringify(d)}\n`);
      for (let n = 1; n <= d.items.length; n++) add(p.items.path, line({ determinationId: d.id, number: n }));
    }
    const jobs = [...periodText].map(
      ([path, texts]) =>
        async () =>
          put(path, texts.join('')),
    );
    for (const file of listFiles) {
      const first = file.next === 0;
      const taken: string[] = [];
      while (file.next < file.refs.length && position.get(file.refs[file.next]!.determinationId)! < end)
        taken.push(line(file.refs[file.next++]!));
      const text = `${first ? header : ''}${taken.join('')}`;
      if (taken.length > 0) jobs.push(async () => (file.bytes += await put(file.path, text)));
    }
    await inParallel(jobs, PARALLEL);
  }
  const written = new Map(listFiles.map((f) => [f.path, f.bytes]));
  return {
    schema,
    periods,
    lists: lists.map((l) => ({ path: l.path, kind: l.kind, rows: l.refs.length, bytes: written.get(l.path) })),
  };
}
