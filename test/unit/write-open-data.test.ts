// The open-data writer (src/lib/open-data/write-open-data.ts) into memory: one pass a part of the
// corpus at a time gives the same files whatever the size of the parts, each period's files holding
// exactly its letters and each list file exactly its page's items, and the files the caller keeps
// are not written. (Its parts coming from the build's thread: open-data-parts.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { indexGuidelines } from '../../src/lib/catalogue/index-guidelines.ts';
import { indexTreatmentRegions } from '../../src/lib/catalogue/index-treatment-regions.ts';
import { flattenItems } from '../../src/lib/corpus/flatten-items.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { CSV_BOM, csvLines } from '../../src/lib/open-data/csv.ts';
import { ITEM_HEADER } from '../../src/lib/open-data/item-columns.ts';
import { itemPlaces, listSegments, openDataOutline } from '../../src/lib/open-data/open-data-outline.ts';
import { appendCopy, openDataWriter, writeOpenData, type OpenDataInput } from '../../src/lib/open-data/write-open-data.ts';
import { fixtureDeterminations, fixtureGuidelines, fixtureRegions } from '../support/fixture-corpus.ts';
import { readCsvRecords } from '../support/read-csv.ts';

const determinations = sortByDecided(fixtureDeterminations());
const items = flattenItems(determinations);
const input: OpenDataInput = {
  determinations,
  items,
  guidelineIndex: indexGuidelines(items, fixtureGuidelines()),
  treatmentRegions: indexTreatmentRegions(
    items,
    fixtureRegions().map((r) => r.slug),
  ),
  treatmentLabel: (s) => s.toUpperCase(),
  guidelineLabel: (s) => s,
  pageUrl: (id, n) => `https://imr.example.org/determinations/${id}/#item-${n}`,
};

async function written(data: OpenDataInput, chunk?: number, write?: (path: string) => boolean) {
  const files = new Map<string, string>();
  const report = await writeOpenData(
    data,
    { append: async (path, text) => void files.set(path, (files.get(path) ?? '') + text) },
    write,
    chunk,
  );
  return { files, report };
}

/** The determination ids of a JSON Lines text. */
const jsonlIds = (text: string) =>
  text
    .split('\n')
    .slice(0, -1)
    .map((l) => (JSON.parse(l) as { id: string }).id);
const itemKeys = (csv: string) => readCsvRecords(csv).map((r) => `${r.determination_id}#${r.item_number}`);

