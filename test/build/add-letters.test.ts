// A site update adds newly decided letters: the dated lists are numbered from their oldest end
// (src/lib/paging/dated-pages.ts) and keyed on what each page shows, so the rebuild writes the new
// letters' pages and the newest list pages and leaves every other page as it was, byte for byte
// and untouched on disk.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkFeedLinks, checkLinks } from '../../scripts/dev/link-check.ts';
import { buildSite, repoRoot, type SiteBuild } from '../support/build-site.ts';
import { writeBulkCorpus } from '../support/bulk-corpus.ts';
import { readPage, visibleText } from '../support/site-files.ts';

const work = mkdtempSync(join(tmpdir(), 'imr-add-letters-'));
const corpus = join(work, 'corpus');
const options = { corpus, outDir: join(work, 'dist'), base: '/', cacheDir: join(work, 'cache') };
/** 5 fixture letters + 300 copies of the MRI sample decided in 2018: 6 pages of determinations. */
const BULK = 300;
const ADDED = 60;

interface PageFile {
  html: string;
  mtimeMs: number;
}
const snapshot = (dir: string) =>
  new Map<string, PageFile>(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'index.html')
      .map((e) => {
        const file = join(e.parentPath, e.name);
        return [
          `/${relative(dir, e.parentPath)}/`.replace('//', '/'),
          { html: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs },
        ];
      }),
  );

/** Numbered list pages ("/treatments/mri/3/") by list, with the highest number. */
function numberedPages(pages: Map<string, PageFile>): Map<string, number> {
  const lists = new Map<string, number>();
  for (const path of pages.keys()) {
    const m = /^(.*\/)(\d+)\/$/.exec(path);
    if (m) lists.set(m[1]!, Math.max(lists.get(m[1]!) ?? 0, Number(m[2])));
  }
  return lists;
}

let site: SiteBuild;
let before: Map<string, PageFile>;
let after: Map<string, PageFile>;

beforeAll(async () => {
  writeBulkCorpus(join(repoRoot, 'test/fixtures/site'), corpus, BULK);
  site = await buildSite(options);
  before = snapshot(site.dir);
  // Newly decided letters: copies of the MRI sample decided in January 2019, after every other.
  const sample = readFileSync(join(corpus, 'determinations/2016/CM16-0213037.md'), 'utf8');
  mkdirSync(join(corpus, 'determinations/2019'));
  for (let i = 1; i <= ADDED; i++) {
    const id = `CM19-${String(i).padStart(7, '0')}`;
    const text = sample.replaceAll('CM16-0213037', id).replace(/decided: .*/, `decided: 2019-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    writeFileSync(join(corpus, 'determinations/2019', `${id}.md`), text);
  }
  await buildSite(options);
  after = snapshot(site.dir);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('adding newly decided letters', () => {
  test('leaves every existing determination page byte-identical and unwritten', () => {
    const letters = [...before.keys()].filter((p) => /^\/determinations\/[^/]*[A-Za-z][^/]*\/$/.test(p));
    expect(letters).toHaveLength(5 + BULK);
    for (const path of letters) {
      expect(after.get(path)?.html, path).toBe(before.get(path)!.html);
      expect(after.get(path)?.mtimeMs, path).toBe(before.get(path)!.mtimeMs);
    }
  });

  test('leaves every older page of every dated list byte-identical and unwritten', () => {
    const lists = numberedPages(before);
    // Every kind of dated list runs long enough to have older pages: all determinations, a
    // treatment type, a guideline section, treatment × guideline, treatment × section and
    // treatment × body region.
    expect(lists.get('/determinations/')).toBe(5);
    expect(lists.get('/treatments/mri/')).toBeGreaterThanOrEqual(10);
    expect(lists.get('/guidelines/mtus-shoulder-2004/special-studies/')).toBeGreaterThanOrEqual(4);
    expect(lists.get('/treatments/mri/mtus-shoulder-2004/')).toBeGreaterThanOrEqual(4);
    expect(lists.get('/treatments/mri/mtus-shoulder-2004/special-studies/')).toBeGreaterThanOrEqual(4);
    expect(lists.get('/treatments/mri/regions/shoulder/')).toBeGreaterThanOrEqual(4);
    let older = 0;
    for (const [list, highest] of lists) {
      // Only the three newest numbered pages show how many pages follow them.
      for (let k = 1; k <= highest - 3; k++) {
        const path = `${list}${k}/`;
        expect(after.get(path)?.html, path).toBe(before.get(path)!.html);
        expect(after.get(path)?.mtimeMs, path).toBe(before.get(path)!.mtimeMs);
        older++;
      }
    }
    expect(older).toBeGreaterThanOrEqual(20);
  });

  test('shows the new letters on the newest page and keeps the pages numbered from the oldest', () => {
    const newest = visibleText(readPage(site, '/determinations/'));
    expect(newest).toContain('CM19-0000060');
    expect(newest).toContain(`of ${5 + BULK + ADDED} determinations`);
    expect(visibleText(readPage(site, '/determinations/1/'))).toContain('Determinations 1–50, counting from the oldest');
    // 365 letters: pages 1–6 of 50 and the newest 65 on the list's own page.
    expect(numberedPages(after).get('/determinations/')).toBe(6);
    expect(visibleText(readPage(site, '/determinations/6/'))).toContain('Determinations 251–300, counting from the oldest');
    // The whole list's counts, chart and CSV link on its own page move with the new letters.
    const mri = visibleText(readPage(site, '/treatments/mri/'));
    expect(mri).toContain(`${2 * (BULK + 1 + ADDED)} items · `);
    expect(mri).toContain(`Download these ${2 * (BULK + 1 + ADDED)} items (CSV)`);
  });

  test('has no broken link after the update, in the pages nor in the feeds and sitemaps', async () => {
    expect((await checkLinks(site.dir, '/')).broken).toEqual([]);
    expect((await checkFeedLinks(site.dir, '/', site.origin)).broken).toEqual([]);
  });
});
