// The treatment types' "By body region" tables and the treatment × region lists
// (/treatments/<type>/regions/<region>/) of the built fixture sites: counts checked by hand against
// the fixture letters' frontmatter (test/fixtures/site), and on the sample corpus against counts
// made here from its letters' frontmatter; each list's page, CSV file and feed hold its items.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { FEED_SIZE } from '../../src/lib/feeds/newest-determinations.ts';
import type { SiteBuild } from '../support/build-site.ts';
import { BULK_COUNT } from '../support/bulk-corpus.ts';
import { readDeterminations } from '../support/fixture-corpus.ts';
import { readCsvRecords } from '../support/read-csv.ts';
import { attributeValues, hasPage, readPage, visibleText } from '../support/site-files.ts';

const { root, sub, sample } = inject('sites');
const NOTE = 'An item whose request names several body regions counts under each of them.';

type Row = [label: string, path: string, items: number, upheld: number, overturned: number];

/** The rows of a type page's "By body region" table; none when the page has no such table. */
function regionRows(html: string): Row[] {
  const start = html.indexOf('<section aria-labelledby="body-regions">');
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</section>', start));
  const cells =
    /<a href="([^"]+)">([^<]+)<\/a>\s*<\/td>\s*<td data-label="Items" class="num">(\d+)<\/td>\s*<td data-label="Upheld" class="num">(\d+)<\/td>\s*<td data-label="Overturned" class="num">(\d+)<\/td>/g;
  return [...table.matchAll(cells)].map((m) => [m[2]!, m[1]!, Number(m[3]), Number(m[4]), Number(m[5])]);
}

/** "12 items · 9 upheld (75%) · 3 overturned (25%)" under a list's title, as numbers. */
function summary(html: string): [number, number, number] {
  const text = visibleText(html.slice(html.indexOf('<div class="outcome-summary">')));
  const m = /^(\d+) items? · (\d+) upheld.*?· (\d+) overturned/.exec(text)!;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['entry', 'link'].includes(name) });
interface Feed {
  title: string;
  subtitle: string;
  entry?: { title: string; updated: string; summary: string }[];
}
const readFeed = (site: SiteBuild, path: string) => (parser.parse(readFileSync(join(site.dir, path), 'utf8')) as { feed: Feed }).feed;
const csv = (site: SiteBuild, path: string) => readCsvRecords(readFileSync(join(site.dir, path), 'utf8'));

