// The open-data writer (src/lib/open-data/write-open-data.ts) into memory: one pass a part of the
// corpus at a time gives the same files whatever the size of the parts, each list file holding
// exactly its page's items.
import { describe, expect, test } from 'vitest';
import { indexGuidelines } from '../../src/lib/catalogue/index-guidelines.ts';
import { indexTreatmentRegions } from '../../src/lib/catalogue/index-treatment-regions.ts';
import { flattenItems } from '../../src/lib/corpus/flatten-items.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { ITEM_HEADER } from '../../src/lib/open-data/item-columns.ts';
import { writeOpenData, type OpenDataInput } from '../../src/lib/open-data/write-open-data.ts';
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

async function written(data: OpenDataInput, chunk?: number) {
  const files = new Map<string, string>();
  const report = await writeOpenData(data, { append: async (path, text) => void files.set(path, (files.get(path) ?? '') + text) }, chunk);
  return { files, report };
}

describe('writeOpenData', () => {
  test('writes the same files a determination at a time as all at once', async () => {
    const whole = await written(input);
    for (const chunk of [1, 2, 3]) expect((await written(input, chunk)).files).toEqual(whole.files);
  });

  test('writes the JSONL, the schema, items.csv and one CSV per treatment type, type × body region and cited section, and counts their bytes', async () => {
    const { files, report } = await written(input, 2);
    expect(
      files
        .get('/data/determinations.jsonl')!
        .split('\n')
        .slice(0, -1)
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(determinations.map((d) => d.id));
    expect(readCsvRecords(files.get('/data/items.csv')!).map((r) => `${r.determination_id}#${r.item_number}`)).toEqual(
      items.map((r) => `${r.determinationId}#${r.number}`),
    );
    expect(files.get('/data/items.csv')!.split('\r\n')[0]).toBe(`\uFEFF${ITEM_HEADER.join(',')}`);
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
    expect(report.lists.regions).toBe(7);
    const sections = input.guidelineIndex.reduce((n, g) => n + g.sections.length, 0);
    expect(files.size).toBe(3 + report.lists.treatments + report.lists.regions + sections);
    expect(report.items).toEqual({ path: '/data/items.csv', rows: 7, bytes: Buffer.byteLength(files.get('/data/items.csv')!) });
    const listBytes = [...files].filter(([path]) => !path.startsWith('/data/')).reduce((n, [, text]) => n + Buffer.byteLength(text), 0);
    expect(report.lists.bytes).toBe(listBytes);
  });

  test('gives an empty corpus empty files with their header', async () => {
    const { files } = await written({ ...input, determinations: [], items: [], guidelineIndex: [], treatmentRegions: [] });
    expect([...files.keys()].sort()).toEqual(['/data/determinations.jsonl', '/data/items.csv', '/data/schema.json']);
    expect(files.get('/data/determinations.jsonl')).toBe('');
    expect(files.get('/data/items.csv')).toBe(`\uFEFF${ITEM_HEADER.join(',')}\r\n`);
  });

  test('keeps a list in its own order, even one that is not the corpus order', async () => {
    const reversed = { ...input, items: [...items].reverse() };
    const { files } = await written(reversed, 1);
    expect(readCsvRecords(files.get('/data/items.csv')!).map((r) => `${r.determination_id}#${r.item_number}`)).toEqual(
      reversed.items.map((r) => `${r.determinationId}#${r.number}`),
    );
  });
});
