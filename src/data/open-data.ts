// The open data: data/determinations.jsonl (one determination's frontmatter a line),
// data/items.csv (one row per disputed item), data/schema.json (the JSON Schema of a JSONL line),
// and items.csv in the folder of every treatment-type and guideline-section page with items.
// The /data/ page documents these files with their counts and sizes, so its build writes them:
// each is streamed, a few hundred rows at a time, from the corpus the pages already hold, and
// renamed into place when whole (src/lib/files/write-streamed.ts). They are written on every
// build (no cache key), so the prune step keeps exactly those this build made.
import { join } from 'node:path';
import { loadCorpus, type Corpus } from './corpus.ts';
import type { ItemRef } from '../lib/corpus/flatten-items.ts';
import { writeStreamed } from '../lib/files/write-streamed.ts';
import { CSV_BOM, csvLines, type Cell } from '../lib/open-data/csv.ts';
import { determinationJsonSchema } from '../lib/open-data/determination-json-schema.ts';
import { ITEM_HEADER, itemRow, type ItemRowContext } from '../lib/open-data/item-columns.ts';
import { dataFilePath, determinationPath, listCsvPath, sectionPath, treatmentPath } from '../lib/paths/routes.ts';
import { siteUrl } from '../lib/paths/site-url.ts';
import type { Determination } from '../lib/schema/index.ts';

/** Lines or rows made and written at a time: memory stays that of one chunk. */
const CHUNK = 500;

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
  /** The items.csv files of the treatment-type and guideline-section pages. */
  lists: { treatments: number; sections: number; bytes: number };
  seconds: number;
}

let published: Promise<OpenData> | undefined;

/** Writes the open data into the build's output folder (once per build) and reports on it. */
export function publishOpenData(): Promise<OpenData> {
  published ??= publish();
  return published;
}

// Set by src/integrations/open-data-dir.ts for `astro build`; in `astro dev` nothing is written
// and only the sizes are counted.
const outDir: string | undefined = import.meta.env.OPEN_DATA_OUT_DIR;

function* inChunks<T>(list: readonly T[], make: (part: readonly T[]) => string): Generator<string> {
  for (let i = 0; i < list.length; i += CHUNK) yield make(list.slice(i, i + CHUNK));
}

async function write(path: string, chunks: Iterable<string>): Promise<number> {
  if (outDir) return writeStreamed(join(outDir, path.replace(/^\//, '')), chunks);
  let bytes = 0;
  for (const chunk of chunks) bytes += Buffer.byteLength(chunk);
  return bytes;
}

async function publish(): Promise<OpenData> {
  const started = performance.now();
  const corpus = await loadCorpus();
  const byId = new Map(corpus.determinations.map((d) => [d.id, d]));
  const ctx: ItemRowContext = {
    treatmentLabel: corpus.treatmentLabel,
    guidelineLabel: corpus.guidelineLabel,
    pageUrl: (id, n) => siteUrl(determinationPath(id, n)),
  };
  const csv = (refs: readonly ItemRef[]) => itemsCsv(refs, byId, ctx);

  const schemaPath = dataFilePath('schema.json');
  const schema = { path: schemaPath, rows: 1, bytes: await write(schemaPath, [`${JSON.stringify(determinationJsonSchema(), null, 2)}\n`]) };
  const jsonlPath = dataFilePath('determinations.jsonl');
  const jsonl = inChunks(corpus.determinations, (part) => part.map((d) => `${JSON.stringify(d)}\n`).join(''));
  const determinations = { path: jsonlPath, rows: corpus.determinations.length, bytes: await write(jsonlPath, jsonl) };
  const itemsPath = dataFilePath('items.csv');
  const items = { path: itemsPath, rows: corpus.items.length, bytes: await write(itemsPath, csv(corpus.items)) };

  const lists = { treatments: 0, sections: 0, bytes: 0 };
  for (const [slug, refs] of itemsByTreatment(corpus)) {
    lists.bytes += await write(listCsvPath(treatmentPath(slug)), csv(refs));
    lists.treatments++;
  }
  for (const entry of corpus.guidelineIndex) {
    for (const section of entry.sections) {
      lists.bytes += await write(listCsvPath(sectionPath(entry.slug, section.key)), csv(section.items));
      lists.sections++;
    }
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  const bytes = schema.bytes + determinations.bytes + items.bytes + lists.bytes;
  console.log(`open data: ${3 + lists.treatments + lists.sections} files, ${bytes} bytes, in ${seconds} s`);
  return { determinations, items, schema, lists, seconds };
}

/** A CSV file of items, made a chunk of rows at a time. */
function* itemsCsv(refs: readonly ItemRef[], byId: ReadonlyMap<string, Determination>, ctx: ItemRowContext): Generator<string> {
  yield `${CSV_BOM}${csvLines([ITEM_HEADER])}`;
  yield* inChunks(refs, (part) => csvLines(part.map((r): Cell[] => itemRow(byId.get(r.determinationId)!, r.number, ctx))));
}

/** The items of each treatment type that has any, in corpus order (newest first). */
function itemsByTreatment(corpus: Corpus): Map<string, ItemRef[]> {
  const byType = new Map<string, ItemRef[]>();
  for (const ref of corpus.items) {
    const list = byType.get(ref.item.treatmentType);
    if (list) list.push(ref);
    else byType.set(ref.item.treatmentType, [ref]);
  }
  return byType;
}
