// The open data of both fixture builds: each decision year's determinations.jsonl.gz against the
// published schema.json (Ajv), the items CSV files parsed back by a strict reader, data/index.json
// against the files, the lists' download links, and the /data/ page's counts and sizes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { formatBytes } from '../../src/lib/format/format-bytes.ts';
import { ITEM_HEADER } from '../../src/lib/open-data/item-columns.ts';
import type { SiteBuild } from '../support/build-site.ts';
import { compileSchema } from '../support/json-schema-validator.ts';
import { readCsv, readCsvRecords } from '../support/read-csv.ts';
import { attributeValues, readPage, visibleText } from '../support/site-files.ts';
import { builtFile } from '../support/url-files.ts';

const { root, sub } = inject('sites');
const file = (site: SiteBuild, path: string) => readFileSync(join(site.dir, path), 'utf8');
const gunzipped = (site: SiteBuild, path: string) => gunzipSync(readFileSync(join(site.dir, path))).toString('utf8');
interface IndexFile {
  kind: 'determinations' | 'items';
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}
const dataIndex = (site: SiteBuild) =>
  JSON.parse(file(site, 'data/index.json')) as { schema: string; periods: { period: string; files: IndexFile[] }[] };
/** Every period's file of a kind, as data/index.json lists them (newest first). */
const periodFiles = (site: SiteBuild, kind: IndexFile['kind']) => dataIndex(site).periods.map((p) => p.files.find((f) => f.kind === kind)!);
/** The rows of every period's items.csv.gz, in order. */
const itemRecords = (site: SiteBuild) => periodFiles(site, 'items').flatMap((f) => readCsvRecords(gunzipped(site, `data/${f.path}`)));
/** Ids of the determination pages (not the list's own index.html or its numbered pages). */
const determinationPages = (site: SiteBuild) =>
  readdirSync(join(site.dir, 'determinations'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !/^\d+$/.test(e.name))
    .map((e) => e.name)
    .sort();

describe.each([
  ['root', root],
  ['sub-path', sub],
])('open data of the %s build', (_name, site) => {
  /** Every line of every determinations.jsonl.gz, newest year first (each file ends its last line). */
  const texts = periodFiles(site, 'determinations').map((f) => gunzipped(site, `data/${f.path}`));
  const lines = texts.flatMap((text) => text.split('\n').slice(0, -1));

  test('data/index.json lists a pair of files for each decision year, newest first, with their rows, sizes and digests', () => {
    const index = dataIndex(site);
    expect(index.schema).toBe('schema.json');
    const years = index.periods.map((p) => p.period);
    expect(years).toEqual([...new Set(years)].sort().reverse());
    if (site === root) expect(years).toEqual(['2017', '2016', '2015', '2014']);
    for (const p of index.periods) {
      expect(p.files.map((f) => f.path)).toEqual([`${p.period}/determinations.jsonl.gz`, `${p.period}/items.csv.gz`]);
      for (const f of p.files) {
        const bytes = readFileSync(join(site.dir, 'data', f.path));
        expect(f.bytes, f.path).toBe(bytes.length);
        expect(f.sha256, f.path).toBe(createHash('sha256').update(bytes).digest('hex'));
        const text = gunzipSync(bytes).toString('utf8');
        expect(f.rows, f.path).toBe(f.kind === 'items' ? readCsvRecords(text).length : text.split('\n').length - 1);
      }
    }
    expect(readdirSync(join(site.dir, 'data')).sort()).toEqual([...years].sort().concat(['index.html', 'index.json', 'schema.json']));
  });

  test('each determinations.jsonl.gz has one determination of its year a line, every one valid against the published schema.json', () => {
    for (const f of periodFiles(site, 'determinations'))
      for (const line of gunzipped(site, `data/${f.path}`).trimEnd().split('\n'))
        expect((JSON.parse(line) as { dates: { decided: string } }).dates.decided.slice(0, 4)).toBe(f.path.split('/')[0]);
    for (const text of texts) expect(text.endsWith('\n')).toBe(true);
    const validate = compileSchema(JSON.parse(file(site, 'data/schema.json')) as object);
    const ids = lines.map((line) => {
      const d = JSON.parse(line) as { id: string };
      expect(validate(d), d.id).toEqual({ valid: true, errors: [] });
      return d.id;
    });
    expect([...ids].sort()).toEqual(determinationPages(site));
  });

  test('the items.csv.gz files have a row per disputed item with the documented columns, each linking to its item', () => {
    for (const f of periodFiles(site, 'items')) expect(readCsv(gunzipped(site, `data/${f.path}`))[0]).toEqual(ITEM_HEADER);
    const items = lines.reduce((n, line) => n + (JSON.parse(line) as { items: unknown[] }).items.length, 0);
    expect(itemRecords(site)).toHaveLength(items);
    for (const record of itemRecords(site)) {
      expect(record.page_url).toBe(`${site.origin}${site.base}determinations/${record.determination_id}/#item-${record.item_number}`);
      expect(builtFile(site, record.page_url!), record.page_url).toBeDefined();
    }
  });

  test('every treatment type, treatment × body region and section page with items links its items.csv, which holds those items', () => {
    const listPages = readdirSync(site.dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /^(treatments\/[^/]+|treatments\/[^/]+\/regions\/[^/]+|guidelines\/[^/]+\/[^/]+)\/index\.html$/.test(f),
    );
    expect(listPages.filter((f) => f.includes('/regions/')).length).toBeGreaterThan(5);
    expect(listPages.length).toBeGreaterThan(10);
    for (const page of listPages) {
      const html = readFileSync(join(site.dir, page), 'utf8');
      const link = /<a class="csv-link" href="([^"]+)" download>Download (?:this item|these ([\d,]+) items) \(CSV\)<\/a>/.exec(html);
      if (!link) {
        expect(html, page).not.toContain('items.csv');
        continue;
      }
      expect(link[1]).toBe(`${site.base}${page.replace('index.html', 'items.csv')}`);
      const records = readCsvRecords(file(site, page.replace('index.html', 'items.csv')));
      expect(records.length, page).toBe(Number((link[2] ?? '1').replace(/,/g, '')));
      if (page.startsWith('treatments/')) expect(new Set(records.map((r) => r.treatment_type_slug))).toEqual(new Set([page.split('/')[1]]));
      const region = /^treatments\/[^/]+\/regions\/([^/]+)\//.exec(page)?.[1];
      if (region === 'none') for (const r of records) expect(r.body_regions, page).toBe('');
      else if (region) for (const r of records) expect(r.body_regions?.split('; '), page).toContain(region);
    }
  });

  test('items.csv.gz names each item’s body regions as its line of determinations.jsonl.gz does', () => {
    const expected = lines.flatMap((line) => {
      const d = JSON.parse(line) as { id: string; items: { bodyRegions: string[] }[] };
      return d.items.map((item, i) => [d.id, String(i + 1), item.bodyRegions.join('; ')]);
    });
    const rows = itemRecords(site).map((r) => [r.determination_id, r.item_number, r.body_regions]);
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r[2] !== '').length).toBeGreaterThan(3);
  });

  test('the /data/ page links each file and states its rows and exact size', () => {
    const html = readPage(site, '/data/');
    const text = visibleText(html);
    const files = dataIndex(site).periods.flatMap((p) => p.files);
    expect(attributeValues(html, 'href')).toEqual(
      expect.arrayContaining([
        `${site.base}data/index.json`,
        `${site.base}data/schema.json`,
        ...files.map((f) => `${site.base}data/${f.path}`),
      ]),
    );
    expect(html).not.toMatch(/data\/(determinations\.jsonl|items\.csv)"/);
    const size = (path: string) => formatBytes(statSync(join(site.dir, 'data', path)).size);
    expect(text).toContain(`index.json Every file below`);
    const periods = dataIndex(site).periods;
    expect(text).toContain(`${periods.length} periods ${size('index.json')}`);
    const counted = (rows: number, one: string) => `${rows.toLocaleString('en-US')} ${one}${rows === 1 ? '' : 's'}`;
    for (const {
      period,
      files: [jsonl, csv],
    } of periods)
      expect(text).toContain(
        `${period} ${counted(jsonl!.rows, 'determination')} ${size(jsonl!.path)} ${counted(csv!.rows, 'item')} ${size(csv!.path)}`,
      );
    if (site === root) expect(text).toContain(`2016 2 determinations ${size('2016/determinations.jsonl.gz')} 3 items`);
    for (const column of ITEM_HEADER) expect(text).toContain(column);
    expect(text).toContain('items[].citations.reviewer[].pages integer[] (optional)');
    expect(text).toContain('items[].bodyRegions string[] Body regions the request names');
    expect(text).toContain('body_regions Body regions the request names');
  });
});

describe('open data content', () => {
  test('items.csv of the root build holds a letter’s item as its page shows it', () => {
    const record = itemRecords(root).find((r) => r.determination_id === 'CM16-0100001');
    expect(record).toMatchObject({
      case_number: 'CM16-0100001',
      decided: '2016-06-01',
      item_number: '1',
      request: "Physical therapy <script>alert('request')</script> x 12 sessions",
      treatment_type_slug: 'physical-therapy',
      body_regions: '',
      outcome: 'overturned',
      page_url: 'http://localhost:4321/determinations/CM16-0100001/#item-1',
    });
    const lumbar = itemRecords(root).find((r) => r.determination_id === 'CM14-0123456');
    expect(lumbar).toMatchObject({ treatment_type_slug: 'tens-ems-unit', body_regions: 'lumbar-spine' });
  });
});