describe('the "By body region" table of a treatment type', () => {
  test('counts the type’s items by the region each request names, regions in catalogue order, those naming none last', () => {
    // By hand from the fixture frontmatter: TENS items of CM14-0123456 (lumbar spine, upheld) and
    // CM17-0012345 (none, overturned); MRI items 1 (shoulder) and 2 (cervical spine) of CM16-0213037,
    // both upheld; the brace of CM17-0012345 (lumbar spine, upheld); Norco of CM15-0045678 and the
    // physical therapy of CM16-0100001 (none, overturned).
    const t = '/treatments/';
    expect(regionRows(readPage(root, `${t}tens-ems-unit/`))).toEqual([
      ['Lumbar spine (low back)', `${t}tens-ems-unit/regions/lumbar-spine/`, 1, 1, 0],
      ['No body region named', `${t}tens-ems-unit/regions/none/`, 1, 0, 1],
    ]);
    expect(regionRows(readPage(root, `${t}mri/`))).toEqual([
      ['Cervical spine (neck)', `${t}mri/regions/cervical-spine/`, 1, 1, 0],
      ['Shoulder', `${t}mri/regions/shoulder/`, 1, 1, 0],
    ]);
    expect(regionRows(readPage(root, `${t}brace/`))).toEqual([['Lumbar spine (low back)', `${t}brace/regions/lumbar-spine/`, 1, 1, 0]]);
    expect(regionRows(readPage(root, `${t}opioids/`))).toEqual([['No body region named', `${t}opioids/regions/none/`, 1, 0, 1]]);
    expect(regionRows(readPage(root, `${t}physical-therapy/`))).toEqual([
      ['No body region named', `${t}physical-therapy/regions/none/`, 1, 0, 1],
    ]);
  });

  test('sits under its heading with the note on items naming several regions; a type without items has none', () => {
    const html = readPage(root, '/treatments/tens-ems-unit/');
    const section = html.slice(html.indexOf('<section aria-labelledby="body-regions">'));
    expect(section).toMatch(/^<section aria-labelledby="body-regions"><h2 id="body-regions">By body region<\/h2>/);
    expect(visibleText(section.slice(section.indexOf('</table>'), section.indexOf('</section>')))).toBe(NOTE);
    // Between the reviewer's guidelines and the most cited sections.
    expect(html.indexOf('id="reviewer-guidelines"')).toBeLessThan(html.indexOf('id="body-regions"'));
    expect(html.indexOf('id="body-regions"')).toBeLessThan(html.indexOf('id="top-sections"'));
    expect(readPage(root, '/treatments/other/')).not.toContain('body-regions');
    expect(regionRows(readPage(sub, '/treatments/mri/1/'))).toEqual([]);
  });

  test('adds up to the type’s items on every type page of the fixture, where no request names two regions', () => {
    const pages = attributeValues(readPage(root, '/treatments/'), 'href').filter((h) => /^\/treatments\/[^/]+\/$/.test(h));
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      const html = readPage(root, path);
      const rows = regionRows(html);
      const [items, upheld, overturned] = summary(html);
      expect([rows.reduce((n, r) => n + r[2], 0), rows.reduce((n, r) => n + r[3], 0), rows.reduce((n, r) => n + r[4], 0)], path).toEqual([
        items,
        upheld,
        overturned,
      ]);
    }
  });

  test('on the sample letters, counts what their frontmatter says, an item naming several regions under each', () => {
    const regions = loadCatalogue(join(sample.corpus)).regions;
    const label = new Map(regions.map((r) => [r.slug, r.label]));
    const rank = (slug: string) => (slug === 'none' ? regions.length : regions.findIndex((r) => r.slug === slug));
    const expected = new Map<string, Map<string, [number, number, number]>>();
    let severalRegions = 0;
    for (const d of readDeterminations(join(sample.corpus, 'determinations'))) {
      for (const item of d.items) {
        if (item.bodyRegions.length > 1) severalRegions++;
        const byRegion = expected.get(item.treatmentType) ?? new Map<string, [number, number, number]>();
        expected.set(item.treatmentType, byRegion);
        for (const region of item.bodyRegions.length > 0 ? item.bodyRegions : ['none']) {
          const c = byRegion.get(region) ?? [0, 0, 0];
          byRegion.set(region, [c[0] + 1, c[1] + (item.outcome === 'upheld' ? 1 : 0), c[2] + (item.outcome === 'overturned' ? 1 : 0)]);
        }
      }
    }
    expect(severalRegions).toBeGreaterThan(10);
    let more = 0;
    for (const [type, byRegion] of expected) {
      const html = readPage(sample, `/treatments/${type}/`);
      const rows = [...byRegion]
        .sort((a, b) => rank(a[0]) - rank(b[0]))
        .map(([region, c]): Row => [label.get(region) ?? 'No body region named', `/treatments/${type}/regions/${region}/`, ...c]);
      expect(regionRows(html), type).toEqual(rows);
      const sum = rows.reduce((n, r) => n + r[2], 0);
      expect(sum, type).toBeGreaterThanOrEqual(summary(html)[0]);
      if (sum > summary(html)[0]) more++;
      // Each row's list counts what the row says.
      for (const [, path, ...counts] of rows) expect(summary(readPage(sample, path)), path).toEqual(counts);
    }
    expect(more).toBeGreaterThan(3);
  });
});

