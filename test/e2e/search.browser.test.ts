// The search page driven in a real browser (Debian's chromium through playwright-core; no browser
// is ever downloaded): type, filter, reload, follow a result. Without chromium the tests are
// skipped with a message, except under CI=true, where they fail.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/dev/serve.ts';
import { ITEM_HEADER } from '../../src/lib/open-data/item-columns.ts';
import {
  HAVE_CHROMIUM,
  launchChromium,
  requireChromium,
  RUN_BROWSER_TESTS,
  warnWithoutChromium,
  watchWorkers,
  type Browser,
  type SeenWorker,
} from '../support/chromium.ts';
import { readCsv, readCsvRecords } from '../support/read-csv.ts';

warnWithoutChromium('the browser tests');

const { root, sub } = inject('sites');
let browser: Browser | undefined;
let context: BrowserContext;
const servers: StaticServer[] = [];
const errors: string[] = [];

/** Opens `path` of a built site in a new tab; `fetched`, when given, collects every URL it requests; `before` runs before it loads. */
async function open(site: typeof root, path: string, fetched?: string[], before?: (page: Page) => Promise<void>): Promise<Page> {
  requireChromium();
  const server = await startStaticServer({ root: site.dir, base: site.base });
  servers.push(server);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  if (fetched) page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await before?.(page);
  await page.goto(new URL(path, server.url).href);
  return page;
}

/**
 * Holds back every request for the files of these index shards until `release()`, so a test sees
 * the first answer before the complete one; `asked` lists the held-back requests. (The newest
 * shard's files are pagefind/ itself, the others' pagefind/<id>/.)
 */
async function holdShards(page: Page, hold: string[]) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  await page.route('**/pagefind/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const shard = /\/pagefind\/([^/]+)\//.exec(path)?.[1];
    if (shard && hold.includes(shard)) {
      asked.push(path);
      await gate;
    }
    await route.continue();
  });
  return { release, asked };
}

/** The counts beside the filters. */
const counts = (page: Page) => page.locator('#search-app .count').allTextContents();

