// Writes the open data through a sink that appends text to files: data/schema.json,
// data/determinations.jsonl, data/items.csv, and items.csv in the folder of every treatment-type,
// treatment × body-region and guideline-section page with items. One pass over the corpus, a part at a time, writes all of
// them, so memory holds one part whatever the size of the corpus.
import { CSV_BOM, csvLines } from './csv.ts';
import { determinationJsonSchema } from './determination-json-schema.ts';
import { ITEM_HEADER, itemRow, type ItemRowContext } from './item-columns.ts';
import type { GuidelineEntry } from '../catalogue/index-guidelines.ts';
import type { TreatmentRegionEntry } from '../catalogue/index-treatment-regions.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import { dataFilePath, listCsvPath, sectionPath, treatmentPath, treatmentRegionPath } from '../paths/routes.ts';
import type { Determination } from '../schema/index.ts';

/**
 * Determinations taken at a time. Each item's CSV row is made once, then goes to items.csv and to
 * the items.csv of every list holding it; memory holds one such part of the corpus as text.
 */
const CHUNK = 2000;
/** Files appended to at once. */
const PARALLEL = 8;

/** Where the files go: text appended to a file by site path ("/data/items.csv"). */
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
  /** Site path ("/data/items.csv"). */
  path: string;
  /** Lines of data: determinations (JSONL) or items (CSV, header not counted); 1 for the schema. */
  rows: number;
  bytes: number;
}

export interface OpenData {
  determinations: PublishedFile;
  items: PublishedFile;
  schema: PublishedFile;
  /** The items.csv files of the treatment-type, treatment × region and guideline-section pages. */
  lists: { treatments: number; regions: number; sections: number; bytes: number };
}

/** The items of each treatment type that has any, in the order given. */
function itemsByTreatment(items: readonly ItemRef[]): Map<string, ItemRef[]> {
  const byType = new Map<string, ItemRef[]>();
  for (const ref of items) {
    const list = byType.get(ref.item.treatmentType);
    if (list) list.push(ref);
    else byType.set(ref.item.treatmentType, [ref]);
  }
  return byType;
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

export async function writeOpenData(input: OpenDataInput, sink: Sink, chunk = CHUNK): Promise<OpenData> {
  const put = async (path: string, text: string) => {
    await sink.append(path, text);
    return Buffer.byteLength(text);
  };
  const byId = new Map(input.determinations.map((d) => [d.id, d]));
  const position = new Map(input.determinations.map((d, i) => [d.id, i]));
  const header = `${CSV_BOM}${csvLines([ITEM_HEADER])}`;
  const list = (path: string, refs: readonly ItemRef[]): ListFile => ({ path, refs, next: 0, bytes: 0 });
  const itemsFile = list(dataFilePath('items.csv'), input.items);
  const treatmentFiles = [...itemsByTreatment(input.items)].map(([slug, refs]) => list(listCsvPath(treatmentPath(slug)), refs));
  const regionFiles = input.treatmentRegions.map((e) => list(listCsvPath(treatmentRegionPath(e.treatment, e.region)), e.items));
  const sectionFiles = input.guidelineIndex.flatMap((entry) =>
    entry.sections.map((s) => list(listCsvPath(sectionPath(entry.slug, s.key)), s.items)),
  );
  const files = [itemsFile, ...treatmentFiles, ...regionFiles, ...sectionFiles];

  const schemaPath = dataFilePath('schema.json');
  const schema = { path: schemaPath, rows: 1, bytes: await put(schemaPath, `${JSON.stringify(determinationJsonSchema(), null, 2)}\n`) };
  const jsonlPath = dataFilePath('determinations.jsonl');
  let jsonlBytes = await put(jsonlPath, '');
  // An empty corpus still gets the file, as its header.
  if (input.items.length === 0) itemsFile.bytes = await put(itemsFile.path, header);

  for (let start = 0; start < input.determinations.length; start += chunk) {
    const end = start + chunk;
    const part = input.determinations.slice(start, end);
    const lines = new Map<string, string>();
    const line = (ref: ItemRef) => {
      const key = `${ref.determinationId}#${ref.number}`;
      let text = lines.get(key);
      if (text === undefined) lines.set(key, (text = csvLines([itemRow(byId.get(ref.determinationId)!, ref.number, input)])));
      return text;
    };
    const jobs = [async () => (jsonlBytes += await put(jsonlPath, part.map((d) => `${JSON.stringify(d)}\n`).join('')))];
    for (const file of files) {
      const first = file.next === 0;
      const taken: string[] = [];
      while (file.next < file.refs.length && position.get(file.refs[file.next]!.determinationId)! < end)
        taken.push(line(file.refs[file.next++]!));
      const text = `${first ? header : ''}${taken.join('')}`;
      if (taken.length > 0) jobs.push(async () => (file.bytes += await put(file.path, text)));
    }
    await inParallel(jobs, PARALLEL);
  }
  const sum = (list: ListFile[]) => list.reduce((n, f) => n + f.bytes, 0);
  return {
    determinations: { path: jsonlPath, rows: input.determinations.length, bytes: jsonlBytes },
    items: { path: itemsFile.path, rows: input.items.length, bytes: itemsFile.bytes },
    schema,
    lists: {
      treatments: treatmentFiles.length,
      regions: regionFiles.length,
      sections: sectionFiles.length,
      bytes: sum(treatmentFiles) + sum(regionFiles) + sum(sectionFiles),
    },
  };
}