describe('writeOpenData', () => {
  test('writes the same files a determination at a time as all at once', async () => {
    const whole = await written(input);
    for (const chunk of [1, 2, 3]) expect((await written(input, chunk)).files).toEqual(whole.files);
  });

  test('writes the schema, each decision year’s JSONL and items CSV, and one CSV per treatment type, type × body region and cited section', async () => {
    const { files, report } = await written(input, 2);
    expect(report.periods.map((p) => [p.period, p.determinations.rows, p.items.rows])).toEqual([
      ['2017', 1, 2],
      ['2016', 2, 3],
      ['2015', 1, 1],
      ['2014', 1, 1],
    ]);
    for (const p of report.periods) {
      const letters = determinations.filter((d) => d.dates.decided?.startsWith(p.period));
      expect(p.determinations.path).toBe(`/data/${p.period}/determinations.jsonl.gz`);
      expect(jsonlIds(files.get(p.determinations.path)!)).toEqual(letters.map((d) => d.id));
      expect(itemKeys(files.get(p.items.path)!)).toEqual(flattenItems(letters).map((r) => `${r.determinationId}#${r.number}`));
      expect(files.get(p.items.path)!.split('\r\n')[0]).toBe(`\uFEFF${ITEM_HEADER.join(',')}`);
    }
    const mri = readCsvRecords(files.get('/treatments/mri/items.csv')!);
    expect(mri.map((r) => [r.determination_id, r.item_number, r.treatment_type])).toEqual([
      ['CM16-0213037', '1', 'MRI'],
      ['CM16-0213037', '2', 'MRI'],
    ]);
    for (const entry of input.guidelineIndex) {
      for (const section of entry.sections) {
        const rows = readCsvRecords(files.get(`/guidelines/${entry.slug}/${section.key}/items.csv`)!);
        expect(rows.map((r) => `${r.determination_id}#${r.item_number}`)).toEqual(
          section.items.map((r) => `${r.determinationId}#${r.number}`),
        );
      }
    }
    // By the fixture frontmatter: the TENS items of CM14-0123456 (lumbar spine) and CM17-0012345 (none).
    expect(readCsvRecords(files.get('/treatments/tens-ems-unit/regions/lumbar-spine/items.csv')!).map((r) => r.determination_id)).toEqual([
      'CM14-0123456',
    ]);
    expect(readCsvRecords(files.get('/treatments/tens-ems-unit/regions/none/items.csv')!).map((r) => r.determination_id)).toEqual([
      'CM17-0012345',
    ]);
    for (const entry of input.treatmentRegions) {
      const rows = readCsvRecords(files.get(`/treatments/${entry.treatment}/regions/${entry.region}/items.csv`)!);
      expect(rows.map((r) => `${r.determination_id}#${r.item_number}`)).toEqual(entry.items.map((r) => `${r.determinationId}#${r.number}`));
    }
    expect(report.lists.filter((l) => l.kind === 'region')).toHaveLength(7);
    const sections = input.guidelineIndex.reduce((n, g) => n + g.sections.length, 0);
    expect(report.lists.filter((l) => l.kind === 'section')).toHaveLength(sections);
    expect(files.size).toBe(1 + 2 * report.periods.length + report.lists.length);
    for (const l of report.lists) expect(l.bytes, l.path).toBe(Buffer.byteLength(files.get(l.path)!));
  });

  test('writes only the files the caller does not keep, and says what every file holds', async () => {
    const keep = new Set(['/data/2016/determinations.jsonl.gz', '/data/2016/items.csv.gz', '/treatments/mri/items.csv']);
    const { files, report } = await written(input, 1, (path) => !keep.has(path));
    for (const path of keep) expect(files.has(path), path).toBe(false);
    expect(files.has('/data/2017/items.csv.gz')).toBe(true);
    expect(report.periods.find((p) => p.period === '2016')!.items.rows).toBe(3);
    expect(report.lists.find((l) => l.path === '/treatments/mri/items.csv')).toEqual({
      path: '/treatments/mri/items.csv',
      kind: 'treatment',
      rows: 2,
      bytes: undefined,
    });
    const whole = await written(input);
    for (const [path, text] of files) expect(text, path).toBe(whole.files.get(path));
  });

  test('puts the letters without a decision date in a period of their own, last', async () => {
    const undated = { ...determinations[0]!, id: 'imr-0000000000000001', dates: { ...determinations[0]!.dates, decided: undefined } };
    const all = sortByDecided([...determinations, undated]);
    const { files, report } = await written({ ...input, determinations: all, items: flattenItems(all) });
    expect(report.periods.at(-1)!.period).toBe('undated');
    expect(jsonlIds(files.get('/data/undated/determinations.jsonl.gz')!)).toEqual(['imr-0000000000000001']);
  });

  test('gives an empty corpus the schema and no period', async () => {
    const { files, report } = await written({ ...input, determinations: [], items: [], guidelineIndex: [], treatmentRegions: [] });
    expect([...files.keys()]).toEqual(['/data/schema.json']);
    expect(report.periods).toEqual([]);
    expect(report.lists).toEqual([]);
  });

  test('refuses a list whose items are not in corpus order, which one pass a part at a time could not write', async () => {
    const reversed = { ...input, items: [...items].reverse() };
    await expect(written(reversed, 1)).rejects.toThrow('open data: the items of /treatments/tens-ems-unit/items.csv are not in the corpus');
  });

  test('copies the segments of a list it is told to from the last file, making only the others, to the same bytes', async () => {
    const { files, report } = await written(input);
    // A list of items in more than one year: the fixture's most cited treatment type.
    const list = report.lists.filter((l) => (l.segments?.length ?? 0) > 1).sort((a, b) => b.rows - a.rows)[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'imr-list-copy-'));
    try {
      const old = join(dir, 'items.csv');
      writeFileSync(old, files.get(list.path)!);
      // Every segment but the newest (first) is copied from the old file.
      const outline = openDataOutline(input);
      const { owner } = itemPlaces(outline.itemCounts);
      const positions = outline.lists.find((l) => l.path === list.path)!.positions;
      let at = Buffer.byteLength(`${CSV_BOM}${csvLines([ITEM_HEADER])}`);
      const planned = listSegments(outline, positions, owner).map((seg, i) => {
        const bytes = list.segments![i]!;
        const copy = i > 0 ? { file: old, start: at, end: at + bytes } : undefined;
        at += bytes;
        return { ...seg, copy };
      });
      expect(planned.filter((seg) => seg.copy).length).toBeGreaterThan(0);
      const made = new Map<string, string>();
      const writer = await openDataWriter(
        outline,
        input,
        { append: async (path, text) => void made.set(path, (made.get(path) ?? '') + text) },
        (path) => path === list.path,
        (path) => (path === list.path ? planned : undefined),
      );
      // Only the parts with the newest segment's letters are given.
      await writer.part(determinations.slice(0, 1), 0);
      await writer.end();
      expect(made.get(list.path)).toBe(files.get(list.path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('copies a range of a file a chunk at a time without cutting a character', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-copy-chunks-'));
    try {
      const file = join(dir, 'items.csv');
      const text = 'id,title\nCM16-1,“Norco” 10/325 – 60 tablets é\nCM16-2,TENS unit\n';
      writeFileSync(file, text);
      const start = Buffer.byteLength('id,title\n');
      let copied = '';
      await appendCopy({ append: async (_path, t) => void (copied += t) }, 'x', { file, start, end: Buffer.byteLength(text) }, 1);
      expect(copied).toBe(text.slice('id,title\n'.length));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses to finish a list file when a part holding its items was left out', async () => {
    const writer = await openDataWriter(openDataOutline(input), input, { append: async () => undefined });
    await writer.part(determinations.slice(0, 1), 0);
    await expect(writer.part(determinations.slice(2), 2)).rejects.toThrow('in a part it was not given');
  });
});
