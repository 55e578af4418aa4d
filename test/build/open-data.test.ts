// The open data of both fixture builds: determinations.jsonl against the published schema.json
// (Ajv), the items CSV files parsed back by a strict reader, the lists' download links, and the
// /data/ page's counts and sizes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  const lines = file(site, 'data/determinations.jsonl').split('\n');

  test('determinations.jsonl has one determination a line, every one valid against the published schema.json', () => {
    expect(lines.pop()).toBe('');
    const validate = compileSchema(JSON.parse(file(site, 'data/schema.json')) as object);
    const ids = lines.map((line) => {
      const d = JSON.parse(line) as { id: string };
      expect(validate(d), d.id).toEqual({ valid: true, errors: [] });
      return d.id;
    });
    expect([...ids].sort()).toEqual(determinationPages(site));
  });

  test('items.csv has a row per disputed item with the documented columns, each linking to its item', () => {
    const [header, ...rows] = readCsv(file(site, 'data/items.csv'));
    expect(header).toEqual(ITEM_HEADER);
    const items = lines.filter(Boolean).reduce((n, line) => n + (JSON.parse(line) as { items: unknown[] }).items.length, 0);
    expect(rows).toHaveLength(items);
    for (const record of readCsvRecords(file(site, 'data/items.csv'))) {
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

  test('items.csv names each item’s body regions as its line of determinations.jsonl does', () => {
    const expected = lines.filter(Boolean).flatMap((line) => {
      const d = JSON.parse(line) as { id: string; items: { bodyRegions: string[] }[] };
      return d.items.map((item, i) => [d.id, String(i + 1), item.bodyRegions.join('; ')]);
    });
    const rows = readCsvRecords(file(site, 'data/items.csv')).map((r) => [r.determination_id, r.item_number, r.body_regions]);
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r[2] !== '').length).toBeGreaterThan(3);
  });

  test('the /data/ page links each file and states its rows and exact size', () => {
    const html = readPage(site, '/data/');
    const text = visibleText(html);
    expect(attributeValues(html, 'href')).toEqual(
      expect.arrayContaining([`${site.base}data/determinations.jsonl`, `${site.base}data/items.csv`, `${site.base}data/schema.json`]),
    );
    const size = (name: string) => formatBytes(statSync(join(site.dir, 'data', name)).size);
    expect(text).toContain(`determinations.jsonl One determination per line`);
    expect(text).toContain(`${determinationPages(site).length} determinations ${size('determinations.jsonl')}`);
    expect(text).toContain(`${readCsv(file(site, 'data/items.csv')).length - 1} items ${size('items.csv')}`);
    for (const column of ITEM_HEADER) expect(text).toContain(column);
    expect(text).toContain('items[].citations.reviewer[].pages integer[] (optional)');
    expect(text).toContain('items[].bodyRegions string[] Body regions the request names');
    expect(text).toContain('body_regions Body regions the request names');
  });
});

describe('open data content', () => {
  test('items.csv of the root build holds a letter’s item as its page shows it', () => {
    const record = readCsvRecords(file(root, 'data/items.csv')).find((r) => r.determination_id === 'CM16-0100001');
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
    const lumbar = readCsvRecords(file(root, 'data/items.csv')).find((r) => r.determination_id === 'CM14-0123456');
    expect(lumbar).toMatchObject({ treatment_type_slug: 'tens-ems-unit', body_regions: 'lumbar-spine' });
  });
});