/** The result links shown, as paths. */
const resultPaths = (page: Page) =>
  page.locator('#results > li > h3 > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
/** Each result's path in its place, null for one still loading (placeholders fill in as their fetches end, in any order). */
const placedPaths = (page: Page) =>
  page
    .locator('#results > li')
    .evaluateAll((lis) => lis.map((li) => li.querySelector<HTMLAnchorElement>(':scope > h3 > a')?.href ?? null))
    .then((hrefs) => hrefs.map((href) => href && new URL(href).pathname));

describe.skipIf(!RUN_BROWSER_TESTS)('search page in a browser', () => {
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return; // each test fails on its own (see open), so CI counts them failed
    browser = await launchChromium();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
  });

  test('finds the 2014 Zynex letter, filters it by outcome, keeps the search across a reload, and opens it', async () => {
    const page = await open(root, 'search/');
    // With no words the page lists every determination, newest first.
    await expect.poll(() => resultPaths(page)).toHaveLength(5);

    await page.locator('#q').pressSequentially('Zynex', { delay: 20 });
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/']);
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Zynex');
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '1 item requests “Zynex”: 1 upheld, 0 overturned. Listed: 1 disputed item in 1 determination (requests and mentions).',
    );
    await expect(page.locator('#results .subresults a').first().textContent()).resolves.toBe(
      'Item 1: Zynex EMS unit (home use)/purchase for lumbar spine',
    );

    // The outcome filter: counts within this search, then applied.
    const upheld = page.locator('input[data-filter="outcome"][value="upheld"]');
    const overturned = page.locator('input[data-filter="outcome"][value="overturned"]');
    await expect.poll(() => upheld.locator('xpath=..').locator('.count').textContent()).toBe('1');
    await expect(overturned.isDisabled()).resolves.toBe(true);
    await upheld.check();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Zynex&outcome=upheld');
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/']);

    // Reloading the URL gives the same search.
    await page.reload();
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/']);
    await expect(page.locator('#q').inputValue()).resolves.toBe('Zynex');
    await expect(upheld.isChecked()).resolves.toBe(true);
    await expect(page.locator('.badge-upheld', { hasText: 'Upheld' }).first().isVisible()).resolves.toBe(true);

    // Following the item sub-result lands on the item.
    await page.locator('#results .subresults a').first().click();
    await page.waitForURL('**/determinations/CM14-0123456/#item-1');
    await expect(page.locator('h3#item-1').textContent()).resolves.toBe('Item 1: Zynex EMS unit (home use)/purchase for lumbar spine');
    await expect(page.locator('h1').textContent()).resolves.toBe('Case CM14-0123456');
    expect(errors).toEqual([]);
  });

  test('opens a shared URL with its filters; the back button and the filter chips undo filters', async () => {
    const page = await open(root, 'search/?treatment=tens-ems-unit&sort=oldest');
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/', '/determinations/CM17-0012345/']);
    await expect(page.locator('#sort').inputValue()).resolves.toBe('oldest');
    await page.locator('input[data-filter="year"][value="2017"]').check();
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM17-0012345/']);
    await page.goBack();
    await expect.poll(() => resultPaths(page)).toHaveLength(2);
    await expect(page.locator('input[data-filter="year"][value="2017"]').isChecked()).resolves.toBe(false);
    // The filters in use show as chips; removing one widens the search.
    await page.getByRole('button', { name: 'Remove filter Treatment type: TENS / EMS units' }).click();
    await expect.poll(() => resultPaths(page)).toHaveLength(5);
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=oldest');
    await expect(page.locator('#search-status').textContent()).resolves.toBe('7 disputed items in 5 determinations, oldest first.');
    expect(errors).toEqual([]);
  });

  test('leaves out filter values the site does not have, says so, and rewrites the URL to the search shown', async () => {
    // "other" is a treatment type of the catalogue no letter has; the rest is not on the site.
    const page = await open(root, 'search/?treatment=other&treatment=no-such-type&year=1999&colour=red&sort=sideways&page=99999');
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('No disputed item matches with these filters.');
    await expect.poll(() => new URL(page.url()).search).toBe('?treatment=other');
    const note = page.locator('#search-note');
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toBe(
      'Treatment type “no-such-type” and Decision year “1999” are not filter values on this site, so they were left out.',
    );
    // The type's chip shows the catalogue's label, not its slug.
    await page.getByRole('button', { name: 'Remove filter Treatment type: Other' }).click();
    await expect.poll(() => resultPaths(page)).toHaveLength(5);
    await expect(page.locator('#search-note').isVisible()).resolves.toBe(false);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });

  test('shows the last page for a page past it, and puts that page in the URL', async () => {
    const page = await open(sub, 'search/?page=99999');
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('227 disputed items in 115 determinations, newest first. Showing 101–115.');
    await expect.poll(() => new URL(page.url()).search).toBe('?page=3');
    await page.getByRole('link', { name: '‹ Previous' }).first().click();
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('227 disputed items in 115 determinations, newest first. Showing 51–100.');
    await expect.poll(() => new URL(page.url()).search).toBe('?page=2');
    expect(errors).toEqual([]);
  });

  test('on the bulk site (115 letters, five index shards) fetches ten results with the search and the rest as they near the screen', async () => {
    const fetched: string[] = [];
    const page = await open(sub, 'search/', fetched);
    // A result without words shows no excerpt: its data is its letter's card, one file per
    // letter in the folder of the shard that indexed it, and no record's text is fetched.
    const cards = () => fetched.filter((p) => p.includes('/card/'));
    const fragments = () => fetched.filter((p) => p.includes('/fragment/'));
    const pending = page.locator('#results > li.result-pending');
    await expect.poll(() => resultPaths(page)).toHaveLength(10);
    await expect(pending.count()).resolves.toBe(40);
    expect(cards()).toHaveLength(10);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '227 disputed items in 115 determinations, newest first. Showing 1–50.',
    );

    // Scrolling to the 25th result loads it, the ones above it and those within a screen below;
    // the end of the page is still a placeholder, not fetched.
    await page.locator('#results > li').nth(24).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await resultPaths(page)).length).toBeGreaterThanOrEqual(25);
    const classOf = (n: number) => page.locator('#results > li').nth(n).getAttribute('class');
    await expect.poll(() => classOf(24)).toBe('result');
    await expect(classOf(49)).resolves.toBe('result result-pending');
    expect(cards().length).toBeLessThan(50);

    // At the bottom every result is in, each card fetched once, newest decision first.
    await page.locator('#results > li').last().scrollIntoViewIfNeeded();
    await expect.poll(() => resultPaths(page)).toHaveLength(50);
    await expect(pending.count()).resolves.toBe(0);
    expect(new Set(cards()).size).toBe(50);
    expect(cards()).toHaveLength(50);
    expect(fragments()).toEqual([]);
    // Each result's facts line starts with its decision date ("December 28, 2018 · …").
    const metas = await page.locator('#results .result-meta').allTextContents();
    const decided = metas.map((m) => Date.parse(m.split(' · ')[0] ?? ''));
    expect(decided.filter(Number.isFinite)).toHaveLength(50);
    expect(decided).toEqual([...decided].sort((a, b) => b - a));

    // The last page holds the oldest letters, from three shards; all five have been read.
    await page.getByRole('link', { name: 'Next ›' }).first().click();
    await expect.poll(() => new URL(page.url()).search).toBe('?page=2');
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('227 disputed items in 115 determinations, newest first. Showing 51–100.');
    await page.getByRole('link', { name: 'Next ›' }).first().click();
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('227 disputed items in 115 determinations, newest first. Showing 101–115.');
    // Its five placeholders are within a screen of the top, so they load at once.
    await expect.poll(() => resultPaths(page)).toHaveLength(15);
    await expect.poll(async () => (await resultPaths(page)).at(-1)).toBe('/imr/determinations/CM14-0123456/');
    // The newest shard's files are pagefind/ itself.
    const shards = new Set(cards().map((p) => /\/pagefind\/(?:([^/]+)\/)?card\//.exec(p)?.[1] ?? '2018-12'));
    expect([...shards].sort()).toEqual(['2014-2017', '2018-01_04', '2018-05_08', '2018-09_11', '2018-12']);
    // A search by filters alone reads the shards' facet tables and the shown letters' cards, not
    // Pagefind (its runtime, WASM, any shard's metadata or index chunks), nor any record's text.
    const pagefindFiles = (pattern: RegExp) => fetched.filter((p) => pattern.test(p));
    expect(pagefindFiles(/\.pf_meta$|\/pagefind\.js$|\.pagefind$/)).toEqual([]);
    expect(pagefindFiles(/\.pf_index$/)).toEqual([]);
    expect(pagefindFiles(/facets\.bin\.gz/)).toHaveLength(5);
    expect(fragments()).toEqual([]);
    // The site's one list of facet values, once, from the URL the page preloads.
    expect(pagefindFiles(/facet-values\.json\.gz/)).toEqual(['/imr/pagefind/facet-values.json.gz']);
    // A word is then read from the word lists of the shards that have its group, as the word
    // directory says (in these small shards the file of "zy", listNameLength), and no shard's
    // Pagefind bundle is merged.
    await page.locator('#q').fill('zynex');
    await page.locator('#q').press('Enter');
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('1 item requests “zynex”: 1 upheld, 0 overturned. Listed: 1 disputed item in 1 determination (requests and mentions).');
    expect(pagefindFiles(/\/words\/zyn\.json\.gz/)).toHaveLength(1);
    expect(pagefindFiles(/\/lists\/zy\.bin\.gz/).length).toBeGreaterThan(0);
    expect(pagefindFiles(/\.pf_meta$|\/pagefind\.js$|\.pagefind$/)).toEqual([]);
    // A quoted phrase needs every place: Pagefind loads, merges every shard's bundle and searches them all at once.
    await page.locator('#q').fill('"zynex unit"');
    await page.locator('#q').press('Enter');
    await expect.poll(() => pagefindFiles(/\.pf_meta$/)).toHaveLength(5);
    expect(errors).toEqual([]);
  });

  test('answers where the words are: the request, a mention, the whole letter; by the fields for a region named; scope kept in the URL', async () => {
    const page = await open(root, 'search/');
    await page.locator('#q').pressSequentially('lumbar', { delay: 20 });
    await expect.poll(() => page.locator('#results').getAttribute('data-search')).toBe('complete');
    await expect.poll(() => resultPaths(page)).toHaveLength(2);
    // "lumbar" names a body region: the answer from the fields, linked to the items of that region.
    const fields = page.locator('#search-answer');
    await expect.poll(() => fields.textContent()).toBe('By the items’ fields: Lumbar spine (low back): 2 items, 2 upheld, 0 overturned');
    await expect(fields.locator('a').getAttribute('href')).resolves.toBe('/search/?region=lumbar-spine');
    await expect(page.locator('#search-terms').textContent()).resolves.toBe(
      'Searched for lumbar, also as the body region Lumbar spine (low back).',
    );
    // Each item says where its words are; the body region filter counts the items listed.
    await expect(page.locator('#results .item-where').allTextContents()).resolves.toEqual(['in the request', 'in the request']);
    await expect(
      page.locator('input[data-filter="region"][value="lumbar-spine"]').locator('xpath=..').locator('.count').textContent(),
    ).resolves.toBe('2');
    await expect(
      page.locator('input[data-filter="region"][value="none"]').locator('xpath=..').locator('.count').textContent(),
    ).resolves.toBe('0');
    // The whole letter: the letter whose case summary alone holds the word is listed too, as a letter.
    await page.locator('#scope').selectOption('all');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=lumbar&in=all');
    await expect.poll(() => resultPaths(page)).toHaveLength(3);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '2 items request “lumbar”: 2 upheld, 0 overturned · 1 letter has it only in the letter’s own text. Listed: 2 disputed items in 3 determinations (requests, mentions and letters).',
    );
    // On a phone, the longest choice of the scope select still fits: nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The request scope, from a link: the reader's choice comes back with the page.
    const request = await open(root, 'search/?q=TENS&in=request&outcome=upheld');
    await expect.poll(() => request.locator('#search-status').textContent()).toMatch(/^No item requests “TENS”/);
    await expect(request.locator('#scope').inputValue()).resolves.toBe('request');
    await expect(request.locator('#results > li').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  test('reads the facet tables in its worker, and gives the same answer reading them itself when the worker cannot start', async () => {
    const query = 'search/?q=lumbar&outcome=upheld';
    const answer = async (page: Page) => {
      await expect.poll(() => page.locator('#results').getAttribute('data-search')).toBe('complete');
      return { status: await page.locator('#search-status').textContent(), paths: await resultPaths(page), counts: await counts(page) };
    };
    let workers: SeenWorker[] = [];
    const withWorker = await open(sub, query, undefined, async (page) => void (workers = watchWorkers(page)));
    const read = await answer(withWorker);
    // Started, and still running: the page stops its worker when it fails (facet-reader.ts) and reads the tables itself.
    expect(workers.filter((w) => /\/_astro\/facet-worker[^/]*\.js$/.test(w.url)).map((w) => w.closed)).toEqual([false]);
    expect(read.paths.length).toBeGreaterThan(0);

    // The worker's script not found (a host that lost it): the page reads the tables itself.
    const missing: string[] = [];
    const without = await open(sub, query, undefined, async (page) => {
      await page.route('**/_astro/facet-worker*', (route) => {
        missing.push(route.request().url());
        return route.fulfill({ status: 404 });
      });
    });
    expect(await answer(without)).toEqual(read);
    expect(missing).toHaveLength(1);
    // The browser's own line for the missing script is all it said.
    const said = errors.splice(0);
    expect(said.every((e) => /404/.test(e))).toBe(true);
  });

  test('offers the treatment type the words name as a filter, with its item count, and applies it in one click', async () => {
    const page = await open(root, 'search/?q=TENS');
    const offer = page.locator('#search-suggestions button');
    await expect.poll(() => offer.allTextContents()).toEqual(['Treatment type: TENS / EMS units, 1 item']);
    await offer.click();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=TENS&treatment=tens-ems-unit');
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('1 item requests “TENS”: 0 upheld, 1 overturned. Listed: 1 disputed item in 1 determination (requests and mentions).');
    await expect(page.locator('#search-suggestions').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
  });

  test('shows first results from the newest shard, says the rest is being searched, with no counts, then the complete answer', async () => {
    let held!: Awaited<ReturnType<typeof holdShards>>;
    const page = await open(root, 'search/?q=lumbar', undefined, async (p) => void (held = await holdShards(p, ['2014-2015', '2016'])));
    await expect.poll(() => page.locator('#results').getAttribute('data-search')).toBe('first');
    expect(await resultPaths(page)).toEqual(['/determinations/CM17-0012345/']);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      'So far 1 disputed item in 1 determination matches “lumbar” among the letters decided since February 3, 2017. Searching earlier years…',
    );
    // No count is shown before it is right, and nothing of the other shards arrived.
    expect(new Set(await counts(page))).toEqual(new Set(['']));
    await expect(page.locator('#result-pages').textContent()).resolves.toBe('');
    expect(held.asked.every((p) => /\/pagefind\/(2014-2015|2016)\//.test(p))).toBe(true);

    held.release();
    await expect.poll(() => page.locator('#results').getAttribute('data-search')).toBe('complete');
    // CM15-0045678 holds "lumbar" only in its case summary: a letter, not an item, and not listed in the item scope.
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '2 items request “lumbar”: 2 upheld, 0 overturned · 1 letter has it only in the letter’s own text. Listed: 2 disputed items in 2 determinations (requests and mentions).',
    );
    expect((await resultPaths(page)).sort()).toEqual(['/determinations/CM14-0123456/', '/determinations/CM17-0012345/']);
    await expect(
      page.locator('input[data-filter="outcome"][value="upheld"]').locator('xpath=..').locator('.count').textContent(),
    ).resolves.toBe('2');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=lumbar');
    expect(errors).toEqual([]);
  });

  test('for oldest first, shows first results from the oldest shard and says later years are being searched', async () => {
    let held!: Awaited<ReturnType<typeof holdShards>>;
    const page = await open(root, 'search/?q=lumbar&sort=oldest', undefined, async (p) => void (held = await holdShards(p, ['2016'])));
    await expect.poll(() => page.locator('#results').getAttribute('data-search')).toBe('first');
    expect(await resultPaths(page)).toEqual(['/determinations/CM14-0123456/']);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      'So far 1 disputed item in 1 determination matches “lumbar” among the letters decided up to March 20, 2015. Searching later years…',
    );
    held.release();
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/', '/determinations/CM17-0012345/']);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '2 items request “lumbar”: 2 upheld, 0 overturned · 1 letter has it only in the letter’s own text. Listed: 2 disputed items in 2 determinations (requests and mentions), oldest first.',
    );
    expect(errors).toEqual([]);
  });

  test('on the bulk site (five shards) lists the newest month first, then every letter newest first, and searches everything at once afterwards', async () => {
    let held!: Awaited<ReturnType<typeof holdShards>>;
    const page = await open(
      sub,
      'search/',
      undefined,
      async (p) => void (held = await holdShards(p, ['2014-2017', '2018-01_04', '2018-05_08', '2018-09_11'])),
    );
    await expect.poll(() => page.locator('#results').getAttribute('data-search')).toBe('first');
    // Nine letters: the first five fetched with the search, the others as they near the screen.
    await expect.poll(() => page.locator('#results > li').count()).toBe(9);
    const first = await placedPaths(page);
    expect(first.slice(0, 5)).not.toContain(null);
    const metas = await page.locator('#results .result-meta').allTextContents();
    expect(metas.every((m) => m.startsWith('December '))).toBe(true);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      'So far 18 disputed items in 9 determinations among the letters decided since December 4, 2018. Searching earlier years…',
    );
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { statuses: string[] }).statuses = []);
      new MutationObserver(() => seen.push(document.querySelector('#search-status')?.textContent ?? '')).observe(
        document.querySelector('#search-status')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    held.release();
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('227 disputed items in 115 determinations, newest first. Showing 1–50.');
    // Each result the first answer showed is in the same place in the complete one.
    const complete = await placedPaths(page);
    expect(first.map((path, k) => path && complete[k])).toEqual(first);
    // A later search searches every shard at once: no first answer.
    await page.locator('#q').fill('zynex');
    await page.locator('#q').press('Enter');
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe('1 item requests “zynex”: 1 upheld, 0 overturned. Listed: 1 disputed item in 1 determination (requests and mentions).');
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    expect(statuses.filter((s) => s.startsWith('So far') || s.startsWith('Nothing yet'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('works under a sub-path: the index loads and results link under the base', async () => {
    const page = await open(sub, 'search/?q=zynex');
    await expect.poll(() => resultPaths(page)).toEqual(['/imr/determinations/CM14-0123456/']);
    expect(errors).toEqual([]);
  });

  test('downloads the results as a CSV file: one row per item of the filtered type, with the open data’s columns', async () => {
    const page = await open(sub, 'search/?treatment=tens-ems-unit&sort=oldest');
    await expect.poll(() => resultPaths(page)).toEqual(['/imr/determinations/CM14-0123456/', '/imr/determinations/CM17-0012345/']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these results (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^imr-search-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(readCsv(text)[0]).toEqual(ITEM_HEADER);
    const origin = new URL(page.url()).origin;
    expect(readCsvRecords(text)).toEqual([
      expect.objectContaining({
        determination_id: 'CM14-0123456',
        decided: '2014-10-02',
        item_number: '1',
        request: 'Zynex EMS unit (home use)/purchase for lumbar spine',
        treatment_type: 'TENS / EMS units',
        outcome: 'upheld',
        page_url: `${origin}/imr/determinations/CM14-0123456/#item-1`,
      }),
      expect.objectContaining({
        determination_id: 'CM17-0012345',
        request: 'TENS unit rental for 30 days',
        reviewer_citations: 'MTUS Chronic Pain 2009: TENS, chronic pain',
        claims_administrator_citations: 'MTUS Chronic Pain 2009: pp. 114–116',
        reviewer_specialties: 'Physical Medicine & Rehabilitation',
        page_url: `${origin}/imr/determinations/CM17-0012345/#item-1`,
      }),
    ]);
    await expect.poll(() => page.locator('#csv-note').textContent()).toBe('The file holds 2 matching items from 2 determinations.');
    expect(errors).toEqual([]);
  });
});
