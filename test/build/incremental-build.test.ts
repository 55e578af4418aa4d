// Incremental builds (experimental.incrementalBuild with the cache keys of src/lib/corpus/cache-keys.ts):
// a rebuild after letters change renders again exactly the pages those changes reach, keeps the
// others as they were, and removes the pages of letters that are gone; the open data writes again
// only the decision years whose letters changed (src/data/open-data-files.ts).
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, repoRoot, type SiteBuild } from '../support/build-site.ts';
import { hasPage, readPage, visibleText } from '../support/site-files.ts';

const work = mkdtempSync(join(tmpdir(), 'imr-incremental-'));
const corpus = join(work, 'corpus');
const letter = (path: string) => join(corpus, 'determinations', path);
const options = { corpus, outDir: join(work, 'dist'), base: '/', cacheDir: join(work, 'cache') };
let site: SiteBuild;
const mtime = (path: string) => statSync(join(site.dir, path.replace(/^\//, ''), 'index.html')).mtimeMs;

beforeAll(async () => {
  cpSync(join(repoRoot, 'test/fixtures/site'), corpus, { recursive: true });
  site = await buildSite(options);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental build', () => {
  test('renders again only the pages a change reaches, drops removed letters, adds new ones', async () => {
    const untouched = mtime('/determinations/CM16-0213037/');
    const untouchedHtml = readPage(site, '/determinations/CM16-0213037/');
    const edited = mtime('/determinations/CM17-0012345/');

    const path17 = letter('2017/CM17-0012345.md');
    writeFileSync(
      path17,
      readFileSync(path17, 'utf8').replace(
        '### Item 1: TENS unit rental for 30 days',
        '### Item 1: TENS unit rental for 30 days\n\nQuixotic rebuild marker.',
      ),
    );
    unlinkSync(letter('2015/CM15-0045678.md'));
    writeFileSync(
      letter('2016/CM16-0999999.md'),
      readFileSync(letter('2016/CM16-0100001.md'), 'utf8').replaceAll('CM16-0100001', 'CM16-0999999'),
    );
    // A hashed asset an earlier build wrote and this one does not: the folders that hold other files
    // than pages are still listed. (The opioids list's CSV, which the data stage no longer writes
    // without the removed letter, goes as the pages do: its memory names what it made.)
    const opioidsCsv = join(site.dir, 'treatments/opioids/items.csv');
    expect(existsSync(opioidsCsv)).toBe(true);
    const oldFiles = [join(site.dir, '_astro/site.0ld0ld.css'), opioidsCsv];
    for (const file of oldFiles.slice(0, 1)) {
      writeFileSync(file, 'old');
      utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    }
    const rebuild = await buildSite(options);

    // The letter store read the edited and the new letter only.
    expect(rebuild.log).toMatch(/\] \d+ determinations: 2 read, 2 new or changed in /);
    expect(mtime('/determinations/CM16-0213037/')).toBe(untouched);
    expect(readPage(site, '/determinations/CM16-0213037/')).toBe(untouchedHtml);
    expect(mtime('/determinations/CM17-0012345/')).toBeGreaterThan(edited);
    expect(visibleText(readPage(site, '/determinations/CM17-0012345/'))).toContain('Quixotic rebuild marker.');
    expect(hasPage(site, '/determinations/CM15-0045678/')).toBe(false);
    expect(existsSync(join(site.dir, 'determinations/CM15-0045678'))).toBe(false);
    for (const file of oldFiles) expect(existsSync(file), file).toBe(false);
    expect(hasPage(site, '/determinations/CM16-0999999/')).toBe(true);
    const list = readPage(site, '/determinations/');
    expect(list).toContain('/determinations/CM16-0999999/');
    expect(list).not.toContain('/determinations/CM15-0045678/');
    // What every build writes again (public files, the hashed stylesheet) is not pruned.
    expect(existsSync(join(site.dir, 'favicon.svg'))).toBe(true);
    const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(list)?.[1];
    expect(stylesheet && existsSync(join(site.dir, stylesheet))).toBe(true);
  }, 120_000);

  test('renders every page that shows a catalogue label again when the catalogue changes', async () => {
    const taxonomy = join(corpus, 'treatments.yml');
    writeFileSync(taxonomy, readFileSync(taxonomy, 'utf8').replace('label: MRI', 'label: Magnetic resonance imaging'));
    await buildSite(options);
    expect(visibleText(readPage(site, '/determinations/CM16-0213037/'))).toContain('Magnetic resonance imaging');
    expect(visibleText(readPage(site, '/treatments/mri/'))).toContain('Magnetic resonance imaging');
  }, 120_000);

  test('renders the pages that show a body region’s label again when body-regions.yml changes', async () => {
    const regions = join(corpus, 'body-regions.yml');
    writeFileSync(regions, readFileSync(regions, 'utf8').replace('label: Shoulder', 'label: Shoulder (rotator cuff)'));
    await buildSite(options);
    expect(visibleText(readPage(site, '/treatments/mri/'))).toContain('Shoulder (rotator cuff) 1 1 0');
    expect(readPage(site, '/treatments/mri/regions/shoulder/')).toContain(' · Shoulder (rotator cuff)</h1>');
    expect(readFileSync(join(site.dir, 'treatments/mri/regions/shoulder/feed.xml'), 'utf8')).toContain(
      ' · Shoulder (rotator cuff) · IMR Determinations</title>',
    );
  }, 120_000);

  test('leaves every determination page as it was when a letter decided after all the others arrives', async () => {
    // The "earlier determinations" block shows earlier letters only, and its key says so.
    const pages = readdirSync(join(site.dir, 'determinations')).filter((name) => /^(CM\d{2}-\d{7}|imr-)/.test(name));
    const before = new Map(
      pages.map((id) => [id, { html: readPage(site, `/determinations/${id}/`), mtime: mtime(`/determinations/${id}/`) }]),
    );
    expect(before.size).toBeGreaterThan(3);
    mkdirSync(letter('2018'), { recursive: true });
    const sample = readFileSync(letter('2016/CM16-0213037.md'), 'utf8');
    writeFileSync(
      letter('2018/CM18-0000001.md'),
      sample.replaceAll('CM16-0213037', 'CM18-0000001').replace(/decided: .*/, 'decided: 2018-01-10'),
    );
    await buildSite(options);

    for (const [id, page] of before) {
      expect(readPage(site, `/determinations/${id}/`), id).toBe(page.html);
      expect(mtime(`/determinations/${id}/`), id).toBe(page.mtime);
    }
    const block = readPage(site, '/determinations/CM18-0000001/').split('id="similar"')[1]!;
    expect(block).toContain('href="/determinations/CM16-0213037/#item-1"');
    expect(readPage(site, '/treatments/mri/')).toContain('/determinations/CM18-0000001/');
  }, 120_000);

  test('keeps every page when the build is started another way (the shell’s `_` differs)', async () => {
    const pages = readdirSync(join(site.dir, 'determinations')).filter((name) => /^CM\d{2}-\d{7}$/.test(name));
    const before = new Map(pages.map((id) => [id, mtime(`/determinations/${id}/`)]));
    expect(before.size).toBeGreaterThan(3);
    const rebuild = await buildSite({ ...options, env: { _: '/usr/bin/some-other-launcher' } });
    expect(rebuild.log).toMatch(/; \d+ rendered, [1-9]\d* kept from the last build/);
    for (const [id, time] of before) expect(mtime(`/determinations/${id}/`), id).toBe(time);
  }, 120_000);

  test('writes the open data again with a letter’s change, renders only the feeds it reaches, and prunes none of them', async () => {
    const fileOf = (path: string) => join(site.dir, path);
    const feedMtime = (path: string) => statSync(fileOf(path)).mtimeMs;
    const outputs = [
      'data/2017/determinations.jsonl.gz',
      'data/2017/items.csv.gz',
      'data/index.json',
      'data/schema.json',
      'treatments/tens-ems-unit/items.csv',
      'treatments/tens-ems-unit/regions/none/items.csv',
      'feed.xml',
      'treatments/tens-ems-unit/feed.xml',
      'treatments/tens-ems-unit/regions/none/feed.xml',
      'guidelines/mtus-shoulder-2004/feed.xml',
      'sitemap-index.xml',
      'sitemap-0.xml',
      'robots.txt',
    ];
    const untouchedFeed = feedMtime('guidelines/mtus-shoulder-2004/feed.xml');
    const touchedFeed = feedMtime('treatments/tens-ems-unit/feed.xml');

    const path17 = letter('2017/CM17-0012345.md');
    writeFileSync(
      path17,
      readFileSync(path17, 'utf8').replace('- request: TENS unit rental for 30 days', '- request: TENS unit rental for 60 days'),
    );
    await buildSite(options);

    for (const path of outputs) expect(existsSync(fileOf(path)), path).toBe(true);
    for (const path of [
      'data/2017/items.csv.gz',
      'data/2017/determinations.jsonl.gz',
      'treatments/tens-ems-unit/items.csv',
      'treatments/tens-ems-unit/feed.xml',
      'treatments/tens-ems-unit/regions/none/items.csv',
      'treatments/tens-ems-unit/regions/none/feed.xml',
      'feed.xml',
    ]) {
      const bytes = readFileSync(fileOf(path));
      expect((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'), path).toContain('TENS unit rental for 60 days');
    }
    expect(feedMtime('treatments/tens-ems-unit/feed.xml')).toBeGreaterThan(touchedFeed);
    expect(feedMtime('guidelines/mtus-shoulder-2004/feed.xml')).toBe(untouchedFeed);

    // A build with nothing changed keeps every one of them.
    await buildSite(options);
    for (const path of outputs) expect(existsSync(fileOf(path)), path).toBe(true);
    expect(feedMtime('guidelines/mtus-shoulder-2004/feed.xml')).toBe(untouchedFeed);
  }, 180_000);

  test('writes again only the open data of the decision year whose letters changed, and removes a year left without letters', async () => {
    const periodFiles = () =>
      new Map(
        [...readdirSync(join(site.dir, 'data'), { recursive: true, encoding: 'utf8' })]
          .filter((f) => f.endsWith('.gz'))
          .map((f) => `data/${f}`)
          .concat(readdirSync(join(site.dir, 'search/letters')).map((f) => `search/letters/${f}`))
          .map((f) => [f, statSync(join(site.dir, f), { bigint: true })] as const),
      );
    const rewritten = (before: ReturnType<typeof periodFiles>) =>
      [...periodFiles()].filter(([f, now]) => before.get(f)?.mtimeNs !== now.mtimeNs || before.get(f)?.ino !== now.ino).map(([f]) => f);
    const ids = (path: string) =>
      gunzipSync(readFileSync(join(site.dir, path)))
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id);
    const periods = () =>
      (JSON.parse(readFileSync(join(site.dir, 'data/index.json'), 'utf8')) as { periods: { period: string }[] }).periods;
    // The first test removed 2015's only letter: its files went with it.
    expect(existsSync(join(site.dir, 'data/2015'))).toBe(false);
    expect(existsSync(join(site.dir, 'search/letters/2015.jsonl'))).toBe(false);
    expect(periods().map((p) => p.period)).toEqual(['2018', '2017', '2016', '2014']);

    // A letter added to an old year.
    let before = periodFiles();
    const sample = readFileSync(letter('2016/CM16-0213037.md'), 'utf8');
    writeFileSync(
      letter('2014/CM14-0999999.md'),
      sample.replaceAll('CM16-0213037', 'CM14-0999999').replace(/decided: .*/, 'decided: 2014-05-05'),
    );
    const added = await buildSite(options);
    expect(rewritten(before).sort()).toEqual(['data/2014/determinations.jsonl.gz', 'data/2014/items.csv.gz', 'search/letters/2014.jsonl']);
    expect(added.log).toContain('period files: 2 written, 6 kept;');
    expect(added.log).toMatch(/search data: 1 written, 3 kept/);
    expect(ids('data/2014/determinations.jsonl.gz')).toEqual(['CM14-0123456', 'CM14-0999999']);

    // An old letter edited, the newest year's only letter removed and a letter without a decision date added.
    before = periodFiles();
    const path14 = letter('2014/CM14-0123456.md');
    writeFileSync(path14, readFileSync(path14, 'utf8').replace(/- request: (.*)/, '- request: $1 (edited)'));
    unlinkSync(letter('2018/CM18-0000001.md'));
    writeFileSync(letter('2016/CM16-0999990.md'), sample.replaceAll('CM16-0213037', 'CM16-0999990').replace(/ {2}decided: .*\n/, ''));
    await buildSite(options);
    expect(rewritten(before).sort()).toEqual([
      'data/2014/determinations.jsonl.gz',
      'data/2014/items.csv.gz',
      'data/undated/determinations.jsonl.gz',
      'data/undated/items.csv.gz',
      'search/letters/2014.jsonl',
      'search/letters/undated.jsonl',
    ]);
    expect(existsSync(join(site.dir, 'data/2018'))).toBe(false);
    expect(existsSync(join(site.dir, 'search/letters/2018.jsonl'))).toBe(false);
    expect(periods().map((p) => p.period)).toEqual(['2017', '2016', '2014', 'undated']);
    expect(ids('data/undated/determinations.jsonl.gz')).toEqual(['CM16-0999990']);
    expect(gunzipSync(readFileSync(join(site.dir, 'data/2014/items.csv.gz'))).toString('utf8')).toContain('(edited)');
    unlinkSync(letter('2016/CM16-0999990.md'));
    unlinkSync(letter('2014/CM14-0999999.md'));
  }, 180_000);

  test('shows the body of a letter saved with a byte-order mark, and refuses one with bytes that are not UTF-8 or a date the calendar lacks, naming it', async () => {
    const sample = readFileSync(letter('2016/CM16-0213037.md'), 'utf8');
    const copy = (id: string) => sample.replaceAll('CM16-0213037', id);
    const marked = letter('2016/CM16-0999998.md');
    writeFileSync(marked, `\uFEFF${copy('CM16-0999998')}`);
    await buildSite(options);
    const page = readPage(site, '/determinations/CM16-0999998/');
    expect(page).not.toContain('<hr');
    expect(visibleText(page)).not.toMatch(/caseNumber|sha256/);
    expect(visibleText(page)).toContain(
      'The expert reviewer developed the following clinical case summary based on a review of the case file',
    );

    const bad = letter('2016/CM16-0999997.md');
    writeFileSync(
      bad,
      Buffer.concat([Buffer.from(copy('CM16-0999997')), Buffer.from('bad '), Buffer.from([0xff, 0xfe]), Buffer.from('.\n')]),
    );
    await expect(buildSite(options)).rejects.toThrow(
      /determinations\/2016\/CM16-0999997\.md → \(file\): line \d+ is not UTF-8 text: "bad \\xff\\xfe\."/,
    );
    writeFileSync(bad, copy('CM16-0999997').replace(/decided: .*/, 'decided: 2016-02-30'));
    await expect(buildSite(options)).rejects.toThrow(/CM16-0999997[^]*dates\.decided[^]*expected a real calendar date/);
    unlinkSync(bad);
    unlinkSync(marked);
  }, 300_000);

  test('reads each body from where its file is now when the content folder has moved', async () => {
    // A renamed folder keeps its files' stamps; the catalogue change renders every page again.
    const moved = join(work, 'moved-corpus');
    renameSync(corpus, moved);
    const taxonomy = join(moved, 'treatments.yml');
    writeFileSync(taxonomy, readFileSync(taxonomy, 'utf8').replace('label: Magnetic resonance imaging', 'label: MRI scan'));
    await buildSite({ ...options, corpus: moved });
    const page = visibleText(readPage(site, '/determinations/CM17-0012345/'));
    expect(page).toContain('Quixotic rebuild marker.');
    expect(visibleText(readPage(site, '/determinations/CM16-0213037/'))).toContain('MRI scan');
  }, 120_000);
});