describe('a treatment × body region list', () => {
  test('has the type and region in its title and breadcrumbs, its counts, chart, CSV and feed links, and only its items', () => {
    const path = '/treatments/tens-ems-unit/regions/lumbar-spine/';
    const html = readPage(root, path);
    const text = visibleText(html);
    expect(html).toContain('<title>TENS / EMS units · Lumbar spine (low back) · IMR Determinations</title>');
    expect(html).toContain('<h1>TENS / EMS units · Lumbar spine (low back)</h1>');
    const crumbs = html.slice(html.indexOf('<nav class="breadcrumbs"'), html.indexOf('</nav>', html.indexOf('<nav class="breadcrumbs"')));
    expect(attributeValues(crumbs, 'href')).toEqual(['/treatments/', '/treatments/tens-ems-unit/']);
    expect(visibleText(crumbs)).toBe('Treatment types TENS / EMS units Lumbar spine (low back)');
    expect(text).toContain('Items classified as TENS / EMS units whose request names this body region, alone or with others.');
    expect(text).toContain('1 item · 1 upheld (100%) · 0 overturned (0%)');
    expect(html).toContain(`<a class="csv-link" href="${path}items.csv" download>Download this item (CSV)</a>`);
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="TENS / EMS units · Lumbar spine (low back): newest determinations" href="${path}feed.xml">`,
    );
    expect(html).toContain(`<a class="feed-link" href="${path}feed.xml" type="application/atom+xml"`);
    expect(html).toContain('class="chart-numbers"');
    expect(html).toContain('href="/determinations/CM14-0123456/#item-1"');
    expect(html).not.toContain('/determinations/CM17-0012345/');

    const none = readPage(root, '/treatments/tens-ems-unit/regions/none/');
    expect(visibleText(none)).toContain('Items classified as TENS / EMS units whose request names no body region.');
    expect(none).toContain('href="/determinations/CM17-0012345/#item-1"');
    expect(none).not.toContain('/determinations/CM14-0123456/');
  });

  test('exists only for a type and region with items', () => {
    expect(hasPage(root, '/treatments/mri/regions/cervical-spine/')).toBe(true);
    for (const path of [
      '/treatments/mri/regions/knee/',
      '/treatments/mri/regions/none/',
      '/treatments/opioids/regions/lumbar-spine/',
      '/treatments/other/regions/none/',
    ])
      expect(hasPage(root, path), path).toBe(false);
  });

  test('has an items.csv of exactly its items, each naming the region (or none)', () => {
    expect(
      csv(root, 'treatments/tens-ems-unit/regions/lumbar-spine/items.csv').map((r) => [r.determination_id, r.item_number, r.body_regions]),
    ).toEqual([['CM14-0123456', '1', 'lumbar-spine']]);
    expect(
      csv(root, 'treatments/tens-ems-unit/regions/none/items.csv').map((r) => [r.determination_id, r.item_number, r.body_regions]),
    ).toEqual([['CM17-0012345', '1', '']]);
    expect(csv(root, 'treatments/mri/regions/shoulder/items.csv').map((r) => [r.determination_id, r.item_number, r.request])).toEqual([
      ['CM16-0213037', '1', 'MRI of the right shoulder without contrast'],
    ]);
  });

  test('has a feed of its newest determinations that names only the list’s items', () => {
    const lumbar = readFeed(root, 'treatments/tens-ems-unit/regions/lumbar-spine/feed.xml');
    expect(lumbar.title).toBe('TENS / EMS units · Lumbar spine (low back) · IMR Determinations');
    expect(lumbar.subtitle).toBe(
      'Newest IMR determinations with a disputed item classified as TENS / EMS units whose request names the body region Lumbar spine (low back).',
    );
    expect((lumbar.entry ?? []).map((e) => e.title)).toEqual(['CM14-0123456: Zynex EMS unit (home use)/purchase for lumbar spine']);
    const none = readFeed(root, 'treatments/tens-ems-unit/regions/none/feed.xml');
    expect(none.subtitle).toBe(
      'Newest IMR determinations with a disputed item classified as TENS / EMS units whose request names no body region.',
    );
    expect((none.entry ?? []).map((e) => e.summary)).toEqual(['Item 1, TENS / EMS units: TENS unit rental for 30 days — overturned.']);
    // CM16-0213037 has two MRI items; the shoulder's feed names the shoulder's alone.
    const shoulder = readFeed(root, 'treatments/mri/regions/shoulder/feed.xml');
    expect((shoulder.entry ?? []).map((e) => e.title)).toEqual(['CM16-0213037: MRI of the right shoulder without contrast']);
  });

  test('pages a long list as the other dated lists, counts, chart and CSV count on its newest page only', () => {
    // The /imr/ build: the fixture's shoulder MRI and BULK_COUNT copies of it.
    const items = BULK_COUNT + 1;
    const path = '/treatments/mri/regions/shoulder/';
    const newest = readPage(sub, path);
    expect(visibleText(newest)).toContain(`The ${items - 50} newest of ${items} items`);
    expect(summary(newest)).toEqual([items, items, 0]);
    expect(visibleText(newest)).toContain(`Download these ${items} items (CSV)`);
    expect(newest).toContain(`href="/imr${path}1/" rel="next">Older ›`);
    const oldest = readPage(sub, `${path}1/`);
    const text = visibleText(oldest);
    expect(text).toContain('Items 1–50, counting from the oldest');
    expect(text).not.toContain(`${items} items`);
    expect(oldest).not.toContain('class="chart-numbers"');
    expect(text).toContain('Download the whole list (CSV)');
    expect(text).toContain('Treatment types MRI Shoulder Page 1');
    expect(oldest).toContain('<title>MRI · Shoulder, page 1 · IMR Determinations</title>');
    expect(oldest.match(/<tr>/g)).toHaveLength(51);
    expect(hasPage(sub, `${path}2/`)).toBe(false);
    expect(csv(sub, 'treatments/mri/regions/shoulder/items.csv')).toHaveLength(items);
    const entries = readFeed(sub, 'treatments/mri/regions/shoulder/feed.xml').entry ?? [];
    expect(entries).toHaveLength(FEED_SIZE);
    expect(entries.map((e) => e.updated)).toEqual([...entries.map((e) => e.updated)].sort().reverse());
    expect(regionRows(readPage(sub, '/treatments/mri/'))).toEqual([
      ['Cervical spine (neck)', '/imr/treatments/mri/regions/cervical-spine/', items, items, 0],
      ['Shoulder', '/imr/treatments/mri/regions/shoulder/', items, items, 0],
    ]);
  });
});
